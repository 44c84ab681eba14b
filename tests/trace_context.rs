//! Trace context and header fields in `temporal_call_options`, against the dev server and the
//! Go SDK worker, which runs the Go SDK's OpenTelemetry tracing interceptor
//! (`go.temporal.io/sdk/contrib/opentelemetry`) and records the Temporal headers its workflows
//! receive (tests/worker/tracing.go): the worker's spans must continue the C caller's trace.

mod common;

use common::*;
use serde_json::{json, Value};
use std::ffi::CString;
use std::ptr;
use std::time::{Duration, Instant};
use temporal_ffi::errors::ErrorCode;
use temporal_ffi::ffi::call::*;
use temporal_ffi::ffi::operations::*;
use temporal_ffi::ffi::workflow::*;
use temporal_ffi::ffi::error::temporal_error;

fn c(s: &str) -> CString {
    CString::new(s).unwrap()
}

/// A random W3C trace ID (`n` = 16) or span ID (`n` = 8): `n` bytes as lowercase hex.
fn hex_id(n: usize) -> String {
    uuid::Uuid::new_v4().simple().to_string()[..2 * n].to_owned()
}

/// The text fields of one call's options; kept alive while the call is made.
struct Traced {
    traceparent: CString,
    tracestate: Option<CString>,
    baggage: Option<CString>,
    header_json: Option<CString>,
}

impl Traced {
    fn new(trace_id: &str, span_id: &str) -> Self {
        Traced { traceparent: c(&format!("00-{trace_id}-{span_id}-01")), tracestate: None, baggage: None, header_json: None }
    }

    fn options(&self, timeout_ms: u64) -> temporal_call_options {
        let mut o = call_options(timeout_ms);
        o.trace_parent = self.traceparent.as_ptr();
        o.trace_state = self.tracestate.as_ref().map_or(ptr::null(), |s| s.as_ptr());
        o.baggage = self.baggage.as_ref().map_or(ptr::null(), |s| s.as_ptr());
        o.header_json = self.header_json.as_ref().map_or(ptr::null(), |s| s.as_ptr());
        o
    }

    /// Makes the call with these options and waits for it.
    fn call(
        &self,
        f: impl FnOnce(*const temporal_call_options, *mut *mut temporal_call) -> *mut temporal_error,
    ) -> Result<Outcome, HostError> {
        let options = self.options(30_000);
        let mut raw = ptr::null_mut();
        take_error(f(&options, &mut raw))?;
        let call = Call(raw);
        take_error(unsafe { temporal_call_wait(call.0, TEMPORAL_TIMEOUT_NONE) }).unwrap();
        outcome(call.0)
    }
}

/// The worker's spans of `trace_id`, once `want` of them ended (spans are exported when they
/// end, a moment after the client got its answer).
fn spans(trace_id: &str, want: usize) -> Vec<Value> {
    let until = Instant::now() + Duration::from_secs(10);
    loop {
        let spans = worker_get(&format!("/spans?trace_id={trace_id}")).as_array().unwrap().clone();
        if spans.len() >= want || Instant::now() > until {
            return spans;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The names of the worker's spans whose parent is the caller's `span_id`, checking they are
/// children of the remote caller in the same trace.
fn children_of(spans: &[Value], trace_id: &str, span_id: &str) -> Vec<String> {
    let found: Vec<&Value> = spans.iter().filter(|s| s["parent_span_id"] == span_id).collect();
    assert!(!found.is_empty(), "no worker span has the caller's span {span_id} as parent: {spans:#?}");
    for s in &found {
        assert_eq!(s["trace_id"], trace_id);
        assert_eq!(s["remote_parent"], true, "{s}");
    }
    found.iter().map(|s| s["name"].as_str().unwrap().to_owned()).collect()
}

fn tracer_data(record: &Value) -> Value {
    let field = &record["fields"]["_tracer-data"];
    assert_eq!(field["encoding"], "json/plain", "{record}");
    serde_json::from_str(field["data"].as_str().unwrap()).unwrap()
}

#[test]
fn the_go_sdk_tracing_interceptor_continues_the_callers_trace() {
    let client = connect();
    let trace_id = hex_id(16);
    let (start_span, query_span, update_span, signal_span) = (hex_id(8), hex_id(8), hex_id(8), hex_id(8));
    let id = unique_id("traced");
    let (tq, ty, wid) = (task_queue(), c("Counter"), c(&id));
    let mut start_options = default_start_options();
    start_options.task_queue = tq.as_ptr();
    start_options.id = wid.as_ptr();

    let mut start = Traced::new(&trace_id, &start_span);
    start.tracestate = Some(c("vendor=t61rcWkgMzE"));
    start.baggage = Some(c("user=alice,tier=gold"));
    start.header_json = Some(c(r#"{"tenant":"acme","limits":{"n":3}}"#));
    start
        .call(|o, out| unsafe { temporal_execute_workflow_async(client.0, ty.as_ptr(), c("[1]").as_ptr(), &start_options, o, out) })
        .unwrap();
    let count = Traced::new(&trace_id, &query_span)
        .call(|o, out| unsafe { temporal_query_workflow_async(client.0, wid.as_ptr(), ptr::null(), c("count").as_ptr(), ptr::null(), o, out) })
        .unwrap();
    assert_eq!(count.json_value(), 1);
    let added = Traced::new(&trace_id, &update_span)
        .call(|o, out| unsafe {
            temporal_update_workflow_async(client.0, wid.as_ptr(), ptr::null(), c("add").as_ptr(), ptr::null(), c("[2]").as_ptr(), o, out)
        })
        .unwrap();
    assert_eq!(added.json_value(), 3);
    Traced::new(&trace_id, &signal_span)
        .call(|o, out| unsafe { temporal_signal_workflow_async(client.0, wid.as_ptr(), ptr::null(), c("done").as_ptr(), ptr::null(), o, out) })
        .unwrap();
    assert_eq!(get_workflow(&client, &id, None).result(30_000).unwrap(), "3");

    // What arrived in the headers: the trace context as the SDKs' interceptors write it, and the
    // caller's own fields as JSON payloads.
    let records = worker_get(&format!("/headers?workflow_id={id}"));
    let records = records.as_array().unwrap();
    let first = |kind: &str| records.iter().find(|r| r["kind"] == kind).unwrap_or_else(|| panic!("no {kind} in {records:#?}"));
    assert_eq!(
        tracer_data(first("workflow")),
        json!({"traceparent": format!("00-{trace_id}-{start_span}-01"), "tracestate": "vendor=t61rcWkgMzE", "baggage": "user=alice,tier=gold"})
    );
    assert_eq!(first("workflow")["fields"]["tenant"], json!({"encoding": "json/plain", "data": "\"acme\""}));
    assert_eq!(first("workflow")["fields"]["limits"]["data"], r#"{"n":3}"#);
    for (kind, span) in [("query", &query_span), ("update", &update_span), ("signal", &signal_span)] {
        assert_eq!(tracer_data(first(kind)), json!({"traceparent": format!("00-{trace_id}-{span}-01")}), "{kind}");
        assert!(first(kind)["fields"].get("tenant").is_none(), "each call has its own header");
    }

    // The Go SDK's interceptor made its spans children of the caller's spans.
    let spans = spans(&trace_id, 4);
    let has = |span: &str, name: &str| {
        let names = children_of(&spans, &trace_id, span);
        assert!(names.iter().any(|n| n.starts_with(name)), "no {name} span under the caller's span: {names:?}");
    };
    has(&start_span, "RunWorkflow:Counter");
    has(&query_span, "HandleQuery:count");
    has(&update_span, "HandleUpdate:add");
    has(&signal_span, "HandleSignal:done");
}

#[test]
fn signal_with_start_carries_the_trace_context_to_the_start_and_the_signal() {
    let client = connect();
    let (trace_id, span) = (hex_id(16), hex_id(8));
    let id = unique_id("traced-sws");
    let (tq, wid) = (task_queue(), c(&id));
    let mut start_options = default_start_options();
    start_options.task_queue = tq.as_ptr();
    start_options.id = wid.as_ptr();
    Traced::new(&trace_id, &span)
        .call(|o, out| unsafe {
            temporal_signal_with_start_workflow_async(
                client.0, c("done").as_ptr(), ptr::null(), c("Counter").as_ptr(), c("[5]").as_ptr(), &start_options, o, out,
            )
        })
        .unwrap();
    assert_eq!(get_workflow(&client, &id, None).result(30_000).unwrap(), "5");
    let records = worker_get(&format!("/headers?workflow_id={id}"));
    for kind in ["workflow", "signal"] {
        let r = records.as_array().unwrap().iter().find(|r| r["kind"] == kind).unwrap();
        assert_eq!(tracer_data(r)["traceparent"], format!("00-{trace_id}-{span}-01"), "{kind}");
    }
    let names = children_of(&spans(&trace_id, 2), &trace_id, &span);
    for name in ["RunWorkflow:Counter", "HandleSignal:done"] {
        assert!(names.iter().any(|n| n.starts_with(name)), "no {name} span under the caller's span: {names:?}");
    }
}

#[test]
fn a_bad_trace_context_is_refused_before_anything_is_sent() {
    let client = connect();
    let (tq, wid) = (task_queue(), c(&unique_id("traced-bad")));
    let mut start_options = default_start_options();
    start_options.task_queue = tq.as_ptr();
    start_options.id = wid.as_ptr();
    let start = |traced: &Traced| {
        traced.call(|o, out| unsafe { temporal_execute_workflow_async(client.0, c("Echo").as_ptr(), c("[1]").as_ptr(), &start_options, o, out) })
    };
    let bad = Traced::new("00000000000000000000000000000000", "b7ad6b7169203331");
    let e = start(&bad).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    assert!(e.message.contains("trace_parent"), "{}", e.message);
    let mut both = Traced::new(&hex_id(16), &hex_id(8));
    both.header_json = Some(c(r#"{"_tracer-data":{"traceparent":"x"}}"#));
    assert_eq!(start(&both).unwrap_err().code, ErrorCode::InvalidArgument);
    let mut not_object = Traced::new(&hex_id(16), &hex_id(8));
    not_object.header_json = Some(c("[1]"));
    assert!(start(&not_object).unwrap_err().message.contains("header_json"));
    // Nothing was started under that ID.
    let e = get_workflow(&client, wid.to_str().unwrap(), None).result(2_000).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound, "{e:?}");
}
