//! The rest of the Go SDK client's per-workflow and per-namespace reads and writes: one page of
//! `GetWorkflowHistory` (what the Go SDK's `HistoryEventIterator` pages through),
//! `GetSearchAttributes`, `DescribeTaskQueue`, `ResetWorkflowExecution` and `CheckHealth`.
//!
//! Each answers twice, as [`crate::operations`]' describe and list do: readable JSON, and the
//! server's response message protobuf-encoded (for hosts with the generated types).

use crate::client::Client;
use crate::errors::{Error, ErrorCode, Result};
use crate::operations::{execution, hex, unhex};
use crate::rpc::{self, deadline_or_default, unary, LONG_POLL_TIMEOUT};
use prost::Message as _;
use serde_json::{json, Value};
use std::time::Duration;
use temporalio_client::grpc::{HealthService as _, WorkflowService as _};
use temporalio_common::protos::grpc::health::v1::{health_check_response::ServingStatus, HealthCheckRequest};
use temporalio_common::protos::temporal::api::{
    enums::v1::{HistoryEventFilterType, IndexedValueType, TaskQueueKind, TaskQueueType},
    taskqueue::v1::TaskQueue,
    workflowservice::v1::*,
};

/// The service the Go SDK's `CheckHealth` asks the gRPC health service about.
pub const HEALTH_CHECK_SERVICE: &str = "temporal.api.workflowservice.v1.WorkflowService";

/// One page of history, as the host asked for it.
#[derive(Clone, Debug, Default)]
pub struct HistoryPageRequest {
    pub workflow_id: String,
    /// `None` or empty: the current run.
    pub run_id: Option<String>,
    /// Hex, as the previous page gave it; empty: the first page.
    pub page_token: String,
    pub filter: HistoryEventFilterType,
    /// A long poll: the server holds the call until a new event, or until its own poll interval
    /// ends (then an empty page with a token).
    pub wait_new_event: bool,
}

/// The history event filter from its proto number (0: all events).
pub fn history_filter(value: i32) -> Result<HistoryEventFilterType> {
    match value {
        0 => Ok(HistoryEventFilterType::AllEvent),
        v => HistoryEventFilterType::try_from(v)
            .map_err(|_| Error::invalid_argument(format!("unknown history event filter type {v} (1: all events, 2: close event)"))),
    }
}

/// The task queue type from its proto number (0: workflow).
pub fn task_queue_type(value: i32) -> Result<TaskQueueType> {
    match value {
        0 => Ok(TaskQueueType::Workflow),
        v => TaskQueueType::try_from(v).map_err(|_| {
            Error::invalid_argument(format!("unknown task queue type {v} (1: workflow, 2: activity, 3: nexus)"))
        }),
    }
}

/// An enum's proto name without its prefix (`INDEXED_VALUE_TYPE_KEYWORD` -> `KEYWORD`).
fn short_name(name: &str, prefix: &str) -> String {
    name.trim_start_matches(prefix).to_owned()
}

impl Client {
    /// One page of `GetWorkflowExecutionHistory` (the Go SDK's `GetWorkflowHistory` iterator
    /// pages through these): `{"events": [...], "next_page_token": "hex"}` (events in the
    /// proto's JSON form; an empty token: no more pages) and the
    /// `GetWorkflowExecutionHistoryResponse`, protobuf-encoded. Events are not decoded by the
    /// codec, as the Go SDK's iterator does not decode them. `deadline` `None`: 10 s, or for a
    /// long poll the Go SDK's `defaultGetHistoryTimeout` (65 s).
    pub async fn get_workflow_history_page(
        &self,
        page: &HistoryPageRequest,
        deadline: Option<Duration>,
    ) -> Result<(String, Vec<u8>)> {
        let request = GetWorkflowExecutionHistoryRequest {
            namespace: self.namespace().to_owned(),
            execution: Some(execution(&page.workflow_id, page.run_id.as_deref())?),
            next_page_token: unhex(&page.page_token)?,
            wait_new_event: page.wait_new_event,
            history_event_filter_type: page.filter as i32,
            // As the Go SDK: a long poll never waits on the archive.
            skip_archival: page.wait_new_event,
            ..Default::default()
        };
        let d = deadline.unwrap_or(if page.wait_new_event { LONG_POLL_TIMEOUT } else { rpc::DEFAULT_RPC_TIMEOUT });
        let mut service = self.workflow_service().await?;
        let response =
            unary("get workflow history", d, service.get_workflow_execution_history(rpc::request(request, d))).await?;
        let events = response.history.as_ref().map(|h| serde_json::to_value(&h.events)).transpose();
        let events = events.map_err(|e| Error::internal(format!("history to JSON: {e}")))?.unwrap_or(json!([]));
        let json = json!({ "events": events, "next_page_token": hex(&response.next_page_token) }).to_string();
        Ok((json, response.encode_to_vec()))
    }

    /// The Go SDK's `GetSearchAttributes`: `{"keys": {"CustomKeywordField": "KEYWORD", ...}}`
    /// (the `IndexedValueType` names without their prefix) and the
    /// `GetSearchAttributesResponse`, protobuf-encoded.
    pub async fn get_search_attributes(&self, deadline: Option<Duration>) -> Result<(String, Vec<u8>)> {
        let d = deadline_or_default(deadline);
        let mut service = self.workflow_service().await?;
        let response =
            unary("get search attributes", d, service.get_search_attributes(rpc::request(GetSearchAttributesRequest {}, d)))
                .await?;
        let keys: serde_json::Map<String, Value> = response
            .keys
            .iter()
            .map(|(k, v)| {
                let name = IndexedValueType::try_from(*v)
                    .map(|t| short_name(t.as_str_name(), "INDEXED_VALUE_TYPE_"))
                    .unwrap_or_else(|_| "UNSPECIFIED".to_owned());
                (k.clone(), Value::from(name))
            })
            .collect();
        Ok((json!({ "keys": keys }).to_string(), response.encode_to_vec()))
    }

    /// The Go SDK's `DescribeTaskQueue` (a normal queue of this type), also asking for the
    /// queue's status: `{"pollers": [{"identity", "last_access_time", "rate_per_second"}],
    /// "backlog_count_hint": N or null}` and the `DescribeTaskQueueResponse`, protobuf-encoded.
    pub async fn describe_task_queue(
        &self,
        task_queue: &str,
        queue_type: TaskQueueType,
        deadline: Option<Duration>,
    ) -> Result<(String, Vec<u8>)> {
        if task_queue.is_empty() {
            return Err(Error::invalid_argument("task queue is required"));
        }
        // The legacy request's status (deprecated for the enhanced API, which the Go SDK's
        // DescribeTaskQueue does not use) is where the backlog count hint is.
        #[allow(deprecated)]
        let request = DescribeTaskQueueRequest {
            namespace: self.namespace().to_owned(),
            task_queue: Some(TaskQueue { name: task_queue.to_owned(), kind: TaskQueueKind::Normal as i32, ..Default::default() }),
            task_queue_type: queue_type as i32,
            include_task_queue_status: true,
            ..Default::default()
        };
        let d = deadline_or_default(deadline);
        let mut service = self.workflow_service().await?;
        let response = unary("describe task queue", d, service.describe_task_queue(rpc::request(request, d))).await?;
        let pollers: Vec<Value> = response
            .pollers
            .iter()
            .map(|p| {
                json!({
                    "identity": p.identity,
                    "last_access_time": p.last_access_time.as_ref().map(|t| t.to_string()),
                    "rate_per_second": p.rate_per_second,
                })
            })
            .collect();
        #[allow(deprecated)]
        let backlog = response.task_queue_status.as_ref().map(|s| s.backlog_count_hint);
        let json = json!({ "pollers": pollers, "backlog_count_hint": backlog }).to_string();
        Ok((json, response.encode_to_vec()))
    }

    /// The Go SDK's `ResetWorkflowExecution`: a new run from the history before
    /// `workflow_task_finish_event_id` (a workflow task's completed, failed or timed-out
    /// event), the old run terminated. A fresh request ID per call (the Go SDK fills an empty
    /// one), so retries are de-duplicated. `{"run_id": "<new run>"}` and the
    /// `ResetWorkflowExecutionResponse`, protobuf-encoded.
    pub async fn reset_workflow_execution(
        &self,
        workflow_id: &str,
        run_id: Option<&str>,
        reason: &str,
        workflow_task_finish_event_id: i64,
        deadline: Option<Duration>,
    ) -> Result<(String, Vec<u8>)> {
        if workflow_task_finish_event_id <= 0 {
            return Err(Error::invalid_argument("workflow task finish event ID must be positive"));
        }
        let request = ResetWorkflowExecutionRequest {
            namespace: self.namespace().to_owned(),
            workflow_execution: Some(execution(workflow_id, run_id)?),
            reason: reason.to_owned(),
            workflow_task_finish_event_id,
            request_id: uuid::Uuid::new_v4().to_string(),
            identity: self.identity().to_owned(),
            ..Default::default()
        };
        let d = deadline_or_default(deadline);
        let mut service = self.workflow_service().await?;
        let response = unary("reset workflow", d, service.reset_workflow_execution(rpc::request(request, d))).await?;
        Ok((json!({ "run_id": response.run_id }).to_string(), response.encode_to_vec()))
    }

    /// The Go SDK's `CheckHealth`: the gRPC health service's answer for the workflow service.
    /// SERVING is success; any other status is `UNAVAILABLE`, naming it.
    pub async fn check_health(&self, deadline: Option<Duration>) -> Result<()> {
        let d = deadline_or_default(deadline);
        let mut service = self.workflow_service().await?;
        let request = HealthCheckRequest { service: HEALTH_CHECK_SERVICE.to_owned() };
        let response = unary("check health", d, service.check(rpc::request(request, d))).await?;
        match ServingStatus::try_from(response.status) {
            Ok(ServingStatus::Serving) => Ok(()),
            status => {
                let name = status.map(|s| s.as_str_name().to_owned()).unwrap_or_else(|_| format!("status {}", response.status));
                Err(Error::new(ErrorCode::Unavailable, format!("check health: the server's workflow service is {name}")))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_arguments_take_the_protos_numbers_and_zero_is_the_default() {
        assert_eq!(history_filter(0).unwrap(), HistoryEventFilterType::AllEvent);
        assert_eq!(history_filter(2).unwrap(), HistoryEventFilterType::CloseEvent);
        assert_eq!(history_filter(3).unwrap_err().code, ErrorCode::InvalidArgument);
        assert_eq!(history_filter(-1).unwrap_err().code, ErrorCode::InvalidArgument);
        assert_eq!(task_queue_type(0).unwrap(), TaskQueueType::Workflow);
        assert_eq!(task_queue_type(3).unwrap(), TaskQueueType::Nexus);
        assert_eq!(task_queue_type(4).unwrap_err().code, ErrorCode::InvalidArgument);
        assert_eq!(short_name("INDEXED_VALUE_TYPE_KEYWORD_LIST", "INDEXED_VALUE_TYPE_"), "KEYWORD_LIST");
    }
}
