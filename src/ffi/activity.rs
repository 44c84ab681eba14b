//! Async activity completion from C: `temporal_complete_activity_async`,
//! `temporal_complete_activity_by_id_async`, `temporal_record_activity_heartbeat_async`,
//! `temporal_record_activity_heartbeat_by_id_async` and the `temporal_activity_completion`
//! struct. Arguments are checked and converted on the calling thread; the Temporal logic is in
//! `crate::activity`.

use super::call::{temporal_call, temporal_call_options, CallInput, OpFuture, Output};
use super::client::{client_arg, temporal_client};
use super::operations::{rpc_deadline, start};
use super::{
    boundary, default_struct, error_boundary, optional_str, optional_string, read_struct, required_str, temporal_error,
    write_default, ExtensibleStruct,
};
use crate::activity::{ActivityCompletion, ActivityFailure, ActivityOutcome, ActivityTarget, MAX_TASK_TOKEN_LEN};
use crate::errors::{Error, Result};
use crate::payloads::{args_to_payloads, value_to_payloads};
use std::ffi::c_char;
use std::mem::offset_of;

/// How an activity completed asynchronously ends, the Go SDK's `result` and `err` arguments of
/// `CompleteActivity` in one struct: `outcome` says which of the other fields apply (a field
/// set for another outcome is refused, so a mistake is not silently dropped).
///
/// Initialise with `temporal_activity_completion_default` (outcome COMPLETED, no result).
/// Strings are NUL-terminated UTF-8, borrowed only during the call; NULL means "not set".
/// Extensible: the library reads only the fields inside `size`, and every field's default is
/// its zero value.
#[repr(C)]
pub struct temporal_activity_completion {
    /// `sizeof(temporal_activity_completion)`, set by `temporal_activity_completion_default`.
    pub size: usize,
    /// A `temporal_activity_outcome` value: COMPLETED (0, the default), FAILED or CANCELED.
    pub outcome: i32,
    /// COMPLETED: the result as one JSON value (the Go SDK's `result`), e.g. `"\"done\""` or
    /// `{"n": 1}`. NULL: no result (Go's nil).
    pub result_json: *const c_char,
    /// FAILED: the error message the workflow sees (`ApplicationError.Error()`). NULL: "".
    pub failure_message: *const c_char,
    /// FAILED: the error type (`ApplicationError.Type()`), which a retry policy's
    /// non-retryable types match. NULL: none.
    pub failure_type: *const c_char,
    /// FAILED: true for a non-retryable failure (the server does not retry the activity);
    /// false (default): retried per the activity's retry policy.
    pub failure_non_retryable: bool,
    /// FAILED: the application error's details; CANCELED: the cancellation's details. A JSON
    /// array, one payload per element (as the Go SDK's `details ...any`). NULL: none.
    pub details_json: *const c_char,
}

// SAFETY: repr(C), starts with size, every field is valid as zero; the bool is listed.
unsafe impl ExtensibleStruct for temporal_activity_completion {
    const NAME: &'static str = "temporal_activity_completion";
    const BOOL_FIELDS: &'static [(usize, &'static str)] =
        &[(offset_of!(temporal_activity_completion, failure_non_retryable), "failure_non_retryable")];
}

/// Fills `completion` with the defaults (outcome COMPLETED, no result, every field unset) and
/// sets its `size`.
///
/// `size` is `sizeof(temporal_activity_completion)` as the caller's header defines it: the
/// library writes exactly that many bytes, so a program built with an older, smaller header is
/// safe. Returns false and writes nothing for NULL or a size that cannot be the struct's.
///
/// # Safety
/// `completion` is NULL or valid for writes of `size` bytes.
#[no_mangle]
pub unsafe extern "C" fn temporal_activity_completion_default(
    completion: *mut temporal_activity_completion,
    size: usize,
) -> bool {
    boundary(|| unsafe { write_default(completion, size) })
}

/// Converts the C completion (NULL: completed with no result), its JSON included, once.
///
/// # Safety
/// `completion` is NULL or valid, as every non-NULL pointer in it.
unsafe fn completion_arg(completion: *const temporal_activity_completion) -> Result<ActivityCompletion> {
    let c = unsafe { read_struct(completion) }?.unwrap_or_else(default_struct::<temporal_activity_completion>);
    let outcome = ActivityOutcome::from_i32(c.outcome)
        .map_err(|e| Error::invalid_argument(format!("temporal_activity_completion: {}", e.message)))?;
    let result = unsafe { optional_raw(c.result_json, "result_json") }?;
    let message = unsafe { optional_raw(c.failure_message, "failure_message") }?;
    let error_type = unsafe { optional_raw(c.failure_type, "failure_type") }?;
    let details = unsafe { optional_raw(c.details_json, "details_json") }?;
    // A field of another outcome is a caller's mistake: refuse it rather than drop it.
    let not_for = |set: bool, field: &str, name: &str| -> Result<()> {
        if set {
            return Err(Error::invalid_argument(format!(
                "temporal_activity_completion: {field} is set but the outcome is {name}, which does not use it"
            )));
        }
        Ok(())
    };
    Ok(match outcome {
        ActivityOutcome::Completed => {
            for (value, field) in [(&message, "failure_message"), (&error_type, "failure_type"), (&details, "details_json")] {
                not_for(value.is_some(), field, "COMPLETED")?;
            }
            not_for(c.failure_non_retryable, "failure_non_retryable", "COMPLETED")?;
            ActivityCompletion::Completed(result.map(|r| value_to_payloads("result_json", r)).transpose()?)
        }
        ActivityOutcome::Failed => {
            not_for(result.is_some(), "result_json", "FAILED")?;
            ActivityCompletion::Failed(ActivityFailure {
                message: message.unwrap_or_default().to_owned(),
                error_type: error_type.unwrap_or_default().to_owned(),
                non_retryable: c.failure_non_retryable,
                details: details_payloads(details)?,
            })
        }
        ActivityOutcome::Canceled => {
            for (value, field) in [(&result, "result_json"), (&message, "failure_message"), (&error_type, "failure_type")] {
                not_for(value.is_some(), field, "CANCELED")?;
            }
            not_for(c.failure_non_retryable, "failure_non_retryable", "CANCELED")?;
            ActivityCompletion::Canceled(details_payloads(details)?)
        }
    })
}

/// A string field of the completion: NULL is "not set", "" is a value (an empty message).
///
/// # Safety
/// `ptr` is NULL or a NUL-terminated string.
unsafe fn optional_raw<'a>(ptr: *const c_char, name: &str) -> Result<Option<&'a str>> {
    if ptr.is_null() {
        return Ok(None);
    }
    unsafe { required_str(ptr, name) }.map(Some)
}

fn details_payloads(details: Option<&str>) -> Result<Option<temporalio_common::protos::temporal::api::common::v1::Payloads>> {
    args_to_payloads(details).map_err(|e| Error::invalid_argument(format!("details_json: {}", e.message)))
}

/// The task token argument, copied.
///
/// # Safety
/// `token` is NULL or valid for reads of `len` bytes.
unsafe fn task_token_arg(token: *const u8, len: usize) -> Result<ActivityTarget> {
    if token.is_null() {
        return Err(Error::invalid_argument("task_token must not be NULL"));
    }
    if len > MAX_TASK_TOKEN_LEN {
        return Err(Error::invalid_argument(format!(
            "task_token_len {len} is longer than any task token (at most {MAX_TASK_TOKEN_LEN} bytes)"
        )));
    }
    // SAFETY: non-NULL and readable for `len` bytes per the contract; `len` is bounded above.
    let bytes = unsafe { std::slice::from_raw_parts(token, len) }.to_vec();
    ActivityTarget::task_token(bytes).map_err(|_| {
        Error::invalid_argument(
            "task_token_len is 0: pass the whole task token the activity got (Go: activity.GetInfo(ctx).TaskToken)",
        )
    })
}

/// The ID arguments.
///
/// # Safety
/// Each pointer is NULL or a NUL-terminated string.
unsafe fn by_id_arg(
    namespace_name: *const c_char,
    workflow_id: *const c_char,
    run_id: *const c_char,
    activity_id: *const c_char,
) -> Result<ActivityTarget> {
    let namespace = unsafe { optional_string(namespace_name, "namespace_name") }?;
    let workflow_id = unsafe { required_str(workflow_id, "workflow_id") }?;
    let run_id = unsafe { optional_string(run_id, "run_id") }?;
    let activity_id = unsafe { required_str(activity_id, "activity_id") }?;
    ActivityTarget::by_id(namespace.as_deref(), workflow_id, run_id.as_deref(), activity_id)
}

/// Starts the completion of `target` as `completion` says.
///
/// # Safety
/// As the exported functions.
unsafe fn complete(
    client: *const temporal_client,
    target: impl FnOnce() -> Result<ActivityTarget>,
    completion: *const temporal_activity_completion,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> Result<()> {
    let prepare = |input: &mut CallInput| -> Result<OpFuture> {
        let timeout = input.timeout;
        let client = unsafe { client_arg(client) }?.clone();
        let target = target()?;
        let completion = unsafe { completion_arg(completion) }?;
        let d = rpc_deadline(timeout);
        Ok(Box::pin(async move { client.complete_activity(&target, completion, d).await.map(|()| Output::Unit) }))
    };
    unsafe { start(call_options, call_out, prepare) }
}

/// Starts a heartbeat of `target` with `details_json`.
///
/// # Safety
/// As the exported functions.
unsafe fn heartbeat(
    client: *const temporal_client,
    target: impl FnOnce() -> Result<ActivityTarget>,
    details_json: *const c_char,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> Result<()> {
    let prepare = |input: &mut CallInput| -> Result<OpFuture> {
        let timeout = input.timeout;
        let client = unsafe { client_arg(client) }?.clone();
        let target = target()?;
        let details = args_to_payloads(unsafe { optional_str(details_json, "details_json") }?)?;
        let d = rpc_deadline(timeout);
        Ok(Box::pin(async move {
            client.record_activity_heartbeat(&target, details, d).await.map(|r| Output::Json(r.to_json()))
        }))
    };
    unsafe { start(call_options, call_out, prepare) }
}

/// Completes an activity whose worker left it pending, by its task token: the Go SDK's
/// `CompleteActivity(ctx, taskToken, result, err)`. `task_token` / `task_token_len`: the opaque
/// token the worker got for this attempt (the Go SDK's `activity.GetInfo(ctx).TaskToken`),
/// copied during the call; it must not be empty. `completion`: completed with a result, failed
/// or canceled (see `temporal_activity_completion`); NULL: completed with no result.
///
/// The completed call has no result, only an error or none. An activity that is no longer
/// pending (already completed, timed out, or its workflow closed) is
/// `TEMPORAL_ERROR_CODE_NOT_FOUND` with the server's message; a token the server cannot read is
/// `INVALID_ARGUMENT`; CANCELED before the workflow requested the cancellation is refused by the
/// server (`INVALID_ARGUMENT`). Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s.
///
/// # Safety
/// Pointers are NULL or valid; `task_token` is readable for `task_token_len` bytes; strings
/// NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_complete_activity_async(
    client: *const temporal_client,
    task_token: *const u8,
    task_token_len: usize,
    completion: *const temporal_activity_completion,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| unsafe {
        complete(client, || task_token_arg(task_token, task_token_len), completion, call_options, call_out)
    })
}

/// Completes an activity whose worker left it pending, by its IDs: the Go SDK's
/// `CompleteActivityByID(ctx, namespace, workflowID, runID, activityID, result, err)`.
/// `namespace_name` NULL or "": the client's. `run_id` NULL or "": the workflow's current run.
/// `workflow_id` and `activity_id` are required (the activity ID is the one the workflow's
/// activity options set, or the one the workflow generated: "1", "2", ...). `completion` as in
/// `temporal_complete_activity_async`; the errors are the same, with `workflow_id`, `run_id` and
/// `activity_id` in the details. Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_complete_activity_by_id_async(
    client: *const temporal_client,
    namespace_name: *const c_char,
    workflow_id: *const c_char,
    run_id: *const c_char,
    activity_id: *const c_char,
    completion: *const temporal_activity_completion,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| unsafe {
        complete(client, || by_id_arg(namespace_name, workflow_id, run_id, activity_id), completion, call_options, call_out)
    })
}

/// Records a heartbeat of a pending activity, by its task token: the Go SDK's
/// `RecordActivityHeartbeat(ctx, taskToken, details...)`. `task_token` / `task_token_len` as in
/// `temporal_complete_activity_async`. `details_json`: progress details as a JSON array (one
/// payload per element), or NULL; the activity's next attempt reads the last ones recorded.
///
/// The completed call's JSON is `{"activity_paused": bool, "activity_reset": bool,
/// "cancel_requested": bool}`: `cancel_requested` true means the workflow asked the activity to
/// cancel (where the Go SDK returns a `*CanceledError`): stop, and report it with outcome
/// CANCELED. The errors are those of `temporal_complete_activity_async` (an activity no longer
/// pending is `NOT_FOUND`). Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s.
///
/// # Safety
/// Pointers are NULL or valid; `task_token` is readable for `task_token_len` bytes; strings
/// NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_record_activity_heartbeat_async(
    client: *const temporal_client,
    task_token: *const u8,
    task_token_len: usize,
    details_json: *const c_char,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| unsafe {
        heartbeat(client, || task_token_arg(task_token, task_token_len), details_json, call_options, call_out)
    })
}

/// Records a heartbeat of a pending activity, by its IDs: the Go SDK's
/// `RecordActivityHeartbeatByID(ctx, namespace, workflowID, runID, activityID, details...)`.
/// The IDs as in `temporal_complete_activity_by_id_async`; `details_json` and the completed
/// call's JSON as in `temporal_record_activity_heartbeat_async`. Timeout
/// `TEMPORAL_TIMEOUT_DEFAULT`: 10 s.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_record_activity_heartbeat_by_id_async(
    client: *const temporal_client,
    namespace_name: *const c_char,
    workflow_id: *const c_char,
    run_id: *const c_char,
    activity_id: *const c_char,
    details_json: *const c_char,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| unsafe {
        heartbeat(client, || by_id_arg(namespace_name, workflow_id, run_id, activity_id), details_json, call_options, call_out)
    })
}
