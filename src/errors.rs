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
    /// The workflow execution, the namespace, or the activity (async completion: no longer
    /// pending, i.e. completed, timed out or its workflow closed, or never scheduled) does not
    /// exist.
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
    /// The call was canceled by the caller (`temporal_call_cancel`) or by a shutdown. A deadline
    /// that passes is never this code: it is `DEADLINE_EXCEEDED`.
    Canceled = 12,
    /// The server answered with another gRPC error; the details carry `grpc_code`.
    Rpc = 13,
    /// A bug or an unexpected state inside the library (including a caught panic).
    Internal = 14,
    /// A workflow update was rejected or its handler failed. The details carry `failure`.
    UpdateFailed = 15,
    /// A query failed in the workflow's handler, or was rejected.
    QueryFailed = 16,
    /// The library was shut down (`temporal_runtime_shutdown`), or is used in a child process
    /// after `fork()`.
    Shutdown = 17,
    /// A query was refused by its reject condition
    /// (`temporal_query_workflow_with_options_async`): the workflow was not in a state the
    /// condition allows. The details carry the workflow's `status` (e.g. "COMPLETED").
    QueryRejected = 18,
    /// What the call would create exists already: a schedule with this ID.
    AlreadyExists = 19,
}

impl ErrorCode {
    /// Every code, in numeric order.
    pub const ALL: [ErrorCode; 20] = [
        ErrorCode::Ok,
        ErrorCode::InvalidArgument,
        ErrorCode::NotFound,
        ErrorCode::AlreadyStarted,
        ErrorCode::WorkflowFailed,
        ErrorCode::WorkflowCanceled,
        ErrorCode::WorkflowTerminated,
        ErrorCode::WorkflowTimedOut,
        ErrorCode::Unavailable,
        ErrorCode::DeadlineExceeded,
        ErrorCode::PermissionDenied,
        ErrorCode::Payload,
        ErrorCode::Canceled,
        ErrorCode::Rpc,
        ErrorCode::Internal,
        ErrorCode::UpdateFailed,
        ErrorCode::QueryFailed,
        ErrorCode::Shutdown,
        ErrorCode::QueryRejected,
        ErrorCode::AlreadyExists,
    ];

    /// The code with this number, if any.
    pub fn from_i32(v: i32) -> Option<ErrorCode> {
        usize::try_from(v).ok().and_then(|i| Self::ALL.get(i)).copied()
    }

    /// The code's name as it appears in the header, without the prefix: the one source of the
    /// names (`temporal_error_code_name` gives them to the bindings).
    pub fn name_c(self) -> &'static std::ffi::CStr {
        match self {
            ErrorCode::Ok => c"OK",
            ErrorCode::InvalidArgument => c"INVALID_ARGUMENT",
            ErrorCode::NotFound => c"NOT_FOUND",
            ErrorCode::AlreadyStarted => c"ALREADY_STARTED",
            ErrorCode::WorkflowFailed => c"WORKFLOW_FAILED",
            ErrorCode::WorkflowCanceled => c"WORKFLOW_CANCELED",
            ErrorCode::WorkflowTerminated => c"WORKFLOW_TERMINATED",
            ErrorCode::WorkflowTimedOut => c"WORKFLOW_TIMED_OUT",
            ErrorCode::Unavailable => c"UNAVAILABLE",
            ErrorCode::DeadlineExceeded => c"DEADLINE_EXCEEDED",
            ErrorCode::PermissionDenied => c"PERMISSION_DENIED",
            ErrorCode::Payload => c"PAYLOAD",
            ErrorCode::Canceled => c"CANCELED",
            ErrorCode::Rpc => c"RPC",
            ErrorCode::Internal => c"INTERNAL",
            ErrorCode::UpdateFailed => c"UPDATE_FAILED",
            ErrorCode::QueryFailed => c"QUERY_FAILED",
            ErrorCode::Shutdown => c"SHUTDOWN",
            ErrorCode::QueryRejected => c"QUERY_REJECTED",
            ErrorCode::AlreadyExists => c"ALREADY_EXISTS",
        }
    }

    pub fn name(self) -> &'static str {
        self.name_c().to_str().expect("ASCII names")
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

    /// Adds one key to the details (making them an object if there were none).
    pub fn with_detail(mut self, key: &str, value: Value) -> Self {
        match &mut self.details {
            Some(Value::Object(map)) => {
                map.insert(key.to_owned(), value);
            }
            _ => self.details = Some(json!({ key: value })),
        }
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
        let code = match http_status_code(status.message()) {
            // A proxy answered with plain HTTP: map its status as the gRPC spec does
            // (doc/http-grpc-status-mapping.md), which tonic only does from trailers.
            Some(401 | 403) => ErrorCode::PermissionDenied,
            Some(429 | 502 | 503 | 504) => ErrorCode::Unavailable,
            Some(_) => ErrorCode::Rpc,
            None => Self::code_for(status),
        };
        let message = if status.message().is_empty() {
            format!("{context}: {}", grpc_code_name(status.code()))
        } else {
            format!("{context}: {}", status.message())
        };
        Error::new(code, message)
            .with_details(json!({ "grpc_code": grpc_code_name(status.code()) }))
    }

    fn code_for(status: &tonic::Status) -> ErrorCode {
        match status.code() {
            // A broken connection surfaces as UNKNOWN "transport error" from tonic.
            Code::Unknown if status.message().contains("transport error") => ErrorCode::Unavailable,
            Code::InvalidArgument => ErrorCode::InvalidArgument,
            Code::NotFound => ErrorCode::NotFound,
            Code::AlreadyExists => ErrorCode::AlreadyStarted,
            Code::Unavailable => ErrorCode::Unavailable,
            Code::DeadlineExceeded => ErrorCode::DeadlineExceeded,
            Code::Unauthenticated | Code::PermissionDenied => ErrorCode::PermissionDenied,
            // tonic enforces the gRPC timeout on the client side too and reports its expiry as
            // CANCELLED "Timeout expired": that is a deadline, not a cancel.
            Code::Cancelled if status.message().contains("Timeout expired") => ErrorCode::DeadlineExceeded,
            // Any other CANCELLED status is the connection's, never the caller's (a
            // temporal_call_cancel ends the call without a status): hyper's "operation was
            // canceled" when a connection closes before the request went out, a server going
            // away. Transient, as the Go SDK treats it; CANCELED stays for the caller's cancel.
            Code::Cancelled => ErrorCode::Unavailable,
            _ => ErrorCode::Rpc,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.code.name())
    }
}

impl std::error::Error for Error {}

/// The HTTP status in tonic's message for a non-gRPC answer ("... while receiving response
/// with status: 401 Unauthorized").
fn http_status_code(message: &str) -> Option<u16> {
    let rest = message.split("response with status: ").nth(1)?;
    rest.get(..3)?.parse().ok()
}

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
    fn codes_round_trip_through_their_numbers() {
        for (i, code) in ErrorCode::ALL.iter().enumerate() {
            assert_eq!(*code as usize, i);
            assert_eq!(ErrorCode::from_i32(i as i32), Some(*code));
        }
        assert_eq!(ErrorCode::from_i32(ErrorCode::ALL.len() as i32), None);
        assert_eq!(ErrorCode::from_i32(-1), None);
    }

    #[test]
    fn status_codes_map_to_stable_codes() {
        let e = Error::from_status("start workflow", &tonic::Status::not_found("gone"));
        assert_eq!(e.code, ErrorCode::NotFound);
        assert_eq!(e.message, "start workflow: gone");
        assert_eq!(e.details.unwrap()["grpc_code"], "NOT_FOUND");
        let e = Error::from_status(
            "connect",
            &tonic::Status::internal("protocol error: received message with invalid compression flag: 60 (valid flags are 0 and 1) while receiving response with status: 401 Unauthorized"),
        );
        assert_eq!(e.code, ErrorCode::PermissionDenied);
        let e = Error::from_status("get", &tonic::Status::unknown("transport error"));
        assert_eq!(e.code, ErrorCode::Unavailable);
        let e = Error::from_status("query workflow", &tonic::Status::cancelled("Timeout expired"));
        assert_eq!(e.code, ErrorCode::DeadlineExceeded);
        // The connection's CANCELLED is never the caller's cancel (which has no status).
        let e = Error::from_status("describe workflow", &tonic::Status::cancelled("operation was canceled"));
        assert_eq!(e.code, ErrorCode::Unavailable);
        assert_eq!(e.message, "describe workflow: operation was canceled");
        assert_eq!(e.details.unwrap()["grpc_code"], "CANCELLED");
        let e = Error::from_status("x", &tonic::Status::resource_exhausted(""));
        assert_eq!(e.code, ErrorCode::Rpc);
        assert_eq!(e.message, "x: RESOURCE_EXHAUSTED");
    }
}
