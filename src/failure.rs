//! Temporal `Failure` protos to JSON details and to the Go SDK's error strings
//! (internal/error.go: `ApplicationError.Error()`, `TimeoutError.Error()`, ...), so a C host sees
//! the same message a Go program would print.

use crate::payloads::payload_to_json;
use serde_json::{json, Map, Value};
use temporalio_common::protos::temporal::api::{
    common::v1::Payloads,
    enums::v1::{RetryState, TimeoutType},
    failure::v1::{failure::FailureInfo, Failure},
};

/// Payloads to a JSON array, each decoded with the result decoder; a payload that cannot be
/// decoded shows as an object naming its problem rather than failing the whole error.
pub fn payloads_to_json_array(payloads: Option<&Payloads>) -> Value {
    let items = payloads.map(|p| p.payloads.as_slice()).unwrap_or_default();
    Value::Array(
        items
            .iter()
            .map(|p| match payload_to_json(p).and_then(|text| {
                serde_json::from_str(&text).map_err(|e| crate::errors::Error::internal(e.to_string()))
            }) {
                Ok(value) => value,
                // Never silently turn a value into null: say what could not be decoded.
                Err(e) => json!({ "undecodable_payload": e.message }),
            })
            .collect(),
    )
}

/// "TIMEOUT_TYPE_START_TO_CLOSE" → "StartToClose", as Go prints the enum.
fn timeout_type_name(v: i32) -> String {
    let raw = TimeoutType::try_from(v).map(|t| t.as_str_name()).unwrap_or("TIMEOUT_TYPE_UNSPECIFIED");
    camel_from_screaming(raw.trim_start_matches("TIMEOUT_TYPE_"))
}

fn retry_state_name(v: i32) -> String {
    let raw = RetryState::try_from(v).map(|t| t.as_str_name()).unwrap_or("RETRY_STATE_UNSPECIFIED");
    camel_from_screaming(raw.trim_start_matches("RETRY_STATE_"))
}

fn camel_from_screaming(s: &str) -> String {
    s.split('_')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect()
}

/// The failure and its cause chain as JSON: `{message, kind, type?, non_retryable?, details?,
/// stack_trace?, source?, cause?}`.
pub fn failure_to_json(failure: &Failure) -> Value {
    let mut obj = Map::new();
    obj.insert("message".into(), json!(failure.message));
    let kind = match &failure.failure_info {
        Some(FailureInfo::ApplicationFailureInfo(a)) => {
            obj.insert("type".into(), json!(a.r#type));
            obj.insert("non_retryable".into(), json!(a.non_retryable));
            obj.insert("details".into(), payloads_to_json_array(a.details.as_ref()));
            "application"
        }
        Some(FailureInfo::TimeoutFailureInfo(t)) => {
            obj.insert("timeout_type".into(), json!(timeout_type_name(t.timeout_type)));
            "timeout"
        }
        Some(FailureInfo::CanceledFailureInfo(c)) => {
            obj.insert("details".into(), payloads_to_json_array(c.details.as_ref()));
            "canceled"
        }
        Some(FailureInfo::TerminatedFailureInfo(_)) => "terminated",
        Some(FailureInfo::ServerFailureInfo(s)) => {
            obj.insert("non_retryable".into(), json!(s.non_retryable));
            "server"
        }
        Some(FailureInfo::ResetWorkflowFailureInfo(_)) => "reset_workflow",
        Some(FailureInfo::ActivityFailureInfo(a)) => {
            obj.insert("activity_type".into(), json!(a.activity_type.as_ref().map(|t| t.name.clone())));
            obj.insert("activity_id".into(), json!(a.activity_id));
            obj.insert("retry_state".into(), json!(retry_state_name(a.retry_state)));
            "activity"
        }
        Some(FailureInfo::ChildWorkflowExecutionFailureInfo(c)) => {
            obj.insert("workflow_type".into(), json!(c.workflow_type.as_ref().map(|t| t.name.clone())));
            obj.insert(
                "workflow_id".into(),
                json!(c.workflow_execution.as_ref().map(|e| e.workflow_id.clone())),
            );
            obj.insert("run_id".into(), json!(c.workflow_execution.as_ref().map(|e| e.run_id.clone())));
            "child_workflow"
        }
        Some(FailureInfo::NexusOperationExecutionFailureInfo(_)) => "nexus_operation",
        Some(FailureInfo::NexusHandlerFailureInfo(_)) => "nexus_handler",
        None => "generic",
    };
    obj.insert("kind".into(), json!(kind));
    // What the Go SDK's Error() prints for this level (its cause chain included), so no binding
    // has to format failures itself.
    obj.insert("display".into(), json!(go_error_string(failure)));
    if !failure.source.is_empty() {
        obj.insert("source".into(), json!(failure.source));
    }
    if !failure.stack_trace.is_empty() {
        obj.insert("stack_trace".into(), json!(failure.stack_trace));
    }
    if let Some(cause) = &failure.cause {
        obj.insert("cause".into(), failure_to_json(cause));
    }
    Value::Object(obj)
}

/// The Go SDK's `Error()` string for the error this failure converts to, cause chain included.
pub fn go_error_string(failure: &Failure) -> String {
    let own = match &failure.failure_info {
        Some(FailureInfo::ApplicationFailureInfo(a)) if !a.r#type.is_empty() => format!(
            "{} (type: {}, retryable: {})",
            failure.message, a.r#type, !a.non_retryable
        ),
        Some(FailureInfo::TimeoutFailureInfo(t)) => {
            format!("{} (type: {})", failure.message, timeout_type_name(t.timeout_type))
        }
        Some(FailureInfo::CanceledFailureInfo(_)) => "canceled".to_owned(),
        Some(FailureInfo::TerminatedFailureInfo(_)) => "terminated".to_owned(),
        Some(FailureInfo::ActivityFailureInfo(a)) => format!(
            "activity error (type: {}, scheduledEventID: {}, startedEventID: {}, identity: {})",
            a.activity_type.as_ref().map(|t| t.name.as_str()).unwrap_or(""),
            a.scheduled_event_id,
            a.started_event_id,
            a.identity
        ),
        Some(FailureInfo::ChildWorkflowExecutionFailureInfo(c)) => format!(
            "child workflow execution error (type: {}, workflowID: {}, runID: {}, initiatedEventID: {}, startedEventID: {})",
            c.workflow_type.as_ref().map(|t| t.name.as_str()).unwrap_or(""),
            c.workflow_execution.as_ref().map(|e| e.workflow_id.as_str()).unwrap_or(""),
            c.workflow_execution.as_ref().map(|e| e.run_id.as_str()).unwrap_or(""),
            c.initiated_event_id,
            c.started_event_id
        ),
        _ => failure.message.clone(),
    };
    match &failure.cause {
        Some(cause) => format!("{own}: {}", go_error_string(cause)),
        None => own,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use temporalio_common::protos::temporal::api::failure::v1::ApplicationFailureInfo;

    fn app(message: &str, ty: &str, non_retryable: bool, cause: Option<Failure>) -> Failure {
        Failure {
            message: message.into(),
            cause: cause.map(Box::new),
            failure_info: Some(FailureInfo::ApplicationFailureInfo(ApplicationFailureInfo {
                r#type: ty.into(),
                non_retryable,
                details: crate::payloads::args_to_payloads(Some(r#"[{"n":42}]"#)).unwrap(),
                ..Default::default()
            })),
            ..Default::default()
        }
    }

    #[test]
    fn application_failure_reads_like_go() {
        let f = app("boom", "MyError", true, Some(app("root", "", false, None)));
        assert_eq!(go_error_string(&f), "boom (type: MyError, retryable: false): root");
        let j = failure_to_json(&f);
        assert_eq!(j["type"], "MyError");
        assert_eq!(j["non_retryable"], true);
        assert_eq!(j["details"][0]["n"], 42);
        assert_eq!(j["cause"]["message"], "root");
        assert_eq!(j["kind"], "application");
        assert_eq!(j["display"], "boom (type: MyError, retryable: false): root");
        assert_eq!(j["cause"]["display"], "root");
    }

    #[test]
    fn enum_names_print_like_go() {
        assert_eq!(timeout_type_name(TimeoutType::StartToClose as i32), "StartToClose");
        assert_eq!(retry_state_name(RetryState::MaximumAttemptsReached as i32), "MaximumAttemptsReached");
    }
}
