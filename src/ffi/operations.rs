//! The rest of the client's operations (signal, signal-with-start, query, update, cancel,
//! terminate, describe, list, count, history). Each is one export that checks and converts its
//! arguments on the calling thread (a bad one is returned at once) and starts a call
//! (`call.rs`) that completes in the form the caller chose.

use super::call::{self, temporal_call, temporal_call_options, CallInput, OpFuture, Output};
use super::client::{client_arg, temporal_client};
use super::workflow::{start_options_arg, temporal_start_workflow_options};
use super::{
    boundary, error_boundary, optional_str, optional_string, read_struct, required_str, temporal_error, write_default,
    ExtensibleStruct,
};
use crate::errors::Error;
use crate::operations::TargetOptions;
use crate::client::Client;
use crate::errors::Result;
use crate::options::Timeout;
use crate::payloads::args_to_payloads;
use crate::rpc::DEFAULT_RPC_TIMEOUT;
use std::ffi::c_char;
use std::sync::Arc;
use std::time::Duration;

/// The deadline of one request: the caller's, or the Go SDK's 10 s.
pub(super) fn rpc_deadline(timeout: Timeout) -> Option<Duration> {
    timeout.limit(Some(DEFAULT_RPC_TIMEOUT))
}

/// The common arguments of operations on one workflow execution.
pub(super) struct Target {
    pub client: Arc<Client>,
    pub workflow_id: String,
    pub run_id: Option<String>,
}

pub(super) unsafe fn target(client: *const temporal_client, workflow_id: *const c_char, run_id: *const c_char) -> Result<Target> {
    Ok(Target {
        client: unsafe { client_arg(client) }?.clone(),
        workflow_id: unsafe { required_str(workflow_id, "workflow_id") }?.to_owned(),
        run_id: unsafe { optional_string(run_id, "run_id") }?,
    })
}

/// Reads the call options, prepares the operation with what they give it and starts the call.
///
/// # Safety
/// `call_opts` is NULL or valid.
pub(super) unsafe fn start(
    call_opts: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
    prepare: impl FnOnce(&mut CallInput) -> Result<OpFuture>,
) -> Result<()> {
    unsafe { call::prepare_and_start(call_opts, call_out, prepare) }
}

/// Sends a signal: the Go SDK's `SignalWorkflow`. `run_id` NULL or "": the current run.
/// `args_json`: the signal's arguments as a JSON array, or NULL. Timeout
/// `TEMPORAL_TIMEOUT_DEFAULT`: 10 s. The completed call has no result, only an error or none.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_signal_workflow_async(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    signal_name: *const c_char,
    args_json: *const c_char,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let timeout = input.timeout;
            let t = unsafe { target(client, workflow_id, run_id) }?;
            let name = unsafe { required_str(signal_name, "signal_name") }?.to_owned();
            let args = unsafe { input.args(args_json, "args_json") }?;
            let d = rpc_deadline(timeout);
            Ok(Box::pin(async move {
                t.client.signal_workflow(&t.workflow_id, t.run_id.as_deref(), &name, args, d).await.map(|()| Output::Unit)
            }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// Signals a workflow, starting it first if it is not running: the Go SDK's
/// `SignalWithStartWorkflow`. Take the run that got the signal with `temporal_call_take_run`.
/// Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_signal_with_start_workflow_async(
    client: *const temporal_client,
    signal_name: *const c_char,
    signal_args_json: *const c_char,
    workflow_type: *const c_char,
    args_json: *const c_char,
    options: *const temporal_start_workflow_options,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let timeout = input.timeout;
            let client = unsafe { client_arg(client) }?.clone();
            let name = unsafe { required_str(signal_name, "signal_name") }?.to_owned();
            let signal_args = unsafe { input.args(signal_args_json, "signal_args_json") }?;
            let workflow_type = unsafe { required_str(workflow_type, "workflow_type") }?.to_owned();
            let args = unsafe { input.workflow_args(args_json, "args_json") }?;
            let options = unsafe { start_options_arg(options) }?;
            let d = rpc_deadline(timeout);
            Ok(Box::pin(async move {
                client.signal_with_start_workflow(&name, signal_args, &workflow_type, args, &options, d).await.map(Output::Run)
            }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// Queries a workflow: the Go SDK's `QueryWorkflow`. The completed call's JSON is the handler's
/// answer. A failing or rejected query is `TEMPORAL_ERROR_CODE_QUERY_FAILED`; a query that gets
/// no answer within the timeout (`TEMPORAL_TIMEOUT_DEFAULT`: 10 s) is `DEADLINE_EXCEEDED`.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_query_workflow_async(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    query_type: *const c_char,
    args_json: *const c_char,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let timeout = input.timeout;
            let t = unsafe { target(client, workflow_id, run_id) }?;
            let query = unsafe { required_str(query_type, "query_type") }?.to_owned();
            let form = input.result_form();
            let args = unsafe { input.args(args_json, "args_json") }?;
            let d = rpc_deadline(timeout);
            Ok(Box::pin(async move {
                t.client.query_workflow(&t.workflow_id, t.run_id.as_deref(), &query, args, d, form).await.map(Output::from)
            }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// Sends an update and waits for its result: the Go SDK's `UpdateWorkflow` with
/// `WaitForStage: Completed`. `update_id` NULL or "": a new UUID, which the completed call gives
/// with `temporal_call_get_update_id`. The completed call's JSON is the handler's result. A
/// rejected or failed update is `TEMPORAL_ERROR_CODE_UPDATE_FAILED` with `update_id` and
/// `failure` in the details. Timeout `TEMPORAL_TIMEOUT_DEFAULT`: no limit, as waiting for a
/// workflow.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_update_workflow_async(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    update_name: *const c_char,
    update_id: *const c_char,
    args_json: *const c_char,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let timeout = input.timeout;
            let t = unsafe { target(client, workflow_id, run_id) }?;
            let name = unsafe { required_str(update_name, "update_name") }?.to_owned();
            let update_id = unsafe { optional_string(update_id, "update_id") }?;
            let form = input.result_form();
            let args = unsafe { input.args(args_json, "args_json") }?;
            let d = timeout.limit(None);
            Ok(Box::pin(async move {
                t.client
                    .update_workflow(&t.workflow_id, t.run_id.as_deref(), &name, update_id.as_deref(), args, d, form)
                    .await
                    .map(Output::Update)
            }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// Requests cancellation: the Go SDK's `CancelWorkflow` (the workflow decides how to stop).
/// Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s. The completed call has no result.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_cancel_workflow_async(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let timeout = input.timeout;
            let t = unsafe { target(client, workflow_id, run_id) }?;
            let d = rpc_deadline(timeout);
            Ok(Box::pin(async move { t.client.cancel_workflow(&t.workflow_id, t.run_id.as_deref(), d).await.map(|()| Output::Unit) }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// Terminates a workflow: the Go SDK's `TerminateWorkflow`. `reason` may be NULL;
/// `details_json` is a JSON array or NULL. Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s. The
/// completed call has no result.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_terminate_workflow_async(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    reason: *const c_char,
    details_json: *const c_char,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let timeout = input.timeout;
            let t = unsafe { target(client, workflow_id, run_id) }?;
            let reason = unsafe { optional_string(reason, "reason") }?.unwrap_or_default();
            let details = args_to_payloads(unsafe { optional_str(details_json, "details_json") }?)?;
            let d = rpc_deadline(timeout);
            Ok(Box::pin(async move {
                t.client.terminate_workflow(&t.workflow_id, t.run_id.as_deref(), &reason, details, d).await.map(|()| Output::Unit)
            }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// The Go SDK's `CancelWorkflowOptions` / `TerminateWorkflowOptions`: which execution, and why.
/// Initialise with `temporal_workflow_target_options_default`.
///
/// Extensible: `size` is set by the `_default` function, and the library reads only the fields
/// inside it; fields a newer header adds take their defaults (zero).
#[repr(C)]
pub struct temporal_workflow_target_options {
    /// `sizeof(temporal_workflow_target_options)`, set by the `_default` function.
    pub size: usize,
    /// The Workflow ID (required).
    pub workflow_id: *const c_char,
    /// The Run ID; NULL or "": the current run.
    pub run_id: *const c_char,
    /// The Run ID of the first execution of the chain: the current run must belong to that
    /// chain, or the server refuses (`NOT_FOUND`). NULL or "": any.
    pub first_execution_run_id: *const c_char,
    /// Why (recorded in the history; shown in the UI). NULL: none.
    pub reason: *const c_char,
    /// Terminate only: details as a JSON array, one payload each (through the payload codec).
    /// NULL: none. Refused by cancel.
    pub details_json: *const c_char,
}

// SAFETY: repr(C), starts with size, every field is valid as zero (NULL pointers).
unsafe impl ExtensibleStruct for temporal_workflow_target_options {
    const NAME: &'static str = "temporal_workflow_target_options";
}

/// Fills `options` with the defaults (every field zero) and sets its `size`. Returns false and
/// writes nothing for NULL or a size that cannot be the struct's.
///
/// # Safety
/// `options` is NULL or valid for writes of `size` bytes.
#[no_mangle]
pub unsafe extern "C" fn temporal_workflow_target_options_default(
    options: *mut temporal_workflow_target_options,
    size: usize,
) -> bool {
    boundary(|| unsafe { write_default(options, size) })
}

/// The target options, checked: the execution, why, and the details' JSON (not converted).
///
/// # Safety
/// `options` is NULL or valid; its strings NUL-terminated.
unsafe fn target_options_arg(
    options: *const temporal_workflow_target_options,
) -> Result<(TargetOptions, Option<String>)> {
    let Some(o) = (unsafe { read_struct(options) })? else {
        return Err(Error::invalid_argument("options must not be NULL (workflow_id is required)"));
    };
    let s = |p, name| unsafe { optional_string(p, name) };
    let workflow_id = unsafe { required_str(o.workflow_id, "options.workflow_id") }?.to_owned();
    let target = TargetOptions {
        workflow_id,
        run_id: s(o.run_id, "options.run_id")?,
        first_execution_run_id: s(o.first_execution_run_id, "options.first_execution_run_id")?.unwrap_or_default(),
        reason: s(o.reason, "options.reason")?.unwrap_or_default(),
    };
    Ok((target, s(o.details_json, "options.details_json")?))
}

/// Requests cancellation with options: the Go SDK's `CancelWorkflowWithOptions` (a reason, a
/// first execution Run ID). `options` is required (`workflow_id` set; `details_json` refused).
/// Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s. The completed call has no result.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_cancel_workflow_with_options_async(
    client: *const temporal_client,
    options: *const temporal_workflow_target_options,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let client = unsafe { client_arg(client) }?.clone();
            let (target, details) = unsafe { target_options_arg(options) }?;
            if details.is_some() {
                return Err(Error::invalid_argument("options.details_json: a cancel request has no details"));
            }
            let d = rpc_deadline(input.timeout);
            Ok(Box::pin(async move { client.cancel_workflow_with_options(&target, d).await.map(|()| Output::Unit) }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// Terminates with options: the Go SDK's `TerminateWorkflowWithOptions` (a reason, details, a
/// first execution Run ID). `options` is required (`workflow_id` set). Timeout
/// `TEMPORAL_TIMEOUT_DEFAULT`: 10 s. The completed call has no result.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_terminate_workflow_with_options_async(
    client: *const temporal_client,
    options: *const temporal_workflow_target_options,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let client = unsafe { client_arg(client) }?.clone();
            let (target, details_json) = unsafe { target_options_arg(options) }?;
            let details = args_to_payloads(details_json.as_deref())
                .map_err(|e| Error::invalid_argument(format!("options.details_json: {}", e.message)))?;
            let d = rpc_deadline(input.timeout);
            Ok(Box::pin(async move {
                client.terminate_workflow_with_options(&target, details, d).await.map(|()| Output::Unit)
            }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// Describes an execution: the Go SDK's `DescribeWorkflowExecution`. The completed call's JSON
/// is an object with `workflow_id`, `run_id`, `workflow_type`, `task_queue`, `status` (e.g.
/// "RUNNING", "COMPLETED"), `start_time`, `execution_time`, `close_time` (RFC 3339 or null),
/// `history_length`, `memo`, `search_attributes`, `parent_workflow_id` and `parent_run_id` (a
/// child's parent, else null), and the counts `pending_activities`, `pending_children` and
/// `callbacks`. `temporal_call_get_bytes` gives the `DescribeWorkflowExecutionResponse`
/// message (temporal.api.workflowservice.v1, after the client's payload codec decoded it),
/// protobuf-encoded; the call owns the bytes. Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_describe_workflow_execution_async(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let timeout = input.timeout;
            let t = unsafe { target(client, workflow_id, run_id) }?;
            let d = rpc_deadline(timeout);
            Ok(Box::pin(async move {
                let (json, proto) = t.client.describe_workflow_execution(&t.workflow_id, t.run_id.as_deref(), d).await?;
                Ok(Output::JsonAndProto(json, proto))
            }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// Lists executions matching a visibility query (NULL or "": all), one page at a time: the
/// Go SDK's `ListWorkflow`. `page_size` 0: the server's default. `page_token` NULL or "" for
/// the first page. The completed call's JSON is `{"executions": [...], "next_page_token":
/// "..."}` (each execution as in `temporal_describe_workflow_execution_async`; an empty token
/// means no more pages). `temporal_call_get_bytes` gives the `ListWorkflowExecutionsResponse`
/// message (after the client's payload codec decoded it), protobuf-encoded; the call owns the
/// bytes. Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_list_workflow_async(
    client: *const temporal_client,
    query: *const c_char,
    page_size: i32,
    page_token: *const c_char,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let timeout = input.timeout;
            let client = unsafe { client_arg(client) }?.clone();
            let query = unsafe { optional_string(query, "query") }?.unwrap_or_default();
            let token = unsafe { optional_string(page_token, "page_token") }?.unwrap_or_default();
            crate::operations::check_page_request(page_size, &token)?;
            let d = rpc_deadline(timeout);
            Ok(Box::pin(async move {
                let (json, proto) = client.list_workflow(&query, page_size, &token, d).await?;
                Ok(Output::JsonAndProto(json, proto))
            }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// Counts executions matching a visibility query (NULL or "": all): the Go SDK's
/// `CountWorkflow`. Read the count with `temporal_call_get_count`; the completed call's JSON is
/// `{"count": N, "groups": [{"group_values": [...], "count": N}, ...]}` (groups only for a
/// `GROUP BY` query); `temporal_call_get_bytes` gives the `CountWorkflowExecutionsResponse`
/// message, protobuf-encoded (the call owns the bytes). Timeout `TEMPORAL_TIMEOUT_DEFAULT`:
/// 10 s.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_count_workflow_async(
    client: *const temporal_client,
    query: *const c_char,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let timeout = input.timeout;
            let client = unsafe { client_arg(client) }?.clone();
            let query = unsafe { optional_string(query, "query") }?.unwrap_or_default();
            let d = rpc_deadline(timeout);
            Ok(Box::pin(async move { client.count_workflow(&query, d).await.map(Output::Count) }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// The whole event history of a run (NULL run ID: the current run): the Go SDK's
/// `GetWorkflowHistory`. The completed call's JSON is `{"events": [...]}`, the proto's JSON
/// form. The timeout bounds the whole fetch (`TEMPORAL_TIMEOUT_DEFAULT`: 10 s).
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_get_workflow_history_async(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let timeout = input.timeout;
            let t = unsafe { target(client, workflow_id, run_id) }?;
            let d = rpc_deadline(timeout);
            Ok(Box::pin(async move {
                t.client.get_workflow_history(&t.workflow_id, t.run_id.as_deref(), d).await.map(Output::Json)
            }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}
