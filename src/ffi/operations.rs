//! The rest of the client's operations (signal, signal-with-start, query, update, cancel,
//! terminate, describe, list, count, history) and the async forms of every call, start and
//! get-result included. Each operation is prepared once (arguments checked and copied on the
//! calling thread) into a future that the blocking form waits for and the `_async` form hands
//! to `spawn_call`.

use super::call::{spawn_call, temporal_call, temporal_callback, OpFuture, Output};
use super::client::{client_arg, temporal_client};
use super::workflow::{start_options_from_c, temporal_start_workflow_options, temporal_workflow_run};
use super::{check_out, error_boundary, optional_str, required_str, temporal_error, to_c_string};
use crate::errors::{Error, Result};
use crate::options::duration_from_millis;
use crate::runtime::block_on;
use std::ffi::{c_char, c_void};
use std::time::Duration;

fn owned(s: Option<&str>) -> Option<String> {
    s.map(str::to_owned)
}

/// Checks a JSON argument list on the calling thread, so an `_async` call reports it at once
/// instead of through the callback.
fn checked_args(args_json: Option<&str>) -> Result<Option<String>> {
    crate::payloads::args_to_payloads(args_json)?;
    Ok(owned(args_json))
}

/// `deadline_ms` 0 means "the operation's default".
fn deadline(ms: u64) -> Result<Option<Duration>> {
    let d = duration_from_millis("deadline_ms", ms)?;
    Ok((!d.is_zero()).then_some(d))
}

/// Waits for a prepared operation and writes its JSON result to `out`.
///
/// # Safety
/// `out` is valid for a write (checked non-NULL by the caller before preparing).
pub(crate) unsafe fn block_json(future: OpFuture, out: *mut *mut c_char) -> Result<()> {
    match block_on(future)? {
        Output::Json(text) => unsafe { out.write(to_c_string(text).into_raw()) },
        _ => return Err(Error::internal("operation returned no JSON")),
    }
    Ok(())
}

/// Waits for a prepared operation and writes its run to `out`.
///
/// # Safety
/// As `block_json`.
pub(crate) unsafe fn block_run(future: OpFuture, out: *mut *mut temporal_workflow_run) -> Result<()> {
    match block_on(future)? {
        Output::Run(run) => unsafe { out.write(temporal_workflow_run::into_raw(run)) },
        _ => return Err(Error::internal("operation returned no run")),
    }
    Ok(())
}

// ---------------------------------------------------------------------------- preparation

pub(crate) unsafe fn prepare_execute(
    client: *const temporal_client,
    workflow_type: *const c_char,
    args_json: *const c_char,
    options: *const temporal_start_workflow_options,
) -> Result<OpFuture> {
    let client = unsafe { client_arg(client) }?.clone();
    let workflow_type = unsafe { required_str(workflow_type, "workflow_type") }?.to_owned();
    // Converted once, here: the hot path of every start.
    let input = crate::payloads::args_to_payloads(unsafe { optional_str(args_json, "args_json") }?)?;
    if options.is_null() {
        return Err(Error::invalid_argument("options must not be NULL (task_queue is required)"));
    }
    let options = unsafe { start_options_from_c(&*options) }?;
    options.validate()?;
    Ok(Box::pin(async move {
        client.execute_workflow_with_input(&workflow_type, input, &options).await.map(Output::Run)
    }))
}

pub(crate) unsafe fn prepare_get_result(run: *const temporal_workflow_run, timeout_ms: u64) -> Result<OpFuture> {
    let run = super::workflow::run_arg(run)?;
    let timeout = duration_from_millis("timeout_ms", timeout_ms)?;
    let timeout = (!timeout.is_zero()).then_some(timeout);
    Ok(Box::pin(async move { run.get_result(timeout).await.map(Output::Json) }))
}

/// The common arguments of operations on one workflow execution.
struct Target {
    client: std::sync::Arc<crate::client::Client>,
    workflow_id: String,
    run_id: Option<String>,
}

unsafe fn target(client: *const temporal_client, workflow_id: *const c_char, run_id: *const c_char) -> Result<Target> {
    Ok(Target {
        client: unsafe { client_arg(client) }?.clone(),
        workflow_id: unsafe { required_str(workflow_id, "workflow_id") }?.to_owned(),
        run_id: owned(unsafe { optional_str(run_id, "run_id") }?),
    })
}

unsafe fn prepare_signal(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    signal_name: *const c_char,
    args_json: *const c_char,
    deadline_ms: u64,
) -> Result<OpFuture> {
    let t = unsafe { target(client, workflow_id, run_id) }?;
    let name = unsafe { required_str(signal_name, "signal_name") }?.to_owned();
    let args = checked_args(unsafe { optional_str(args_json, "args_json") }?)?;
    let d = deadline(deadline_ms)?;
    Ok(Box::pin(async move {
        t.client.signal_workflow(&t.workflow_id, t.run_id.as_deref(), &name, args.as_deref(), d).await.map(|()| Output::Unit)
    }))
}

#[allow(clippy::too_many_arguments)]
unsafe fn prepare_signal_with_start(
    client: *const temporal_client,
    signal_name: *const c_char,
    signal_args_json: *const c_char,
    workflow_type: *const c_char,
    args_json: *const c_char,
    options: *const temporal_start_workflow_options,
    deadline_ms: u64,
) -> Result<OpFuture> {
    let client = unsafe { client_arg(client) }?.clone();
    let name = unsafe { required_str(signal_name, "signal_name") }?.to_owned();
    let signal_args = checked_args(unsafe { optional_str(signal_args_json, "signal_args_json") }?)?;
    let workflow_type = unsafe { required_str(workflow_type, "workflow_type") }?.to_owned();
    let args = checked_args(unsafe { optional_str(args_json, "args_json") }?)?;
    if options.is_null() {
        return Err(Error::invalid_argument("options must not be NULL (task_queue is required)"));
    }
    let options = unsafe { start_options_from_c(&*options) }?;
    options.validate()?;
    let d = deadline(deadline_ms)?;
    Ok(Box::pin(async move {
        client
            .signal_with_start_workflow(&name, signal_args.as_deref(), &workflow_type, args.as_deref(), &options, d)
            .await
            .map(Output::Run)
    }))
}

unsafe fn prepare_query(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    query_type: *const c_char,
    args_json: *const c_char,
    deadline_ms: u64,
) -> Result<OpFuture> {
    let t = unsafe { target(client, workflow_id, run_id) }?;
    let query = unsafe { required_str(query_type, "query_type") }?.to_owned();
    let args = checked_args(unsafe { optional_str(args_json, "args_json") }?)?;
    let d = deadline(deadline_ms)?;
    Ok(Box::pin(async move {
        t.client.query_workflow(&t.workflow_id, t.run_id.as_deref(), &query, args.as_deref(), d).await.map(Output::Json)
    }))
}

#[allow(clippy::too_many_arguments)]
unsafe fn prepare_update(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    update_name: *const c_char,
    update_id: *const c_char,
    args_json: *const c_char,
    deadline_ms: u64,
) -> Result<OpFuture> {
    let t = unsafe { target(client, workflow_id, run_id) }?;
    let name = unsafe { required_str(update_name, "update_name") }?.to_owned();
    let update_id = owned(unsafe { optional_str(update_id, "update_id") }?);
    let args = checked_args(unsafe { optional_str(args_json, "args_json") }?)?;
    let d = deadline(deadline_ms)?;
    Ok(Box::pin(async move {
        t.client
            .update_workflow(&t.workflow_id, t.run_id.as_deref(), &name, update_id.as_deref(), args.as_deref(), d)
            .await
            .map(Output::Json)
    }))
}

unsafe fn prepare_cancel(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    deadline_ms: u64,
) -> Result<OpFuture> {
    let t = unsafe { target(client, workflow_id, run_id) }?;
    let d = deadline(deadline_ms)?;
    Ok(Box::pin(async move { t.client.cancel_workflow(&t.workflow_id, t.run_id.as_deref(), d).await.map(|()| Output::Unit) }))
}

unsafe fn prepare_terminate(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    reason: *const c_char,
    details_json: *const c_char,
    deadline_ms: u64,
) -> Result<OpFuture> {
    let t = unsafe { target(client, workflow_id, run_id) }?;
    let reason = owned(unsafe { optional_str(reason, "reason") }?).unwrap_or_default();
    let details = checked_args(unsafe { optional_str(details_json, "details_json") }?)?;
    let d = deadline(deadline_ms)?;
    Ok(Box::pin(async move {
        t.client
            .terminate_workflow(&t.workflow_id, t.run_id.as_deref(), &reason, details.as_deref(), d)
            .await
            .map(|()| Output::Unit)
    }))
}

unsafe fn prepare_describe(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    deadline_ms: u64,
) -> Result<OpFuture> {
    let t = unsafe { target(client, workflow_id, run_id) }?;
    let d = deadline(deadline_ms)?;
    Ok(Box::pin(async move {
        t.client.describe_workflow_execution(&t.workflow_id, t.run_id.as_deref(), d).await.map(Output::Json)
    }))
}

unsafe fn prepare_history(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    deadline_ms: u64,
) -> Result<OpFuture> {
    let t = unsafe { target(client, workflow_id, run_id) }?;
    let d = deadline(deadline_ms)?;
    Ok(Box::pin(async move {
        t.client.get_workflow_history(&t.workflow_id, t.run_id.as_deref(), d).await.map(Output::Json)
    }))
}

unsafe fn prepare_list(
    client: *const temporal_client,
    query: *const c_char,
    page_size: i32,
    page_token: *const c_char,
    deadline_ms: u64,
) -> Result<OpFuture> {
    let client = unsafe { client_arg(client) }?.clone();
    let query = owned(unsafe { optional_str(query, "query") }?).unwrap_or_default();
    let token = owned(unsafe { optional_str(page_token, "page_token") }?).unwrap_or_default();
    crate::operations::check_page_request(page_size, &token)?;
    let d = deadline(deadline_ms)?;
    Ok(Box::pin(async move { client.list_workflow(&query, page_size, &token, d).await.map(Output::Json) }))
}

unsafe fn prepare_count(client: *const temporal_client, query: *const c_char, deadline_ms: u64) -> Result<OpFuture> {
    let client = unsafe { client_arg(client) }?.clone();
    let query = owned(unsafe { optional_str(query, "query") }?).unwrap_or_default();
    let d = deadline(deadline_ms)?;
    Ok(Box::pin(async move { client.count_workflow(&query, d).await.map(Output::Json) }))
}

// ---------------------------------------------------------------------------- exports

/// Async form of `temporal_execute_workflow`: the callback receives the run (or the error).
/// Same arguments; `call_out` may be NULL (no cancellation handle wanted), else it receives a
/// handle the caller frees with `temporal_call_free`. Returns an error (and never calls the
/// callback) only for invalid arguments.
///
/// Like every `_async` function, it copies what it needs before returning: the caller may
/// free its strings, option structs, the client and the run right away.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated; `user_data` is passed to the callback
/// on another thread.
#[no_mangle]
pub unsafe extern "C" fn temporal_execute_workflow_async(
    client: *const temporal_client,
    workflow_type: *const c_char,
    args_json: *const c_char,
    options: *const temporal_start_workflow_options,
    callback: temporal_callback,
    user_data: *mut c_void,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| unsafe { spawn_call(prepare_execute(client, workflow_type, args_json, options)?, callback, user_data, call_out) })
}

/// Async form of `temporal_get_result`: the callback receives `result_json` (or the error).
/// Thousands may wait at once: a wait holds no thread.
///
/// # Safety
/// As `temporal_execute_workflow_async`.
#[no_mangle]
pub unsafe extern "C" fn temporal_get_result_async(
    run: *const temporal_workflow_run,
    timeout_ms: u64,
    callback: temporal_callback,
    user_data: *mut c_void,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| unsafe { spawn_call(prepare_get_result(run, timeout_ms)?, callback, user_data, call_out) })
}

/// Sends a signal: the Go SDK's `SignalWorkflow`. `run_id` NULL or "": the current run.
/// `args_json`: the signal's arguments as a JSON array, or NULL. `deadline_ms`: 0 for 10 s.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_signal_workflow(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    signal_name: *const c_char,
    args_json: *const c_char,
    deadline_ms: u64,
) -> *mut temporal_error {
    error_boundary(|| unsafe { block_on(prepare_signal(client, workflow_id, run_id, signal_name, args_json, deadline_ms)?).map(|_| ()) })
}

/// Async form of `temporal_signal_workflow` (the callback gets only an error or nothing).
///
/// # Safety
/// As `temporal_execute_workflow_async`.
#[no_mangle]
pub unsafe extern "C" fn temporal_signal_workflow_async(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    signal_name: *const c_char,
    args_json: *const c_char,
    deadline_ms: u64,
    callback: temporal_callback,
    user_data: *mut c_void,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| unsafe {
        spawn_call(prepare_signal(client, workflow_id, run_id, signal_name, args_json, deadline_ms)?, callback, user_data, call_out)
    })
}

/// Signals a workflow, starting it first if it is not running: the Go SDK's
/// `SignalWithStartWorkflow`. Writes the run that got the signal to `*run_out` (caller frees it
/// with `temporal_workflow_run_free`).
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_signal_with_start_workflow(
    client: *const temporal_client,
    signal_name: *const c_char,
    signal_args_json: *const c_char,
    workflow_type: *const c_char,
    args_json: *const c_char,
    options: *const temporal_start_workflow_options,
    deadline_ms: u64,
    run_out: *mut *mut temporal_workflow_run,
) -> *mut temporal_error {
    error_boundary(|| unsafe {
        check_out(run_out, "run_out")?;
        block_run(prepare_signal_with_start(client, signal_name, signal_args_json, workflow_type, args_json, options, deadline_ms)?, run_out)
    })
}

/// Async form of `temporal_signal_with_start_workflow` (the callback gets the run).
///
/// # Safety
/// As `temporal_execute_workflow_async`.
#[no_mangle]
pub unsafe extern "C" fn temporal_signal_with_start_workflow_async(
    client: *const temporal_client,
    signal_name: *const c_char,
    signal_args_json: *const c_char,
    workflow_type: *const c_char,
    args_json: *const c_char,
    options: *const temporal_start_workflow_options,
    deadline_ms: u64,
    callback: temporal_callback,
    user_data: *mut c_void,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| unsafe {
        spawn_call(
            prepare_signal_with_start(client, signal_name, signal_args_json, workflow_type, args_json, options, deadline_ms)?,
            callback,
            user_data,
            call_out,
        )
    })
}

/// Queries a workflow: the Go SDK's `QueryWorkflow`. Writes the handler's answer as JSON to
/// `*result_json_out` (caller frees it with `temporal_string_free`). A failing or rejected
/// query is `TEMPORAL_ERROR_CODE_QUERY_FAILED`.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_query_workflow(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    query_type: *const c_char,
    args_json: *const c_char,
    deadline_ms: u64,
    result_json_out: *mut *mut c_char,
) -> *mut temporal_error {
    error_boundary(|| unsafe {
        check_out(result_json_out, "result_json_out")?;
        block_json(prepare_query(client, workflow_id, run_id, query_type, args_json, deadline_ms)?, result_json_out)
    })
}

/// Async form of `temporal_query_workflow` (the callback gets `result_json`).
///
/// # Safety
/// As `temporal_execute_workflow_async`.
#[no_mangle]
pub unsafe extern "C" fn temporal_query_workflow_async(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    query_type: *const c_char,
    args_json: *const c_char,
    deadline_ms: u64,
    callback: temporal_callback,
    user_data: *mut c_void,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| unsafe {
        spawn_call(prepare_query(client, workflow_id, run_id, query_type, args_json, deadline_ms)?, callback, user_data, call_out)
    })
}

/// Sends an update and waits for its result: the Go SDK's `UpdateWorkflow` with
/// `WaitForStage: Completed`. `update_id` NULL or "": a UUID. Writes the handler's result as
/// JSON to `*result_json_out` (caller frees it). A rejected or failed update is
/// `TEMPORAL_ERROR_CODE_UPDATE_FAILED` with `failure` in the details. `deadline_ms` 0: no limit.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_update_workflow(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    update_name: *const c_char,
    update_id: *const c_char,
    args_json: *const c_char,
    deadline_ms: u64,
    result_json_out: *mut *mut c_char,
) -> *mut temporal_error {
    error_boundary(|| unsafe {
        check_out(result_json_out, "result_json_out")?;
        block_json(prepare_update(client, workflow_id, run_id, update_name, update_id, args_json, deadline_ms)?, result_json_out)
    })
}

/// Async form of `temporal_update_workflow` (the callback gets `result_json`).
///
/// # Safety
/// As `temporal_execute_workflow_async`.
#[no_mangle]
pub unsafe extern "C" fn temporal_update_workflow_async(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    update_name: *const c_char,
    update_id: *const c_char,
    args_json: *const c_char,
    deadline_ms: u64,
    callback: temporal_callback,
    user_data: *mut c_void,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| unsafe {
        spawn_call(
            prepare_update(client, workflow_id, run_id, update_name, update_id, args_json, deadline_ms)?,
            callback,
            user_data,
            call_out,
        )
    })
}

/// Requests cancellation: the Go SDK's `CancelWorkflow` (the workflow decides how to stop).
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_cancel_workflow(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    deadline_ms: u64,
) -> *mut temporal_error {
    error_boundary(|| unsafe { block_on(prepare_cancel(client, workflow_id, run_id, deadline_ms)?).map(|_| ()) })
}

/// Async form of `temporal_cancel_workflow`.
///
/// # Safety
/// As `temporal_execute_workflow_async`.
#[no_mangle]
pub unsafe extern "C" fn temporal_cancel_workflow_async(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    deadline_ms: u64,
    callback: temporal_callback,
    user_data: *mut c_void,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| unsafe { spawn_call(prepare_cancel(client, workflow_id, run_id, deadline_ms)?, callback, user_data, call_out) })
}

/// Terminates a workflow: the Go SDK's `TerminateWorkflow`. `reason` may be NULL;
/// `details_json` is a JSON array or NULL.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_terminate_workflow(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    reason: *const c_char,
    details_json: *const c_char,
    deadline_ms: u64,
) -> *mut temporal_error {
    error_boundary(|| unsafe {
        block_on(prepare_terminate(client, workflow_id, run_id, reason, details_json, deadline_ms)?).map(|_| ())
    })
}

/// Async form of `temporal_terminate_workflow`.
///
/// # Safety
/// As `temporal_execute_workflow_async`.
#[no_mangle]
pub unsafe extern "C" fn temporal_terminate_workflow_async(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    reason: *const c_char,
    details_json: *const c_char,
    deadline_ms: u64,
    callback: temporal_callback,
    user_data: *mut c_void,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| unsafe {
        spawn_call(prepare_terminate(client, workflow_id, run_id, reason, details_json, deadline_ms)?, callback, user_data, call_out)
    })
}

/// Describes an execution: the Go SDK's `DescribeWorkflowExecution`, as a JSON object with
/// `workflow_id`, `run_id`, `workflow_type`, `task_queue`, `status` (e.g. "RUNNING",
/// "COMPLETED"), `start_time`, `execution_time`, `close_time` (RFC 3339 or null),
/// `history_length`, `memo`, `search_attributes`, `pending_activities`. Caller frees it.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_describe_workflow_execution(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    deadline_ms: u64,
    result_json_out: *mut *mut c_char,
) -> *mut temporal_error {
    error_boundary(|| unsafe {
        check_out(result_json_out, "result_json_out")?;
        block_json(prepare_describe(client, workflow_id, run_id, deadline_ms)?, result_json_out)
    })
}

/// Async form of `temporal_describe_workflow_execution`.
///
/// # Safety
/// As `temporal_execute_workflow_async`.
#[no_mangle]
pub unsafe extern "C" fn temporal_describe_workflow_execution_async(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    deadline_ms: u64,
    callback: temporal_callback,
    user_data: *mut c_void,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| unsafe { spawn_call(prepare_describe(client, workflow_id, run_id, deadline_ms)?, callback, user_data, call_out) })
}

/// Lists executions matching a visibility query (NULL or "": all), one page at a time: the
/// Go SDK's `ListWorkflow`. `page_size` 0: the server's default. `page_token` NULL or "" for
/// the first page. Writes `{"executions": [...], "next_page_token": "..."}` (each execution as
/// in `temporal_describe_workflow_execution`; an empty token means no more pages).
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_list_workflow(
    client: *const temporal_client,
    query: *const c_char,
    page_size: i32,
    page_token: *const c_char,
    deadline_ms: u64,
    result_json_out: *mut *mut c_char,
) -> *mut temporal_error {
    error_boundary(|| unsafe {
        check_out(result_json_out, "result_json_out")?;
        block_json(prepare_list(client, query, page_size, page_token, deadline_ms)?, result_json_out)
    })
}

/// Async form of `temporal_list_workflow`.
///
/// # Safety
/// As `temporal_execute_workflow_async`.
#[no_mangle]
pub unsafe extern "C" fn temporal_list_workflow_async(
    client: *const temporal_client,
    query: *const c_char,
    page_size: i32,
    page_token: *const c_char,
    deadline_ms: u64,
    callback: temporal_callback,
    user_data: *mut c_void,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| unsafe { spawn_call(prepare_list(client, query, page_size, page_token, deadline_ms)?, callback, user_data, call_out) })
}

/// Counts executions matching a visibility query (NULL or "": all): the Go SDK's
/// `CountWorkflow`. Writes `{"count": N}`.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_count_workflow(
    client: *const temporal_client,
    query: *const c_char,
    deadline_ms: u64,
    result_json_out: *mut *mut c_char,
) -> *mut temporal_error {
    error_boundary(|| unsafe {
        check_out(result_json_out, "result_json_out")?;
        block_json(prepare_count(client, query, deadline_ms)?, result_json_out)
    })
}

/// Async form of `temporal_count_workflow`.
///
/// # Safety
/// As `temporal_execute_workflow_async`.
#[no_mangle]
pub unsafe extern "C" fn temporal_count_workflow_async(
    client: *const temporal_client,
    query: *const c_char,
    deadline_ms: u64,
    callback: temporal_callback,
    user_data: *mut c_void,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| unsafe { spawn_call(prepare_count(client, query, deadline_ms)?, callback, user_data, call_out) })
}

/// The whole event history of a run (NULL run ID: the current run) as JSON
/// (`{"events": [...]}`, the proto's JSON form): the Go SDK's `GetWorkflowHistory`.
/// `deadline_ms` bounds the whole fetch (0: 10 s).
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_get_workflow_history(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    deadline_ms: u64,
    result_json_out: *mut *mut c_char,
) -> *mut temporal_error {
    error_boundary(|| unsafe {
        check_out(result_json_out, "result_json_out")?;
        block_json(prepare_history(client, workflow_id, run_id, deadline_ms)?, result_json_out)
    })
}

/// Async form of `temporal_get_workflow_history`.
///
/// # Safety
/// As `temporal_execute_workflow_async`.
#[no_mangle]
pub unsafe extern "C" fn temporal_get_workflow_history_async(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    deadline_ms: u64,
    callback: temporal_callback,
    user_data: *mut c_void,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| unsafe { spawn_call(prepare_history(client, workflow_id, run_id, deadline_ms)?, callback, user_data, call_out) })
}
