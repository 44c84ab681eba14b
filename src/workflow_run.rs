//! A workflow run: the Go SDK's `client.WorkflowRun` (internal_workflow_client.go,
//! `workflowRunImpl`). Holds a Workflow ID and a Run ID and waits for the result by long-polling
//! history for the close event, following the run chain exactly as the Go SDK's `Get` does.

use crate::client::Client;
use crate::errors::{Error, ErrorCode, Result};
use crate::failure::{failure_to_json, go_error_string, payloads_to_json_array};
use crate::payloads::{ResultForm, ResultValue};
use crate::rpc::{self, with_deadline, DEFAULT_RPC_TIMEOUT, LONG_POLL_TIMEOUT};
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;
use temporalio_common::protos::temporal::api::{
    common::v1::{Payloads, WorkflowExecution},
    enums::v1::HistoryEventFilterType,
    history::v1::{history_event::Attributes, HistoryEvent},
    workflowservice::v1::{DescribeWorkflowExecutionRequest, GetWorkflowExecutionHistoryRequest},
};
use temporalio_client::grpc::WorkflowService as _;

pub struct WorkflowRun {
    client: Arc<Client>,
    workflow_id: String,
    /// Known at creation (start, or a Run ID given to get_workflow), or resolved once by
    /// Describe at first use, as Go's `sync.OnceValue`.
    run_id: tokio::sync::OnceCell<String>,
    /// Empty for runs from get_workflow, as in the Go SDK.
    workflow_type: String,
}

/// What one closed run ended with.
enum Outcome {
    /// The result's payloads (after the codec), or how the run failed.
    Done(Result<Option<Payloads>>),
    /// The chain goes on in this run (continue-as-new, or a retry / cron run).
    Follow(String),
}

impl WorkflowRun {
    pub(crate) fn new(client: Arc<Client>, workflow_id: String, run_id: Option<String>, workflow_type: String) -> Self {
        let cell = match run_id {
            Some(r) => tokio::sync::OnceCell::new_with(Some(r)),
            None => tokio::sync::OnceCell::new(),
        };
        WorkflowRun { client, workflow_id, run_id: cell, workflow_type }
    }

    pub fn workflow_id(&self) -> &str {
        &self.workflow_id
    }

    pub fn workflow_type(&self) -> &str {
        &self.workflow_type
    }

    /// The Run ID if it is already known, without any RPC.
    pub fn known_run_id(&self) -> Option<&str> {
        self.run_id.get().map(String::as_str)
    }

    /// The Go SDK's `GetRunID`: for a run from get_workflow without a Run ID, asks the server
    /// once for the current run. As in Go, a failure is not an error: the Run ID stays "" and
    /// history calls then address the current run.
    pub async fn run_id(&self) -> &str {
        self.run_id
            .get_or_init(|| async {
                let request = DescribeWorkflowExecutionRequest {
                    namespace: self.client.namespace().to_owned(),
                    execution: Some(WorkflowExecution { workflow_id: self.workflow_id.clone(), run_id: String::new() }),
                };
                // An inherited client (after fork) fails every later call anyway.
                let Ok(mut service) = self.client.workflow_service().await else { return String::new() };
                let described = rpc::unary(
                    "describe workflow",
                    DEFAULT_RPC_TIMEOUT,
                    service.describe_workflow_execution(rpc::request(request, DEFAULT_RPC_TIMEOUT)),
                )
                .await;
                match described {
                    Ok(resp) => {
                        resp.workflow_execution_info.and_then(|i| i.execution).map(|e| e.run_id).unwrap_or_default()
                    }
                    Err(_) => String::new(),
                }
            })
            .await
    }

    /// The Go SDK's `Get`: waits for the workflow to close and returns its result as JSON text.
    /// `timeout` bounds the whole wait (`None`: no limit).
    pub async fn get_result(&self, timeout: Option<Duration>) -> Result<String> {
        match self.get_result_as(timeout, ResultForm::Json).await? {
            ResultValue::Json(json) => Ok(json),
            ResultValue::Payloads(_) => Err(Error::internal("get workflow result: asked for JSON")),
        }
    }

    /// `get_result` with the result in the form the caller asks for.
    pub async fn get_result_as(&self, timeout: Option<Duration>, form: ResultForm) -> Result<ResultValue> {
        with_deadline("get workflow result", timeout, async {
            let mut run_id = self.run_id().await.to_owned();
            loop {
                let event = self.wait_for_close_event(&run_id).await?;
                match self.outcome(&run_id, event) {
                    Outcome::Done(result) => return form.convert(result?),
                    Outcome::Follow(next) => run_id = next,
                }
            }
        })
        .await
    }

    /// Long-polls history for the close event of one run. When the server's long poll expires
    /// it answers with no events and a page token: poll again with it.
    async fn wait_for_close_event(&self, run_id: &str) -> Result<HistoryEvent> {
        let mut next_page_token = Vec::new();
        loop {
            let request = GetWorkflowExecutionHistoryRequest {
                namespace: self.client.namespace().to_owned(),
                execution: Some(WorkflowExecution { workflow_id: self.workflow_id.clone(), run_id: run_id.to_owned() }),
                wait_new_event: true,
                history_event_filter_type: HistoryEventFilterType::CloseEvent as i32,
                skip_archival: true,
                next_page_token: std::mem::take(&mut next_page_token),
                ..Default::default()
            };
            let mut service = self.client.workflow_service().await?;
            let mut response = rpc::long_poll(
                "get workflow result",
                service.get_workflow_execution_history(rpc::request(request, LONG_POLL_TIMEOUT)),
            )
            .await?;
            crate::codec::decode(self.client.codec(), &mut response).await?;
            if let Some(event) = response.history.and_then(|h| h.events.into_iter().next()) {
                return Ok(event);
            }
            if response.next_page_token.is_empty() {
                return Err(Error::internal(format!(
                    "get workflow result: the server returned no close event for workflow {} run {run_id}",
                    self.workflow_id
                )));
            }
            next_page_token = response.next_page_token;
        }
    }

    fn outcome(&self, run_id: &str, event: HistoryEvent) -> Outcome {
        let follow = |next: &str| (!next.is_empty()).then(|| Outcome::Follow(next.to_owned()));
        match event.attributes {
            Some(Attributes::WorkflowExecutionCompletedEventAttributes(a)) => follow(&a.new_execution_run_id)
                .unwrap_or_else(|| Outcome::Done(Ok(a.result))),
            Some(Attributes::WorkflowExecutionContinuedAsNewEventAttributes(a)) => follow(&a.new_execution_run_id)
                .unwrap_or_else(|| {
                    Outcome::Done(Err(Error::internal("continued as new without a new run ID")))
                }),
            Some(Attributes::WorkflowExecutionFailedEventAttributes(a)) => {
                follow(&a.new_execution_run_id).unwrap_or_else(|| {
                    let (cause, failure) = match &a.failure {
                        Some(f) => (go_error_string(f), failure_to_json(f)),
                        None => ("workflow failed".to_owned(), Value::Null),
                    };
                    Outcome::Done(Err(self.execution_error(
                        ErrorCode::WorkflowFailed,
                        run_id,
                        &cause,
                        json!({ "failure": failure }),
                    )))
                })
            }
            Some(Attributes::WorkflowExecutionTimedOutEventAttributes(a)) => follow(&a.new_execution_run_id)
                .unwrap_or_else(|| {
                    Outcome::Done(Err(self.execution_error(
                        ErrorCode::WorkflowTimedOut,
                        run_id,
                        "Workflow timeout (type: StartToClose)",
                        json!({ "timeout_type": "StartToClose" }),
                    )))
                }),
            Some(Attributes::WorkflowExecutionCanceledEventAttributes(a)) => Outcome::Done(Err(self.execution_error(
                ErrorCode::WorkflowCanceled,
                run_id,
                "canceled",
                json!({ "details": payloads_to_json_array(a.details.as_ref()) }),
            ))),
            Some(Attributes::WorkflowExecutionTerminatedEventAttributes(a)) => {
                Outcome::Done(Err(self.execution_error(
                    ErrorCode::WorkflowTerminated,
                    run_id,
                    "terminated",
                    json!({
                        "reason": a.reason,
                        "identity": a.identity,
                        "details": payloads_to_json_array(a.details.as_ref()),
                    }),
                )))
            }
            other => Outcome::Done(Err(Error::internal(format!(
                "unexpected event type {} as the close event",
                other.map(|_| event.event_type).unwrap_or_default()
            )))),
        }
    }

    /// The Go SDK's `WorkflowExecutionError`: names the workflow and the run it ended in.
    fn execution_error(&self, code: ErrorCode, run_id: &str, cause: &str, mut details: Value) -> Error {
        let message = format!(
            "workflow execution error (type: {}, workflowID: {}, runID: {}): {cause}",
            self.workflow_type, self.workflow_id, run_id
        );
        if let Value::Object(map) = &mut details {
            // The cause's text as the Go SDK's Error() prints it, for every outcome (a failure's
            // chain has one per level too), so bindings never word it themselves.
            map.insert("display".into(), json!(cause));
            map.insert("workflow_id".into(), json!(self.workflow_id));
            map.insert("run_id".into(), json!(run_id));
            map.insert("workflow_type".into(), json!(self.workflow_type));
        }
        Error::new(code, message).with_details(details)
    }
}
