//! Update handles and update-with-start: `temporal_start_update_async` (the Go SDK's
//! `UpdateWorkflow`), `temporal_get_workflow_update_handle` (`GetWorkflowUpdateHandle`),
//! `temporal_update_with_start_workflow_async` (`UpdateWithStartWorkflow`) and the
//! `temporal_update_handle`. The logic is in `crate::update`; this file converts the pointers.

use super::call::{temporal_call, temporal_call_options, CallInput, OpFuture, Output};
use super::client::{client_arg, temporal_client};
use super::operations::start;
use super::workflow::{start_options_arg, temporal_start_workflow_options};
use super::{
    boundary, check_out, default_struct, error_boundary, handle_ref, into_handle, optional_str, optional_string,
    read_struct, required_str, take_handle, temporal_error, to_c_string, write_default, ExtensibleStruct, Handle,
};
use crate::errors::Result;
use crate::operations::UpdateResult;
use crate::update::{check_with_start_options, UpdateHandle, UpdateOptions, UpdateStage, UpdateStart};
use std::ffi::{c_char, CString};
use std::sync::Arc;

/// Options of an update start, the Go SDK's `client.UpdateWorkflowOptions` (the target, name
/// and arguments are the function's own arguments).
///
/// Initialise with `temporal_update_options_default`, then set `wait_for_stage`: it is required,
/// as in the Go SDK. Strings are NUL-terminated UTF-8, borrowed only during the call; NULL or ""
/// means "not set". Extensible: the library reads only the fields inside `size`, and every
/// field's default is its zero value.
#[repr(C)]
pub struct temporal_update_options {
    /// `sizeof(temporal_update_options)`, set by `temporal_update_options_default`.
    pub size: usize,
    /// The update ID, which makes the update idempotent (a second start with the same ID gets
    /// the same update). Not set: a new UUID, which the completed call and the handle give.
    pub update_id: *const c_char,
    /// A `temporal_update_stage`: what the start waits for, `TEMPORAL_UPDATE_STAGE_ACCEPTED`
    /// (the validator accepted it) or `TEMPORAL_UPDATE_STAGE_COMPLETED` (the handler finished).
    /// Required: 0 (`TEMPORAL_UPDATE_STAGE_UNSPECIFIED`) is refused with `INVALID_ARGUMENT`, as
    /// the Go SDK refuses an unset `WaitForStage`; `ADMITTED` is refused as in Go.
    pub wait_for_stage: i32,
    /// The Run ID the workflow's chain must start with (the Go SDK's `FirstExecutionRunID`);
    /// the update is refused if the Workflow ID now names another chain. Not set: any.
    pub first_execution_run_id: *const c_char,
}

// SAFETY: repr(C), starts with size, every field is valid as zero (NULL pointers, 0).
unsafe impl ExtensibleStruct for temporal_update_options {
    const NAME: &'static str = "temporal_update_options";
}

/// Fills `options` with the defaults (every field zero: `wait_for_stage` must still be set) and
/// sets its `size`.
///
/// `size` is `sizeof(temporal_update_options)` as the caller's header defines it: the library
/// writes exactly that many bytes, so a program built with an older, smaller header is safe.
/// Returns false and writes nothing for NULL or a size that cannot be the struct's.
///
/// # Safety
/// `options` is NULL or valid for writes of `size` bytes.
#[no_mangle]
pub unsafe extern "C" fn temporal_update_options_default(options: *mut temporal_update_options, size: usize) -> bool {
    boundary(|| unsafe { write_default(options, size) })
}

/// Converts the C update options (NULL: the defaults, whose unset stage is refused).
///
/// # Safety
/// `options` is NULL or valid, as every non-NULL pointer in it.
unsafe fn update_options_arg(options: *const temporal_update_options) -> Result<UpdateOptions> {
    let o = unsafe { read_struct(options) }?.unwrap_or_else(default_struct);
    Ok(UpdateOptions {
        update_id: unsafe { optional_string(o.update_id, "update_options.update_id") }?,
        wait_for_stage: UpdateStage::from_i32(o.wait_for_stage)?,
        first_execution_run_id: unsafe { optional_string(o.first_execution_run_id, "update_options.first_execution_run_id") }?
            .unwrap_or_default(),
    })
}

/// An update of a workflow: its update ID, Workflow ID and Run ID, and its result on demand; the
/// Go SDK's `client.WorkflowUpdateHandle`. Thread-safe. Opaque; free with
/// `temporal_update_handle_free`.
pub struct temporal_update_handle {
    _private: [u8; 0],
}

/// What an update handle owns: the handle, and its IDs as C strings for the getters to lend.
pub(crate) struct UpdateHandleObject {
    handle: Arc<UpdateHandle>,
    update_id: CString,
    workflow_id: CString,
    run_id: CString,
}

impl Handle for temporal_update_handle {
    type Target = UpdateHandleObject;
    const TAG: u64 = 0x7465_6d70_7570_6468; // "tempupdh"
    const NAME: &'static str = "update handle";
}

impl temporal_update_handle {
    pub(crate) fn into_raw(handle: UpdateHandle) -> *mut temporal_update_handle {
        into_handle::<temporal_update_handle>(UpdateHandleObject {
            update_id: to_c_string(handle.update_id()),
            workflow_id: to_c_string(handle.workflow_id()),
            run_id: to_c_string(handle.run_id()),
            handle: Arc::new(handle),
        })
    }
}

/// Sends an update and completes once it reached the stage `options->wait_for_stage` names:
/// the Go SDK's `UpdateWorkflow`. Take the update's handle with
/// `temporal_call_take_update_handle` (and its ID with `temporal_call_get_update_id`); the
/// handle's `temporal_update_handle_get_result_async` gives the result, at once for a start that
/// waited for `COMPLETED`.
///
/// `workflow_id`: required. `run_id`: NULL or "" for the current run. `update_name`: the
/// handler's name (required). `args_json`: the arguments as a JSON array, or NULL. `options`:
/// required in effect, since `wait_for_stage` must be set (NULL is refused as an unset stage).
/// As in the Go SDK, an update the validator rejects is not this call's error: the call
/// completes with a handle whose result is `TEMPORAL_ERROR_CODE_UPDATE_FAILED`. This call's
/// errors are the server's (`NOT_FOUND` for a workflow that is not running, ...). Timeout
/// `TEMPORAL_TIMEOUT_DEFAULT`: no limit, as waiting for a workflow.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_start_update_async(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    update_name: *const c_char,
    args_json: *const c_char,
    options: *const temporal_update_options,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let timeout = input.timeout;
            let client = unsafe { client_arg(client) }?.clone();
            let workflow_id = unsafe { required_str(workflow_id, "workflow_id") }?;
            if workflow_id.is_empty() {
                return Err(crate::errors::Error::invalid_argument("workflow ID is required"));
            }
            let run_id = unsafe { optional_str(run_id, "run_id") }?;
            let name = unsafe { required_str(update_name, "update_name") }?;
            let args = unsafe { input.args(args_json, "args_json") }?;
            let options = unsafe { update_options_arg(options) }?;
            let start = UpdateStart::new(workflow_id, run_id, name, args, options)?;
            let d = timeout.limit(None);
            Ok(Box::pin(async move { client.start_update(start, d).await.map(Output::UpdateHandle) }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// A handle for an update another process started: the Go SDK's `GetWorkflowUpdateHandle`.
/// Makes no call to the server and never blocks; an unknown update is found out by the result
/// wait (`NOT_FOUND`).
///
/// `workflow_id` and `update_id`: required. `run_id`: NULL or "" for the current run. On success
/// writes a new handle to `*handle_out` (caller owns it: `temporal_update_handle_free`) and
/// returns NULL; on failure returns an error (caller owns it) and leaves `*handle_out` untouched.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_get_workflow_update_handle(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    update_id: *const c_char,
    handle_out: *mut *mut temporal_update_handle,
) -> *mut temporal_error {
    error_boundary(|| {
        let client = unsafe { client_arg(client) }?;
        let workflow_id = unsafe { required_str(workflow_id, "workflow_id") }?;
        let run_id = unsafe { optional_str(run_id, "run_id") }?;
        let update_id = unsafe { required_str(update_id, "update_id") }?;
        check_out(handle_out, "handle_out")?;
        crate::runtime::ensure_usable()?;
        let handle = client.get_update_handle(workflow_id, run_id, update_id)?;
        // SAFETY: checked non-NULL above.
        unsafe { handle_out.write(temporal_update_handle::into_raw(handle)) };
        Ok(())
    })
}

/// Waits for the update's result: the Go SDK's `WorkflowUpdateHandle.Get`. The completed call's
/// JSON (`temporal_call_get_json`) is the handler's result (decoded as
/// `temporal_get_result_async` decodes a workflow's), and `temporal_call_get_update_id` the
/// update's ID, also when it failed. A rejected or failed update is
/// `TEMPORAL_ERROR_CODE_UPDATE_FAILED` with `workflow_id`, `update_id` and `failure` in the
/// details; an unknown update is `NOT_FOUND`. For a handle from a start that waited for
/// `COMPLETED` it completes at once, with no call to the server; otherwise it long-polls the
/// server, as the Go SDK does, for as long as the update runs. Any number of waits may run at
/// once. Timeout `TEMPORAL_TIMEOUT_DEFAULT`: no limit, as waiting for a workflow; a timeout that
/// passes is `DEADLINE_EXCEEDED` and leaves the update running.
///
/// # Safety
/// Pointers are NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn temporal_update_handle_get_result_async(
    handle: *const temporal_update_handle,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let timeout = input.timeout;
            let handle = unsafe { handle_ref(handle) }?.handle.clone();
            let d = timeout.limit(None);
            let form = input.result_form();
            Ok(Box::pin(async move {
                let result = handle.get_result_as(d, form).await?;
                Ok(Output::Update(UpdateResult { update_id: handle.update_id().to_owned(), result }))
            }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// The update ID (the Go SDK's `UpdateID()`). Borrowed: valid until the handle is freed. NULL
/// if `handle` is NULL or not an update handle.
///
/// # Safety
/// `handle` is NULL or a live update handle.
#[no_mangle]
pub unsafe extern "C" fn temporal_update_handle_get_id(handle: *const temporal_update_handle) -> *const c_char {
    boundary(|| unsafe { handle_ref(handle) }.map_or(std::ptr::null(), |h| h.update_id.as_ptr()))
}

/// The Workflow ID of the update (the Go SDK's `WorkflowID()`). Borrowed: valid until the
/// handle is freed. NULL if `handle` is NULL or not an update handle.
///
/// # Safety
/// `handle` is NULL or a live update handle.
#[no_mangle]
pub unsafe extern "C" fn temporal_update_handle_get_workflow_id(handle: *const temporal_update_handle) -> *const c_char {
    boundary(|| unsafe { handle_ref(handle) }.map_or(std::ptr::null(), |h| h.workflow_id.as_ptr()))
}

/// The Run ID of the update (the Go SDK's `RunID()`): the run the server named when the update
/// started; for a handle by ID, the Run ID given ("" if none). Borrowed: valid until the handle
/// is freed. NULL if `handle` is NULL or not an update handle.
///
/// # Safety
/// `handle` is NULL or a live update handle.
#[no_mangle]
pub unsafe extern "C" fn temporal_update_handle_get_run_id(handle: *const temporal_update_handle) -> *const c_char {
    boundary(|| unsafe { handle_ref(handle) }.map_or(std::ptr::null(), |h| h.run_id.as_ptr()))
}

/// Frees an update handle. NULL is a no-op. Result waits already started on it go on; the
/// update itself is not affected. Free it only when no other thread is inside a call that takes
/// this handle.
///
/// # Safety
/// `handle` is NULL or an update handle from this library not yet freed.
#[no_mangle]
pub unsafe extern "C" fn temporal_update_handle_free(handle: *mut temporal_update_handle) {
    boundary(|| drop(unsafe { take_handle(handle) }))
}

/// Sends an update to a workflow, starting the workflow first if needed, in one request: the
/// Go SDK's `UpdateWithStartWorkflow` with a `NewWithStartWorkflowOperation`. Completes once the
/// update reached `update_options->wait_for_stage`; the completed call gives both the run
/// (`temporal_call_take_run`: the run started, or with `USE_EXISTING` the one already running)
/// and the update's handle (`temporal_call_take_update_handle`).
///
/// `update_name` (required), `update_args_json` (a JSON array or NULL) and `update_options`
/// (`wait_for_stage` required) as for `temporal_start_update_async`; the update goes to the
/// start's Workflow ID. `workflow_type`, `args_json` and `start_options` as for
/// `temporal_execute_workflow_async`, except that `start_options->id_conflict_policy` must be
/// set (`INVALID_ARGUMENT` before any request otherwise, as the Go SDK requires it) and
/// `error_when_already_started` is ignored (as in Go). Start options with no `id` get a UUID as the Workflow ID.
/// A refused start or update is the server's error, its message starting "failed workflow
/// start" or "failed workflow update" as Go's (`ALREADY_STARTED` with `run_id` in the details
/// for `FAIL` on a running workflow). Timeout `TEMPORAL_TIMEOUT_DEFAULT`: no limit.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_update_with_start_workflow_async(
    client: *const temporal_client,
    update_name: *const c_char,
    update_args_json: *const c_char,
    update_options: *const temporal_update_options,
    workflow_type: *const c_char,
    args_json: *const c_char,
    start_options: *const temporal_start_workflow_options,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let timeout = input.timeout;
            let client = unsafe { client_arg(client) }?.clone();
            let name = unsafe { required_str(update_name, "update_name") }?;
            let update_args = unsafe { input.args(update_args_json, "update_args_json") }?;
            let update_options = unsafe { update_options_arg(update_options) }?;
            let workflow_type = unsafe { required_str(workflow_type, "workflow_type") }?.to_owned();
            if workflow_type.is_empty() {
                return Err(crate::errors::Error::invalid_argument("workflow type is required"));
            }
            let args = unsafe { input.workflow_args(args_json, "args_json") }?;
            let options = unsafe { start_options_arg(start_options) }?;
            check_with_start_options(&options)?;
            // The Workflow ID is the start's: filled in by the operation (it may generate one).
            let update = UpdateStart::new("", None, name, update_args, update_options)?;
            let d = timeout.limit(None);
            Ok(Box::pin(async move {
                client
                    .update_with_start_workflow(update, &workflow_type, args, &options, d)
                    .await
                    .map(Output::UpdateWithStart)
            }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}
