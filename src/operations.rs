//! The rest of the Go SDK client's workflow methods: `SignalWorkflow`,
//! `SignalWithStartWorkflow`, `QueryWorkflow`, `UpdateWorkflow`, `CancelWorkflow`,
//! `TerminateWorkflow`, `DescribeWorkflowExecution`, `ListWorkflow`, `CountWorkflow` and
//! `GetWorkflowHistory`, each one raw workflow-service call (or a short loop of them).
//!
//! Every call takes an optional deadline (`None`: the Go SDK's 10 s per call, or no limit for
//! update); transient failures are retried with the Go SDK's policy within it (see [`rpc`]).
//! Arguments come in already converted to payloads; results are JSON text or typed values.

use crate::client::Client;
use crate::errors::{Error, ErrorCode, Result};
use crate::options::ValidStartWorkflowOptions;
use crate::payloads::{ResultForm, ResultValue};
use crate::rpc::{self, deadline_or_default, unary, with_deadline};
use crate::update::{UpdateOptions, UpdateStage, UpdateStart};
use crate::workflow_run::WorkflowRun;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;
use temporalio_client::grpc::WorkflowService as _;
use temporalio_common::protos::temporal::api::{
    common::v1::WorkflowExecution,
    enums::v1::{HistoryEventFilterType, QueryRejectCondition, WorkflowExecutionStatus},
    history::v1::History,
    query::v1::WorkflowQuery,
    workflow::v1::WorkflowExecutionInfo,
    workflowservice::v1::*,
};
use prost::Message as _;
use temporalio_common::protos::google::rpc::Status as RpcStatus;
use temporalio_common::protos::temporal::api::common::v1::Payloads;

/// The Go SDK's `CountWorkflowExecutionsResponse`: the count, and the groups of a
/// `GROUP BY` query (each group's values as JSON, and its count).
#[derive(Clone, Debug, PartialEq)]
pub struct WorkflowCount {
    pub count: i64,
    pub groups: Vec<(Vec<Value>, i64)>,
    /// The `CountWorkflowExecutionsResponse` message, protobuf-encoded.
    pub response: Vec<u8>,
}

impl WorkflowCount {
    /// `{"count": N, "groups": [{"group_values": [...], "count": N}, ...]}`.
    pub fn to_json(&self) -> String {
        let groups: Vec<Value> =
            self.groups.iter().map(|(values, count)| json!({ "group_values": values, "count": count })).collect();
        json!({ "count": self.count, "groups": groups }).to_string()
    }
}

/// The Go SDK's `CancelWorkflowOptions` and `TerminateWorkflowOptions` (less the details):
/// which execution, and why.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TargetOptions {
    pub workflow_id: String,
    /// `None` or empty: the current run.
    pub run_id: Option<String>,
    /// Non-empty: the current run must belong to the chain that started with this run (the
    /// server refuses otherwise); as in Go, the server then targets the current run.
    pub first_execution_run_id: String,
    pub reason: String,
}

/// A completed update: the ID it ran under (given or generated) and its result.
#[derive(Clone, Debug, PartialEq)]
pub struct UpdateResult {
    pub update_id: String,
    pub result: ResultValue,
}

/// Whether the server's error carries a detail of this type (prost would decode any detail
/// into any message type, so the type URL is what tells them apart).
fn has_detail(status: &tonic::Status, type_name: &str) -> bool {
    RpcStatus::decode(status.details())
        .map(|s| s.details.iter().any(|d| d.type_url.ends_with(&format!(".{type_name}"))))
        .unwrap_or(false)
}

pub(crate) fn execution(workflow_id: &str, run_id: Option<&str>) -> Result<WorkflowExecution> {
    if workflow_id.is_empty() {
        return Err(Error::invalid_argument("workflow ID is required"));
    }
    Ok(WorkflowExecution { workflow_id: workflow_id.to_owned(), run_id: run_id.unwrap_or_default().to_owned() })
}

pub(crate) fn status_name(status: i32) -> String {
    WorkflowExecutionStatus::try_from(status)
        .map(|s| s.as_str_name().trim_start_matches("WORKFLOW_EXECUTION_STATUS_").to_owned())
        .unwrap_or_else(|_| "UNSPECIFIED".to_owned())
}

/// The parts of an execution's info a host usually wants, with readable names.
fn execution_info_json(info: &WorkflowExecutionInfo) -> Value {
    let time = |t: &Option<prost_wkt_types::Timestamp>| t.as_ref().map(|t| t.to_string());
    let exec = info.execution.as_ref();
    json!({
        "workflow_id": exec.map(|e| e.workflow_id.as_str()).unwrap_or_default(),
        "run_id": exec.map(|e| e.run_id.as_str()).unwrap_or_default(),
        "workflow_type": info.r#type.as_ref().map(|t| t.name.as_str()).unwrap_or_default(),
        "task_queue": info.task_queue,
        "status": status_name(info.status),
        "start_time": time(&info.start_time),
        "execution_time": time(&info.execution_time),
        "close_time": time(&info.close_time),
        "history_length": info.history_length,
        "memo": info.memo.as_ref().map(|m| payload_map_json(&m.fields)),
        "search_attributes": info.search_attributes.as_ref().map(|s| payload_map_json(&s.indexed_fields)),
        "parent_workflow_id": info.parent_execution.as_ref().map(|p| p.workflow_id.as_str()),
        "parent_run_id": info.parent_execution.as_ref().map(|p| p.run_id.as_str()),
    })
}

/// One payload as a JSON value; one this library cannot decode shows as `null`.
fn payload_value(p: &temporalio_common::protos::temporal::api::common::v1::Payload) -> Value {
    crate::payloads::payload_to_json(p).ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or(Value::Null)
}

fn payload_map_json(
    fields: &std::collections::HashMap<String, temporalio_common::protos::temporal::api::common::v1::Payload>,
) -> Value {
    Value::Object(fields.iter().map(|(k, p)| (k.clone(), payload_value(p))).collect())
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn unhex(text: &str) -> Result<Vec<u8>> {
    let bad = || Error::invalid_argument("page token is not one this library returned");
    if text.len() % 2 != 0 {
        return Err(bad());
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2).ok_or_else(bad)?, 16).map_err(|_| bad())).collect()
}

/// Checks a list request's page size and token without any RPC.
pub fn check_page_request(page_size: i32, page_token: &str) -> Result<()> {
    if page_size < 0 {
        return Err(Error::invalid_argument("page size must not be negative"));
    }
    unhex(page_token).map(|_| ())
}

impl Client {
    /// The Go SDK's `SignalWorkflow`. An empty `run_id` signals the current run.
    pub async fn signal_workflow(
        &self,
        workflow_id: &str,
        run_id: Option<&str>,
        signal_name: &str,
        args: Option<Payloads>,
        deadline: Option<Duration>,
    ) -> Result<()> {
        if signal_name.is_empty() {
            return Err(Error::invalid_argument("signal name is required"));
        }
        let mut request = SignalWorkflowExecutionRequest {
            namespace: self.namespace().to_owned(),
            workflow_execution: Some(execution(workflow_id, run_id)?),
            signal_name: signal_name.to_owned(),
            input: args,
            identity: self.identity().to_owned(),
            request_id: uuid::Uuid::new_v4().to_string(),
            header: crate::headers::current(),
            ..Default::default()
        };
        crate::codec::encode(self.codec(), &mut request).await?;
        let d = deadline_or_default(deadline);
        let mut service = self.workflow_service().await?;
        unary("signal workflow", d, service.signal_workflow_execution(rpc::request(request, d))).await?;
        Ok(())
    }

    /// The Go SDK's `SignalWithStartWorkflow`: signals the workflow, starting it first if it is
    /// not running. Returns the run that received the signal.
    #[allow(clippy::too_many_arguments)]
    pub async fn signal_with_start_workflow(
        self: &Arc<Self>,
        signal_name: &str,
        signal_args: Option<Payloads>,
        workflow_type: &str,
        args: Option<Payloads>,
        options: &ValidStartWorkflowOptions,
        deadline: Option<Duration>,
    ) -> Result<WorkflowRun> {
        if signal_name.is_empty() {
            return Err(Error::invalid_argument("signal name is required"));
        }
        if workflow_type.is_empty() {
            return Err(Error::invalid_argument("workflow type is required"));
        }
        let workflow_id =
            if options.id.is_empty() { uuid::Uuid::new_v4().to_string() } else { options.id.clone() };
        let start = self.start_request(workflow_type, &workflow_id, args, options);
        let mut request = SignalWithStartWorkflowExecutionRequest {
            namespace: start.namespace,
            workflow_id: start.workflow_id,
            workflow_type: start.workflow_type,
            task_queue: start.task_queue,
            input: start.input,
            workflow_execution_timeout: start.workflow_execution_timeout,
            workflow_run_timeout: start.workflow_run_timeout,
            workflow_task_timeout: start.workflow_task_timeout,
            identity: start.identity,
            request_id: start.request_id,
            workflow_id_reuse_policy: start.workflow_id_reuse_policy,
            workflow_id_conflict_policy: start.workflow_id_conflict_policy,
            signal_name: signal_name.to_owned(),
            signal_input: signal_args,
            retry_policy: start.retry_policy,
            cron_schedule: start.cron_schedule,
            memo: start.memo,
            search_attributes: start.search_attributes,
            workflow_start_delay: start.workflow_start_delay,
            header: start.header,
            user_metadata: start.user_metadata,
            priority: start.priority,
            versioning_override: start.versioning_override,
            ..Default::default()
        };
        crate::codec::encode(self.codec(), &mut request).await?;
        let d = deadline_or_default(deadline);
        let mut service = self.workflow_service().await?;
        let response =
            unary("signal with start workflow", d, service.signal_with_start_workflow_execution(rpc::request(request, d)))
                .await?;
        Ok(WorkflowRun::new(self.clone(), workflow_id, Some(response.run_id), workflow_type.to_owned()))
    }

    /// The Go SDK's `QueryWorkflow`: the query handler's answer, in the form asked for.
    #[allow(clippy::too_many_arguments)]
    pub async fn query_workflow(
        &self,
        workflow_id: &str,
        run_id: Option<&str>,
        query_type: &str,
        args: Option<Payloads>,
        deadline: Option<Duration>,
        form: ResultForm,
    ) -> Result<ResultValue> {
        self.query_workflow_with_options(workflow_id, run_id, query_type, args, QueryRejectCondition::None, deadline, form)
            .await
    }

    /// The Go SDK's `QueryWorkflowWithOptions`: a query with a reject condition. A query the
    /// condition refuses is `QUERY_REJECTED`, with the workflow's status (`{"status":
    /// "COMPLETED"}`, as describe names it) in the details.
    #[allow(clippy::too_many_arguments)]
    pub async fn query_workflow_with_options(
        &self,
        workflow_id: &str,
        run_id: Option<&str>,
        query_type: &str,
        args: Option<Payloads>,
        reject_condition: QueryRejectCondition,
        deadline: Option<Duration>,
        form: ResultForm,
    ) -> Result<ResultValue> {
        if query_type.is_empty() {
            return Err(Error::invalid_argument("query type is required"));
        }
        let mut request = QueryWorkflowRequest {
            namespace: self.namespace().to_owned(),
            execution: Some(execution(workflow_id, run_id)?),
            query: Some(WorkflowQuery {
                query_type: query_type.to_owned(),
                query_args: args,
                header: crate::headers::current(),
            }),
            query_reject_condition: reject_condition as i32,
        };
        crate::codec::encode(self.codec(), &mut request).await?;
        let d = deadline_or_default(deadline);
        let mut service = self.workflow_service().await?;
        let response = rpc::call("query workflow", d, service.query_workflow(rpc::request(request, d))).await?;
        let mut response = match response {
            Ok(r) => r,
            Err(status) => {
                if has_detail(&status, "QueryFailedFailure") {
                    return Err(Error::new(ErrorCode::QueryFailed, format!("query workflow: {}", status.message()))
                        .with_details(json!({ "workflow_id": workflow_id, "query_type": query_type })));
                }
                return Err(Error::from_status("query workflow", &status));
            }
        };
        if let Some(rejected) = response.query_rejected {
            let status = status_name(rejected.status);
            return Err(Error::new(
                ErrorCode::QueryRejected,
                format!("query workflow: rejected by the reject condition, the workflow is {status}"),
            )
            .with_details(json!({ "status": status })));
        }
        crate::codec::decode(self.codec(), &mut response).await?;
        form.convert(response.query_result)
    }

    /// The Go SDK's `UpdateWorkflow` waiting for the update to complete: sends the update and
    /// returns its result as JSON, or `UPDATE_FAILED` with the failure. `deadline` `None`:
    /// wait as long as it takes. The update handle's start and result (`update.rs`), in one.
    pub async fn update_workflow(
        self: &Arc<Self>,
        workflow_id: &str,
        run_id: Option<&str>,
        update_name: &str,
        update_id: Option<&str>,
        args: Option<Payloads>,
        deadline: Option<Duration>,
        form: ResultForm,
    ) -> Result<UpdateResult> {
        let options = UpdateOptions {
            update_id: update_id.map(str::to_owned),
            wait_for_stage: UpdateStage::Completed,
            first_execution_run_id: String::new(),
        };
        let start = UpdateStart::new(workflow_id, run_id, update_name, args, options)?;
        let update_id = start.update_id().to_owned();
        // The handle holds the outcome (COMPLETED), so its result makes no further call.
        let handle = self.start_update(start, deadline).await?;
        let result = handle.get_result_as(None, form).await?;
        Ok(UpdateResult { update_id, result })
    }

    /// The Go SDK's `CancelWorkflow`: asks the workflow to cancel (it decides how).
    pub async fn cancel_workflow(&self, workflow_id: &str, run_id: Option<&str>, deadline: Option<Duration>) -> Result<()> {
        let options = TargetOptions { workflow_id: workflow_id.to_owned(), run_id: run_id.map(str::to_owned), ..Default::default() };
        self.cancel_workflow_with_options(&options, deadline).await
    }

    /// The Go SDK's `CancelWorkflowWithOptions`: `CancelWorkflow` with a reason, and a first
    /// execution Run ID the current run's chain must start with.
    pub async fn cancel_workflow_with_options(&self, o: &TargetOptions, deadline: Option<Duration>) -> Result<()> {
        let request = RequestCancelWorkflowExecutionRequest {
            namespace: self.namespace().to_owned(),
            workflow_execution: Some(execution(&o.workflow_id, o.run_id.as_deref())?),
            identity: self.identity().to_owned(),
            request_id: uuid::Uuid::new_v4().to_string(),
            first_execution_run_id: o.first_execution_run_id.clone(),
            reason: o.reason.clone(),
            ..Default::default()
        };
        let d = deadline_or_default(deadline);
        let mut service = self.workflow_service().await?;
        unary("cancel workflow", d, service.request_cancel_workflow_execution(rpc::request(request, d))).await?;
        Ok(())
    }

    /// The Go SDK's `TerminateWorkflow`, with a reason and optional details (a JSON array).
    pub async fn terminate_workflow(
        &self,
        workflow_id: &str,
        run_id: Option<&str>,
        reason: &str,
        details: Option<Payloads>,
        deadline: Option<Duration>,
    ) -> Result<()> {
        let options = TargetOptions {
            workflow_id: workflow_id.to_owned(),
            run_id: run_id.map(str::to_owned),
            reason: reason.to_owned(),
            ..Default::default()
        };
        self.terminate_workflow_with_options(&options, details, deadline).await
    }

    /// The Go SDK's `TerminateWorkflowWithOptions`: `TerminateWorkflow` with a first execution
    /// Run ID the current run's chain must start with.
    pub async fn terminate_workflow_with_options(
        &self,
        o: &TargetOptions,
        details: Option<Payloads>,
        deadline: Option<Duration>,
    ) -> Result<()> {
        let mut request = TerminateWorkflowExecutionRequest {
            namespace: self.namespace().to_owned(),
            workflow_execution: Some(execution(&o.workflow_id, o.run_id.as_deref())?),
            reason: o.reason.clone(),
            details,
            identity: self.identity().to_owned(),
            first_execution_run_id: o.first_execution_run_id.clone(),
            ..Default::default()
        };
        crate::codec::encode(self.codec(), &mut request).await?;
        let d = deadline_or_default(deadline);
        let mut service = self.workflow_service().await?;
        unary("terminate workflow", d, service.terminate_workflow_execution(rpc::request(request, d))).await?;
        Ok(())
    }

    /// The Go SDK's `DescribeWorkflowExecution`: JSON with `workflow_id`, `run_id`,
    /// `workflow_type`, `task_queue`, `status`, `start_time`, `execution_time`, `close_time`,
    /// `history_length`, `memo`, `search_attributes`, `parent_workflow_id`, `parent_run_id`,
    /// `pending_activities`, `pending_children`, `callbacks`; and the
    /// `DescribeWorkflowExecutionResponse` (after the codec's decode), protobuf-encoded.
    pub async fn describe_workflow_execution(
        &self,
        workflow_id: &str,
        run_id: Option<&str>,
        deadline: Option<Duration>,
    ) -> Result<(String, Vec<u8>)> {
        let request = DescribeWorkflowExecutionRequest {
            namespace: self.namespace().to_owned(),
            execution: Some(execution(workflow_id, run_id)?),
        };
        let d = deadline_or_default(deadline);
        let mut service = self.workflow_service().await?;
        let mut response =
            unary("describe workflow", d, service.describe_workflow_execution(rpc::request(request, d))).await?;
        crate::codec::decode(self.codec(), &mut response).await?;
        let mut out = response.workflow_execution_info.as_ref().map(execution_info_json).unwrap_or(json!({}));
        out["pending_activities"] = json!(response.pending_activities.len());
        out["pending_children"] = json!(response.pending_children.len());
        out["callbacks"] = json!(response.callbacks.len());
        Ok((out.to_string(), response.encode_to_vec()))
    }

    /// The Go SDK's `ListWorkflow`: one page of executions matching a visibility query
    /// (`""`: all). Returns `{"executions": [...], "next_page_token": "..."}` (pass the token
    /// back for the next page; `""` means there is none) and the `ListWorkflowExecutionsResponse`
    /// (after the codec's decode), protobuf-encoded.
    pub async fn list_workflow(
        &self,
        query: &str,
        page_size: i32,
        page_token: &str,
        deadline: Option<Duration>,
    ) -> Result<(String, Vec<u8>)> {
        check_page_request(page_size, page_token)?;
        let request = ListWorkflowExecutionsRequest {
            namespace: self.namespace().to_owned(),
            page_size,
            next_page_token: unhex(page_token)?,
            query: query.to_owned(),
        };
        let d = deadline_or_default(deadline);
        let mut service = self.workflow_service().await?;
        let mut response = unary("list workflows", d, service.list_workflow_executions(rpc::request(request, d))).await?;
        crate::codec::decode(self.codec(), &mut response).await?;
        let executions: Vec<Value> = response.executions.iter().map(execution_info_json).collect();
        let json = json!({ "executions": executions, "next_page_token": hex(&response.next_page_token) }).to_string();
        Ok((json, response.encode_to_vec()))
    }

    /// The Go SDK's `CountWorkflow` for a visibility query (`""`: all): the count, and the
    /// groups of a `GROUP BY` query.
    pub async fn count_workflow(&self, query: &str, deadline: Option<Duration>) -> Result<WorkflowCount> {
        let request = CountWorkflowExecutionsRequest { namespace: self.namespace().to_owned(), query: query.to_owned() };
        let d = deadline_or_default(deadline);
        let mut service = self.workflow_service().await?;
        let response = unary("count workflows", d, service.count_workflow_executions(rpc::request(request, d))).await?;
        let groups = response
            .groups
            .iter()
            .map(|g| (g.group_values.iter().map(payload_value).collect(), g.count))
            .collect();
        Ok(WorkflowCount { count: response.count, groups, response: response.encode_to_vec() })
    }

    /// The Go SDK's `GetWorkflowHistory`, every page, as the proto's JSON form
    /// (`{"events": [...]}`). `deadline` bounds the whole fetch.
    pub async fn get_workflow_history(
        &self,
        workflow_id: &str,
        run_id: Option<&str>,
        deadline: Option<Duration>,
    ) -> Result<String> {
        let exec = execution(workflow_id, run_id)?;
        let d = deadline_or_default(deadline);
        with_deadline("get workflow history", Some(d), async {
            let mut service = self.workflow_service().await?;
            let mut history = History::default();
            let mut token = Vec::new();
            loop {
                let request = GetWorkflowExecutionHistoryRequest {
                    namespace: self.namespace().to_owned(),
                    execution: Some(exec.clone()),
                    next_page_token: std::mem::take(&mut token),
                    history_event_filter_type: HistoryEventFilterType::AllEvent as i32,
                    ..Default::default()
                };
                let page =
                    unary("get workflow history", d, service.get_workflow_execution_history(rpc::request(request, d)))
                        .await?;
                history.events.extend(page.history.map(|h| h.events).unwrap_or_default());
                if page.next_page_token.is_empty() {
                    break;
                }
                token = page.next_page_token;
            }
            serde_json::to_string(&history).map_err(|e| Error::internal(format!("history to JSON: {e}")))
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_tokens_round_trip_and_bad_ones_are_refused() {
        assert_eq!(unhex(&hex(&[0, 1, 254, 255])).unwrap(), vec![0, 1, 254, 255]);
        assert!(unhex("").unwrap().is_empty());
        assert_eq!(unhex("abc").unwrap_err().code, ErrorCode::InvalidArgument);
        assert_eq!(unhex("zz").unwrap_err().code, ErrorCode::InvalidArgument);
        assert_eq!(unhex("é0").unwrap_err().code, ErrorCode::InvalidArgument);
    }
}
