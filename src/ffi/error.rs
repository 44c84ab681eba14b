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
}

impl Handle for temporal_error {
    type Target = ErrorObject;
    const TAG: u64 = 0x7465_6d70_6572_725f; // "temperr_"
    const NAME: &'static str = "error";
}

impl temporal_error {
    pub(crate) fn into_raw(e: Error) -> *mut temporal_error {
        let details = e.details.as_ref().map(|d| to_c_string(d.to_string()));
        into_handle::<temporal_error>(ErrorObject { code: e.code, message: to_c_string(e.message), details })
    }
}

/// The error's code. `TEMPORAL_ERROR_CODE_OK` if `error` is NULL;
/// `TEMPORAL_ERROR_CODE_INVALID_ARGUMENT` if it is not an error object.
///
/// # Safety
/// `error` is NULL or an error returned by this library and not yet freed.
#[no_mangle]
pub unsafe extern "C" fn temporal_error_get_code(error: *const temporal_error) -> ErrorCode {
    boundary(|_| ErrorCode::Internal, || {
        if error.is_null() {
            return ErrorCode::Ok;
        }
        unsafe { handle_ref(error) }.map(|e| e.code).unwrap_or(ErrorCode::InvalidArgument)
    })
}

/// The error's message (UTF-8, never NULL: "" if `error` is NULL or not an error object).
///
/// Borrowed: valid until `temporal_error_free(error)`; do not free it.
///
/// # Safety
/// As `temporal_error_get_code`.
#[no_mangle]
pub unsafe extern "C" fn temporal_error_get_message(error: *const temporal_error) -> *const c_char {
    boundary(|_| c"".as_ptr(), || match unsafe { handle_ref(error) } {
        Ok(e) => e.message.as_ptr(),
        Err(_) => c"".as_ptr(),
    })
}

/// The error's details as a JSON object, or NULL when it has none. Keys by code:
/// `ALREADY_STARTED`: `workflow_id`, `run_id`; `WORKFLOW_FAILED`: `failure` (`message`, `kind`,
/// `type`, `non_retryable`, `details`, `cause`...); `WORKFLOW_TERMINATED`: `reason`;
/// every workflow outcome: `workflow_id`, `run_id`, `workflow_type`; errors from the server:
/// `grpc_code`.
///
/// Borrowed: valid until `temporal_error_free(error)`; do not free it.
///
/// # Safety
/// As `temporal_error_get_code`.
#[no_mangle]
pub unsafe extern "C" fn temporal_error_get_details(error: *const temporal_error) -> *const c_char {
    boundary(|_| std::ptr::null(), || match unsafe { handle_ref(error) } {
        Ok(e) => e.details.as_ref().map_or(std::ptr::null(), |d| d.as_ptr()),
        Err(_) => std::ptr::null(),
    })
}

/// The name of an error code without its prefix, e.g. "NOT_FOUND"; "UNKNOWN" for a value that
/// is not a code. Static: never free it.
#[no_mangle]
pub extern "C" fn temporal_error_code_name(code: i32) -> *const c_char {
    let name: &'static CStr = match code {
        0 => c"OK",
        1 => c"INVALID_ARGUMENT",
        2 => c"NOT_FOUND",
        3 => c"ALREADY_STARTED",
        4 => c"WORKFLOW_FAILED",
        5 => c"WORKFLOW_CANCELED",
        6 => c"WORKFLOW_TERMINATED",
        7 => c"WORKFLOW_TIMED_OUT",
        8 => c"UNAVAILABLE",
        9 => c"DEADLINE_EXCEEDED",
        10 => c"PERMISSION_DENIED",
        11 => c"PAYLOAD",
        12 => c"CANCELED",
        13 => c"RPC",
        14 => c"INTERNAL",
        15 => c"UPDATE_FAILED",
        16 => c"QUERY_FAILED",
        17 => c"SHUTDOWN",
        _ => c"UNKNOWN",
    };
    name.as_ptr()
}
use std::ffi::CStr;

/// Frees an error. NULL is a no-op.
///
/// # Safety
/// `error` is NULL or an error returned by this library; it must not be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn temporal_error_free(error: *mut temporal_error) {
    boundary(|_| (), || drop(unsafe { take_handle(error) }))
}
