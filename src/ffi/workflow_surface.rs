//! The C exports of `crate::workflow_surface` and `QueryWorkflowWithOptions`: one page of
//! history, search attributes, describe task queue, reset, health check. Each checks and copies
//! its arguments on the calling thread (a bad one is returned at once) and starts a call.

use super::call::{temporal_call, temporal_call_options, CallInput, OpFuture, Output};
use super::client::{client_arg, temporal_client};
use super::operations::{rpc_deadline, start, target};
use super::{
    boundary, error_boundary, optional_string, read_struct, required_str, temporal_error, write_default, ExtensibleStruct,
};
use crate::errors::{Error, Result};
use crate::workflow_surface::{self as surface, history_filter, HistoryPageRequest};
use std::ffi::c_char;
use temporalio_common::protos::temporal::api::enums::v1::QueryRejectCondition;

/// `filter_type` of `temporal_get_workflow_history_page_async`: every event (also 0).
pub const TEMPORAL_HISTORY_EVENT_FILTER_ALL_EVENT: i32 = 1;
/// `filter_type` of `temporal_get_workflow_history_page_async`: only the closing event.
pub const TEMPORAL_HISTORY_EVENT_FILTER_CLOSE_EVENT: i32 = 2;

/// `temporal_query_options.query_reject_condition`: never reject (also 0).
pub const TEMPORAL_QUERY_REJECT_CONDITION_NONE: i32 = 1;
/// `temporal_query_options.query_reject_condition`: reject unless the workflow is running.
pub const TEMPORAL_QUERY_REJECT_CONDITION_NOT_OPEN: i32 = 2;
/// `temporal_query_options.query_reject_condition`: reject unless the workflow is running or
/// completed successfully.
pub const TEMPORAL_QUERY_REJECT_CONDITION_NOT_COMPLETED_CLEANLY: i32 = 3;

/// `task_queue_type` of `temporal_describe_task_queue_async`: the workflow task queue (also 0).
pub const TEMPORAL_TASK_QUEUE_TYPE_WORKFLOW: i32 = 1;
/// `task_queue_type`: the activity task queue.
pub const TEMPORAL_TASK_QUEUE_TYPE_ACTIVITY: i32 = 2;
/// `task_queue_type`: the Nexus task queue.
pub const TEMPORAL_TASK_QUEUE_TYPE_NEXUS: i32 = 3;

/// One page of a run's event history: the Go SDK's `GetWorkflowHistory` iterator is built on
/// these. `run_id` NULL or "": the current run. `page_token`: NULL or "" for the first page,
/// else the `next_page_token` of the previous page (hex; another text is `INVALID_ARGUMENT`).
/// `filter_type`: `TEMPORAL_HISTORY_EVENT_FILTER_ALL_EVENT` (or 0) or `_CLOSE_EVENT`.
/// `wait_new_event`: a long poll: the server holds the call until there is a new event, or
/// until its own poll interval (about 20 s) ends, and then answers with an empty page and a
/// token to poll again with.
///
/// The completed call's JSON is `{"events": [...], "next_page_token": "hex"}` (the events in
/// the proto's JSON form, not decoded by the payload codec; an empty token: no more pages);
/// `temporal_call_get_bytes` gives the `GetWorkflowExecutionHistoryResponse` message
/// (temporal.api.workflowservice.v1), protobuf-encoded; the call owns both. Timeout
/// `TEMPORAL_TIMEOUT_DEFAULT`: 10 s, or 65 s for a long poll (the Go SDK's
/// `defaultGetHistoryTimeout`); `TEMPORAL_TIMEOUT_NONE` is taken as the default.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn temporal_get_workflow_history_page_async(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    page_token: *const c_char,
    filter_type: i32,
    wait_new_event: bool,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let t = unsafe { target(client, workflow_id, run_id) }?;
            let page_token = unsafe { optional_string(page_token, "page_token") }?.unwrap_or_default();
            crate::operations::check_page_request(0, &page_token)?;
            let page = HistoryPageRequest {
                workflow_id: t.workflow_id,
                run_id: t.run_id,
                page_token,
                filter: history_filter(filter_type)?,
                wait_new_event,
            };
            let d = input.timeout.limit(None);
            let client = t.client;
            Ok(Box::pin(async move {
                let (json, proto) = client.get_workflow_history_page(&page, d).await?;
                Ok(Output::JsonAndProto(json, proto))
            }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// The Go SDK's `QueryWorkflowWithOptionsRequest`: the query and when the server refuses it.
/// Initialise with `temporal_query_options_default`.
///
/// Extensible: `size` is set by the `_default` function, and the library reads only the fields
/// inside it; fields a newer header adds take their defaults (zero).
#[repr(C)]
pub struct temporal_query_options {
    /// `sizeof(temporal_query_options)`, set by the `_default` function.
    pub size: usize,
    /// The Workflow ID (required).
    pub workflow_id: *const c_char,
    /// The Run ID; NULL or "": the current run.
    pub run_id: *const c_char,
    /// The query's name (required).
    pub query_type: *const c_char,
    /// The query's arguments as a JSON array, or NULL (or give them as
    /// `temporal_call_options.args_payloads`).
    pub args_json: *const c_char,
    /// A `TEMPORAL_QUERY_REJECT_CONDITION_*` value: when the server refuses the query instead
    /// of answering it; 0: `NONE`.
    pub query_reject_condition: i32,
}

// SAFETY: repr(C), starts with size, every field is valid as zero (NULL pointers, 0).
unsafe impl ExtensibleStruct for temporal_query_options {
    const NAME: &'static str = "temporal_query_options";
}

/// Fills `options` with the defaults (every field zero) and sets its `size`. Returns false and
/// writes nothing for NULL or a size that cannot be the struct's.
///
/// # Safety
/// `options` is NULL or valid for writes of `size` bytes.
#[no_mangle]
pub unsafe extern "C" fn temporal_query_options_default(options: *mut temporal_query_options, size: usize) -> bool {
    boundary(|| unsafe { write_default(options, size) })
}

fn reject_condition(value: i32) -> Result<QueryRejectCondition> {
    match value {
        0 | 1 => Ok(QueryRejectCondition::None),
        2 => Ok(QueryRejectCondition::NotOpen),
        3 => Ok(QueryRejectCondition::NotCompletedCleanly),
        v => Err(Error::invalid_argument(format!(
            "options.query_reject_condition: unknown value {v} (1: none, 2: not open, 3: not completed cleanly)"
        ))),
    }
}

/// Queries a workflow with options: the Go SDK's `QueryWorkflowWithOptions`. `options` is
/// required (`workflow_id` and `query_type` set). The completed call is as
/// `temporal_query_workflow_async`'s: the handler's answer as JSON, or as payloads with
/// `temporal_call_options.result_as_payloads`; the arguments may come as `args_payloads`, and
/// the header from the call options. A query the reject condition refuses is
/// `TEMPORAL_ERROR_CODE_QUERY_REJECTED`, with the workflow's status in the details
/// (`{"status": "COMPLETED"}`, named as `temporal_describe_workflow_execution_async` names
/// it). Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_query_workflow_with_options_async(
    client: *const temporal_client,
    options: *const temporal_query_options,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let client = unsafe { client_arg(client) }?.clone();
            let Some(o) = (unsafe { read_struct(options) })? else {
                return Err(Error::invalid_argument("options must not be NULL (workflow_id and query_type are required)"));
            };
            let workflow_id = unsafe { required_str(o.workflow_id, "options.workflow_id") }?.to_owned();
            let run_id = unsafe { optional_string(o.run_id, "options.run_id") }?;
            let query = unsafe { required_str(o.query_type, "options.query_type") }?.to_owned();
            let condition = reject_condition(o.query_reject_condition)?;
            let form = input.result_form();
            let args = unsafe { input.args(o.args_json, "options.args_json") }?;
            let d = rpc_deadline(input.timeout);
            Ok(Box::pin(async move {
                client
                    .query_workflow_with_options(&workflow_id, run_id.as_deref(), &query, args, condition, d, form)
                    .await
                    .map(Output::from)
            }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// The namespace's search attributes: the Go SDK's `GetSearchAttributes`. The completed call's
/// JSON is `{"keys": {"CustomKeywordField": "KEYWORD", ...}}` (each key's `IndexedValueType`
/// name without its prefix: TEXT, KEYWORD, INT, DOUBLE, BOOL, DATETIME, KEYWORD_LIST);
/// `temporal_call_get_bytes` gives the `GetSearchAttributesResponse` message, protobuf-encoded
/// (the call owns both). Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s.
///
/// # Safety
/// Pointers are NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn temporal_get_search_attributes_async(
    client: *const temporal_client,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let client = unsafe { client_arg(client) }?.clone();
            let d = rpc_deadline(input.timeout);
            Ok(Box::pin(async move {
                let (json, proto) = client.get_search_attributes(d).await?;
                Ok(Output::JsonAndProto(json, proto))
            }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// Describes a task queue: the Go SDK's `DescribeTaskQueue` (a normal queue, of
/// `task_queue_type`: `TEMPORAL_TASK_QUEUE_TYPE_WORKFLOW` (or 0), `_ACTIVITY` or `_NEXUS`),
/// also asking for the queue's status. The completed call's JSON is `{"pollers":
/// [{"identity": ..., "last_access_time": RFC 3339 or null, "rate_per_second": N}],
/// "backlog_count_hint": N or null}`; `temporal_call_get_bytes` gives the
/// `DescribeTaskQueueResponse` message, protobuf-encoded (the call owns both). Timeout
/// `TEMPORAL_TIMEOUT_DEFAULT`: 10 s.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_describe_task_queue_async(
    client: *const temporal_client,
    task_queue: *const c_char,
    task_queue_type: i32,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let client = unsafe { client_arg(client) }?.clone();
            let queue = unsafe { required_str(task_queue, "task_queue") }?.to_owned();
            if queue.is_empty() {
                return Err(Error::invalid_argument("task queue is required"));
            }
            let kind = surface::task_queue_type(task_queue_type)?;
            let d = rpc_deadline(input.timeout);
            Ok(Box::pin(async move {
                let (json, proto) = client.describe_task_queue(&queue, kind, d).await?;
                Ok(Output::JsonAndProto(json, proto))
            }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// Resets a workflow: the Go SDK's `ResetWorkflowExecution`. A new run replays the history of
/// `run_id` (NULL or "": the current run) up to `workflow_task_finish_event_id` (the event ID
/// of a workflow task's completed, failed or timed-out event; must be positive) and the old
/// run, if still running, is terminated. `reason` may be NULL. Each call sends a fresh request
/// ID (the Go SDK fills an empty one), so its retries are de-duplicated. The completed call's
/// JSON is `{"run_id": "<the new run>"}`; `temporal_call_get_bytes` gives the
/// `ResetWorkflowExecutionResponse` message, protobuf-encoded (the call owns both). Timeout
/// `TEMPORAL_TIMEOUT_DEFAULT`: 10 s.
///
/// # Safety
/// Pointers are NULL or valid; strings NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_reset_workflow_execution_async(
    client: *const temporal_client,
    workflow_id: *const c_char,
    run_id: *const c_char,
    reason: *const c_char,
    workflow_task_finish_event_id: i64,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let t = unsafe { target(client, workflow_id, run_id) }?;
            let reason = unsafe { optional_string(reason, "reason") }?.unwrap_or_default();
            if workflow_task_finish_event_id <= 0 {
                return Err(Error::invalid_argument("workflow_task_finish_event_id must be positive"));
            }
            let d = rpc_deadline(input.timeout);
            Ok(Box::pin(async move {
                let (json, proto) = t
                    .client
                    .reset_workflow_execution(&t.workflow_id, t.run_id.as_deref(), &reason, workflow_task_finish_event_id, d)
                    .await?;
                Ok(Output::JsonAndProto(json, proto))
            }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}

/// Checks the server's health: the Go SDK's `CheckHealth`, the gRPC health service's `Check`
/// for "temporal.api.workflowservice.v1.WorkflowService". SERVING: the call succeeds with no
/// result. Any other status is `TEMPORAL_ERROR_CODE_UNAVAILABLE` naming it (as is a server
/// that cannot be reached). Timeout `TEMPORAL_TIMEOUT_DEFAULT`: 10 s.
///
/// # Safety
/// Pointers are NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn temporal_check_health_async(
    client: *const temporal_client,
    call_options: *const temporal_call_options,
    call_out: *mut *mut temporal_call,
) -> *mut temporal_error {
    error_boundary(|| {
        let prepare = |input: &mut CallInput| -> Result<OpFuture> {
            let client = unsafe { client_arg(client) }?.clone();
            let d = rpc_deadline(input.timeout);
            Ok(Box::pin(async move { client.check_health(d).await.map(|()| Output::Unit) }))
        };
        unsafe { start(call_options, call_out, prepare) }
    })
}
