//! The owned error object and its getters.

use super::{boundary, handle_ref, into_handle, take_handle, to_c_string, Handle};
use crate::errors::{Error, ErrorCode};
use std::ffi::{c_char, CString};

/// An error returned by a library call. Opaque; read it with the `temporal_error_get_*`
/// functions and free it with `temporal_error_free`.
pub struct temporal_error {
    _private: [u8; 0],
}

/// What an error handle owns: the strings are kept as C strings so getters can lend them.
pub(crate) struct ErrorObject {
    code: ErrorCode,
    message: CString,
    details: Option<CString>,
    /// Lent by a call (`temporal_call_get_error`): the call frees it, `temporal_error_free`
    /// ignores it.
    lent: bool,
}

impl Handle for temporal_error {
    type Target = ErrorObject;
    const TAG: u64 = 0x7465_6d70_6572_725f; // "temperr_"
    const NAME: &'static str = "error";
}

impl temporal_error {
    pub(crate) fn into_raw(e: Error) -> *mut temporal_error {
        Self::new_raw(e, false)
    }

    /// An error a call keeps and lends; freed with [`free_lent`].
    pub(crate) fn into_lent(e: Error) -> *mut temporal_error {
        Self::new_raw(e, true)
    }

    fn new_raw(e: Error, lent: bool) -> *mut temporal_error {
        let details = e.details.as_ref().map(|d| to_c_string(d.to_string()));
        into_handle::<temporal_error>(ErrorObject { code: e.code, message: to_c_string(e.message), details, lent })
    }
}

/// Takes back an error made by [`temporal_error::into_lent`].
///
/// # Safety
/// `error` came from `into_lent` and is not used afterwards.
pub(crate) unsafe fn take_lent(error: *mut temporal_error) -> Option<ErrorObject> {
    unsafe { take_handle(error) }
}

impl ErrorObject {
    /// Back to an [`Error`] (for a blocking wrapper that returns a call's error as its own).
    pub(crate) fn into_error(self) -> Error {
        let details = self.details.and_then(|d| serde_json::from_str(d.to_str().ok()?).ok());
        Error { code: self.code, message: self.message.into_string().unwrap_or_default(), details }
    }
}

/// The error's code. `TEMPORAL_ERROR_CODE_OK` if `error` is NULL;
/// `TEMPORAL_ERROR_CODE_INVALID_ARGUMENT` if it is not an error object.
///
/// # Safety
/// `error` is NULL or an error returned by this library and not yet freed.
#[no_mangle]
pub unsafe extern "C" fn temporal_error_get_code(error: *const temporal_error) -> ErrorCode {
    boundary(|| {
        if error.is_null() {
            return ErrorCode::Ok;
        }
        unsafe { handle_ref(error) }.map(|e| e.code).unwrap_or(ErrorCode::InvalidArgument)
    })
}

/// The error's message (UTF-8, never NULL: "" if `error` is NULL or not an error object).
///
/// Borrowed: valid until `temporal_error_free(error)` (or, for an error lent by
/// `temporal_call_get_error`, until the call is freed); do not free it.
///
/// # Safety
/// As `temporal_error_get_code`.
#[no_mangle]
pub unsafe extern "C" fn temporal_error_get_message(error: *const temporal_error) -> *const c_char {
    boundary(|| match unsafe { handle_ref(error) } {
        Ok(e) => e.message.as_ptr(),
        Err(_) => c"".as_ptr(),
    })
}

/// The error's details as a JSON object, or NULL when it has none. Keys by code:
/// `ALREADY_STARTED`: `workflow_id`, `run_id`; `WORKFLOW_FAILED`: `failure`, the failure chain
/// (`message`, `kind`, `display` (what the Go SDK's `Error()` prints at that level, its causes
/// included), `type`, `non_retryable`, `details`, `cause`...); `WORKFLOW_TERMINATED`: `reason`;
/// `UPDATE_FAILED`: `update_id`, `failure`; every workflow outcome: `workflow_id`, `run_id`,
/// `workflow_type` and `display` (the cause as the Go SDK's `Error()` prints it: "canceled",
/// "terminated", "Workflow timeout (type: StartToClose)", or the failure chain's text); errors
/// of an async activity completion or heartbeat by ID: `workflow_id`, `run_id`,
/// `activity_id`; errors from the server: `grpc_code`.
///
/// Borrowed: valid as long as the message; do not free it.
///
/// # Safety
/// As `temporal_error_get_code`.
#[no_mangle]
pub unsafe extern "C" fn temporal_error_get_details(error: *const temporal_error) -> *const c_char {
    boundary(|| match unsafe { handle_ref(error) } {
        Ok(e) => e.details.as_ref().map_or(std::ptr::null(), |d| d.as_ptr()),
        Err(_) => std::ptr::null(),
    })
}

/// The name of an error code without its prefix, e.g. "NOT_FOUND"; "UNKNOWN" for a value that
/// is not a code. The one source of the names: bindings ask it rather than keep a copy.
/// Static: never free it.
#[no_mangle]
pub extern "C" fn temporal_error_code_name(code: i32) -> *const c_char {
    boundary(|| ErrorCode::from_i32(code).map_or(c"UNKNOWN", ErrorCode::name_c).as_ptr())
}

/// Frees an error. NULL is a no-op. Only errors the caller owns: not the one
/// `temporal_call_get_error` lends.
///
/// # Safety
/// `error` is NULL or an error returned by this library; it must not be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn temporal_error_free(error: *mut temporal_error) {
    boundary(|| {
        if unsafe { handle_ref(error) }.is_ok_and(|e| !e.lent) {
            drop(unsafe { take_handle(error) })
        }
    })
}
