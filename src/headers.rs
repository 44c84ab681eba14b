//! The Temporal header of a call: the fields sent with every request that reaches a workflow
//! (start, signal-with-start, signal, query, update, update-with-start), where the workflow's
//! interceptors read them. Above all the caller's trace context, written as the Go, Python and
//! TypeScript SDKs' OpenTelemetry interceptors write it: a `json/plain` payload under
//! `_tracer-data` holding the W3C `traceparent`, `tracestate` and `baggage` texts, so that a
//! worker with the Go SDK's tracing interceptor continues the caller's trace.
//!
//! The header travels with the call as the Go SDK's travels in its `context.Context`: the call
//! runs inside [`scope`], and the request builders read [`current`]. So every operation gets it
//! the same way, without each signature carrying it.

use crate::errors::{Error, Result};
use crate::payloads::object_to_payload_map;
use std::collections::HashMap;
use std::future::Future;
use temporalio_common::protos::temporal::api::common::v1::Header;

/// The header key of the SDKs' tracing interceptors (the Go SDK's `TracerOptions.HeaderKey`
/// default, `interceptor/tracing_interceptor.go`).
pub const TRACER_HEADER_KEY: &str = "_tracer-data";

tokio::task_local! {
    static CALL_HEADER: Option<Header>;
}

/// Runs `future` with `header` as the header of the requests it sends.
pub async fn scope<F: Future>(header: Option<Header>, future: F) -> F::Output {
    CALL_HEADER.scope(header, future).await
}

/// The header of the call this code runs for (`None` outside [`scope`], or when it has none).
pub fn current() -> Option<Header> {
    CALL_HEADER.try_with(|h| h.clone()).ok().flatten()
}

/// A W3C trace context (https://www.w3.org/TR/trace-context/, https://www.w3.org/TR/baggage/),
/// as the texts of its HTTP headers.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct TraceContext {
    pub traceparent: Option<String>,
    pub tracestate: Option<String>,
    pub baggage: Option<String>,
}

impl TraceContext {
    fn is_empty(&self) -> bool {
        self.traceparent.is_none() && self.tracestate.is_none() && self.baggage.is_none()
    }

    fn validate(&self) -> Result<()> {
        if let Some(tp) = &self.traceparent {
            check_traceparent(tp)?;
        } else if self.tracestate.is_some() {
            // Propagators ignore a tracestate without a traceparent: refuse what would be lost.
            return Err(Error::invalid_argument("trace_state needs a trace_parent"));
        }
        check_text("trace_state", self.tracestate.as_deref(), 512)?;
        check_text("baggage", self.baggage.as_deref(), 8192)
    }
}

/// `version "-" trace-id "-" parent-id "-" trace-flags`, lowercase hex; a trace-id or parent-id
/// of zeros is invalid. Versions after 00 may add fields after a further "-".
fn check_traceparent(tp: &str) -> Result<()> {
    let invalid = |why: &str| {
        Error::invalid_argument(format!(
            "trace_parent {tp:?} is not a W3C traceparent (\"00-<32 hex trace ID>-<16 hex span ID>-<2 hex flags>\"): {why}"
        ))
    };
    let hex = |s: &str| s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    let b = tp.as_bytes();
    if b.len() < 55 || b[2] != b'-' || b[35] != b'-' || b[52] != b'-' {
        return Err(invalid("wrong length or separators"));
    }
    let (version, trace_id, span_id, flags) = (&tp[0..2], &tp[3..35], &tp[36..52], &tp[53..55]);
    if ![version, trace_id, span_id, flags].iter().all(|p| hex(p)) {
        return Err(invalid("not lowercase hex"));
    }
    if version == "ff" {
        return Err(invalid("version ff is invalid"));
    }
    if (version == "00" && b.len() != 55) || (b.len() > 55 && b[55] != b'-') {
        return Err(invalid("wrong length for its version"));
    }
    if trace_id.bytes().all(|c| c == b'0') || span_id.bytes().all(|c| c == b'0') {
        return Err(invalid("an all-zero trace ID or span ID"));
    }
    Ok(())
}

fn check_text(what: &str, text: Option<&str>, max: usize) -> Result<()> {
    match text {
        Some(t) if t.len() > max => Err(Error::invalid_argument(format!("{what} is longer than {max} bytes"))),
        Some(t) if !t.bytes().all(|c| (0x20..0x7f).contains(&c)) => {
            Err(Error::invalid_argument(format!("{what} must be printable ASCII (a W3C header value)")))
        }
        _ => Ok(()),
    }
}

/// Builds a call's header from its trace context and its other fields (`fields_json`: a JSON
/// object, each value sent as one payload, as memo fields are). `None` when there is neither.
pub fn build(trace: &TraceContext, fields_json: Option<&str>) -> Result<Option<Header>> {
    trace.validate()?;
    let mut fields = match fields_json {
        Some(json) => object_to_payload_map("header_json", json)?,
        None => HashMap::new(),
    };
    if !trace.is_empty() {
        if fields.contains_key(TRACER_HEADER_KEY) {
            return Err(Error::invalid_argument(format!(
                "header_json has a {TRACER_HEADER_KEY:?} field and a trace context is set: give one or the other"
            )));
        }
        let mut data = serde_json::Map::new();
        for (key, value) in
            [("traceparent", &trace.traceparent), ("tracestate", &trace.tracestate), ("baggage", &trace.baggage)]
        {
            if let Some(v) = value {
                data.insert(key.to_owned(), serde_json::Value::String(v.clone()));
            }
        }
        let json = serde_json::Value::Object(data).to_string();
        let payload = object_to_payload_map("trace context", &format!("{{\"{TRACER_HEADER_KEY}\":{json}}}"))?;
        fields.extend(payload);
    }
    Ok((!fields.is_empty()).then_some(Header { fields }))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TP: &str = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    fn trace(tp: &str) -> TraceContext {
        TraceContext { traceparent: Some(tp.to_owned()), ..Default::default() }
    }

    #[test]
    fn trace_context_goes_under_the_tracer_key_as_json() {
        let t = TraceContext { tracestate: Some("congo=t61rcWkgMzE".into()), ..trace(TP) };
        let header = build(&t, Some(r#"{"tenant":"acme"}"#)).unwrap().unwrap();
        let p = &header.fields[TRACER_HEADER_KEY];
        assert_eq!(p.metadata["encoding"], b"json/plain");
        let data: serde_json::Value = serde_json::from_slice(&p.data).unwrap();
        assert_eq!(data, serde_json::json!({"traceparent": TP, "tracestate": "congo=t61rcWkgMzE"}));
        assert_eq!(header.fields["tenant"].data, br#""acme""#);
    }

    #[test]
    fn bad_trace_contexts_are_refused() {
        for bad in [
            "",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331",
            "00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01",
            "00-00000000000000000000000000000000-b7ad6b7169203331-01",
            "00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01",
            "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-extra",
        ] {
            assert!(build(&trace(bad), None).is_err(), "{bad:?} was accepted");
        }
        assert!(build(&trace("01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-future"), None).is_ok());
        let state_alone = TraceContext { tracestate: Some("a=b".into()), ..Default::default() };
        assert!(build(&state_alone, None).is_err());
        let both = build(&trace(TP), Some(r#"{"_tracer-data":{}}"#));
        assert!(both.unwrap_err().message.contains("one or the other"));
        assert!(build(&TraceContext::default(), Some("[1]")).is_err());
        assert_eq!(build(&TraceContext::default(), None).unwrap(), None);
    }
}
