//! Runtime control, in its own test process (the runtime is process-wide): options and a log
//! callback before first use, then shutdown with calls in flight.

mod common;

use common::*;
use std::ffi::{c_char, c_void, CStr, CString};
use std::ptr;
use std::sync::{mpsc, Mutex};
use std::time::{Duration, Instant};
use temporal_ffi::errors::ErrorCode;
use temporal_ffi::ffi::call::*;
use temporal_ffi::ffi::completion_queue::*;
use temporal_ffi::ffi::error::*;
use temporal_ffi::ffi::runtime::*;
use temporal_ffi::ffi::workflow::*;

static LOGS: Mutex<Vec<(usize, i32, String, String)>> = Mutex::new(Vec::new());

/// `user_data` says which of the log callbacks installed this is.
unsafe extern "C" fn log_sink(user: *mut c_void, level: i32, target: *const c_char, message: *const c_char) {
    let target = unsafe { CStr::from_ptr(target) }.to_string_lossy().into_owned();
    let message = unsafe { CStr::from_ptr(message) }.to_string_lossy().into_owned();
    LOGS.lock().unwrap().push((user as usize, level, target, message));
}

unsafe extern "C" fn on_result(user_data: *mut c_void, call: *mut temporal_call) {
    let tx = unsafe { &*(user_data as *const mpsc::Sender<Option<ErrorCode>>) };
    let e = unsafe { temporal_call_get_error(call) };
    let code = (!e.is_null()).then(|| unsafe { temporal_error_get_code(e) });
    unsafe { temporal_call_free(call) };
    let _ = tx.send(code);
}

#[test]
fn configure_log_then_shut_down_with_calls_in_flight() {
    let mut o = std::mem::MaybeUninit::<temporal_runtime_options>::uninit();
    let mut o = unsafe {
        temporal_runtime_options_default(o.as_mut_ptr(), std::mem::size_of::<temporal_runtime_options>());
        o.assume_init()
    };
    o.worker_threads = 2;
    o.log_level = 99;
    let e = take_error(unsafe { temporal_runtime_init(&o) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument, "{e:?}");
    o.log_level = LogLevel::Info as i32;
    o.log_callback = Some(log_sink);
    o.log_user_data = 1 as *mut c_void;
    take_error(unsafe { temporal_runtime_init(&o) }).unwrap();
    // Again before first use, with another log callback: the last options win.
    o.log_user_data = 2 as *mut c_void;
    take_error(unsafe { temporal_runtime_init(&o) }).unwrap();

    let client = connect();
    {
        let logs = LOGS.lock().unwrap();
        assert!(logs.iter().any(|(u, l, t, m)| *u == 2 && *l == 3 && t.starts_with("temporal_ffi") && m.contains("connected")), "{logs:?}");
        assert!(logs.iter().all(|(u, ..)| *u == 2), "only the last callback gets events: {logs:?}");
    }
    let e = take_error(unsafe { temporal_runtime_init(&o) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument, "too late once running: {e:?}");
    assert!(e.message.contains("already running"), "{}", e.message);

    // Calls in flight: one blocking waiter on another thread, one callback waiter, one on a queue.
    let run = start(&client, "Block", None, Some(&unique_id("shutdown")), |_| {}).unwrap();
    let (tx, rx) = mpsc::channel::<Option<ErrorCode>>();
    let mut co = call_options(0);
    co.callback = Some(on_result);
    co.user_data = Box::into_raw(Box::new(tx)) as *mut c_void;
    let mut call = ptr::null_mut();
    take_error(unsafe { temporal_get_result_async(run.0, &co, &mut call) }).unwrap();
    let mut queue = ptr::null_mut();
    take_error(unsafe { temporal_completion_queue_new(&mut queue) }).unwrap();
    let mut qo = call_options(0);
    qo.completion_queue = queue;
    let mut queued = ptr::null_mut();
    take_error(unsafe { temporal_get_result_async(run.0, &qo, &mut queued) }).unwrap();
    let blocked = std::thread::scope(|s| {
        let waiter = s.spawn(|| run.result(0));
        std::thread::sleep(Duration::from_millis(300));
        let t0 = Instant::now();
        take_error(temporal_runtime_shutdown(2000)).unwrap();
        assert!(t0.elapsed() < Duration::from_secs(3), "shutdown took {:?}", t0.elapsed());
        waiter.join().unwrap()
    });
    assert_eq!(blocked.unwrap_err().code, ErrorCode::Canceled);
    assert_eq!(rx.recv_timeout(Duration::from_secs(5)).unwrap(), Some(ErrorCode::Canceled));
    assert_eq!(unsafe { temporal_completion_queue_next(queue) }, queued, "the queued wait came out");
    assert_eq!(outcome(queued).unwrap_err().code, ErrorCode::Canceled);
    unsafe {
        temporal_call_free(queued);
        temporal_completion_queue_free(queue);
    }

    // Later calls fail clearly; freeing still works; a second shutdown is a no-op.
    let e = start(&client, "Echo", Some("[1]"), None, |_| {}).unwrap_err();
    assert_eq!(e.code, ErrorCode::Shutdown, "{e:?}");
    assert_eq!(run.result(0).unwrap_err().code, ErrorCode::Shutdown);
    let id = CString::new(run.id()).unwrap();
    let mut again = ptr::null_mut();
    let e = take_error(unsafe { temporal_get_workflow(client.0, id.as_ptr(), ptr::null(), &mut again) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::Shutdown, "get_workflow fails after shutdown too: {e:?}");
    let mut q = ptr::null_mut();
    assert_eq!(take_error(unsafe { temporal_completion_queue_new(&mut q) }).unwrap_err().code, ErrorCode::Shutdown);
    take_error(temporal_runtime_shutdown(0)).unwrap();
    drop(run);
    drop(client);
}
