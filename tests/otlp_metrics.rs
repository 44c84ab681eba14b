//! OTLP export of the client metrics (`temporal_runtime_options.metrics_otlp_url`), to the test
//! worker's OTLP/gRPC receiver (tests/worker/otlp.go): the counters it receives equal the calls
//! this process made, failures included, with the Go SDK's names and tags. A process of its own:
//! the runtime's options are set once, before the first call.

mod common;

use common::*;
use serde_json::Value;
use std::ffi::CString;
use std::ptr;
use std::time::{Duration, Instant};
use temporal_ffi::errors::ErrorCode;
use temporal_ffi::ffi::operations::*;
use temporal_ffi::ffi::runtime::*;

fn c(s: &str) -> CString {
    CString::new(s).unwrap()
}

/// The value the receiver has for `name` with these attributes (and this run's `suite` tag).
fn received(points: &[Value], suite: &str, name: &str, attrs: &[(&str, &str)]) -> f64 {
    points
        .iter()
        .filter(|p| {
            p["name"] == name
                && p["attributes"]["suite"] == suite
                && attrs.iter().all(|(k, v)| p["attributes"][*k] == *v)
        })
        .map(|p| p["value"].as_f64().unwrap())
        .sum()
}

#[test]
fn the_collector_receives_what_the_calls_did() {
    let address = std::env::var("TEMPORAL_TEST_OTLP_ADDRESS").expect("run under tests/harness/with-dev-server.sh");
    let suite = unique_id("otlp");
    let (url, tags) = (c(&format!("http://{address}")), c(&format!(r#"{{"suite":"{suite}"}}"#)));
    let mut o = std::mem::MaybeUninit::<temporal_runtime_options>::uninit();
    let mut o = unsafe {
        temporal_runtime_options_default(o.as_mut_ptr(), std::mem::size_of::<temporal_runtime_options>());
        o.assume_init()
    };
    o.metrics_otlp_url = url.as_ptr();
    o.metrics_otlp_period_ms = 200;
    o.metrics_global_tags_json = tags.as_ptr();
    take_error(unsafe { temporal_runtime_init(&o) }).unwrap();

    let client = connect();
    const STARTS: usize = 3;
    const MISSING: usize = 4;
    for _ in 0..STARTS {
        let run = start(&client, "Echo", Some("[1]"), Some(&unique_id("otlp-echo")), |_| {}).unwrap();
        assert_eq!(run.result(30_000).unwrap(), "1");
    }
    let missing = c(&unique_id("otlp-missing"));
    for _ in 0..MISSING {
        let e = wait_call(5_000, |o, out| unsafe {
            temporal_describe_workflow_execution_async(client.0, missing.as_ptr(), ptr::null(), o, out)
        })
        .unwrap_err();
        assert_eq!(e.code, ErrorCode::NotFound);
    }

    // Pushed every 200 ms: wait until the receiver has the counts, at most 15 s.
    let want = |points: &[Value]| {
        let starts = received(points, &suite, "temporal_request", &[("operation", "StartWorkflowExecution"), ("namespace", "default")]);
        let describes = received(points, &suite, "temporal_request", &[("operation", "DescribeWorkflowExecution")]);
        let not_found =
            received(points, &suite, "temporal_request_failure", &[("operation", "DescribeWorkflowExecution"), ("status_code", "NOT_FOUND")]);
        let latencies = received(points, &suite, "temporal_request_latency", &[("operation", "StartWorkflowExecution")]);
        (starts, describes, not_found, latencies)
    };
    let expected = (STARTS as f64, MISSING as f64, MISSING as f64, STARTS as f64);
    let until = Instant::now() + Duration::from_secs(15);
    let mut got;
    loop {
        let points = worker_get("/otlp").as_array().unwrap().clone();
        got = want(&points);
        if got == expected || Instant::now() > until {
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    assert_eq!(got, expected, "(starts, describes, describe NOT_FOUND failures, start latencies) received over OTLP");
    let points = worker_get("/otlp");
    let long_polls = received(points.as_array().unwrap(), &suite, "temporal_long_request", &[("operation", "GetWorkflowExecutionHistory")]);
    assert!(long_polls >= STARTS as f64, "each result wait is a long request: {long_polls}");
}
