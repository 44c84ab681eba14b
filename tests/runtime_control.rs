//! Runtime control, in its own test process (the runtime is process-wide): options and a log
//! callback before first use, then shutdown with calls in flight.

mod common;

use common::*;
use std::ffi::{c_char, c_void, CStr};
use std::ptr;
use std::sync::{mpsc, Mutex};
use std::time::{Duration, Instant};
use temporal_ffi::errors::ErrorCode;
use temporal_ffi::ffi::operations::temporal_get_result_async;
use temporal_ffi::ffi::error::*;
use temporal_ffi::ffi::runtime::*;
use temporal_ffi::ffi::workflow::*;
use temporal_ffi::ffi::*;

static LOGS: Mutex<Vec<(i32, String, String)>> = Mutex::new(Vec::new());

unsafe extern "C" fn log_sink(_user: *mut c_void, level: i32, target: *const c_char, message: *const c_char) {
    let target = unsafe { CStr::from_ptr(target) }.to_string_lossy().into_owned();
    let message = unsafe { CStr::from_ptr(message) }.to_string_lossy().into_owned();
    LOGS.lock().unwrap().push((level, target, message));
}

unsafe extern "C" fn on_result(user_data: *mut c_void, error: *mut temporal_error, json: *mut c_char, _run: *mut temporal_workflow_run) {
    let tx = unsafe { &*(user_data as *const mpsc::Sender<Option<ErrorCode>>) };
    let code = (!error.is_null()).then(|| unsafe { temporal_error_get_code(error) });
    unsafe {
        temporal_error_free(error);
        temporal_string_free(json);
    }
    let _ = tx.send(code);
}

#[test]
fn configure_log_then_shut_down_with_calls_in_flight() {
    let mut o = std::mem::MaybeUninit::<temporal_runtime_options>::uninit();
    let mut o = unsafe {
        temporal_runtime_options_default(o.as_mut_ptr());
        o.assume_init()
    };
    o.worker_threads = 2;
    o.log_level = 99;
    let e = take_error(unsafe { temporal_runtime_init(&o) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument, "{e:?}");
    o.log_level = LogLevel::Info as i32;
    o.log_callback = Some(log_sink);
    take_error(unsafe { temporal_runtime_init(&o) }).unwrap();

    let client = connect();
    {
        let logs = LOGS.lock().unwrap();
        assert!(logs.iter().any(|(l, t, m)| *l == 3 && t.starts_with("temporal_ffi") && m.contains("connected")), "{logs:?}");
    }
    let e = take_error(unsafe { temporal_runtime_init(&o) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidArgument, "too late once running: {e:?}");
    assert!(e.message.contains("already running"), "{}", e.message);

    // Calls in flight: one blocking waiter on another thread and one async waiter.
    let run = start(&client, "Block", None, Some(&unique_id("shutdown")), |_| {}).unwrap();
    let (tx, rx) = mpsc::channel::<Option<ErrorCode>>();
    let user_data = Box::into_raw(Box::new(tx)) as *mut c_void;
    take_error(unsafe { temporal_get_result_async(run.0, 0, Some(on_result), user_data, ptr::null_mut()) }).unwrap();
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

    // Later calls fail clearly; freeing still works; a second shutdown is a no-op.
    let e = start(&client, "Echo", Some("[1]"), None, |_| {}).unwrap_err();
    assert_eq!(e.code, ErrorCode::Shutdown, "{e:?}");
    assert_eq!(run.result(0).unwrap_err().code, ErrorCode::Shutdown);
    take_error(temporal_runtime_shutdown(0)).unwrap();
    drop(run);
    drop(client);
}
