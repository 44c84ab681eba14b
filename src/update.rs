//! Workflow updates with handles, as the Go SDK client has them (internal_workflow_client.go):
//! `UpdateWorkflow` with a wait stage returning a `WorkflowUpdateHandle`,
//! `GetWorkflowUpdateHandle` for an update another process started, and
//! `UpdateWithStartWorkflow` (an `ExecuteMultiOperation` of a start and an update).
//!
//! Built on the raw workflow-service calls, as `operations.rs` is, rather than on
//! `temporalio-client`'s typed `start_update` / `start_update_with_start_workflow`: those always
//! wait for ACCEPTED only (no COMPLETED stage), send no first-execution Run ID, need a typed
//! update definition, and build the start request from the crate's own options (no start delay,
//! no memo as already-converted payloads, no cron), so the update-with-start could not send the
//! same start request as `temporal_execute_workflow`.

use crate::client::Client;
use crate::errors::{Error, ErrorCode, Result};
use crate::failure::{failure_to_json, go_error_string};
use crate::options::{ValidStartWorkflowOptions, WorkflowIdConflictPolicy};
use crate::payloads::{ResultForm, ResultValue};
use crate::rpc::{self, unary, with_deadline, LONG_POLL_TIMEOUT};
use crate::workflow_run::WorkflowRun;
use prost::Message as _;
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;
use temporalio_client::grpc::WorkflowService as _;
use temporalio_common::protos::google::rpc::Status as RpcStatus;
use temporalio_common::protos::temporal::api::{
    common::v1::{Payloads, WorkflowExecution},
    enums::v1::UpdateWorkflowExecutionLifecycleStage as ProtoStage,
    errordetails::v1::{MultiOperationExecutionFailure, WorkflowExecutionAlreadyStartedFailure},
    update::v1::{outcome::Value as OutcomeValue, Input, Meta, Outcome, Request as UpdateRequest, UpdateRef, WaitPolicy},
    workflowservice::v1::{
        execute_multi_operation_request::{operation::Operation as MultiRequest, Operation},
        execute_multi_operation_response::response::Response as MultiResponse,
        ExecuteMultiOperationRequest, PollWorkflowExecutionUpdateRequest, UpdateWorkflowExecutionRequest,
        UpdateWorkflowExecutionResponse,
    },
};
use temporalio_common::protos::utilities::decode_status_detail;

/// The Go SDK's `client.WorkflowUpdateStage`, with its numbers: the stage an update start
/// waits for. The numbers are part of the C ABI and never change.
///
/// The zero value is UNSPECIFIED and is refused, as the Go SDK refuses an unset `WaitForStage`
/// ("WaitForStage must be specified"): the two stages differ in what the call waits for (the
/// worker's validator, or the whole handler), and neither is a safe guess for the caller.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UpdateStage {
    /// Not set: refused with `INVALID_ARGUMENT`, as the Go SDK refuses it.
    #[default]
    Unspecified = 0,
    /// Admitted by the server only: refused, as the Go SDK refuses it ("not supported").
    Admitted = 1,
    /// Accepted by the workflow's validator: the call completes then, and the handle's result
    /// wait gives the outcome.
    Accepted = 2,
    /// Completed: the call completes with the outcome, which the handle's result gives at once.
    Completed = 3,
}

impl UpdateStage {
    /// A stage an update start may wait for: ACCEPTED or COMPLETED, as the Go SDK allows.
    pub fn from_i32(v: i32) -> Result<Self> {
        match v {
            0 => Err(Error::invalid_argument(
                "update options: wait_for_stage must be specified (TEMPORAL_UPDATE_STAGE_ACCEPTED or \
                 TEMPORAL_UPDATE_STAGE_COMPLETED), as the Go SDK's WaitForStage",
            )),
            1 => Err(Error::invalid_argument("update options: wait_for_stage ADMITTED is not supported (as in the Go SDK)")),
            2 => Ok(Self::Accepted),
            3 => Ok(Self::Completed),
            other => Err(Error::invalid_argument(format!("update options: unknown wait_for_stage {other}"))),
        }
    }

    fn proto(self) -> ProtoStage {
        match self {
            Self::Unspecified => ProtoStage::Unspecified,
            Self::Admitted => ProtoStage::Admitted,
            Self::Accepted => ProtoStage::Accepted,
            Self::Completed => ProtoStage::Completed,
        }
    }
}

/// The Go SDK's `client.UpdateWorkflowOptions` apart from the target and the arguments.
#[derive(Clone, Debug)]
pub struct UpdateOptions {
    /// `None`: a new UUIDv4, as the Go SDK generates.
    pub update_id: Option<String>,
    /// ACCEPTED or COMPLETED (checked by [`UpdateStage::from_i32`]).
    pub wait_for_stage: UpdateStage,
    /// Empty: not set. The update is refused if the workflow ID's chain does not start there.
    pub first_execution_run_id: String,
}

/// A checked update: everything a start sends, with its ID chosen.
#[derive(Clone, Debug)]
pub struct UpdateStart {
    workflow_id: String,
    run_id: String,
    update_name: String,
    update_id: String,
    args: Option<Payloads>,
    wait_for_stage: UpdateStage,
    first_execution_run_id: String,
}

impl UpdateStart {
    /// Checks the update on the caller's thread (no RPC). `workflow_id` may be empty only for
    /// an update-with-start, which takes the start's.
    pub fn new(
        workflow_id: &str,
        run_id: Option<&str>,
        update_name: &str,
        args: Option<Payloads>,
        options: UpdateOptions,
    ) -> Result<Self> {
        if update_name.is_empty() {
            return Err(Error::invalid_argument("update name is required"));
        }
        if matches!(options.wait_for_stage, UpdateStage::Unspecified | UpdateStage::Admitted) {
            UpdateStage::from_i32(options.wait_for_stage as i32)?;
        }
        Ok(UpdateStart {
            workflow_id: workflow_id.to_owned(),
            run_id: run_id.unwrap_or_default().to_owned(),
            update_name: update_name.to_owned(),
            update_id: options.update_id.filter(|u| !u.is_empty()).unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
            args,
            wait_for_stage: options.wait_for_stage,
            first_execution_run_id: options.first_execution_run_id,
        })
    }

    /// The update's ID (the caller's, or the generated one).
    pub fn update_id(&self) -> &str {
        &self.update_id
    }

    fn request(&self, client: &Client) -> UpdateWorkflowExecutionRequest {
        UpdateWorkflowExecutionRequest {
            namespace: client.namespace().to_owned(),
            workflow_execution: Some(WorkflowExecution { workflow_id: self.workflow_id.clone(), run_id: self.run_id.clone() }),
            first_execution_run_id: self.first_execution_run_id.clone(),
            wait_policy: Some(WaitPolicy { lifecycle_stage: self.wait_for_stage.proto() as i32 }),
            request: Some(UpdateRequest {
                meta: Some(Meta { update_id: self.update_id.clone(), identity: client.identity().to_owned() }),
                input: Some(Input { header: crate::headers::current(), name: self.update_name.clone(), args: self.args.clone() }),
                ..Default::default()
            }),
        }
    }
}

/// Checks start options for an update-with-start on the caller's thread: the Go SDK's
/// `NewWithStartWorkflowOperation` requires a conflict policy.
pub fn check_with_start_options(options: &ValidStartWorkflowOptions) -> Result<()> {
    if options.workflow_id_conflict_policy == WorkflowIdConflictPolicy::Unspecified {
        return Err(Error::invalid_argument(
            "update with start workflow: options.id_conflict_policy must be set (the Go SDK requires \
             WorkflowIDConflictPolicy in StartWorkflowOptions for update-with-start)",
        ));
    }
    Ok(())
}

/// The Go SDK's `client.WorkflowUpdateHandle`: an update's IDs, and its result on demand.
/// From a start that waited for COMPLETED (or an update the validator rejected) it holds the
/// outcome; otherwise (ACCEPTED, or by ID) each result wait polls the server for it.
pub struct UpdateHandle {
    client: Arc<Client>,
    workflow_id: String,
    run_id: String,
    update_id: String,
    /// For messages; unknown for a handle by ID.
    update_name: Option<String>,
    known_outcome: Option<Outcome>,
}

/// Whether the server made the update durable (past ADMITTED): until then the request is sent
/// again, as the Go SDK's `updateIsDurable` (an old server may answer UNSPECIFIED).
fn is_durable(stage: i32) -> bool {
    stage != ProtoStage::Admitted as i32 && stage != ProtoStage::Unspecified as i32
}

impl UpdateHandle {
    /// The update ID (the Go SDK's `UpdateID()`).
    pub fn update_id(&self) -> &str {
        &self.update_id
    }

    /// The Workflow ID (the Go SDK's `WorkflowID()`).
    pub fn workflow_id(&self) -> &str {
        &self.workflow_id
    }

    /// The Run ID the server named for the update, or the one given; "" if neither.
    pub fn run_id(&self) -> &str {
        &self.run_id
    }

    fn from_response(client: Arc<Client>, start: &UpdateStart, response: &UpdateWorkflowExecutionResponse) -> Self {
        let run_id = response
            .update_ref
            .as_ref()
            .and_then(|r| r.workflow_execution.as_ref())
            .map(|e| e.run_id.clone())
            .filter(|r| !r.is_empty())
            .unwrap_or_else(|| start.run_id.clone());
        let workflow_id = response
            .update_ref
            .as_ref()
            .and_then(|r| r.workflow_execution.as_ref())
            .map(|e| e.workflow_id.clone())
            .filter(|w| !w.is_empty())
            .unwrap_or_else(|| start.workflow_id.clone());
        UpdateHandle {
            client,
            workflow_id,
            run_id,
            update_id: start.update_id.clone(),
            update_name: Some(start.update_name.clone()),
            known_outcome: response.outcome.clone().filter(|o| o.value.is_some()),
        }
    }

    fn update_ref(&self) -> UpdateRef {
        UpdateRef {
            workflow_execution: Some(WorkflowExecution { workflow_id: self.workflow_id.clone(), run_id: self.run_id.clone() }),
            update_id: self.update_id.clone(),
        }
    }

    /// Long-polls the server until the update completed (the Go SDK's `PollWorkflowUpdate`):
    /// each poll is bounded by the long-poll interval and sent again when it passes empty.
    async fn poll_outcome(&self) -> Result<Outcome> {
        let mut service = self.client.workflow_service().await?;
        loop {
            let poll = PollWorkflowExecutionUpdateRequest {
                namespace: self.client.namespace().to_owned(),
                update_ref: Some(self.update_ref()),
                identity: self.client.identity().to_owned(),
                wait_policy: Some(WaitPolicy { lifecycle_stage: ProtoStage::Completed as i32 }),
            };
            let polled = unary(
                "get update result",
                LONG_POLL_TIMEOUT,
                service.poll_workflow_execution_update(rpc::request(poll, LONG_POLL_TIMEOUT)),
            )
            .await;
            match polled {
                Ok(mut r) => {
                    crate::codec::decode(self.client.codec(), &mut r).await?;
                    if let Some(outcome) = r.outcome.filter(|o| o.value.is_some()) {
                        return Ok(outcome);
                    }
                }
                Err(e) if e.code == ErrorCode::DeadlineExceeded => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// The Go SDK's `WorkflowUpdateHandle.Get`: the update's result as JSON, or
    /// `UPDATE_FAILED` (rejected by the validator or failed in the handler) with the failure.
    /// Waits as long as the update runs, at most `deadline` (`None`: no limit).
    pub async fn get_result(&self, deadline: Option<Duration>) -> Result<String> {
        match self.get_result_as(deadline, ResultForm::Json).await? {
            ResultValue::Json(json) => Ok(json),
            ResultValue::Payloads(_) => Err(Error::internal("get update result: asked for JSON")),
        }
    }

    /// `get_result` with the result in the form the caller asks for.
    pub async fn get_result_as(&self, deadline: Option<Duration>, form: ResultForm) -> Result<ResultValue> {
        with_deadline("get update result", deadline, async {
            let outcome = match &self.known_outcome {
                Some(known) => known.clone(),
                None => self.poll_outcome().await?,
            };
            form.convert(Some(outcome_result(outcome, &self.workflow_id, self.update_name.as_deref(), &self.update_id)?))
        })
        .await
        .map_err(|e| e.with_detail("update_id", json!(self.update_id)))
    }
}

/// An update's outcome as its result's payloads or its failure: the failure's chain in the
/// details, with the update ID, and Go's `Error()` text in the message.
pub(crate) fn outcome_result(outcome: Outcome, workflow_id: &str, update_name: Option<&str>, update_id: &str) -> Result<Payloads> {
    let update = match update_name {
        Some(name) => format!("update {name} (updateID: {update_id})"),
        None => format!("update (updateID: {update_id})"),
    };
    match outcome.value {
        Some(OutcomeValue::Success(payloads)) => Ok(payloads),
        Some(OutcomeValue::Failure(failure)) => Err(Error::new(
            ErrorCode::UpdateFailed,
            format!("{update} of workflow {workflow_id} failed: {}", go_error_string(&failure)),
        )
        .with_details(json!({ "workflow_id": workflow_id, "update_id": update_id, "failure": failure_to_json(&failure) }))),
        None => Err(Error::internal("update completed without an outcome")),
    }
}

/// An update-with-start's two results: the run it started (or found, with USE_EXISTING) and the
/// update's handle.
pub struct UpdateWithStart {
    pub run: WorkflowRun,
    pub handle: UpdateHandle,
}

/// The status of the one operation that failed in a multi-operation, or `None` if the status
/// is not a multi-operation failure (every other operation is marked aborted).
fn failed_operation(status: &tonic::Status) -> Option<(usize, tonic::Status)> {
    let failure = decode_status_detail::<MultiOperationExecutionFailure>(status.details())?;
    failure.statuses.into_iter().enumerate().find_map(|(i, s)| {
        let aborted = s.details.iter().any(|d| d.type_url.ends_with(".MultiOperationExecutionAborted"));
        (s.code != tonic::Code::Ok as i32 && !aborted).then(|| {
            let details = RpcStatus { code: s.code, message: s.message.clone(), details: s.details }.encode_to_vec();
            (i, tonic::Status::with_details(tonic::Code::from(s.code), s.message, details.into()))
        })
    })
}

impl Client {
    /// The Go SDK's `UpdateWorkflow`: sends the update and returns its handle once it reached
    /// the wait stage (for COMPLETED, with the outcome). An update the validator rejects is not
    /// an error here, as in Go: the handle's result is the rejection. `deadline` `None`: no limit.
    pub async fn start_update(self: &Arc<Self>, start: UpdateStart, deadline: Option<Duration>) -> Result<UpdateHandle> {
        if start.workflow_id.is_empty() {
            return Err(Error::invalid_argument("workflow ID is required"));
        }
        let update_id = start.update_id.clone();
        with_deadline("update workflow", deadline, async {
            let mut request = start.request(self);
            crate::codec::encode(self.codec(), &mut request).await?;
            let mut service = self.workflow_service().await?;
            let mut response = loop {
                let attempt = unary(
                    "update workflow",
                    LONG_POLL_TIMEOUT,
                    service.update_workflow_execution(rpc::request(request.clone(), LONG_POLL_TIMEOUT)),
                )
                .await;
                match attempt {
                    Err(e) if e.code == ErrorCode::DeadlineExceeded => continue,
                    Err(e) => return Err(e),
                    Ok(r) if is_durable(r.stage) => break r,
                    Ok(_) => continue,
                }
            };
            crate::codec::decode(self.codec(), &mut response).await?;
            self.finish_handle(&start, &response).await
        })
        .await
        .map_err(|e| e.with_detail("update_id", json!(update_id)))
    }

    /// The handle for a durable update's response, polled to completion if the caller waits for
    /// COMPLETED and the server answered earlier (the Go SDK's `updateHandleFromResponse`).
    async fn finish_handle(self: &Arc<Self>, start: &UpdateStart, response: &UpdateWorkflowExecutionResponse) -> Result<UpdateHandle> {
        let mut handle = UpdateHandle::from_response(self.clone(), start, response);
        if start.wait_for_stage == UpdateStage::Completed && handle.known_outcome.is_none() {
            handle.known_outcome = Some(handle.poll_outcome().await?);
        }
        Ok(handle)
    }

    /// The Go SDK's `GetWorkflowUpdateHandle`: a handle for an update another process started.
    /// No RPC: an unknown update is found out by the result wait (`NOT_FOUND`).
    pub fn get_update_handle(self: &Arc<Self>, workflow_id: &str, run_id: Option<&str>, update_id: &str) -> Result<UpdateHandle> {
        if workflow_id.is_empty() {
            return Err(Error::invalid_argument("workflow ID is required"));
        }
        if update_id.is_empty() {
            return Err(Error::invalid_argument("update ID is required"));
        }
        Ok(UpdateHandle {
            client: self.clone(),
            workflow_id: workflow_id.to_owned(),
            run_id: run_id.unwrap_or_default().to_owned(),
            update_id: update_id.to_owned(),
            update_name: None,
            known_outcome: None,
        })
    }

    /// The Go SDK's `UpdateWithStartWorkflow` with a `NewWithStartWorkflowOperation`: starts the
    /// workflow (or, per the conflict policy, uses the running one) and sends it the update in
    /// one `ExecuteMultiOperation`, sent again until the update is durable. The options passed
    /// [`check_with_start_options`]; `error_when_already_started` is ignored, as in Go.
    pub async fn update_with_start_workflow(
        self: &Arc<Self>,
        mut update: UpdateStart,
        workflow_type: &str,
        args: Option<Payloads>,
        options: &ValidStartWorkflowOptions,
        deadline: Option<Duration>,
    ) -> Result<UpdateWithStart> {
        if workflow_type.is_empty() {
            return Err(Error::invalid_argument("workflow type is required"));
        }
        check_with_start_options(options)?;
        let workflow_id = if options.id.is_empty() { uuid::Uuid::new_v4().to_string() } else { options.id.clone() };
        if update.workflow_id.is_empty() {
            update.workflow_id = workflow_id.clone();
        }
        let update_id = update.update_id.clone();
        let what = "update with start workflow";
        with_deadline(what, deadline, async {
            let start_request = self.start_request(workflow_type, &workflow_id, args, options);
            let mut request = ExecuteMultiOperationRequest {
                namespace: self.namespace().to_owned(),
                operations: vec![
                    Operation { operation: Some(MultiRequest::StartWorkflow(start_request)) },
                    Operation { operation: Some(MultiRequest::UpdateWorkflow(update.request(self))) },
                ],
                ..Default::default()
            };
            crate::codec::encode(self.codec(), &mut request).await?;
            let mut service = self.workflow_service().await?;
            let mut run_id: Option<String> = None;
            let update_response = loop {
                let answer = rpc::call(
                    what,
                    LONG_POLL_TIMEOUT,
                    service.execute_multi_operation(rpc::request(request.clone(), LONG_POLL_TIMEOUT)),
                )
                .await;
                let response = match answer {
                    Err(e) if e.code == ErrorCode::DeadlineExceeded => continue,
                    Err(e) => return Err(e),
                    Ok(Ok(mut response)) => {
                        crate::codec::decode(self.codec(), &mut response).await?;
                        response
                    }
                    Ok(Err(status)) => return Err(multi_operation_error(&status, &workflow_id)),
                };
                let mut responses = response.responses.into_iter().map(|r| r.response);
                let (Some(Some(MultiResponse::StartWorkflow(started))), Some(Some(MultiResponse::UpdateWorkflow(updated))), None) =
                    (responses.next(), responses.next(), responses.next())
                else {
                    return Err(Error::internal(format!(
                        "{what}: the server's answer is not a start and an update response"
                    )));
                };
                // The first start response names the run, as Go's onStart.
                run_id.get_or_insert(started.run_id);
                if is_durable(updated.stage) {
                    break updated;
                }
            };
            let handle = self.finish_handle(&update, &update_response).await?;
            let run = WorkflowRun::new(self.clone(), workflow_id.clone(), run_id, workflow_type.to_owned());
            Ok(UpdateWithStart { run, handle })
        })
        .await
        .map_err(|e| e.with_detail("update_id", json!(update_id)))
    }
}

/// The error of a refused update-with-start, attributed to the operation that failed, worded as
/// the Go SDK's ("failed workflow start: ...", "failed workflow update: ...").
fn multi_operation_error(status: &tonic::Status, workflow_id: &str) -> Error {
    let what = "update with start workflow";
    match failed_operation(status) {
        Some((0, start)) => {
            let error = Error::from_status(&format!("{what}: failed workflow start"), &start);
            match decode_status_detail::<WorkflowExecutionAlreadyStartedFailure>(start.details()) {
                Some(existing) => error.with_detail("workflow_id", json!(workflow_id)).with_detail("run_id", json!(existing.run_id)),
                None => error,
            }
        }
        Some((_, update)) => Error::from_status(&format!("{what}: failed workflow update"), &update),
        None => Error::from_status(what, status),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wait_stages_are_the_go_sdks_and_unset_is_refused() {
        assert_eq!(UpdateStage::from_i32(2).unwrap(), UpdateStage::Accepted);
        assert_eq!(UpdateStage::from_i32(3).unwrap(), UpdateStage::Completed);
        assert!(UpdateStage::from_i32(0).unwrap_err().message.contains("wait_for_stage must be specified"));
        assert!(UpdateStage::from_i32(1).unwrap_err().message.contains("not supported"));
        assert!(UpdateStage::from_i32(4).unwrap_err().message.contains("unknown wait_for_stage 4"));
        for (n, s) in [(0, UpdateStage::Unspecified), (1, UpdateStage::Admitted), (2, UpdateStage::Accepted), (3, UpdateStage::Completed)] {
            assert_eq!(s as i32, n);
        }
    }

    #[test]
    fn durable_means_past_admitted() {
        assert!(!is_durable(ProtoStage::Unspecified as i32));
        assert!(!is_durable(ProtoStage::Admitted as i32));
        assert!(is_durable(ProtoStage::Accepted as i32));
        assert!(is_durable(ProtoStage::Completed as i32));
    }

    #[test]
    fn an_update_needs_a_name_and_gets_an_id() {
        let options = || UpdateOptions { update_id: None, wait_for_stage: UpdateStage::Accepted, first_execution_run_id: String::new() };
        assert_eq!(UpdateStart::new("w", None, "", None, options()).unwrap_err().code, ErrorCode::InvalidArgument);
        let a = UpdateStart::new("w", None, "add", None, options()).unwrap();
        let b = UpdateStart::new("w", None, "add", None, options()).unwrap();
        assert_eq!(a.update_id().len(), 36);
        assert_ne!(a.update_id(), b.update_id());
        let given = UpdateOptions { update_id: Some("mine".into()), ..options() };
        assert_eq!(UpdateStart::new("w", None, "add", None, given).unwrap().update_id(), "mine");
        let unset = UpdateOptions { wait_for_stage: UpdateStage::Unspecified, ..options() };
        assert!(UpdateStart::new("w", None, "add", None, unset).is_err());
    }

    #[test]
    fn a_multi_operation_failure_names_the_operation_that_failed() {
        use temporalio_common::protos::temporal::api::errordetails::v1::multi_operation_execution_failure::OperationStatus;
        let aborted = prost_wkt_types::Any {
            type_url: "type.googleapis.com/temporal.api.failure.v1.MultiOperationExecutionAborted".into(),
            value: vec![],
        };
        let failure = MultiOperationExecutionFailure {
            statuses: vec![
                OperationStatus { code: tonic::Code::InvalidArgument as i32, message: "bad start".into(), details: vec![] },
                OperationStatus { code: tonic::Code::Aborted as i32, message: "aborted".into(), details: vec![aborted] },
            ],
        };
        let detail = prost_wkt_types::Any {
            type_url: "type.googleapis.com/temporal.api.errordetails.v1.MultiOperationExecutionFailure".into(),
            value: failure.encode_to_vec(),
        };
        let details = RpcStatus { code: tonic::Code::InvalidArgument as i32, message: "multi".into(), details: vec![detail] };
        let status = tonic::Status::with_details(tonic::Code::InvalidArgument, "multi", details.encode_to_vec().into());
        let e = multi_operation_error(&status, "w");
        assert_eq!(e.code, ErrorCode::InvalidArgument);
        assert!(e.message.contains("failed workflow start: bad start"), "{}", e.message);
        let plain = multi_operation_error(&tonic::Status::unavailable("down"), "w");
        assert_eq!(plain.code, ErrorCode::Unavailable);
    }
}
