//! Async activity completion: the Go SDK client's `CompleteActivity`, `CompleteActivityByID`,
//! `RecordActivityHeartbeat` and `RecordActivityHeartbeatByID` (internal_workflow_client.go).
//! An activity that returned `activity.ErrResultPending` is completed, failed, reported canceled
//! or heartbeated from outside its worker, by its task token or by workflow and activity ID.
//!
//! The RPCs are `temporalio-client`'s `AsyncActivityHandle`. Payloads pass through it unchanged
//! (its default converter hands a `RawValue`'s payloads on as they are), so the worker reads the
//! payloads [`crate::payloads`] made, byte for byte what the Go SDK's converter writes, after
//! this client's codec (applied here, so the crate's own codec stays the no-op default). Every
//! call has a deadline (`None`: the Go SDK's 10 s) within which transient failures are retried
//! with the Go SDK's policy, as every other call of the library (see [`rpc`]).

use crate::client::Client;
use crate::errors::{Error, ErrorCode, Result};
use crate::rpc::{self, deadline_or_default, go_retry_options};
use serde_json::json;
use std::future::Future;
use std::time::Duration;
use temporalio_client::errors::AsyncActivityError;
use temporalio_client::{ActivityIdentifier, AsyncActivityHandle, ClientOptions, RpcOptions};
use temporalio_common::data_converters::{DecodablePayloads, PayloadConverter, RawValue, SerializationContextData};
use temporalio_common::error::ApplicationFailure;
use temporalio_common::protos::temporal::api::common::v1::Payloads;
use temporalio_common::protos::TaskToken;

/// The longest task token accepted: real ones are a few hundred bytes (a serialized proto);
/// a length beyond this is a caller's mistake (a wrong length variable), not a token.
pub(crate) const MAX_TASK_TOKEN_LEN: usize = 1 << 20;

/// Which activity: the Go SDK's `taskToken` argument, or its `namespace, workflowID, runID,
/// activityID` arguments.
#[derive(Clone, Debug, PartialEq)]
pub enum ActivityTarget {
    /// The opaque task token the worker got for this attempt (Go: `activity.GetInfo(ctx).TaskToken`).
    TaskToken(Vec<u8>),
    /// The activity ID within a workflow execution.
    ById {
        /// `None`: the client's namespace.
        namespace: Option<String>,
        workflow_id: String,
        /// `""`: the workflow's current run.
        run_id: String,
        activity_id: String,
    },
}

impl ActivityTarget {
    /// An activity by its task token, which must not be empty.
    pub fn task_token(token: Vec<u8>) -> Result<Self> {
        if token.is_empty() {
            return Err(Error::invalid_argument(
                "task token is empty: pass the whole token the activity got (Go: activity.GetInfo(ctx).TaskToken)",
            ));
        }
        if token.len() > MAX_TASK_TOKEN_LEN {
            return Err(Error::invalid_argument(format!(
                "task token of {} bytes is longer than any task token (at most {MAX_TASK_TOKEN_LEN} bytes)",
                token.len()
            )));
        }
        Ok(ActivityTarget::TaskToken(token))
    }

    /// An activity by workflow ID, run ID (`None` or `""`: the current run) and activity ID, in
    /// `namespace` (`None` or `""`: the client's). As the Go SDK, the two IDs are required.
    pub fn by_id(namespace: Option<&str>, workflow_id: &str, run_id: Option<&str>, activity_id: &str) -> Result<Self> {
        if workflow_id.is_empty() || activity_id.is_empty() {
            return Err(Error::invalid_argument("workflow ID and activity ID are required"));
        }
        Ok(ActivityTarget::ById {
            namespace: namespace.filter(|n| !n.is_empty()).map(str::to_owned),
            workflow_id: workflow_id.to_owned(),
            run_id: run_id.unwrap_or_default().to_owned(),
            activity_id: activity_id.to_owned(),
        })
    }

    /// What an error about this activity names in its details.
    fn describe(&self) -> serde_json::Value {
        match self {
            ActivityTarget::TaskToken(_) => json!({}),
            ActivityTarget::ById { workflow_id, run_id, activity_id, .. } => {
                json!({ "workflow_id": workflow_id, "run_id": run_id, "activity_id": activity_id })
            }
        }
    }
}

/// How an asynchronously completed activity ends: the Go SDK's `result` and `err` arguments
/// (`err` nil: completed; a `*temporal.CanceledError`: canceled; any other error: failed).
/// The numeric values are part of the C ABI and never change.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ActivityOutcome {
    /// Completed with a result (the Go SDK's `err` nil).
    #[default]
    Completed = 0,
    /// Failed with an application error (the Go SDK's `temporal.NewApplicationError`): the
    /// server retries the activity per its retry policy unless the failure is non-retryable.
    Failed = 1,
    /// Canceled (the Go SDK's `temporal.NewCanceledError`): accepted only once the workflow
    /// requested the activity's cancellation.
    Canceled = 2,
}

impl ActivityOutcome {
    pub fn from_i32(v: i32) -> Result<Self> {
        Ok(match v {
            0 => Self::Completed,
            1 => Self::Failed,
            2 => Self::Canceled,
            other => return Err(Error::invalid_argument(format!("unknown activity outcome {other}"))),
        })
    }
}

/// An application failure, as the Go SDK's `temporal.NewApplicationError(message, type,
/// details...)` (with `temporal.ApplicationErrorOptions.NonRetryable`) sends it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActivityFailure {
    pub message: String,
    /// The error type the workflow sees (`ApplicationError.Type()`); `""`: none.
    pub error_type: String,
    pub non_retryable: bool,
    pub details: Option<Payloads>,
}

/// What to report, with its payloads already converted.
#[derive(Clone, Debug, PartialEq)]
pub enum ActivityCompletion {
    /// `None`: no result (the Go SDK's nil `result`).
    Completed(Option<Payloads>),
    Failed(ActivityFailure),
    /// The cancellation's details.
    Canceled(Option<Payloads>),
}

/// The server's answer to a heartbeat: the Go SDK's `RecordActivityHeartbeat` turns these into
/// its errors (`*CanceledError`, `ErrActivityPaused`, `ErrActivityReset`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HeartbeatResponse {
    /// The workflow requested the activity's cancellation: the activity should stop and report
    /// itself canceled.
    pub cancel_requested: bool,
    /// The activity was paused (by an operator).
    pub activity_paused: bool,
    /// The activity was reset (by an operator).
    pub activity_reset: bool,
}

impl HeartbeatResponse {
    /// `{"activity_paused":false,"activity_reset":false,"cancel_requested":true}`.
    pub fn to_json(&self) -> String {
        json!({
            "cancel_requested": self.cancel_requested,
            "activity_paused": self.activity_paused,
            "activity_reset": self.activity_reset,
        })
        .to_string()
    }
}

/// Payloads as the crate's pass-through value.
fn raw(payloads: Option<Payloads>) -> Option<RawValue> {
    payloads.map(|p| RawValue::new(p.payloads))
}

impl Client {
    /// The crate's handle on one activity, through this client's connection (identity, retries,
    /// headers), in the target's namespace.
    async fn activity_handle(&self, target: &ActivityTarget) -> Result<AsyncActivityHandle<temporalio_client::Client>> {
        let (namespace, identifier) = match target.clone() {
            ActivityTarget::TaskToken(token) => {
                (self.namespace().to_owned(), ActivityIdentifier::from_task_token(TaskToken::from(token)))
            }
            ActivityTarget::ById { namespace, workflow_id, run_id, activity_id } => (
                namespace.unwrap_or_else(|| self.namespace().to_owned()),
                ActivityIdentifier::by_id_workflow(workflow_id, run_id, activity_id),
            ),
        };
        let client = temporalio_client::Client::new(self.workflow_service().await?, ClientOptions::new(namespace).build())
            .map_err(|e| Error::internal(format!("activity client: {e}")))?;
        Ok(client.get_async_activity_handle(identifier))
    }

    /// The Go SDK's `CompleteActivity` / `CompleteActivityByID`: completes, fails or reports
    /// canceled an activity whose worker left it pending. An activity that is no longer
    /// pending (completed, timed out, its workflow closed) is `NOT_FOUND`, as the server says.
    pub async fn complete_activity(
        &self,
        target: &ActivityTarget,
        completion: ActivityCompletion,
        deadline: Option<Duration>,
    ) -> Result<()> {
        let handle = self.activity_handle(target).await?;
        let completion = self.encode_completion(completion)?;
        let d = deadline_or_default(deadline);
        let options = rpc_options(d);
        match completion {
            ActivityCompletion::Completed(result) => {
                respond("complete activity", d, target, handle.complete(raw(result), options)).await
            }
            ActivityCompletion::Failed(failure) => {
                let application = ApplicationFailure::builder(failure.message)
                    .non_retryable(failure.non_retryable)
                    .maybe_type_name((!failure.error_type.is_empty()).then_some(failure.error_type))
                    .maybe_details(failure.details.map(|details| {
                        // Already payloads: "decoded" ones are sent back as they are.
                        DecodablePayloads::new(details.payloads, PayloadConverter::default(), SerializationContextData::None)
                    }))
                    .build();
                // No last heartbeat details: the Go SDK's CompleteActivity sends none either.
                respond("fail activity", d, target, handle.fail(application, None::<RawValue>, options)).await
            }
            ActivityCompletion::Canceled(details) => {
                respond("report activity canceled", d, target, handle.report_cancelation(raw(details), options)).await
            }
        }
    }

    /// The Go SDK's `RecordActivityHeartbeat` / `RecordActivityHeartbeatByID`: records that the
    /// activity is alive, with progress details (a new attempt reads the last ones), and
    /// returns whether its cancellation was requested.
    pub async fn record_activity_heartbeat(
        &self,
        target: &ActivityTarget,
        details: Option<Payloads>,
        deadline: Option<Duration>,
    ) -> Result<HeartbeatResponse> {
        let handle = self.activity_handle(target).await?;
        let details = self.encoded(details)?;
        let d = deadline_or_default(deadline);
        let response =
            respond("record activity heartbeat", d, target, handle.heartbeat(raw(details), rpc_options(d))).await?;
        Ok(HeartbeatResponse {
            cancel_requested: response.cancel_requested,
            activity_paused: response.activity_paused,
            activity_reset: response.activity_reset,
        })
    }
}

impl Client {
    /// The payloads through this client's codec: the crate's handle sends them as they are.
    fn encoded(&self, payloads: Option<Payloads>) -> Result<Option<Payloads>> {
        match (self.codec(), payloads) {
            (Some(codec), Some(mut p)) => {
                codec.encode_payloads(&mut p)?;
                Ok(Some(p))
            }
            (_, payloads) => Ok(payloads),
        }
    }

    fn encode_completion(&self, completion: ActivityCompletion) -> Result<ActivityCompletion> {
        Ok(match completion {
            ActivityCompletion::Completed(result) => ActivityCompletion::Completed(self.encoded(result)?),
            ActivityCompletion::Failed(f) => {
                ActivityCompletion::Failed(ActivityFailure { details: self.encoded(f.details)?, ..f })
            }
            ActivityCompletion::Canceled(details) => ActivityCompletion::Canceled(self.encoded(details)?),
        })
    }
}

/// One request bounded by `deadline`, retried within it, as `rpc::request` makes them.
fn rpc_options(deadline: Duration) -> RpcOptions {
    RpcOptions::builder().timeout(deadline).retry_options(go_retry_options(deadline)).build()
}

/// Runs one of the handle's calls under the library's RPC policy ([`rpc::call`]: the deadline,
/// and a deadline the server noticed first is still `DEADLINE_EXCEEDED`) and maps its error.
async fn respond<T>(
    what: &str,
    deadline: Duration,
    target: &ActivityTarget,
    call: impl Future<Output = std::result::Result<T, AsyncActivityError>>,
) -> Result<T> {
    // The status goes where rpc::call looks for it; a payload error (which RawValue cannot
    // cause) rides inside the answer.
    let answer = rpc::call(what, deadline, async {
        match call.await {
            Ok(value) => Ok(tonic::Response::new(Ok(value))),
            Err(AsyncActivityError::NotFound(status) | AsyncActivityError::Rpc(status)) => Err(status),
            Err(other) => Ok(tonic::Response::new(Err(other))),
        }
    })
    .await
    .map_err(|e| with_target(e, target))?;
    match answer {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(with_target(Error::new(ErrorCode::Payload, format!("{what}: {e}")), target)),
        Err(status) => Err(with_target(Error::from_status(what, &status), target)),
    }
}

fn with_target(mut e: Error, target: &ActivityTarget) -> Error {
    if let serde_json::Value::Object(ids) = target.describe() {
        for (k, v) in ids {
            e = e.with_detail(&k, v);
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_checked_like_go() {
        assert_eq!(ActivityTarget::task_token(Vec::new()).unwrap_err().code, ErrorCode::InvalidArgument);
        assert_eq!(
            ActivityTarget::task_token(vec![0; MAX_TASK_TOKEN_LEN + 1]).unwrap_err().code,
            ErrorCode::InvalidArgument
        );
        assert!(ActivityTarget::task_token(vec![1, 2, 3]).is_ok());
        for (w, a) in [("", "a"), ("w", ""), ("", "")] {
            let e = ActivityTarget::by_id(None, w, None, a).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidArgument);
            assert_eq!(e.message, "workflow ID and activity ID are required");
        }
        let t = ActivityTarget::by_id(Some(""), "w", None, "a").unwrap();
        assert_eq!(
            t,
            ActivityTarget::ById { namespace: None, workflow_id: "w".into(), run_id: "".into(), activity_id: "a".into() }
        );
        assert_eq!(t.describe()["activity_id"], "a");
    }

    #[test]
    fn outcomes_have_fixed_numbers() {
        for (n, o) in [(0, ActivityOutcome::Completed), (1, ActivityOutcome::Failed), (2, ActivityOutcome::Canceled)] {
            assert_eq!(ActivityOutcome::from_i32(n).unwrap(), o);
            assert_eq!(o as i32, n);
        }
        assert!(ActivityOutcome::from_i32(3).unwrap_err().message.contains("unknown activity outcome 3"));
        assert!(ActivityOutcome::from_i32(-1).is_err());
    }

    #[test]
    fn heartbeat_response_json_names_every_flag() {
        let j: serde_json::Value =
            serde_json::from_str(&HeartbeatResponse { cancel_requested: true, ..Default::default() }.to_json()).unwrap();
        assert_eq!(j, json!({ "cancel_requested": true, "activity_paused": false, "activity_reset": false }));
    }

    /// The failure the crate builds from an `ActivityFailure` is what the Go SDK sends for
    /// `temporal.NewApplicationError(message, type, details...)`: the message, the type, the
    /// retryability and the details payloads untouched, no cause.
    #[test]
    fn failures_carry_the_payloads_unchanged() {
        use temporalio_common::data_converters::DataConverter;
        use temporalio_common::error::{OutgoingActivityError, OutgoingError};
        use temporalio_common::protos::temporal::api::failure::v1::failure::FailureInfo;
        let details = crate::payloads::args_to_payloads(Some(r#"["a <b>", 7]"#)).unwrap().unwrap();
        let application = ApplicationFailure::builder("it broke".to_owned())
            .non_retryable(true)
            .type_name("MyError".to_owned())
            .details(DecodablePayloads::new(
                details.payloads.clone(),
                PayloadConverter::default(),
                SerializationContextData::None,
            ))
            .build();
        let failure = DataConverter::default().to_failure(
            &SerializationContextData::None,
            OutgoingError::Activity(OutgoingActivityError::Application(Box::new(application))),
        );
        assert_eq!(failure.message, "it broke");
        assert!(failure.cause.is_none());
        let Some(FailureInfo::ApplicationFailureInfo(info)) = failure.failure_info else { panic!("{failure:?}") };
        assert_eq!(info.r#type, "MyError");
        assert!(info.non_retryable);
        assert_eq!(info.details, Some(details));
    }
}
