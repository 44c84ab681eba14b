//! The library's one error type, shaped after the Go SDK's error values.
//!
//! Every failure that reaches a host is an [`Error`]: a stable [`ErrorCode`], a human message in
//! the Go SDK's wording where one exists, and optional JSON details (run IDs, the failure chain,
//! the gRPC status). Nothing secret (API keys, private keys) is ever put in a message: the
//! connection options that hold secrets are never formatted into one.

use serde_json::{json, Value};
use std::fmt;
use tonic::Code;

/// Stable error codes. The numeric values are part of the C ABI and never change.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// No error.
    Ok = 0,
    /// An argument was missing, malformed or out of range (also: the server rejected a request
    /// as invalid).
    InvalidArgument = 1,
    /// The workflow execution (or namespace) does not exist.
    NotFound = 2,
    /// A workflow with this ID is already running (or the ID reuse policy refused the start) and
    /// the caller asked for an error in that case. The details carry `workflow_id` and `run_id`.
    AlreadyStarted = 3,
    /// The workflow failed. The details carry the failure chain (`failure`).
    WorkflowFailed = 4,
    /// The workflow was canceled.
    WorkflowCanceled = 5,
    /// The workflow was terminated. The details carry the `reason`.
    WorkflowTerminated = 6,
    /// The workflow timed out.
    WorkflowTimedOut = 7,
    /// The server could not be reached, or the connection failed.
    Unavailable = 8,
    /// The call's deadline (or the get-result timeout) passed before it completed.
    DeadlineExceeded = 9,
    /// The server refused the credentials (gRPC UNAUTHENTICATED or PERMISSION_DENIED).
    PermissionDenied = 10,
    /// A payload could not be encoded or decoded (for example an unsupported encoding).
    Payload = 11,
    /// The call was canceled.
    Canceled = 12,
    /// The server answered with another gRPC error; the details carry `grpc_code`.
    Rpc = 13,
    /// A bug or an unexpected state inside the library (including a caught panic).
    Internal = 14,
}

impl ErrorCode {
    /// The code's name as it appears in the header, without the prefix.
    pub fn name(self) -> &'static str {
        match self {
            ErrorCode::Ok => "OK",
            ErrorCode::InvalidArgument => "INVALID_ARGUMENT",
            ErrorCode::NotFound => "NOT_FOUND",
            ErrorCode::AlreadyStarted => "ALREADY_STARTED",
            ErrorCode::WorkflowFailed => "WORKFLOW_FAILED",
            ErrorCode::WorkflowCanceled => "WORKFLOW_CANCELED",
            ErrorCode::WorkflowTerminated => "WORKFLOW_TERMINATED",
            ErrorCode::WorkflowTimedOut => "WORKFLOW_TIMED_OUT",
            ErrorCode::Unavailable => "UNAVAILABLE",
            ErrorCode::DeadlineExceeded => "DEADLINE_EXCEEDED",
            ErrorCode::PermissionDenied => "PERMISSION_DENIED",
            ErrorCode::Payload => "PAYLOAD",
            ErrorCode::Canceled => "CANCELED",
            ErrorCode::Rpc => "RPC",
            ErrorCode::Internal => "INTERNAL",
        }
    }
}

/// An error with a code, a message and optional JSON details.
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    pub code: ErrorCode,
    pub message: String,
    pub details: Option<Value>,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Error { code, message: message.into(), details: None }
    }

    pub fn with_details(mut self, details: Value) -> Self {
        self.details = Some(details);
        self
    }

    pub fn invalid_argument(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidArgument, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Internal, message)
    }

    pub fn deadline_exceeded(what: &str) -> Self {
        Self::new(ErrorCode::DeadlineExceeded, format!("{what}: deadline exceeded"))
    }

    /// Converts a gRPC status from the server (or from the transport) into an error, prefixing
    /// the message with what was being done.
    pub fn from_status(context: &str, status: &tonic::Status) -> Self {
        let code = match status.code() {
            Code::InvalidArgument => ErrorCode::InvalidArgument,
            Code::NotFound => ErrorCode::NotFound,
            Code::AlreadyExists => ErrorCode::AlreadyStarted,
            Code::Unavailable => ErrorCode::Unavailable,
            Code::DeadlineExceeded => ErrorCode::DeadlineExceeded,
            Code::Unauthenticated | Code::PermissionDenied => ErrorCode::PermissionDenied,
            Code::Cancelled => ErrorCode::Canceled,
            _ => ErrorCode::Rpc,
        };
        let message = if status.message().is_empty() {
            format!("{context}: {}", grpc_code_name(status.code()))
        } else {
            format!("{context}: {}", status.message())
        };
        Error::new(code, message)
            .with_details(json!({ "grpc_code": grpc_code_name(status.code()) }))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.code.name())
    }
}

impl std::error::Error for Error {}

/// gRPC code names as the gRPC specification spells them.
pub fn grpc_code_name(code: Code) -> &'static str {
    match code {
        Code::Ok => "OK",
        Code::Cancelled => "CANCELLED",
        Code::Unknown => "UNKNOWN",
        Code::InvalidArgument => "INVALID_ARGUMENT",
        Code::DeadlineExceeded => "DEADLINE_EXCEEDED",
        Code::NotFound => "NOT_FOUND",
        Code::AlreadyExists => "ALREADY_EXISTS",
        Code::PermissionDenied => "PERMISSION_DENIED",
        Code::ResourceExhausted => "RESOURCE_EXHAUSTED",
        Code::FailedPrecondition => "FAILED_PRECONDITION",
        Code::Aborted => "ABORTED",
        Code::OutOfRange => "OUT_OF_RANGE",
        Code::Unimplemented => "UNIMPLEMENTED",
        Code::Internal => "INTERNAL",
        Code::Unavailable => "UNAVAILABLE",
        Code::DataLoss => "DATA_LOSS",
        Code::Unauthenticated => "UNAUTHENTICATED",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_codes_map_to_stable_codes() {
        let e = Error::from_status("start workflow", &tonic::Status::not_found("gone"));
        assert_eq!(e.code, ErrorCode::NotFound);
        assert_eq!(e.message, "start workflow: gone");
        assert_eq!(e.details.unwrap()["grpc_code"], "NOT_FOUND");
        let e = Error::from_status("x", &tonic::Status::resource_exhausted(""));
        assert_eq!(e.code, ErrorCode::Rpc);
        assert_eq!(e.message, "x: RESOURCE_EXHAUSTED");
    }
}
