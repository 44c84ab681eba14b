//! The client's other operations and the three completion forms of a call, driven as a C host
//! would, against the dev server and the Go SDK worker (workflow `Counter`: query "count",
//! update "add", signal "done").

mod common;

use common::*;
use serde_json::Value;
use std::ffi::{c_void, CString};
use std::ptr;
use std::sync::mpsc;
use std::time::{Duration, Instant};
use temporal_ffi::errors::ErrorCode;
use temporal_ffi::ffi::call::*;
use temporal_ffi::ffi::client::temporal_client;
use temporal_ffi::ffi::error::*;
use temporal_ffi::ffi::operations::*;
use temporal_ffi::ffi::workflow::*;

fn c(s: &str) -> CString {
    CString::new(s).unwrap()
}

/// A call's JSON result, waited for (timeout as the call options' `timeout_ms`).
fn json_call(
    timeout_ms: u64,
    f: impl FnOnce(*const temporal_call_options, *mut *mut temporal_call) -> *mut temporal_error,
) -> Result<Value, HostError> {
    wait_call(timeout_ms, f).map(|o| o.json_value())
}

fn counter(client: &Client, start_value: i32) -> Run {
    start(client, "Counter", Some(&format!("[{start_value}]")), Some(&unique_id("counter")), |_| {}).unwrap()
}

#[test]
fn signal_query_update_and_describe_a_running_workflow() {
    let client = connect();
    let run = counter(&client, 10);
    let id = c(&run.id());
    let query = |name: &str| {
        json_call(0, |o, out| unsafe { temporal_query_workflow_async(client.0, id.as_ptr(), ptr::null(), c(name).as_ptr(), ptr::null(), o, out) })
    };
    assert_eq!(query("count").unwrap(), 10);

    let add = |n: i32| {
        json_call(30_000, |o, out| unsafe {
            temporal_update_workflow_async(client.0, id.as_ptr(), ptr::null(), c("add").as_ptr(), ptr::null(), c(&format!("[{n}]")).as_ptr(), o, out)
        })
    };
    assert_eq!(add(5).unwrap(), 15);
    assert_eq!(query("count").unwrap(), 15);
    let e = add(13).unwrap_err();
    assert_eq!(e.code, ErrorCode::UpdateFailed, "{e:?}");
    let failure = &e.details.as_ref().unwrap()["failure"];
    assert_eq!(failure["type"], "Unlucky");
    assert!(failure["display"].as_str().unwrap().contains("Unlucky"), "the Go SDK's text: {failure}");
    // The update ID: the library's own when none is given, the caller's otherwise.
    let generated = wait_call(30_000, |o, out| unsafe {
        temporal_update_workflow_async(client.0, id.as_ptr(), ptr::null(), c("add").as_ptr(), ptr::null(), c("[0]").as_ptr(), o, out)
    })
    .unwrap();
    assert_eq!(generated.update_id.as_deref().map(str::len), Some(36), "a UUID: {generated:?}");
    let given = wait_call(30_000, |o, out| unsafe {
        temporal_update_workflow_async(client.0, id.as_ptr(), ptr::null(), c("add").as_ptr(), c("my-update").as_ptr(), c("[0]").as_ptr(), o, out)
    })
    .unwrap();
    assert_eq!(given.update_id.as_deref(), Some("my-update"));
    // A failed update names its update too.
    let options = call_options(30_000);
    let mut raw = ptr::null_mut();
    take_error(unsafe {
        temporal_update_workflow_async(client.0, id.as_ptr(), ptr::null(), c("add").as_ptr(), ptr::null(), c("[13]").as_ptr(), &options, &mut raw)
    })
    .unwrap();
    let failed = Call(raw);
    take_error(unsafe { temporal_call_wait(failed.0, TEMPORAL_TIMEOUT_NONE) }).unwrap();
    assert_eq!(outcome(failed.0).unwrap_err().code, ErrorCode::UpdateFailed);
    let failed_id = unsafe { std::ffi::CStr::from_ptr(temporal_call_get_update_id(failed.0)) }.to_str().unwrap().to_owned();
    assert_eq!(failed_id.len(), 36, "{failed_id}");
    let e = add(-1).unwrap_err();
    assert_eq!(e.code, ErrorCode::UpdateFailed, "a validator rejection: {e:?}");
    assert!(e.message.contains("must not be negative"), "{}", e.message);
    let e = query("fail").unwrap_err();
    assert_eq!(e.code, ErrorCode::QueryFailed, "{e:?}");
    assert!(e.message.contains("failed on purpose"), "{}", e.message);

    let describe = || {
        json_call(0, |o, out| unsafe { temporal_describe_workflow_execution_async(client.0, id.as_ptr(), ptr::null(), o, out) }).unwrap()
    };
    let described = describe();
    assert_eq!(described["status"], "RUNNING");
    assert_eq!(described["workflow_type"], "Counter");
    assert_eq!(described["run_id"], run.run_id());
    assert!(described["history_length"].as_i64().unwrap() > 3);

    let signaled = wait_call(0, |o, out| unsafe { temporal_signal_workflow_async(client.0, id.as_ptr(), ptr::null(), c("done").as_ptr(), ptr::null(), o, out) }).unwrap();
    assert!(signaled.json.is_none() && signaled.run.is_none(), "{signaled:?}");
    assert_eq!(run.result(10_000).unwrap(), "15");
    let described = describe();
    assert_eq!(described["status"], "COMPLETED");
    assert!(described["close_time"].is_string());

    let history = json_call(0, |o, out| unsafe { temporal_get_workflow_history_async(client.0, id.as_ptr(), ptr::null(), o, out) }).unwrap();
    let events = history["events"].as_array().unwrap();
    assert!(events.len() as i64 >= described["history_length"].as_i64().unwrap(), "{}", events.len());
}

#[test]
fn cancel_and_terminate_through_the_api() {
    let client = connect();
    let blocked = start(&client, "Block", None, Some(&unique_id("api-cancel")), |_| {}).unwrap();
    let id = c(&blocked.id());
    wait_call(0, |o, out| unsafe { temporal_cancel_workflow_async(client.0, id.as_ptr(), ptr::null(), o, out) }).unwrap();
    assert_eq!(blocked.result(10_000).unwrap_err().code, ErrorCode::WorkflowCanceled);

    let blocked = start(&client, "Block", None, Some(&unique_id("api-terminate")), |_| {}).unwrap();
    let id = c(&blocked.id());
    let reason = c("enough");
    let details = c(r#"[{"why": "test"}]"#);
    wait_call(0, |o, out| unsafe { temporal_terminate_workflow_async(client.0, id.as_ptr(), ptr::null(), reason.as_ptr(), details.as_ptr(), o, out) }).unwrap();
    let e = blocked.result(10_000).unwrap_err();
    assert_eq!(e.code, ErrorCode::WorkflowTerminated);
    let d = e.details.unwrap();
    assert_eq!(d["reason"], "enough");
    assert_eq!(d["details"][0]["why"], "test");

    let missing = c(&unique_id("nobody"));
    let e = wait_call(0, |o, out| unsafe { temporal_cancel_workflow_async(client.0, missing.as_ptr(), ptr::null(), o, out) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
}

/// The Go SDK's `CancelWorkflowWithOptions` / `TerminateWorkflowWithOptions`: the reason
/// reaches the history, and a first execution Run ID of another chain is refused.
#[test]
fn cancel_and_terminate_with_options() {
    let client = connect();
    let target = |id: &CString, first: Option<&CString>, reason: &CString, details: Option<&CString>| {
        let mut o = std::mem::MaybeUninit::<temporal_workflow_target_options>::uninit();
        let mut o = unsafe {
            assert!(temporal_workflow_target_options_default(o.as_mut_ptr(), std::mem::size_of::<temporal_workflow_target_options>()));
            o.assume_init()
        };
        o.workflow_id = id.as_ptr();
        o.first_execution_run_id = first.map_or(ptr::null(), |f| f.as_ptr());
        o.reason = reason.as_ptr();
        o.details_json = details.map_or(ptr::null(), |d| d.as_ptr());
        o
    };
    let blocked = start(&client, "Block", None, Some(&unique_id("cancel-options")), |_| {}).unwrap();
    let id = c(&blocked.id());
    let why = c("the operator asked");
    let other_chain = c(&uuid::Uuid::new_v4().to_string());
    let refused = target(&id, Some(&other_chain), &why, None);
    let e = wait_call(0, |o, out| unsafe { temporal_cancel_workflow_with_options_async(client.0, &refused, o, out) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound, "{e:?}");
    let first = c(&blocked.run_id());
    let options = target(&id, Some(&first), &why, None);
    wait_call(0, |o, out| unsafe { temporal_cancel_workflow_with_options_async(client.0, &options, o, out) }).unwrap();
    assert_eq!(blocked.result(10_000).unwrap_err().code, ErrorCode::WorkflowCanceled);
    let history = json_call(0, |o, out| unsafe { temporal_get_workflow_history_async(client.0, id.as_ptr(), ptr::null(), o, out) }).unwrap();
    assert!(history.to_string().contains("the operator asked"), "{history}");
    let details = c("[1]");
    let with_details = target(&id, None, &why, Some(&details));
    let e = wait_call(0, |o, out| unsafe { temporal_cancel_workflow_with_options_async(client.0, &with_details, o, out) }).unwrap_err();
    assert!(e.message.contains("a cancel request has no details"), "{}", e.message);

    let blocked = start(&client, "Block", None, Some(&unique_id("terminate-options")), |_| {}).unwrap();
    let id = c(&blocked.id());
    let first = c(&blocked.run_id());
    let done = c("done with it");
    let details = c(r#"[{"ticket": 42}]"#);
    let options = target(&id, Some(&first), &done, Some(&details));
    wait_call(0, |o, out| unsafe { temporal_terminate_workflow_with_options_async(client.0, &options, o, out) }).unwrap();
    let e = blocked.result(10_000).unwrap_err();
    assert_eq!(e.code, ErrorCode::WorkflowTerminated);
    let d = e.details.unwrap();
    assert_eq!((d["reason"].as_str(), d["details"][0]["ticket"].as_i64()), (Some("done with it"), Some(42)));
    let e = wait_call(0, |o, out| unsafe { temporal_terminate_workflow_with_options_async(client.0, ptr::null(), o, out) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
}

#[test]
fn signal_with_start_starts_then_signals() {
    let client = connect();
    let tq = task_queue();
    let id = c(&unique_id("sws"));
    let mut o = default_start_options();
    o.task_queue = tq.as_ptr();
    o.id = id.as_ptr();
    let run = wait_call(0, |co, out| unsafe {
        temporal_signal_with_start_workflow_async(client.0, c("unblock").as_ptr(), c(r#"["hello"]"#).as_ptr(), c("Block").as_ptr(), ptr::null(), &o, co, out)
    })
    .unwrap()
    .run
    .expect("signal-with-start gives the run");
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
        let count = wait_call(0, |o, out| unsafe { temporal_count_workflow_async(client.0, query.as_ptr(), o, out) }).unwrap();
        assert_eq!(count.json_value()["count"], count.count.unwrap(), "the JSON and the typed count agree");
        if count.count == Some(3) {
            break;
        }
        assert!(t0.elapsed() < Duration::from_secs(20), "count stayed {count:?}");
        std::thread::sleep(Duration::from_millis(200));
    }
    let mut seen = Vec::new();
    let mut token = String::new();
    loop {
        let t = c(&token);
        let page = json_call(0, |o, out| unsafe { temporal_list_workflow_async(client.0, query.as_ptr(), 2, t.as_ptr(), o, out) }).unwrap();
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
    let e = json_call(0, |o, out| unsafe { temporal_list_workflow_async(client.0, query.as_ptr(), 2, bad.as_ptr(), o, out) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    // GROUP BY: the groups come with their values and counts.
    let grouped = c(&format!("CustomKeywordField = '{marker}' GROUP BY ExecutionStatus"));
    let count = wait_call(0, |o, out| unsafe { temporal_count_workflow_async(client.0, grouped.as_ptr(), o, out) }).unwrap();
    assert_eq!(count.count, Some(3));
    let groups = count.json_value()["groups"].clone();
    assert_eq!(groups, serde_json::json!([{"group_values": ["Completed"], "count": 3}]), "{groups}");
}

/// What a callback saw of its call, copied out on the callback's thread.
#[derive(Debug)]
struct Delivered {
    result: Result<Outcome, HostError>,
    user_data: *mut c_void,
    thread: String,
}
unsafe impl Send for Delivered {}

/// The callback of these tests: copies the outcome out, sends it, and frees the call (from
/// inside its own callback, which the contract allows).
unsafe extern "C" fn deliver(user_data: *mut c_void, call: *mut temporal_call) {
    let tx = unsafe { &*(user_data as *const mpsc::Sender<Delivered>) };
    assert!(!call.is_null());
    let result = outcome(call);
    let seen_user_data = unsafe { temporal_call_get_user_data(call) };
    unsafe { temporal_call_free(call) };
    let thread = std::thread::current().name().unwrap_or("").to_owned();
    let _ = tx.send(Delivered { result, user_data: seen_user_data, thread });
}

/// A sender that outlives every callback of a test (leaked on purpose: the callbacks may run
/// after the test's last look), and call options that deliver to it.
fn sink() -> (temporal_call_options, mpsc::Receiver<Delivered>) {
    let (tx, rx) = mpsc::channel();
    let mut o = call_options(0);
    o.callback = Some(deliver);
    o.user_data = Box::into_raw(Box::new(tx)) as *mut c_void;
    (o, rx)
}

/// Starts a call whose handle the callback frees.
fn start_call(f: impl FnOnce(*mut *mut temporal_call) -> *mut temporal_error) -> Result<(), HostError> {
    let mut call = ptr::null_mut();
    take_error(f(&mut call))?;
    assert!(!call.is_null());
    Ok(())
}

#[test]
fn async_start_and_many_callback_waits_on_few_threads() {
    let client = connect();
    let (co, rx) = sink();
    let tq = task_queue();
    let mut o = default_start_options();
    o.task_queue = tq.as_ptr();
    const N: usize = 200;
    for i in 0..N {
        let args = c(&format!("[{}]", 300 + i % 50));
        start_call(|out| unsafe { temporal_execute_workflow_async(client.0, c("Sleep").as_ptr(), args.as_ptr(), &o, &co, out) }).unwrap();
    }
    let runs: Vec<Run> = (0..N)
        .map(|_| {
            let d = rx.recv_timeout(Duration::from_secs(60)).unwrap();
            assert!(d.thread.starts_with("temporal-ffi"), "callbacks run on library threads: {}", d.thread);
            assert_eq!(d.user_data, co.user_data);
            d.result.unwrap().run.unwrap()
        })
        .collect();
    let threads_before = thread_count();
    let mut wait = co;
    wait.timeout_ms = 60_000;
    for run in &runs {
        start_call(|out| unsafe { temporal_get_result_async(run.0, &wait, out) }).unwrap();
    }
    for _ in 0..N {
        let d = rx.recv_timeout(Duration::from_secs(60)).unwrap();
        assert_eq!(d.result.unwrap().json.as_deref(), Some(r#""slept""#));
    }
    assert!(thread_count() <= threads_before + 1, "waits must not hold threads: {} -> {}", threads_before, thread_count());
}

fn thread_count() -> usize {
    std::fs::read_dir("/proc/self/task").map(|d| d.count()).unwrap_or(0)
}

#[test]
fn cancel_a_wait_before_it_completes_in_each_form() {
    let client = connect();
    let run = start(&client, "Block", None, Some(&unique_id("async-cancel")), |_| {}).unwrap();
    // Callback form: exactly one callback, with CANCELED.
    let (co, rx) = sink();
    let mut call: *mut temporal_call = ptr::null_mut();
    // The callback frees the call: cancel before it can run, and do not touch `call` afterwards.
    take_error(unsafe { temporal_get_result_async(run.0, &co, &mut call) }).unwrap();
    assert!(rx.recv_timeout(Duration::from_millis(300)).is_err(), "nothing delivered before the cancel");
    let t0 = Instant::now();
    unsafe { temporal_call_cancel(call) };
    let d = rx.recv_timeout(Duration::from_secs(5)).unwrap();
    assert_eq!(d.result.unwrap_err().code, ErrorCode::Canceled);
    assert!(t0.elapsed() < Duration::from_secs(2));
    assert!(rx.recv_timeout(Duration::from_millis(300)).is_err(), "exactly one callback");

    // Wait form: a wait that times out leaves the call in flight (DEADLINE_EXCEEDED for the
    // wait, not the call); the cancel then completes it with CANCELED.
    let mut raw = ptr::null_mut();
    take_error(unsafe { temporal_get_result_async(run.0, ptr::null(), &mut raw) }).unwrap();
    let waiting = Call(raw);
    let e = take_error(unsafe { temporal_call_wait(waiting.0, 200) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::DeadlineExceeded);
    assert!(!unsafe { temporal_call_is_done(waiting.0) });
    assert!(unsafe { temporal_call_get_json(waiting.0) }.is_null() && unsafe { temporal_call_get_error(waiting.0) }.is_null());
    unsafe { temporal_call_cancel(waiting.0) };
    take_error(unsafe { temporal_call_wait(waiting.0, 5_000) }).unwrap();
    assert_eq!(outcome(waiting.0).unwrap_err().code, ErrorCode::Canceled);
    unsafe { temporal_call_cancel(waiting.0) }; // idempotent after completion
    assert_eq!(outcome(waiting.0).unwrap_err().code, ErrorCode::Canceled);

    let id = c(&run.id());
    wait_call(0, |o, out| unsafe { temporal_terminate_workflow_async(client.0, id.as_ptr(), ptr::null(), ptr::null(), ptr::null(), o, out) }).unwrap();
    // Argument errors come back at once and never reach the callback.
    let mut unused = ptr::null_mut();
    let e = take_error(unsafe { temporal_get_result_async(ptr::null(), &co, &mut unused) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    let e = take_error(unsafe { temporal_get_result_async(run.0, &co, ptr::null_mut()) }).unwrap_err();
    assert!(e.message.contains("call_out"), "{}", e.message);
    assert!(unused.is_null());
    assert!(rx.recv_timeout(Duration::from_millis(200)).is_err());
}

#[test]
fn a_passed_deadline_is_deadline_exceeded_never_canceled() {
    let client = connect();
    // No worker polls this queue, so nothing ever answers the query.
    let lonely = c(&unique_id("no-worker-queue"));
    let id = unique_id("unanswered");
    let run = start(&client, "Echo", Some("[1]"), Some(&id), |o| o.task_queue = lonely.as_ptr()).unwrap();
    let idc = c(&id);
    let t0 = Instant::now();
    let e = wait_call(2_000, |o, out| unsafe { temporal_query_workflow_async(client.0, idc.as_ptr(), ptr::null(), c("count").as_ptr(), ptr::null(), o, out) })
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::DeadlineExceeded, "{e:?}");
    assert!(t0.elapsed() < Duration::from_secs(6), "{:?}", t0.elapsed());
    assert_eq!(run.result(300).unwrap_err().code, ErrorCode::DeadlineExceeded);
    wait_call(0, |o, out| unsafe { temporal_terminate_workflow_async(client.0, idc.as_ptr(), ptr::null(), ptr::null(), ptr::null(), o, out) }).unwrap();
    // Out-of-range timeouts are refused; TEMPORAL_TIMEOUT_NONE is not out of range.
    let e = wait_call(TEMPORAL_MAX_DURATION_MS + 1, |o, out| unsafe { temporal_describe_workflow_execution_async(client.0, idc.as_ptr(), ptr::null(), o, out) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument);
    assert!(e.message.contains("out of range"), "{}", e.message);
    wait_call(TEMPORAL_TIMEOUT_NONE, |o, out| unsafe { temporal_describe_workflow_execution_async(client.0, idc.as_ptr(), ptr::null(), o, out) }).unwrap();
}

struct Reentry {
    client: *const temporal_client,
    options: temporal_call_options,
    blocking_error: std::sync::Mutex<Option<ErrorCode>>,
}

/// A callback that calls back into the library: blocking calls (refused, not deadlocked) and
/// a call (works), and frees the run and the call it was given.
unsafe extern "C" fn reenter(user_data: *mut c_void, call: *mut temporal_call) {
    let r = unsafe { &*(user_data as *const Reentry) };
    let run = unsafe { temporal_call_take_run(call) };
    assert!(!run.is_null());
    let mut out = ptr::null_mut();
    let e = unsafe { temporal_get_result(run, 0, &mut out) };
    let blocked = unsafe { temporal_error_get_code(e) };
    unsafe { temporal_error_free(e) };
    let e = unsafe { temporal_call_wait(call, 0) };
    assert!(e.is_null(), "waiting on a completed call does not block");
    let mut next = ptr::null_mut();
    let e = unsafe { temporal_get_result_async(run, &r.options, &mut next) };
    assert!(e.is_null());
    let e = unsafe { temporal_call_wait(next, 0) };
    assert_eq!(unsafe { temporal_error_get_code(e) }, ErrorCode::InvalidArgument, "a blocking wait in a callback is refused");
    unsafe { temporal_error_free(e) };
    *r.blocking_error.lock().unwrap() = Some(blocked);
    let _ = r.client;
    unsafe {
        temporal_workflow_run_free(run);
        temporal_call_free(call);
    }
}

#[test]
fn a_callback_may_call_back_into_the_library() {
    let client = connect();
    let (options, rx) = sink();
    let mut reentry_options = call_options(0);
    reentry_options.callback = Some(reenter);
    let state = Box::leak(Box::new(Reentry { client: client.0, options, blocking_error: std::sync::Mutex::new(None) }));
    reentry_options.user_data = state as *mut Reentry as *mut c_void;
    let tq = task_queue();
    let mut o = default_start_options();
    o.task_queue = tq.as_ptr();
    start_call(|out| unsafe { temporal_execute_workflow_async(client.0, c("Echo").as_ptr(), c(r#"["again"]"#).as_ptr(), &o, &reentry_options, out) })
        .unwrap();
    let d = rx.recv_timeout(Duration::from_secs(20)).unwrap();
    assert_eq!(d.result.unwrap().json.as_deref(), Some(r#""again""#));
    assert_eq!(*state.blocking_error.lock().unwrap(), Some(ErrorCode::InvalidArgument));
}

/// A callback that only counts, for calls whose handle the caller frees before they complete.
unsafe extern "C" fn note_null(user_data: *mut c_void, call: *mut temporal_call) {
    let tx = unsafe { &*(user_data as *const mpsc::Sender<bool>) };
    let _ = tx.send(call.is_null());
}

#[test]
fn a_call_freed_before_it_completes_still_completes_once() {
    let client = connect();
    let (tx, rx) = mpsc::channel::<bool>();
    let mut o = call_options(0);
    o.callback = Some(note_null);
    o.user_data = Box::into_raw(Box::new(tx)) as *mut c_void;
    let run = start(&client, "Sleep", Some("[300]"), None, |_| {}).unwrap();
    let mut call = ptr::null_mut();
    take_error(unsafe { temporal_get_result_async(run.0, &o, &mut call) }).unwrap();
    unsafe { temporal_call_free(call) };
    assert!(rx.recv_timeout(Duration::from_secs(20)).unwrap(), "the callback runs, with NULL for the freed call");
    assert!(rx.recv_timeout(Duration::from_millis(300)).is_err(), "exactly once");
}

#[test]
fn the_completion_queue_delivers_each_call_once_on_the_callers_thread() {
    use temporal_ffi::ffi::completion_queue::*;
    let client = connect();
    let mut queue = ptr::null_mut();
    take_error(unsafe { temporal_completion_queue_new(&mut queue) }).unwrap();
    let fd = unsafe { temporal_completion_queue_fd(queue) };
    assert!(fd >= 0);
    let readable = |ms: i32| {
        let mut p = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
        unsafe { libc::poll(&mut p, 1, ms) == 1 }
    };
    assert!(!readable(0), "empty queue: not readable");
    let mut o = call_options(0);
    o.completion_queue = queue;
    let mut both = call_options(0);
    both.completion_queue = queue;
    both.callback = Some(note_null);
    let mut unused = ptr::null_mut();
    let e = take_error(unsafe { temporal_count_workflow_async(client.0, ptr::null(), &both, &mut unused) }).unwrap_err();
    assert!(e.message.contains("not both"), "{}", e.message);

    const N: usize = 300;
    let mut pending = std::collections::HashSet::new();
    for i in 0..N {
        o.user_data = i as *mut c_void;
        let mut call = ptr::null_mut();
        take_error(unsafe { temporal_count_workflow_async(client.0, ptr::null(), &o, &mut call) }).unwrap();
        if i % 3 == 0 {
            unsafe { temporal_call_cancel(call) }; // races the completion
        }
        pending.insert(call as usize);
    }
    let t0 = Instant::now();
    let (mut ok, mut canceled) = (0, 0);
    while !pending.is_empty() {
        assert!(t0.elapsed() < Duration::from_secs(30), "{} calls never came out", pending.len());
        if !readable(1000) {
            continue;
        }
        loop {
            let call = unsafe { temporal_completion_queue_next(queue) };
            if call.is_null() {
                break;
            }
            assert!(pending.remove(&(call as usize)), "a call came out twice or was not ours");
            match outcome(call) {
                Ok(out) => {
                    assert!(out.count.is_some());
                    ok += 1;
                }
                Err(e) => {
                    assert_eq!(e.code, ErrorCode::Canceled, "{e:?}");
                    canceled += 1;
                }
            }
            unsafe { temporal_call_free(call) };
        }
    }
    assert_eq!(ok + canceled, N);
    assert!(canceled > 0 && ok >= 2 * N / 3, "ok {ok}, canceled {canceled}");
    assert!(!readable(0), "drained: not readable");
    // A call freed before it completes never comes out.
    let mut call = ptr::null_mut();
    take_error(unsafe { temporal_count_workflow_async(client.0, ptr::null(), &o, &mut call) }).unwrap();
    unsafe { temporal_call_free(call) };
    std::thread::sleep(Duration::from_millis(500));
    assert!(unsafe { temporal_completion_queue_next(queue) }.is_null());
    assert!(!readable(0));
    unsafe { temporal_completion_queue_free(queue) };
}

#[test]
fn query_on_a_missing_workflow_is_not_found() {
    let client = connect();
    let id = c(&unique_id("nobody-to-query"));
    let e = json_call(0, |o, out| unsafe { temporal_query_workflow_async(client.0, id.as_ptr(), ptr::null(), c("count").as_ptr(), ptr::null(), o, out) })
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound, "{e:?}");
}
