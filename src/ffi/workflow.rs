//! Starting workflows and waiting for them: `temporal_execute_workflow_async`,
//! `temporal_get_workflow`, `temporal_get_result_async`, their blocking wrappers, and the
//! workflow-run handle.

use super::call::{self, read_call_options, temporal_call, temporal_call_options, CallInput, OpFuture, Output};
use super::operations::rpc_deadline;
use super::client::{client_arg, temporal_client};
use super::{
    boundary, check_out, error_boundary, handle_ref, into_handle, optional_str, optional_string, read_struct,
    required_str, slice_arg, take_handle, temporal_error, to_c_string, write_default, ExtensibleStruct, Handle,
};
use crate::errors::{Error, Result};
use crate::options::{
    duration_from_millis, IndexedValueType, RetryPolicy, StartWorkflowOptions, TypedSearchAttribute, VersioningOverride,
    VersioningOverrideKind, Timeout, ValidStartWorkflowOptions, WorkflowIdConflictPolicy,
    WorkflowIdReusePolicy,
};
use crate::payloads::{object_to_payload_map, ResultForm};
use crate::workflow_run::WorkflowRun;
use once_cell::sync::OnceCell;
use std::ffi::{c_char, CString};
use std::mem::offset_of;
use std::sync::Arc;

/// A workflow retry policy, the Go SDK's `temporal.RetryPolicy`. Zero fields mean "server
/// default". Extensible like the options structs: initialise with
/// `temporal_retry_policy_default`.
#[repr(C)]
pub struct temporal_retry_policy {
    /// `sizeof(temporal_retry_policy)`, set by `temporal_retry_policy_default`.
    pub size: usize,
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
/// borrowed only during the call; NULL or "" means "not set". Durations are milliseconds (at
/// most `TEMPORAL_MAX_DURATION_MS`); 0 means "not set". Extensible: the library reads only the
/// fields inside `size`, and every field's default is its zero value.
#[repr(C)]
pub struct temporal_start_workflow_options {
    /// `sizeof(temporal_start_workflow_options)`, set by `temporal_start_workflow_options_default`.
    pub size: usize,
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
    /// The Go SDK's `StaticSummary`: a single-line summary of this workflow, shown in the UI
    /// (Markdown allowed), stored as one `json/plain` string payload (through the payload codec).
    /// NULL: none.
    pub static_summary: *const c_char,
    /// The Go SDK's `StaticDetails`: a multi-line description shown in the UI, as
    /// `static_summary`. NULL: none.
    pub static_details: *const c_char,
    /// The Go SDK's `Priority.PriorityKey`: 1 (highest) to the server's maximum (5 by default);
    /// 0: the default priority (the middle one). Negative values are refused.
    pub priority_key: i32,
    /// The Go SDK's `Priority.FairnessKey`: tasks are dispatched fairly between the keys of a
    /// task queue (a tenant ID, say), in proportion to their weights. NULL or "": none.
    pub fairness_key: *const c_char,
    /// The Go SDK's `Priority.FairnessWeight`; 0: the default weight (1.0). Negative, NaN and
    /// infinite values are refused.
    pub fairness_weight: f32,
    /// The Go SDK's `TypedSearchAttributes`: `typed_search_attributes_len` attributes, each sent
    /// with its type (as the Go SDK does). The array and its strings are borrowed for the call.
    /// NULL with 0: none. A name may not repeat, nor be in `search_attributes_json` too; a value
    /// not of its type is refused (`TEMPORAL_ERROR_CODE_INVALID_ARGUMENT`, nothing sent).
    pub typed_search_attributes: *const temporal_search_attribute,
    /// The number of elements of `typed_search_attributes`.
    pub typed_search_attributes_len: usize,
    /// The Go SDK's `VersioningOverride`: a `temporal_versioning_override` value;
    /// `TEMPORAL_VERSIONING_OVERRIDE_NONE` (0): no override.
    pub versioning_behavior: i32,
    /// With `TEMPORAL_VERSIONING_OVERRIDE_PINNED` (and only then, where it is required): the
    /// worker deployment's name, the Go SDK's `WorkerDeploymentVersion.DeploymentName`.
    pub versioning_deployment_name: *const c_char,
    /// With `TEMPORAL_VERSIONING_OVERRIDE_PINNED` (and only then, where it is required): the
    /// build ID, the Go SDK's `WorkerDeploymentVersion.BuildID`.
    pub versioning_build_id: *const c_char,
}

/// One typed search attribute of `temporal_start_workflow_options.typed_search_attributes`: the
/// Go SDK's `SearchAttributeKey*` with its value. A plain array element (no `size`): new
/// fields, if any, will come as a new struct.
///
/// cbindgen:field-names=[name, type, value_json]
#[repr(C)]
pub struct temporal_search_attribute {
    /// The attribute's name, registered on the namespace (required).
    pub name: *const c_char,
    /// A `temporal_indexed_value_type` value: the attribute's registered type.
    pub value_type: i32,
    /// The value as JSON (required): a string for TEXT and KEYWORD, an integer for INT, a number
    /// for DOUBLE, true or false for BOOL, an RFC 3339 date-time string for DATETIME (sent in
    /// UTC, e.g. "2026-01-02T03:04:05Z"), an array of strings for KEYWORD_LIST.
    pub value_json: *const c_char,
}

// SAFETY: repr(C), starts with size, every field is valid as zero; the bool is listed.
unsafe impl ExtensibleStruct for temporal_start_workflow_options {
    const NAME: &'static str = "temporal_start_workflow_options";
    const BOOL_FIELDS: &'static [(usize, &'static str)] =
        &[(offset_of!(temporal_start_workflow_options, error_when_already_started), "error_when_already_started")];
}

// SAFETY: repr(C), starts with size, every field is valid as zero.
unsafe impl ExtensibleStruct for temporal_retry_policy {
    const NAME: &'static str = "temporal_retry_policy";
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

/// Fills `options` with the defaults (every field unset) and sets its `size`.
///
/// `size` is `sizeof(temporal_start_workflow_options)` as the caller's header defines it: the library writes exactly that
/// many bytes, so a program built with an older, smaller header is safe. Returns false and
/// writes nothing for NULL or a size that cannot be the struct's.
///
/// # Safety
/// `options` is NULL or valid for writes of `size` bytes.
#[no_mangle]
pub unsafe extern "C" fn temporal_start_workflow_options_default(options: *mut temporal_start_workflow_options, size: usize) -> bool {
    boundary(|| unsafe { write_default(options, size) })
}

/// Fills `policy` with the defaults (every field: server default) and sets its `size`.
///
/// `size` is `sizeof(temporal_retry_policy)` as the caller's header defines it: the library writes exactly that
/// many bytes, so a program built with an older, smaller header is safe. Returns false and
/// writes nothing for NULL or a size that cannot be the struct's.
///
/// # Safety
/// `policy` is NULL or valid for writes of `size` bytes.
#[no_mangle]
pub unsafe extern "C" fn temporal_retry_policy_default(policy: *mut temporal_retry_policy, size: usize) -> bool {
    boundary(|| unsafe { write_default(policy, size) })
}

/// Converts the C start options, memo and search attributes included, once.
///
/// # Safety
/// `options` is NULL or valid, as every non-NULL pointer in it.
pub(crate) unsafe fn start_options_arg(options: *const temporal_start_workflow_options) -> Result<ValidStartWorkflowOptions> {
    let Some(o) = (unsafe { read_struct(options) })? else {
        return Err(Error::invalid_argument("options must not be NULL (task_queue is required)"));
    };
    unsafe { start_options_from_c(&o) }?.validated()
}

/// # Safety
/// Every non-NULL pointer in `o` is valid.
pub(crate) unsafe fn start_options_from_c(o: &temporal_start_workflow_options) -> Result<StartWorkflowOptions> {
    let s = |p, name| unsafe { optional_string(p, name) };
    let retry_policy = match unsafe { read_struct(o.retry_policy) }? {
        None => None,
        Some(rp) => {
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
        }
    };
    let payload_map = |p, name, what| -> Result<_> {
        Ok(match unsafe { optional_str(p, name) }? {
            Some(text) => Some(object_to_payload_map(what, text)?),
            None => None,
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
        memo: payload_map(o.memo_json, "options.memo_json", "memo")?,
        search_attributes: payload_map(o.search_attributes_json, "options.search_attributes_json", "search attributes")?,
        start_delay: duration_from_millis("start_delay_ms", o.start_delay_ms)?,
        static_summary: s(o.static_summary, "options.static_summary")?,
        static_details: s(o.static_details, "options.static_details")?,
        priority: crate::options::Priority {
            priority_key: o.priority_key,
            fairness_key: s(o.fairness_key, "options.fairness_key")?.unwrap_or_default(),
            fairness_weight: o.fairness_weight,
        },
        typed_search_attributes: unsafe { typed_search_attributes_from_c(o) }?,
        versioning_override: VersioningOverride {
            kind: VersioningOverrideKind::from_i32(o.versioning_behavior)?,
            deployment_name: s(o.versioning_deployment_name, "options.versioning_deployment_name")?.unwrap_or_default(),
            build_id: s(o.versioning_build_id, "options.versioning_build_id")?.unwrap_or_default(),
        },
    })
}

/// # Safety
/// `o.typed_search_attributes` is NULL or valid for `o.typed_search_attributes_len` elements,
/// and their strings NULL or valid.
unsafe fn typed_search_attributes_from_c(o: &temporal_start_workflow_options) -> Result<Vec<TypedSearchAttribute>> {
    let given = unsafe {
        slice_arg(
            o.typed_search_attributes,
            o.typed_search_attributes_len,
            "options.typed_search_attributes",
            "options.typed_search_attributes_len",
        )
    }?;
    given
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let name = unsafe { optional_string(a.name, "typed_search_attributes[].name") }?
                .ok_or_else(|| Error::invalid_argument(format!("options.typed_search_attributes[{i}].name is NULL or empty (required)")))?;
            let value_type = IndexedValueType::from_i32(a.value_type)
                .map_err(|e| Error::invalid_argument(format!("typed search attribute {name:?}: {}", e.message)))?;
            let value_json = unsafe { optional_string(a.value_json, "typed_search_attributes[].value_json") }?
                .ok_or_else(|| Error::invalid_argument(format!("typed search attribute {name:?}: value_json is NULL or empty (required)")))?;
            Ok(TypedSearchAttribute { name, value_type, value_json })
        })
        .collect()
}

unsafe fn prepare_execute(
    client: *const temporal_client,
    workflow_type: *const c_char,
    args_json: *const c_char,
    options: *const temporal_start_workflow_options,
    call_input: &mut CallInput,
) -> Result<OpFuture> {
    let client = unsafe { client_arg(client) }?.clone();
    let workflow_type = unsafe { required_str(workflow_type, "workflow_type") }?.to_owned();
    let input = unsafe { call_input.args(args_json, "args_json") }?;
    let options = unsafe { start_options_arg(options) }?;
    let deadline = rpc_deadline(call_input.timeout);
    Ok(Box::pin(async move { client.execute_workflow(&workflow_type, input, &options, deadline).await.map(Output::Run) }))
}

/// Starts a workflow: the Go SDK's `ExecuteWorkflow`, an async start. The call completes as soon
/// as the server accepted the start; take the run with `temporal_call_take_run` and wait for its
/// result with `temporal_get_result_async`.
///
/// `workflow_type`: the workflow type name, e.g. "GreetingWorkflow" (required).
/// `args_json`: the arguments as a JSON array, one element per workflow parameter, e.g.
/// `["World"]`; NULL or "[]" for none. Each element is sent as one `json/plain` payload
/// (`null` as `binary/null`), exactly as the Go SDK's default data converter.
/// `options`: required; `task_queue` must be set. Starting an ID that is already running
/// completes with a run for the running execution, unless `error_when_already_started`.
/// `call_options`: the completion form; timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s, retries of
/// transient errors included.
///
/// Shape of every operation (see `temporal_client_connect_async`): a bad argument is returned at
/// once and no call starts; otherwise `*call_out` receives the call, which the caller frees.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_execute_workflow_async(
    client: *const temporal_client,
    workflow_type: *const c_char,
    args_json: *const c_char,
    options: *const temporal_start_workflow_options,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| unsafe {
        call::prepare_and_start(call_options, call_out, |input| prepare_execute(client, workflow_type, args_json, options, input))
    })
}

/// Blocking wrapper of `temporal_execute_workflow_async` (the same call, waited for): on success
/// writes a new run to `*run_out` (caller owns it: `temporal_workflow_run_free`) and returns NULL.
/// On failure returns an error (caller owns it: `temporal_error_free`) and leaves `*run_out`
/// untouched. Blocks the calling thread for the one start call (retried on transient errors for
/// up to 10 s).
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
    error_boundary(|| {
        check_out(run_out, "run_out")?;
        let mut input = call::CallOptions::blocking(Timeout::Default).input;
        let future = unsafe { prepare_execute(client, workflow_type, args_json, options, &mut input) }?;
        let run = call::run_blocking(future, Timeout::Default)?.into_run()?;
        // SAFETY: checked non-NULL above.
        unsafe { run_out.write(temporal_workflow_run::into_raw(run)) };
        Ok(())
    })
}

/// Gets a run for an existing workflow: the Go SDK's `GetWorkflow`. Makes no call to the server
/// and never blocks; works from any process that knows the Workflow ID.
///
/// `workflow_id`: required. `run_id`: NULL or "" for the latest run (pinned at the first
/// result wait, or by `temporal_workflow_run_resolve_run_id_async`). On success writes a new run
/// to `*run_out` (caller owns it: `temporal_workflow_run_free`) and returns NULL; on failure
/// returns an error (caller owns it) and leaves `*run_out` untouched. After
/// `temporal_runtime_shutdown` it fails with `SHUTDOWN`, as every call does.
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
        check_out(run_out, "run_out")?;
        crate::runtime::ensure_usable()?;
        let run = client.get_workflow(workflow_id, run_id)?;
        // SAFETY: checked non-NULL above.
        unsafe { run_out.write(temporal_workflow_run::into_raw(run)) };
        Ok(())
    })
}

unsafe fn prepare_get_result(run: *const temporal_workflow_run, timeout: Timeout, form: ResultForm) -> Result<OpFuture> {
    let run = unsafe { run_arg(run) }?;
    Ok(Box::pin(async move { run.get_result_as(timeout.limit(None), form).await.map(Output::from) }))
}

/// Waits for the workflow to close: the Go SDK's `WorkflowRun.Get`. Any number of calls may wait
/// at once, on one run or many: a wait holds no thread.
///
/// Follows the run chain as the Go SDK does: continue-as-new always; a new run started by a
/// retry policy or a cron schedule too; never after a cancel or a terminate.
///
/// `call_options` timeout: give up after this long with `TEMPORAL_ERROR_CODE_DEADLINE_EXCEEDED`
/// (the workflow is not affected); `TEMPORAL_TIMEOUT_DEFAULT` and `TEMPORAL_TIMEOUT_NONE`: wait
/// as long as it takes.
///
/// The completed call's JSON (`temporal_call_get_json`) is the result. How the result payload
/// becomes JSON: `json/plain` and `json/protobuf` as they are; `binary/null`, or no result at
/// all, as `null`; `binary/plain` (a Go `[]byte`) as a JSON string of the bytes in base64, as
/// Go's `json.Marshal` writes a `[]byte`. Errors: `WORKFLOW_FAILED`, `WORKFLOW_CANCELED`,
/// `WORKFLOW_TERMINATED`, `WORKFLOW_TIMED_OUT` (details: `workflow_id`, `run_id` of the run that
/// ended, `failure` / `reason`), `NOT_FOUND`, `DEADLINE_EXCEEDED`, `PAYLOAD` (a result encoding
/// this library cannot decode), `UNAVAILABLE`.
///
/// # Safety
/// Pointers are NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn temporal_get_result_async(
    run: *const temporal_workflow_run,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| unsafe {
        call::prepare_and_start(call_options, call_out, |input| {
            let form = input.result_form();
            prepare_get_result(run, input.timeout, form)
        })
    })
}

/// Blocking wrapper of `temporal_get_result_async` (the same call, waited for on the calling
/// thread). `timeout_ms`: as the call options' timeout (`TEMPORAL_TIMEOUT_DEFAULT` (0) or
/// `TEMPORAL_TIMEOUT_NONE`: as long as it takes). On success writes the result as JSON text to
/// `*result_json_out` (caller owns it: `temporal_string_free`) and returns NULL; on failure
/// returns an error (caller owns it) and leaves `*result_json_out` untouched.
///
/// # Safety
/// `run` is NULL or a live run; `result_json_out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn temporal_get_result(
    run: *const temporal_workflow_run,
    timeout_ms: u64,
    result_json_out: *mut *mut c_char,
) -> *mut temporal_error {
    error_boundary(|| {
        check_out(result_json_out, "result_json_out")?;
        let timeout = call::timeout_from_millis("timeout_ms", timeout_ms)?;
        let future = unsafe { prepare_get_result(run, timeout, ResultForm::Json) }?;
        let json = call::run_blocking(future, timeout)?.into_json()?;
        // SAFETY: checked non-NULL above.
        unsafe { result_json_out.write(json.into_raw()) };
        Ok(())
    })
}

/// Asks the server for the current run of a run from `temporal_get_workflow` without a Run ID,
/// once: the blocking part of the Go SDK's `GetRunID`, as an operation. When the call completes,
/// `temporal_workflow_run_get_run_id` returns the Run ID ("" if the server could not say, as in
/// the Go SDK: history calls then address the current run). For a run whose Run ID is known it
/// completes at once. Timeout: 10 s (the call options' timeout is not used).
///
/// # Safety
/// Pointers are NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn temporal_workflow_run_resolve_run_id_async(
    run: *const temporal_workflow_run,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| unsafe {
        let run = run_arg(run)?;
        let future: OpFuture = Box::pin(async move {
            run.run_id().await;
            Ok(Output::Unit)
        });
        call::start(future, read_call_options(call_options)?, call_out)
    })
}

/// The run's Workflow ID (the Go SDK's `GetID`). Borrowed: valid until the run is freed.
/// NULL if `run` is NULL or not a run.
///
/// # Safety
/// `run` is NULL or a live run.
#[no_mangle]
pub unsafe extern "C" fn temporal_workflow_run_get_id(run: *const temporal_workflow_run) -> *const c_char {
    boundary(|| match unsafe { handle_ref(run) } {
        Ok(r) => r.workflow_id.get_or_init(|| to_c_string(r.run.workflow_id())).as_ptr(),
        Err(_) => std::ptr::null(),
    })
}

/// The run's Run ID (the Go SDK's `GetRunID`), never blocking. Known for a run from a start or
/// from `temporal_get_workflow` with a Run ID; for one without, "" until the current run was
/// pinned (by the first result wait, or by `temporal_workflow_run_resolve_run_id_async`).
/// Borrowed: valid until the run is freed. NULL if `run` is NULL or not a run.
///
/// # Safety
/// `run` is NULL or a live run.
#[no_mangle]
pub unsafe extern "C" fn temporal_workflow_run_get_run_id(run: *const temporal_workflow_run) -> *const c_char {
    boundary(|| {
        let Ok(handle) = (unsafe { handle_ref(run) }) else { return std::ptr::null() };
        match handle.run.known_run_id() {
            Some(known) => handle.run_id.get_or_init(|| to_c_string(known)).as_ptr(),
            None => c"".as_ptr(),
        }
    })
}

/// Frees a run. NULL is a no-op. Calls already started on it go on. Free it only when no other
/// thread is inside a call that takes this run.
///
/// # Safety
/// `run` is NULL or a run from this library not yet freed.
#[no_mangle]
pub unsafe extern "C" fn temporal_workflow_run_free(run: *mut temporal_workflow_run) {
    boundary(|| drop(unsafe { take_handle(run) }))
}
