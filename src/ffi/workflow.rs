//! Starting workflows and waiting for them: `temporal_execute_workflow`,
//! `temporal_get_workflow`, `temporal_get_result` and the workflow-run handle.

use super::client::client_arg;
use super::client::temporal_client;
use super::{
    boundary, check_out, error_boundary, handle_ref, into_handle, optional_str, required_str, take_handle,
    temporal_error, to_c_string, Handle,
};
use crate::errors::{Error, Result};
use crate::options::{
    duration_from_millis, RetryPolicy, StartWorkflowOptions, WorkflowIdConflictPolicy, WorkflowIdReusePolicy,
};
use crate::runtime::block_on;
use crate::workflow_run::WorkflowRun;
use once_cell::sync::OnceCell;
use std::ffi::{c_char, CString};
use std::sync::Arc;

/// A workflow retry policy, the Go SDK's `temporal.RetryPolicy`. Zero fields mean "server
/// default".
#[repr(C)]
pub struct temporal_retry_policy {
    /// First retry interval in ms; 0: 1 s.
    pub initial_interval_ms: u64,
    /// Interval multiplier; 0: 2.0. Otherwise at least 1.
    pub backoff_coefficient: f64,
    /// Longest retry interval in ms; 0: 100 × the initial interval.
    pub maximum_interval_ms: u64,
    /// Attempts including the first; 0: unlimited.
    pub maximum_attempts: i32,
    /// Application error types not to retry, as a JSON array of strings; NULL: none.
    pub non_retryable_error_types_json: *const c_char,
}

/// Options for `temporal_execute_workflow`, the Go SDK's `client.StartWorkflowOptions`.
///
/// Initialise with `temporal_start_workflow_options_default`. Strings are NUL-terminated UTF-8,
/// borrowed only during the call; NULL or "" means "not set". Durations are milliseconds; 0
/// means "not set".
#[repr(C)]
pub struct temporal_start_workflow_options {
    /// Workflow ID. Not set: a random UUID is generated (as the Go SDK). A business ID is
    /// recommended: it is what lets another process reattach with `temporal_get_workflow`.
    pub id: *const c_char,
    /// Task queue the workers poll. Required.
    pub task_queue: *const c_char,
    /// Whole execution timeout, retries and continue-as-new included. 0: unlimited.
    pub execution_timeout_ms: u64,
    /// Single run timeout. 0: the execution timeout.
    pub run_timeout_ms: u64,
    /// Workflow task timeout. 0: 10 s (server default).
    pub task_timeout_ms: u64,
    /// A `temporal_workflow_id_reuse_policy` value; 0: server default (allow duplicate).
    pub id_reuse_policy: i32,
    /// A `temporal_workflow_id_conflict_policy` value; 0: server default (fail, which this
    /// library turns into "reattach" unless `error_when_already_started`).
    pub id_conflict_policy: i32,
    /// false (default): starting an ID that is already running returns a run for the running
    /// execution (and an ID the reuse policy refuses returns its last run), with no error.
    /// true: such a start fails with `TEMPORAL_ERROR_CODE_ALREADY_STARTED`.
    pub error_when_already_started: bool,
    /// NULL: no retries (server default).
    pub retry_policy: *const temporal_retry_policy,
    /// Cron schedule, e.g. "0 * * * *" (hourly).
    pub cron_schedule: *const c_char,
    /// Memo as a JSON object; each field is stored as one json/plain payload.
    pub memo_json: *const c_char,
    /// Search attributes as a JSON object (they must be registered on the namespace).
    pub search_attributes_json: *const c_char,
    /// Delay before the first workflow task. 0: none.
    pub start_delay_ms: u64,
}

/// A workflow run: a Workflow ID and a Run ID, the Go SDK's `client.WorkflowRun`.
/// Thread-safe. Opaque; free with `temporal_workflow_run_free`.
pub struct temporal_workflow_run {
    _private: [u8; 0],
}

/// What a run handle owns: the run, and its IDs as C strings so getters can lend them. The C
/// strings are made at the first getter call, not on every start: most runs are only waited on.
pub(crate) struct RunObject {
    run: Arc<WorkflowRun>,
    workflow_id: OnceCell<CString>,
    run_id: OnceCell<CString>,
}

impl Handle for temporal_workflow_run {
    type Target = RunObject;
    const TAG: u64 = 0x7465_6d70_7275_6e5f; // "temprun_"
    const NAME: &'static str = "run";
}

impl temporal_workflow_run {
    pub(crate) fn into_raw(run: WorkflowRun) -> *mut temporal_workflow_run {
        let run = Arc::new(run);
        into_handle::<temporal_workflow_run>(RunObject { run, workflow_id: OnceCell::new(), run_id: OnceCell::new() })
    }
}

/// Borrows the run behind a handle argument (a new reference, so the caller's future may
/// outlive the borrow).
///
/// # Safety
/// As `handle_ref`.
pub(crate) unsafe fn run_arg(run: *const temporal_workflow_run) -> Result<Arc<WorkflowRun>> {
    unsafe { handle_ref(run) }.map(|r: &RunObject| r.run.clone())
}

/// Fills `options` with the defaults (every field unset). NULL is a no-op.
///
/// # Safety
/// `options` is NULL or valid for writes.
#[no_mangle]
pub unsafe extern "C" fn temporal_start_workflow_options_default(options: *mut temporal_start_workflow_options) {
    boundary(|_| (), || {
        if options.is_null() {
            return;
        }
        let defaults = temporal_start_workflow_options {
            id: std::ptr::null(),
            task_queue: std::ptr::null(),
            execution_timeout_ms: 0,
            run_timeout_ms: 0,
            task_timeout_ms: 0,
            id_reuse_policy: 0,
            id_conflict_policy: 0,
            error_when_already_started: false,
            retry_policy: std::ptr::null(),
            cron_schedule: std::ptr::null(),
            memo_json: std::ptr::null(),
            search_attributes_json: std::ptr::null(),
            start_delay_ms: 0,
        };
        // SAFETY: non-NULL and valid for writes per the contract.
        unsafe { options.write(defaults) };
    })
}

/// # Safety
/// Every non-NULL pointer in `o` is valid.
pub(crate) unsafe fn start_options_from_c(o: &temporal_start_workflow_options) -> Result<StartWorkflowOptions> {
    let s = |p, name| unsafe { optional_str(p, name) }.map(|v| v.map(str::to_owned));
    let retry_policy = if o.retry_policy.is_null() {
        None
    } else {
        // SAFETY: non-NULL and valid per the contract.
        let rp = unsafe { &*o.retry_policy };
        let non_retryable_error_types = match s(rp.non_retryable_error_types_json, "non_retryable_error_types_json")? {
            None => Vec::new(),
            Some(text) => serde_json::from_str::<Vec<String>>(&text).map_err(|e| {
                Error::invalid_argument(format!(
                    "retry policy: non_retryable_error_types_json must be a JSON array of strings: {e}"
                ))
            })?,
        };
        Some(RetryPolicy {
            initial_interval: duration_from_millis("retry policy initial_interval_ms", rp.initial_interval_ms)?,
            backoff_coefficient: rp.backoff_coefficient,
            maximum_interval: duration_from_millis("retry policy maximum_interval_ms", rp.maximum_interval_ms)?,
            maximum_attempts: rp.maximum_attempts,
            non_retryable_error_types,
        })
    };
    Ok(StartWorkflowOptions {
        id: s(o.id, "options.id")?.unwrap_or_default(),
        task_queue: s(o.task_queue, "options.task_queue")?.unwrap_or_default(),
        workflow_execution_timeout: duration_from_millis("execution_timeout_ms", o.execution_timeout_ms)?,
        workflow_run_timeout: duration_from_millis("run_timeout_ms", o.run_timeout_ms)?,
        workflow_task_timeout: duration_from_millis("task_timeout_ms", o.task_timeout_ms)?,
        workflow_id_reuse_policy: WorkflowIdReusePolicy::from_i32(o.id_reuse_policy)?,
        workflow_id_conflict_policy: WorkflowIdConflictPolicy::from_i32(o.id_conflict_policy)?,
        workflow_execution_error_when_already_started: o.error_when_already_started,
        retry_policy,
        cron_schedule: s(o.cron_schedule, "options.cron_schedule")?.unwrap_or_default(),
        memo_json: s(o.memo_json, "options.memo_json")?,
        search_attributes_json: s(o.search_attributes_json, "options.search_attributes_json")?,
        start_delay: duration_from_millis("start_delay_ms", o.start_delay_ms)?,
    })
}

/// Starts a workflow and returns its run as soon as the server accepted the start (an async
/// start; call `temporal_get_result` on the run to wait). The Go SDK's `ExecuteWorkflow`.
///
/// `workflow_type`: the workflow type name, e.g. "GreetingWorkflow" (required).
/// `args_json`: the arguments as a JSON array, one element per workflow parameter, e.g.
/// `["World"]`; NULL or "[]" for none. Each element is sent as one `json/plain` payload
/// (`null` as `binary/null`), exactly as the Go SDK's default data converter.
/// `options`: required; `task_queue` must be set.
///
/// On success writes a new run to `*run_out` (caller owns it: `temporal_workflow_run_free`)
/// and returns NULL. On failure returns an error (caller owns it: `temporal_error_free`) and
/// leaves `*run_out` untouched. Blocks the calling thread for the one start call (retried on
/// transient errors for up to 10 s).
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_execute_workflow(
    client: *const temporal_client,
    workflow_type: *const c_char,
    args_json: *const c_char,
    options: *const temporal_start_workflow_options,
    run_out: *mut *mut temporal_workflow_run,
) -> *mut temporal_error {
    error_boundary(|| unsafe {
        check_out(run_out, "run_out")?;
        super::operations::block_run(super::operations::prepare_execute(client, workflow_type, args_json, options)?, run_out)
    })
}

/// Gets a run for an existing workflow: the Go SDK's `GetWorkflow`. Makes no call to the server;
/// works from any process that knows the Workflow ID.
///
/// `workflow_id`: required. `run_id`: NULL or "" for the latest run (resolved once, at first
/// use of the run). On success writes a new run to `*run_out` (caller owns it:
/// `temporal_workflow_run_free`) and returns NULL; on failure returns an error (caller owns it)
/// and leaves `*run_out` untouched.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_get_workflow(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    run_out: *mut *mut temporal_workflow_run,
) -> *mut temporal_error {
    error_boundary(|| {
        let client = unsafe { client_arg(client) }?;
        let workflow_id = unsafe { required_str(workflow_id, "workflow_id") }?;
        let run_id = unsafe { optional_str(run_id, "run_id") }?;
        unsafe { check_out(run_out, "run_out") }?;
        let run = client.get_workflow(workflow_id, run_id)?;
        // SAFETY: checked non-NULL above.
        unsafe { run_out.write(temporal_workflow_run::into_raw(run)) };
        Ok(())
    })
}

/// Waits for the workflow to close and returns its result: the Go SDK's `WorkflowRun.Get`.
/// Blocks the calling thread; any number of threads may wait at once, on one run or many.
///
/// Follows the run chain as the Go SDK does: continue-as-new always; a new run started by a
/// retry policy or a cron schedule too; never after a cancel or a terminate.
///
/// `timeout_ms`: give up after this long with `TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED`
/// (the workflow is not affected); 0: wait as long as it takes.
///
/// On success writes the result as JSON text to `*result_json_out` (caller owns it:
/// `temporal_string_free`) and returns NULL. How the result payload becomes JSON: `json/plain`
/// and `json/protobuf` as they are; `binary/null`, or no result at all, as `null`;
/// `binary/plain` (a Go `[]byte`) as a JSON string of the bytes in base64, as Go's
/// `json.Marshal` writes a `[]byte`. On failure
/// returns an error (caller owns it) and leaves `*result_json_out` untouched:
/// `WORKFLOW_FAILED`, `WORKFLOW_CANCELED`, `WORKFLOW_TERMINATED`, `WORKFLOW_TIMED_OUT` (details:
/// `workflow_id`, `run_id` of the run that ended, `failure` / `reason`), `NOT_FOUND`,
/// `DEADLINE_EXCEEDED`, `PAYLOAD` (a result encoding this library cannot decode), `UNAVAILABLE`.
///
/// # Safety
/// `run` is NULL or a live run; `result_json_out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn temporal_get_result(
    run: *const temporal_workflow_run,
    timeout_ms: u64,
    result_json_out: *mut *mut c_char,
) -> *mut temporal_error {
    error_boundary(|| unsafe {
        check_out(result_json_out, "result_json_out")?;
        super::operations::block_json(super::operations::prepare_get_result(run, timeout_ms)?, result_json_out)
    })
}

/// The run's Workflow ID (the Go SDK's `GetID`). Borrowed: valid until the run is freed.
/// NULL if `run` is NULL or not a run.
///
/// # Safety
/// `run` is NULL or a live run.
#[no_mangle]
pub unsafe extern "C" fn temporal_workflow_run_get_id(run: *const temporal_workflow_run) -> *const c_char {
    boundary(|_| std::ptr::null(), || match unsafe { handle_ref(run) } {
        Ok(r) => r.workflow_id.get_or_init(|| to_c_string(r.run.workflow_id())).as_ptr(),
        Err(_) => std::ptr::null(),
    })
}

/// The run's Run ID (the Go SDK's `GetRunID`). For a run from `temporal_get_workflow` without a
/// Run ID, the first call asks the server for the current run (blocking); if that fails the
/// Run ID is "" and stays so, exactly as in the Go SDK. Borrowed: valid until the run is freed.
/// NULL if `run` is NULL or not a run.
///
/// # Safety
/// `run` is NULL or a live run.
#[no_mangle]
pub unsafe extern "C" fn temporal_workflow_run_get_run_id(run: *const temporal_workflow_run) -> *const c_char {
    boundary(|_| std::ptr::null(), || {
        let Ok(handle) = (unsafe { handle_ref(run) }) else { return std::ptr::null() };
        handle
            .run_id
            .get_or_init(|| {
                if let Some(known) = handle.run.known_run_id() {
                    return to_c_string(known);
                }
                let run = handle.run.clone();
                let resolved = block_on(async move { Ok(run.run_id().await.to_owned()) });
                to_c_string(resolved.unwrap_or_default())
            })
            .as_ptr()
    })
}

/// Frees a run. NULL is a no-op. Free it only when no other thread is inside a call that takes
/// this run.
///
/// # Safety
/// `run` is NULL or a run from this library not yet freed.
#[no_mangle]
pub unsafe extern "C" fn temporal_workflow_run_free(run: *mut temporal_workflow_run) {
    boundary(|_| (), || drop(unsafe { take_handle(run) }))
}

