//! The client's other operations and the async API, called as a C host would, against the
//! dev server and the Go SDK worker (workflow `Counter`: query "count", update "add", signal
//! "done").

mod common;

use common::*;
use serde_json::Value;
use std::ffi::{c_char, c_void, CStr, CString};
use std::ptr;
use std::sync::mpsc;
use std::time::{Duration, Instant};
use temporal_ffi::errors::ErrorCode;
use temporal_ffi::ffi::call::*;
use temporal_ffi::ffi::client::temporal_client;
use temporal_ffi::ffi::error::*;
use temporal_ffi::ffi::operations::*;
use temporal_ffi::ffi::workflow::*;
use temporal_ffi::ffi::*;

fn c(s: &str) -> CString {
    CString::new(s).unwrap()
}

fn json_out(f: impl FnOnce(*mut *mut c_char) -> *mut temporal_error) -> Result<Value, HostError> {
    let mut out: *mut c_char = ptr::null_mut();
    take_error(f(&mut out))?;
    let text = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_owned();
    unsafe { temporal_string_free(out) };
    Ok(serde_json::from_str(&text).unwrap())
}

fn counter(client: &Client, start_value: i32) -> Run {
    start(client, "Counter", Some(&format!("[{start_value}]")), Some(&unique_id("counter")), |_| {}).unwrap()
}

#[test]
fn signal_query_update_and_describe_a_running_workflow() {
    let client = connect();
    let run = counter(&client, 10);
    let id = c(&run.id());
    let query = |name: &str| json_out(|out| unsafe { temporal_query_workflow(client.0, id.as_ptr(), ptr::null(), c(name).as_ptr(), ptr::null(), 0, out) });
    assert_eq!(query("count").unwrap(), 10);

    let add = |n: i32| {
        json_out(|out| unsafe {
            temporal_update_workflow(client.0, id.as_ptr(), ptr::null(), c("add").as_ptr(), ptr::null(), c(&format!("[{n}]")).as_ptr(), 30_000, out)
        })
    };
    assert_eq!(add(5).unwrap(), 15);
    assert_eq!(query("count").unwrap(), 15);
    let e = add(13).unwrap_err();
    assert_eq!(e.code, ErrorCode::UpdateFailed, "{e:?}");
    assert_eq!(e.details.as_ref().unwrap()["failure"]["type"], "Unlucky");
    let e = add(-1).unwrap_err();
    assert_eq!(e.code, ErrorCode::UpdateFailed, "a validator rejection: {e:?}");
    assert!(e.message.contains("must not be negative"), "{}", e.message);
    let e = query("fail").unwrap_err();
    assert_eq!(e.code, ErrorCode::QueryFailed, "{e:?}");
    assert!(e.message.contains("failed on purpose"), "{}", e.message);

    let described = json_out(|out| unsafe { temporal_describe_workflow_execution(client.0, id.as_ptr(), ptr::null(), 0, out) }).unwrap();
    assert_eq!(described["status"], "RUNNING");
    assert_eq!(described["workflow_type"], "Counter");
    assert_eq!(described["run_id"], run.run_id());
    assert!(described["history_length"].as_i64().unwrap() > 3);

    take_error(unsafe { temporal_signal_workflow(client.0, id.as_ptr(), ptr::null(), c("done").as_ptr(), ptr::null(), 0) }).unwrap();
    assert_eq!(run.result(10_000).unwrap(), "15");
    let described = json_out(|out| unsafe { temporal_describe_workflow_execution(client.0, id.as_ptr(), ptr::null(), 0, out) }).unwrap();
    assert_eq!(described["status"], "COMPLETED");
    assert!(described["close_time"].is_string());

    let history = json_out(|out| unsafe { temporal_get_workflow_history(client.0, id.as_ptr(), ptr::null(), 0, out) }).unwrap();
    let events = history["events"].as_array().unwrap();
    assert!(events.len() as i64 >= described["history_length"].as_i64().unwrap(), "{}", events.len());
}

#[test]
fn cancel_and_terminate_through_the_api() {
    let client = connect();
    let blocked = start(&client, "Block", None, Some(&unique_id("api-cancel")), |_| {}).unwrap();
    let id = c(&blocked.id());
    take_error(unsafe { temporal_cancel_workflow(client.0, id.as_ptr(), ptr::null(), 0) }).unwrap();
    assert_eq!(blocked.result(10_000).unwrap_err().code, ErrorCode::WorkflowCanceled);

    let blocked = start(&client, "Block", None, Some(&unique_id("api-terminate")), |_| {}).unwrap();
    let id = c(&blocked.id());
    let reason = c("enough");
    let details = c(r#"[{"why": "test"}]"#);
    take_error(unsafe { temporal_terminate_workflow(client.0, id.as_ptr(), ptr::null(), reason.as_ptr(), details.as_ptr(), 0) }).unwrap();
    let e = blocked.result(10_000).unwrap_err();
    assert_eq!(e.code, ErrorCode::WorkflowTerminated);
    let d = e.details.unwrap();
    assert_eq!(d["reason"], "enough");
    assert_eq!(d["details"][0]["why"], "test");

    let missing = c(&unique_id("nobody"));
    let e = take_error(unsafe { temporal_cancel_workflow(client.0, missing.as_ptr(), ptr::null(), 0) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
}

#[test]
fn signal_with_start_starts_then_signals() {
    let client = connect();
    let tq = task_queue();
    let id = c(&unique_id("sws"));
    let mut o = default_start_options();
    o.task_queue = tq.as_ptr();
    o.id = id.as_ptr();
    let mut raw = ptr::null_mut();
    take_error(unsafe {
        temporal_signal_with_start_workflow(client.0, c("unblock").as_ptr(), c(r#"["hello"]"#).as_ptr(), c("Block").as_ptr(), ptr::null(), &o, 0, &mut raw)
    })
    .unwrap();
    let run = Run(raw);
    assert_eq!(run.result(10_000).unwrap(), r#""unblocked: hello""#);
}

#[test]
fn list_and_count_with_a_visibility_query() {
    let client = connect();
    let marker = unique_id("listed");
    let sa = c(&format!(r#"{{"CustomKeywordField": "{marker}"}}"#));
    for _ in 0..3 {
        start(&client, "Echo", Some("[1]"), None, |o| o.search_attributes_json = sa.as_ptr()).unwrap().result(0).unwrap();
    }
    // Visibility is eventually consistent: wait for the three to show up as completed.
    let query = c(&format!("CustomKeywordField = '{marker}' AND ExecutionStatus = 'Completed'"));
    let t0 = Instant::now();
    loop {
        let count = json_out(|out| unsafe { temporal_count_workflow(client.0, query.as_ptr(), 0, out) }).unwrap();
        if count["count"] == 3 {
            break;
        }
        assert!(t0.elapsed() < Duration::from_secs(20), "count stayed {count}");
        std::thread::sleep(Duration::from_millis(200));
    }
    let mut seen = Vec::new();
    let mut token = String::new();
    loop {
        let t = c(&token);
        let page = json_out(|out| unsafe { temporal_list_workflow(client.0, query.as_ptr(), 2, t.as_ptr(), 0, out) }).unwrap();
        for e in page["executions"].as_array().unwrap() {
            assert_eq!(e["workflow_type"], "Echo");
            assert_eq!(e["status"], "COMPLETED");
            seen.push(e["workflow_id"].as_str().unwrap().to_owned());
        }
        token = page["next_page_token"].as_str().unwrap().to_owned();
        if token.is_empty() {
            break;
        }
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 3, "{seen:?}");
    let bad = c("zz");
    let e = json_out(|out| unsafe { temporal_list_workflow(client.0, query.as_ptr(), 2, bad.as_ptr(), 0, out) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
}

/// What an async callback received, copied out on the callback's thread.
#[derive(Debug)]
struct Delivered {
    error: Option<(ErrorCode, String)>,
    json: Option<String>,
    run: Option<Run>,
    thread: String,
}

unsafe extern "C" fn deliver(user_data: *mut c_void, error: *mut temporal_error, json: *mut c_char, run: *mut temporal_workflow_run) {
    let tx = unsafe { &*(user_data as *const mpsc::Sender<Delivered>) };
    let error = (!error.is_null()).then(|| {
        let e = take_error(error).unwrap_err();
        (e.code, e.message)
    });
    let json = (!json.is_null()).then(|| {
        let t = unsafe { CStr::from_ptr(json) }.to_str().unwrap().to_owned();
        unsafe { temporal_string_free(json) };
        t
    });
    let run = (!run.is_null()).then(|| Run(run));
    let thread = std::thread::current().name().unwrap_or("").to_owned();
    let _ = tx.send(Delivered { error, json, run, thread });
}

/// A sender that outlives every callback of a test (leaked on purpose: the callbacks may run
/// after the test's last look).
fn sink() -> (*mut c_void, mpsc::Receiver<Delivered>) {
    let (tx, rx) = mpsc::channel();
    (Box::into_raw(Box::new(tx)) as *mut c_void, rx)
}

#[test]
fn async_start_and_many_async_waits_on_few_threads() {
    let client = connect();
    let (user_data, rx) = sink();
    let tq = task_queue();
    let mut o = default_start_options();
    o.task_queue = tq.as_ptr();
    const N: usize = 200;
    for i in 0..N {
        let args = c(&format!("[{}]", 300 + i % 50));
        take_error(unsafe {
            temporal_execute_workflow_async(client.0, c("Sleep").as_ptr(), args.as_ptr(), &o, Some(deliver), user_data, ptr::null_mut())
        })
        .unwrap();
    }
    let runs: Vec<Run> = (0..N).map(|_| {
        let d = rx.recv_timeout(Duration::from_secs(60)).unwrap();
        assert!(d.error.is_none(), "{d:?}");
        assert!(d.thread.starts_with("temporal-ffi"), "callbacks run on library threads: {}", d.thread);
        d.run.unwrap()
    }).collect();
    let threads_before = thread_count();
    for run in &runs {
        take_error(unsafe { temporal_get_result_async(run.0, 60_000, Some(deliver), user_data, ptr::null_mut()) }).unwrap();
    }
    for _ in 0..N {
        let d = rx.recv_timeout(Duration::from_secs(60)).unwrap();
        assert_eq!(d.json.as_deref(), Some(r#""slept""#), "{d:?}");
    }
    assert!(thread_count() <= threads_before + 1, "waits must not hold threads: {} -> {}", threads_before, thread_count());
}

fn thread_count() -> usize {
    std::fs::read_dir("/proc/self/task").map(|d| d.count()).unwrap_or(0)
}

#[test]
fn cancel_an_async_wait_before_it_completes() {
    let client = connect();
    let run = start(&client, "Block", None, Some(&unique_id("async-cancel")), |_| {}).unwrap();
    let (user_data, rx) = sink();
    let mut call: *mut temporal_call = ptr::null_mut();
    take_error(unsafe { temporal_get_result_async(run.0, 0, Some(deliver), user_data, &mut call) }).unwrap();
    assert!(rx.recv_timeout(Duration::from_millis(300)).is_err(), "nothing delivered before the cancel");
    let t0 = Instant::now();
    unsafe { temporal_call_cancel(call) };
    let d = rx.recv_timeout(Duration::from_secs(5)).unwrap();
    assert_eq!(d.error.as_ref().unwrap().0, ErrorCode::Canceled, "{d:?}");
    assert!(t0.elapsed() < Duration::from_secs(2));
    unsafe {
        temporal_call_cancel(call); // idempotent, and no second callback
        temporal_call_free(call);
    }
    assert!(rx.recv_timeout(Duration::from_millis(300)).is_err(), "exactly one callback");
    let id = c(&run.id());
    take_error(unsafe { temporal_terminate_workflow(client.0, id.as_ptr(), ptr::null(), ptr::null(), ptr::null(), 0) }).unwrap();
    // Argument errors come back at once and never reach the callback.
    let e = take_error(unsafe { temporal_get_result_async(ptr::null(), 0, Some(deliver), user_data, ptr::null_mut()) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    let e = take_error(unsafe { temporal_get_result_async(run.0, 0, None, user_data, ptr::null_mut()) }).unwrap_err();
    assert!(e.message.contains("callback"), "{}", e.message);
    assert!(rx.recv_timeout(Duration::from_millis(200)).is_err());
}

struct Reentry {
    client: *const temporal_client,
    tx: mpsc::Sender<Delivered>,
    blocking_error: std::sync::Mutex<Option<ErrorCode>>,
}

/// A callback that calls back into the library: a blocking call (refused, not deadlocked) and
/// an async one (works), and frees the run it was given.
unsafe extern "C" fn reenter(user_data: *mut c_void, error: *mut temporal_error, _json: *mut c_char, run: *mut temporal_workflow_run) {
    let r = unsafe { &*(user_data as *const Reentry) };
    assert!(error.is_null());
    let mut out: *mut c_char = ptr::null_mut();
    let e = unsafe { temporal_get_result(run, 0, &mut out) };
    *r.blocking_error.lock().unwrap() = Some(unsafe { temporal_error_get_code(e) });
    unsafe { temporal_error_free(e) };
    let tx_ptr = &r.tx as *const mpsc::Sender<Delivered> as *mut c_void;
    let e = unsafe { temporal_get_result_async(run, 10_000, Some(deliver), tx_ptr, ptr::null_mut()) };
    assert!(e.is_null());
    let _ = r.client;
    unsafe { temporal_workflow_run_free(run) };
}

#[test]
fn a_callback_may_call_back_into_the_library() {
    let client = connect();
    let (tx, rx) = mpsc::channel();
    let state = Box::leak(Box::new(Reentry { client: client.0, tx, blocking_error: std::sync::Mutex::new(None) }));
    let tq = task_queue();
    let mut o = default_start_options();
    o.task_queue = tq.as_ptr();
    take_error(unsafe {
        temporal_execute_workflow_async(client.0, c("Echo").as_ptr(), c(r#"["again"]"#).as_ptr(), &o, Some(reenter), state as *mut Reentry as *mut c_void, ptr::null_mut())
    })
    .unwrap();
    let d = rx.recv_timeout(Duration::from_secs(20)).unwrap();
    assert_eq!(d.json.as_deref(), Some(r#""again""#), "{d:?}");
    assert_eq!(*state.blocking_error.lock().unwrap(), Some(ErrorCode::InvalidArgument));
}

#[test]
fn every_operation_has_a_working_async_form() {
    let client = connect();
    let (user_data, rx) = sink();
    let next = || rx.recv_timeout(Duration::from_secs(30)).unwrap();
    let run = counter(&client, 1);
    let id = c(&run.id());
    let none = ptr::null();
    let cb = Some(deliver as unsafe extern "C" fn(_, _, _, _));
    let null_call = ptr::null_mut();
    unsafe {
        take_error(temporal_query_workflow_async(client.0, id.as_ptr(), none, c("count").as_ptr(), none, 0, cb, user_data, null_call)).unwrap();
        assert_eq!(next().json.as_deref(), Some("1"));
        take_error(temporal_update_workflow_async(client.0, id.as_ptr(), none, c("add").as_ptr(), none, c("[2]").as_ptr(), 0, cb, user_data, null_call)).unwrap();
        assert_eq!(next().json.as_deref(), Some("3"));
        take_error(temporal_describe_workflow_execution_async(client.0, id.as_ptr(), none, 0, cb, user_data, null_call)).unwrap();
        let d: Value = serde_json::from_str(&next().json.unwrap()).unwrap();
        assert_eq!(d["status"], "RUNNING");
        take_error(temporal_get_workflow_history_async(client.0, id.as_ptr(), none, 0, cb, user_data, null_call)).unwrap();
        assert!(next().json.unwrap().contains("events"));
        take_error(temporal_count_workflow_async(client.0, none, 0, cb, user_data, null_call)).unwrap();
        assert!(next().json.unwrap().contains("count"));
        take_error(temporal_list_workflow_async(client.0, none, 1, none, 0, cb, user_data, null_call)).unwrap();
        assert!(next().json.unwrap().contains("executions"));
        take_error(temporal_signal_workflow_async(client.0, id.as_ptr(), none, c("done").as_ptr(), none, 0, cb, user_data, null_call)).unwrap();
        let d = next();
        assert!(d.error.is_none() && d.json.is_none() && d.run.is_none(), "{d:?}");
        assert_eq!(run.result(10_000).unwrap(), "3");

        let tq = task_queue();
        let sws_id = c(&unique_id("sws-async"));
        let mut o = default_start_options();
        o.task_queue = tq.as_ptr();
        o.id = sws_id.as_ptr();
        take_error(temporal_signal_with_start_workflow_async(client.0, c("nothing").as_ptr(), none, c("Block").as_ptr(), none, &o, 0, cb, user_data, null_call)).unwrap();
        let blocked = next().run.expect("signal-with-start gives the run");
        take_error(temporal_cancel_workflow_async(client.0, sws_id.as_ptr(), none, 0, cb, user_data, null_call)).unwrap();
        assert!(next().error.is_none());
        assert_eq!(blocked.result(10_000).unwrap_err().code, ErrorCode::WorkflowCanceled);

        let other = start(&client, "Block", None, None, |_| {}).unwrap();
        let other_id = c(&other.id());
        take_error(temporal_terminate_workflow_async(client.0, other_id.as_ptr(), none, c("bye").as_ptr(), none, 0, cb, user_data, null_call)).unwrap();
        assert!(next().error.is_none());
        assert_eq!(other.result(10_000).unwrap_err().code, ErrorCode::WorkflowTerminated);
    }
}

#[test]
fn query_on_a_missing_workflow_is_not_found() {
    let client = connect();
    let id = c(&unique_id("nobody-to-query"));
    let e = json_out(|out| unsafe { temporal_query_workflow(client.0, id.as_ptr(), ptr::null(), c("count").as_ptr(), ptr::null(), 0, out) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound, "{e:?}");
}
