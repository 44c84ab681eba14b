//! Drives the exported C functions exactly as a C host would (raw pointers, out-parameters,
//! owned errors), against the real dev server and Go SDK worker that
//! `tests/harness/with-dev-server.sh` starts (it exports TEMPORAL_ADDRESS and
//! TEMPORAL_TEST_TASK_QUEUE).

mod common;

use common::*;
use std::ffi::{c_char, CStr, CString};
use std::ptr;
use std::time::{Duration, Instant};
use temporal_ffi::errors::ErrorCode;
use temporal_ffi::ffi::client::*;
use temporal_ffi::ffi::error::*;
use temporal_ffi::ffi::workflow::*;
use temporal_ffi::ffi::*;

#[test]
fn start_and_get_result_sync() {
    let client = connect();
    let id = unique_id("greeting");
    let run = start(&client, "GreetingWorkflow", Some(r#"["World"]"#), Some(&id), |_| {}).unwrap();
    assert_eq!(run.id(), id);
    assert_eq!(run.run_id().len(), 36, "run ID is a UUID");
    assert_eq!(run.result(0).unwrap(), r#""Hello World!""#);
}

#[test]
fn gzip_compression_round_trips_a_large_payload() {
    // Compression is off by default; with gzip on, a payload big enough for gzip to matter
    // goes out compressed and comes back (compressed answers accepted) intact.
    let client = connect_with(|o| o.grpc_compression = temporal_ffi::options::GrpcCompression::Gzip as i32).unwrap();
    let big = "temporal ".repeat(20_000);
    let args = serde_json::json!([big]).to_string();
    let run = start(&client, "Echo", Some(&args), None, |_| {}).unwrap();
    assert_eq!(run.result(0).unwrap(), serde_json::json!(big).to_string());
    let bad = connect_with(|o| o.grpc_compression = 7).err().expect("unknown compression refused");
    assert_eq!(bad.code, ErrorCode::InvalidArgument);
    assert!(bad.message.contains("unknown gRPC compression 7"), "{}", bad.message);
}

#[test]
fn typed_arguments_reach_a_go_worker() {
    let client = connect();
    let transfer = r#"[{"Amount":54.99,"FromAccount":"001-001","ToAccount":"002-002","ReferenceID":"ref-7"}]"#;
    let run = start(&client, "TransferMoney", Some(transfer), Some(&unique_id("transfer")), |_| {}).unwrap();
    assert_eq!(run.result(0).unwrap(), r#""Transfer complete (transaction IDs: ref-7-withdrawal, ref-7-deposit)""#);
    let run = start(&client, "Concat", Some(r#"["x", 7, true, {"k": [1, 2]}]"#), None, |_| {}).unwrap();
    let v: serde_json::Value = serde_json::from_str(&run.result(0).unwrap()).unwrap();
    assert_eq!(v, serde_json::json!({"a": "x", "b": 7, "c": true, "d": {"k": [1, 2]}}));
}

#[test]
fn results_in_each_supported_encoding() {
    let client = connect();
    let r = |ty: &str, args: Option<&str>| start(&client, ty, args, None, |_| {}).unwrap().result(0);
    assert_eq!(r("Echo", Some("[null]")).unwrap(), "null");
    assert_eq!(r("Echo", Some(r#"[{"a":[1,"<&>"]}]"#)).unwrap(), r#"{"a":[1,"\u003c\u0026\u003e"]}"#);
    assert_eq!(r("NoResult", None).unwrap(), "null");
    assert_eq!(r("ReturnBytes", None).unwrap(), r#""cmF3IGJ5dGVz""#);
    let e = r("CustomEncoding", None).unwrap_err();
    assert_eq!(e.code, ErrorCode::Payload);
    assert!(e.message.contains("binary/custom"), "{}", e.message);
}

#[test]
fn generated_workflow_id_is_a_uuid() {
    let client = connect();
    let run = start(&client, "Echo", Some(r#"["x"]"#), None, |_| {}).unwrap();
    let id = run.id();
    assert_eq!(id.len(), 36, "{id}");
    assert_eq!(id.chars().filter(|&c| c == '-').count(), 4, "{id}");
    assert_eq!(run.result(0).unwrap(), r#""x""#);
}

#[test]
fn missing_task_queue_is_invalid_argument() {
    let client = connect();
    let e = start(&client, "Echo", None, None, |o| o.task_queue = ptr::null()).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    assert!(e.message.contains("task queue"), "{}", e.message);
}

#[test]
fn already_running_id_reattaches_or_errors_when_asked() {
    let client = connect();
    let id = unique_id("block");
    let first = start(&client, "Block", None, Some(&id), |_| {}).unwrap();
    let second = start(&client, "Block", None, Some(&id), |_| {}).unwrap();
    assert_eq!(second.run_id(), first.run_id(), "default options reattach to the running run");
    let e = start(&client, "Block", None, Some(&id), |o| o.error_when_already_started = true).unwrap_err();
    assert_eq!(e.code, ErrorCode::AlreadyStarted);
    let details = e.details.unwrap();
    assert_eq!(details["run_id"], first.run_id());
    assert_eq!(details["workflow_id"], id);
    cli(&["workflow", "signal", "-w", &id, "--name", "unblock", "--input", "\"go\""]);
    assert_eq!(second.result(10_000).unwrap(), r#""unblocked: go""#);
}

#[test]
fn reject_duplicate_reuse_policy() {
    let client = connect();
    let id = unique_id("reuse");
    let first = start(&client, "Echo", Some("[1]"), Some(&id), |_| {}).unwrap();
    assert_eq!(first.result(0).unwrap(), "1");
    let reject = |o: &mut temporal_start_workflow_options| {
        o.id_reuse_policy = temporal_ffi::options::WorkflowIdReusePolicy::RejectDuplicate as i32
    };
    let e = start(&client, "Echo", Some("[2]"), Some(&id), |o| {
        reject(o);
        o.error_when_already_started = true;
    })
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::AlreadyStarted, "{e:?}");
    // As the Go SDK: without the flag, the refused start gives the last run, and its result.
    let again = start(&client, "Echo", Some("[2]"), Some(&id), reject).unwrap();
    assert_eq!(again.run_id(), first.run_id());
    assert_eq!(again.result(0).unwrap(), "1");
}

#[test]
fn workflow_failure_carries_type_and_cause() {
    let client = connect();
    let run = start(&client, "Fail", Some(r#"["boom", "MyError", true]"#), None, |_| {}).unwrap();
    let e = run.result(0).unwrap_err();
    assert_eq!(e.code, ErrorCode::WorkflowFailed);
    assert!(e.message.starts_with("workflow execution error (type: Fail, workflowID: "), "{}", e.message);
    assert!(e.message.contains("boom (type: MyError, retryable: false): root cause: boom"), "{}", e.message);
    let failure = &e.details.as_ref().unwrap()["failure"];
    assert_eq!(failure["type"], "MyError");
    assert_eq!(failure["non_retryable"], true);
    assert_eq!(failure["details"][0]["n"], 42);
    assert_eq!(failure["cause"]["message"], "root cause: boom");
}

#[test]
fn canceled_terminated_and_timed_out() {
    let client = connect();
    let canceled = start(&client, "Block", None, Some(&unique_id("cancel")), |_| {}).unwrap();
    cli(&["workflow", "cancel", "-w", &canceled.id()]);
    let e = canceled.result(0).unwrap_err();
    assert_eq!(e.code, ErrorCode::WorkflowCanceled);
    assert_eq!(e.details.unwrap()["display"], "canceled");

    let terminated = start(&client, "Block", None, Some(&unique_id("terminate")), |_| {}).unwrap();
    cli(&["workflow", "terminate", "-w", &terminated.id(), "--reason", "because"]);
    let e = terminated.result(0).unwrap_err();
    assert_eq!(e.code, ErrorCode::WorkflowTerminated);
    let d = e.details.unwrap();
    assert_eq!(d["reason"], "because");
    assert_eq!(d["display"], "terminated");

    let timed_out = start(&client, "Sleep", Some("[60000]"), None, |o| o.execution_timeout_ms = 1000).unwrap();
    let e = timed_out.result(0).unwrap_err();
    assert_eq!(e.code, ErrorCode::WorkflowTimedOut, "{e:?}");
    assert_eq!(e.details.unwrap()["display"], "Workflow timeout (type: StartToClose)");
}

#[test]
fn continue_as_new_and_retries_are_followed() {
    let client = connect();
    let can = start(&client, "ContinueAsNew", Some("[3, 0]"), None, |_| {}).unwrap();
    assert_eq!(can.result(0).unwrap(), "3");
    let policy = temporal_retry_policy {
        size: std::mem::size_of::<temporal_retry_policy>(),
        initial_interval_ms: 100,
        backoff_coefficient: 1.0,
        maximum_interval_ms: 0,
        maximum_attempts: 3,
        non_retryable_error_types_json: ptr::null(),
    };
    let flaky = start(&client, "FailFirstAttempt", None, None, |o| o.retry_policy = &policy).unwrap();
    assert_eq!(flaky.result(0).unwrap(), r#""succeeded on attempt 2""#);
}

#[test]
fn get_result_timeout_is_deadline_exceeded_without_hanging() {
    let client = connect();
    let run = start(&client, "Block", None, None, |_| {}).unwrap();
    let t0 = Instant::now();
    let mut out: *mut c_char = ptr::null_mut();
    let e = take_error(unsafe { temporal_get_result(run.0, 300, &mut out) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::DeadlineExceeded);
    assert!(out.is_null(), "no output on failure");
    assert!(t0.elapsed() < Duration::from_secs(5), "took {:?}", t0.elapsed());
    cli(&["workflow", "terminate", "-w", &run.id(), "--reason", "test done"]);
}

#[test]
fn many_host_threads_wait_on_one_client() {
    let client = connect();
    let runs: Vec<Run> = (0..16)
        .map(|i| start(&client, "Sleep", Some(&format!("[{}]", 200 + 10 * i)), None, |_| {}).unwrap())
        .collect();
    std::thread::scope(|s| {
        for run in &runs {
            s.spawn(move || assert_eq!(run.result(30_000).unwrap(), r#""slept""#));
        }
    });
}

#[test]
fn reattach_by_id_latest_run_pinned() {
    let client = connect();
    let id = unique_id("latest");
    let run = start(&client, "Echo", Some(r#"["first"]"#), Some(&id), |_| {}).unwrap();
    run.result(0).unwrap();
    let latest = get_workflow(&client, &id, None);
    assert_eq!(latest.run_id(), "", "the getter never blocks: not resolved yet");
    assert_eq!(latest.resolved_run_id(), run.run_id());
    assert_eq!(latest.result(0).unwrap(), r#""first""#);
    // A result wait pins the current run too.
    let waited = get_workflow(&client, &id, None);
    assert_eq!(waited.result(0).unwrap(), r#""first""#);
    assert_eq!(waited.run_id(), run.run_id());
    let unknown = get_workflow(&client, &unique_id("no-such-workflow"), None);
    assert_eq!(unknown.resolved_run_id(), "", "Go SDK: a failed describe leaves the run ID empty");
    assert_eq!(unknown.result(0).unwrap_err().code, ErrorCode::NotFound);
}

/// The async case of the seed: one process starts, another process reattaches by Workflow ID
/// alone and gets the result.
#[test]
fn reattach_from_a_separate_process() {
    let client = connect();
    let id = unique_id("separate-process");
    let run = start(&client, "Sleep", Some("[500]"), Some(&id), |_| {}).unwrap();
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_process_reattach", "--ignored", "--nocapture", "--test-threads", "1"])
        .env("REATTACH_WORKFLOW_ID", &id)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "child failed: {stdout}\n{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains(&format!("REATTACHED run_id={} result=\"slept\"", run.run_id())), "{stdout}");
    assert!(stdout.contains(&format!("pid={}", output_pid(&stdout))), "{stdout}");
    assert_ne!(output_pid(&stdout), std::process::id());
}

fn output_pid(stdout: &str) -> u32 {
    stdout.split("pid=").nth(1).and_then(|s| s.split_whitespace().next()).and_then(|p| p.parse().ok()).unwrap_or(0)
}

/// Run only as the child of `reattach_from_a_separate_process`.
#[test]
#[ignore]
fn child_process_reattach() {
    let Ok(id) = std::env::var("REATTACH_WORKFLOW_ID") else { return };
    let client = connect();
    let run = get_workflow(&client, &id, None);
    let result = run.result(30_000).unwrap();
    println!("REATTACHED run_id={} result={result} pid={} ", run.run_id(), std::process::id());
}

#[test]
fn connect_to_a_dead_port_fails_fast_and_clearly() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let addr = CString::new(format!("127.0.0.1:{port}")).unwrap();
    let t0 = Instant::now();
    let e = connect_with(|o| {
        o.address = addr.as_ptr();
        o.connect_timeout_ms = 3000;
    })
    .err()
    .expect("connect must fail");
    assert!(t0.elapsed() < Duration::from_secs(5), "took {:?}", t0.elapsed());
    assert!(matches!(e.code, ErrorCode::Unavailable | ErrorCode::DeadlineExceeded), "{e:?}");
    assert!(e.message.contains(&format!("127.0.0.1:{port}")), "{}", e.message);
}

#[test]
fn api_key_never_appears_in_errors() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let addr = CString::new(format!("127.0.0.1:{port}")).unwrap();
    let key = CString::new("super-secret-api-key-123").unwrap();
    let pem = CString::new("-----BEGIN PRIVATE KEY-----\nsecretkeymaterial\n-----END PRIVATE KEY-----\n").unwrap();
    let e = connect_with(|o| {
        o.address = addr.as_ptr();
        o.api_key = key.as_ptr();
        o.tls_client_key_pem = pem.as_ptr();
        o.connect_timeout_ms = 2000;
    })
    .err()
    .expect("connect must fail");
    let all = format!("{} {:?}", e.message, e.details);
    assert!(!all.contains("super-secret") && !all.contains("secretkeymaterial"), "{all}");
    assert_eq!(e.code, ErrorCode::InvalidArgument, "a key without a certificate is refused: {e:?}");
}

#[test]
fn null_pointers_are_invalid_arguments() {
    let client = connect();
    let tq = task_queue();
    let ty = CString::new("Echo").unwrap();
    let mut o = default_start_options();
    o.task_queue = tq.as_ptr();
    let mut run = ptr::null_mut();
    let mut out: *mut c_char = ptr::null_mut();
    let expect_invalid = |e: *mut temporal_error, param: &str| {
        let e = take_error(e).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidArgument, "{param}: {e:?}");
        assert!(e.message.contains(param), "{param}: {}", e.message);
    };
    unsafe {
        expect_invalid(temporal_client_connect(ptr::null(), ptr::null_mut()), "client_out");
        expect_invalid(temporal_execute_workflow(ptr::null(), ty.as_ptr(), ptr::null(), &o, &mut run), "client");
        expect_invalid(temporal_execute_workflow(client.0, ptr::null(), ptr::null(), &o, &mut run), "workflow_type");
        expect_invalid(temporal_execute_workflow(client.0, ty.as_ptr(), ptr::null(), ptr::null(), &mut run), "options");
        expect_invalid(temporal_execute_workflow(client.0, ty.as_ptr(), ptr::null(), &o, ptr::null_mut()), "run_out");
        expect_invalid(temporal_get_workflow(ptr::null(), ty.as_ptr(), ptr::null(), &mut run), "client");
        expect_invalid(temporal_get_workflow(client.0, ptr::null(), ptr::null(), &mut run), "workflow_id");
        expect_invalid(temporal_get_workflow(client.0, ty.as_ptr(), ptr::null(), ptr::null_mut()), "run_out");
        expect_invalid(temporal_get_result(ptr::null(), 0, &mut out), "run");
        assert!(run.is_null() && out.is_null(), "no output written on failure");
        assert!(temporal_workflow_run_get_id(ptr::null()).is_null());
        assert!(temporal_workflow_run_get_run_id(ptr::null()).is_null());
        assert_eq!(temporal_error_get_code(ptr::null()), ErrorCode::Ok);
        assert!(temporal_error_get_details(ptr::null()).is_null());
        assert_eq!(CStr::from_ptr(temporal_error_get_message(ptr::null())).to_bytes(), b"");
        temporal_client_free(ptr::null_mut());
        temporal_workflow_run_free(ptr::null_mut());
        temporal_error_free(ptr::null_mut());
        temporal_string_free(ptr::null_mut());
        assert!(!temporal_client_options_default(ptr::null_mut(), std::mem::size_of::<temporal_client_options>()));
        assert!(!temporal_start_workflow_options_default(ptr::null_mut(), std::mem::size_of::<temporal_start_workflow_options>()));
        // An older header's smaller struct: exactly its bytes are written, nothing past them.
        let mut older = [0xa5u8; 64];
        assert!(temporal_start_workflow_options_default(older.as_mut_ptr().cast(), 24));
        assert_eq!(&older[..8], &24usize.to_ne_bytes());
        assert!(older[8..24].iter().all(|&b| b == 0) && older[24..].iter().all(|&b| b == 0xa5), "{older:?}");
        assert!(!temporal_start_workflow_options_default(older.as_mut_ptr().cast(), 20), "not a struct's size");
        assert!(!temporal_start_workflow_options_default(older.as_mut_ptr().cast(), 0));
        // A handle of the wrong kind is refused, not misused.
        let wrong = take_error_raw(temporal_get_workflow(client.0, ptr::null(), ptr::null(), &mut run));
        expect_invalid(temporal_get_result(wrong.cast(), 0, &mut out), "run");
        temporal_error_free(wrong);
        // Invalid UTF-8 and bad JSON.
        let bad_utf8 = b"Ech\xff\0";
        expect_invalid(temporal_execute_workflow(client.0, bad_utf8.as_ptr().cast(), ptr::null(), &o, &mut run), "workflow_type");
        let not_array = CString::new("{\"a\":1}").unwrap();
        let e = take_error(temporal_execute_workflow(client.0, ty.as_ptr(), not_array.as_ptr(), &o, &mut run)).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidArgument);
        o.id_conflict_policy = 42;
        let e = take_error(temporal_execute_workflow(client.0, ty.as_ptr(), ptr::null(), &o, &mut run)).unwrap_err();
        assert!(e.message.contains("conflict policy 42"), "{}", e.message);
    }
}

fn take_error_raw(e: *mut temporal_error) -> *mut temporal_error {
    assert!(!e.is_null());
    e
}

#[test]
fn version_matches_the_crate() {
    let v = unsafe { CStr::from_ptr(temporal_version()) }.to_str().unwrap();
    assert_eq!(v, env!("CARGO_PKG_VERSION"));
}

#[test]
fn conflict_policies_use_existing_and_terminate_existing() {
    use temporal_ffi::options::WorkflowIdConflictPolicy as P;
    let client = connect();
    let id = unique_id("conflict");
    let first = start(&client, "Block", None, Some(&id), |_| {}).unwrap();
    let existing =
        start(&client, "Block", None, Some(&id), |o| o.id_conflict_policy = P::UseExisting as i32).unwrap();
    assert_eq!(existing.run_id(), first.run_id());
    let replaced =
        start(&client, "Block", None, Some(&id), |o| o.id_conflict_policy = P::TerminateExisting as i32).unwrap();
    assert_ne!(replaced.run_id(), first.run_id());
    let old = get_workflow(&client, &id, Some(&first.run_id()));
    assert_eq!(old.result(10_000).unwrap_err().code, ErrorCode::WorkflowTerminated);
    cli(&["workflow", "terminate", "-w", &id, "--reason", "test done"]);
}

#[test]
fn memo_search_attributes_and_start_delay_reach_the_workflow() {
    let client = connect();
    let memo = CString::new(r#"{"m1": "v1", "m2": {"x": 1}}"#).unwrap();
    let sa = CString::new(r#"{"CustomKeywordField": "kw", "CustomIntField": 5}"#).unwrap();
    let t0 = Instant::now();
    let run = start(&client, "GetMemoAndSearchInfo", None, None, |o| {
        o.memo_json = memo.as_ptr();
        o.search_attributes_json = sa.as_ptr();
        o.start_delay_ms = 1500;
    })
    .unwrap();
    let info: serde_json::Value = serde_json::from_str(&run.result(30_000).unwrap()).unwrap();
    assert!(t0.elapsed() >= Duration::from_millis(1400), "start delay ignored: {:?}", t0.elapsed());
    assert_eq!(info["memo"], serde_json::json!({"m1": "v1", "m2": {"x": 1}}));
    assert_eq!(info["searchAttributes"], serde_json::json!({"CustomKeywordField": "kw", "CustomIntField": 5}));
    assert_eq!(info["taskQueue"], "temporal-ffi-test");

    let bad_memo = CString::new("[1]").unwrap();
    let e = start(&client, "Echo", None, None, |o| o.memo_json = bad_memo.as_ptr()).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    assert!(e.message.contains("memo"), "{}", e.message);
}

#[test]
fn cron_schedule_is_sent() {
    let client = connect();
    let cron = CString::new("0 0 1 1 *").unwrap();
    let id = unique_id("cron");
    let run = start(&client, "Echo", Some("[1]"), Some(&id), |o| o.cron_schedule = cron.as_ptr()).unwrap();
    let cli_bin = std::env::var("TEMPORAL_CLI").unwrap_or_else(|_| "temporal".into());
    let out = std::process::Command::new(cli_bin)
        .args(["workflow", "show", "-w", &id, "-o", "json", "--address", &address()])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(r#""cronSchedule": "0 0 1 1 *""#), "{text}");
    // A cron workflow never completes; its result waits (as in the Go SDK) and times out here.
    assert_eq!(run.result(200).unwrap_err().code, ErrorCode::DeadlineExceeded);
    cli(&["workflow", "terminate", "-w", &id, "--reason", "test done"]);
}

#[test]
fn envconfig_profile_file_and_explicit_fields_win() {
    let dir = std::env::temp_dir().join(unique_id("envconfig"));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("temporal.toml");
    std::fs::write(
        &file,
        format!(
            "[profile.default]\naddress = \"{a}\"\nnamespace = \"no-such-namespace\"\n\n\
             [profile.custom]\naddress = \"{a}\"\nnamespace = \"default\"\n",
            a = address()
        ),
    )
    .unwrap();
    let file_c = CString::new(file.to_str().unwrap()).unwrap();
    let custom = CString::new("custom").unwrap();
    let from_file = |profile: Option<&CString>, namespace: Option<&CString>| {
        connect_with(|o| {
            o.address = ptr::null();
            o.envconfig_file = file_c.as_ptr();
            o.envconfig_profile = profile.map_or(ptr::null(), |p| p.as_ptr());
            o.namespace_name = namespace.map_or(ptr::null(), |n| n.as_ptr());
        })
        .unwrap()
    };
    let client = from_file(Some(&custom), None);
    assert_eq!(start(&client, "Echo", Some("[5]"), None, |_| {}).unwrap().result(0).unwrap(), "5");
    let client = from_file(None, None);
    let e = start(&client, "Echo", Some("[5]"), None, |_| {}).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound, "the profile's namespace is used: {e:?}");
    assert!(e.message.contains("no-such-namespace"), "{}", e.message);
    let default_ns = CString::new("default").unwrap();
    let client = from_file(None, Some(&default_ns));
    assert_eq!(start(&client, "Echo", Some("[6]"), None, |_| {}).unwrap().result(0).unwrap(), "6");
    let nope = CString::new("nope").unwrap();
    let e = connect_with(|o| {
        o.envconfig_file = file_c.as_ptr();
        o.envconfig_profile = nope.as_ptr();
    })
    .err()
    .expect("an unknown profile named explicitly is an error");
    assert_eq!(e.code, ErrorCode::InvalidArgument, "{e:?}");
    assert!(e.message.contains("nope"), "{}", e.message);
    std::fs::write(&file, "this is [not toml").unwrap();
    let e = connect_with(|o| o.envconfig_file = file_c.as_ptr()).err().expect("bad TOML is an error");
    assert_eq!(e.code, ErrorCode::InvalidArgument, "{e:?}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_panic_inside_a_call_becomes_an_internal_error_and_the_library_keeps_working() {
    let client = connect();
    temporal_ffi::ffi::testing::temporal_testing_panic_next_call();
    let e = start(&client, "Echo", Some("[1]"), None, |_| {}).unwrap_err();
    assert_eq!(e.code, ErrorCode::Internal);
    assert!(e.message.contains("panic"), "{}", e.message);
    assert_eq!(start(&client, "Echo", Some("[2]"), None, |_| {}).unwrap().result(0).unwrap(), "2");
}

#[test]
fn envconfig_auto_loads_the_environment_only_when_no_address_is_given() {
    // The harness exports TEMPORAL_ADDRESS: with no address and the default mode (AUTO) the
    // library goes there, as every binding does.
    let client = connect_with(|o| o.address = ptr::null()).expect("AUTO loads TEMPORAL_ADDRESS");
    assert_eq!(start(&client, "Echo", Some("[7]"), None, |_| {}).unwrap().result(0).unwrap(), "7");
    // OFF: the default address (nothing listens on localhost:7233 here, or not this server).
    let unreachable = CString::new("127.0.0.1:1").unwrap();
    let e = connect_with(|o| {
        o.address = unreachable.as_ptr();
        o.envconfig = EnvconfigMode::Auto as i32;
        o.connect_timeout_ms = 2000;
    })
    .err()
    .expect("an address given wins over TEMPORAL_ADDRESS under AUTO");
    assert!(matches!(e.code, ErrorCode::Unavailable | ErrorCode::DeadlineExceeded), "{e:?}");
    let e = connect_with(|o| o.envconfig = 7).err().expect("unknown mode refused");
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    assert!(e.message.contains("envconfig mode 7"), "{}", e.message);
}

#[test]
fn a_missing_tls_file_in_a_profile_is_named() {
    let dir = std::env::temp_dir().join(unique_id("envconfig-tls"));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("temporal.toml");
    let missing = dir.join("no-such-ca.pem");
    std::fs::write(
        &file,
        format!("[profile.default]\naddress = \"{}\"\n[profile.default.tls]\nserver_ca_cert_path = \"{}\"\n", address(), missing.display()),
    )
    .unwrap();
    let file_c = CString::new(file.to_str().unwrap()).unwrap();
    let e = connect_with(|o| {
        o.address = ptr::null();
        o.envconfig_file = file_c.as_ptr();
    })
    .err()
    .expect("a missing TLS file is an error");
    assert_eq!(e.code, ErrorCode::InvalidArgument, "{e:?}");
    assert!(e.message.contains(&missing.display().to_string()), "the message names the file: {}", e.message);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn option_structs_are_read_by_their_size() {
    let client = connect();
    let tq = task_queue();
    let ty = CString::new("Echo").unwrap();
    let args = CString::new("[1]").unwrap();
    let bad_memo = CString::new("not json").unwrap();
    let exec = |o: &temporal_start_workflow_options| unsafe {
        let mut run = ptr::null_mut();
        let r = take_error(temporal_execute_workflow(client.0, ty.as_ptr(), args.as_ptr(), o, &mut run));
        if r.is_ok() {
            temporal_workflow_run_free(run);
        }
        r
    };
    let mut o = default_start_options();
    assert_eq!(o.size, std::mem::size_of::<temporal_start_workflow_options>());
    o.task_queue = tq.as_ptr();
    o.memo_json = bad_memo.as_ptr();
    assert_eq!(exec(&o).unwrap_err().code, ErrorCode::InvalidArgument, "the memo is read when inside size");
    // A struct from an older header ends before memo_json: the field takes its default.
    o.size = std::mem::offset_of!(temporal_start_workflow_options, memo_json);
    exec(&o).expect("fields past size are not read");
    o.size = 0;
    let e = exec(&o).unwrap_err();
    assert!(e.message.contains("_default"), "{}", e.message);
    // A struct from a newer header: zero unknown fields are fine, a set one is refused.
    #[repr(C)]
    struct Newer {
        known: temporal_start_workflow_options,
        extra: u64,
    }
    let mut newer = Newer { known: default_start_options(), extra: 0 };
    newer.known.size = std::mem::size_of::<Newer>();
    newer.known.task_queue = tq.as_ptr();
    exec(&newer.known).expect("a zero tail is accepted");
    newer.extra = 1;
    let e = exec(&newer.known).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    assert!(e.message.contains("newer header"), "{}", e.message);
}
