//! Async calls: a completion callback that fires exactly once, and a cancellation handle.
//!
//! Every `*_async` function validates its arguments on the calling thread (a bad argument is
//! returned at once and the callback is *not* called); otherwise it returns NULL and the
//! callback runs exactly once, on a library thread, with the result, an error, or
//! `TEMPORAL_ERROR_CODE_CANCELED` (after `temporal_call_cancel`, or when the runtime is shut
//! down).

use super::{boundary, handle_ref, into_handle, take_handle, temporal_error, to_c_string, Handle};
use crate::errors::{Error, ErrorCode, Result};
use crate::ffi::workflow::temporal_workflow_run;
use crate::runtime;
use crate::workflow_run::WorkflowRun;
use std::ffi::{c_char, c_void};
use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;

/// What an operation produces.
pub(crate) enum Output {
    Unit,
    Json(String),
    Run(WorkflowRun),
}

pub(crate) type OpFuture = Pin<Box<dyn Future<Output = Result<Output>> + Send>>;

/// Completion callback of every `*_async` function. Runs exactly once, on a library thread.
///
/// The callback owns what it receives: `error` (NULL on success; free it with
/// `temporal_error_free`), `result_json` (the JSON result of operations that have one, else
/// NULL; free it with `temporal_string_free`) and `run` (the run of
/// `temporal_execute_workflow_async` and `temporal_signal_with_start_workflow_async`, else
/// NULL; free it with `temporal_workflow_run_free`). It may call any non-blocking library
/// function, start other async calls and free handles, including this call's
/// `temporal_call`; a blocking call from inside it fails with `INVALID_ARGUMENT` instead of
/// deadlocking. Keep it short: it runs on one of the library's few threads.
pub type temporal_callback = Option<
    unsafe extern "C" fn(
        user_data: *mut c_void,
        error: *mut temporal_error,
        result_json: *mut c_char,
        run: *mut temporal_workflow_run,
    ),
>;

/// A handle to an async call in flight, for `temporal_call_cancel`. Opaque; free it with
/// `temporal_call_free` (before or after the callback ran; freeing does not cancel).
pub struct temporal_call {
    _private: [u8; 0],
}

pub(crate) struct CallObject {
    cancel: Mutex<Option<tokio::sync::oneshot::Sender<()>>>,
}

impl Handle for temporal_call {
    type Target = CallObject;
    const TAG: u64 = 0x7465_6d70_6361_6c6c; // "tempcall"
    const NAME: &'static str = "call";
}

/// `user_data` crosses to a library thread; the host promised it may (see the header).
struct UserData(*mut c_void);
unsafe impl Send for UserData {}

/// Calls the host's callback exactly once: with the outcome, or with CANCELED if the task is
/// dropped before it finishes (runtime shutdown).
struct Completion {
    callback: unsafe extern "C" fn(*mut c_void, *mut temporal_error, *mut c_char, *mut temporal_workflow_run),
    user_data: UserData,
    done: bool,
}

impl Completion {
    fn deliver(&mut self, outcome: Result<Output>) {
        if std::mem::replace(&mut self.done, true) {
            return;
        }
        let (error, json, run) = match outcome {
            Ok(Output::Unit) => (std::ptr::null_mut(), std::ptr::null_mut(), std::ptr::null_mut()),
            Ok(Output::Json(text)) => (std::ptr::null_mut(), to_c_string(text).into_raw(), std::ptr::null_mut()),
            Ok(Output::Run(run)) => (std::ptr::null_mut(), std::ptr::null_mut(), temporal_workflow_run::into_raw(run)),
            Err(e) => (temporal_error::into_raw(e), std::ptr::null_mut(), std::ptr::null_mut()),
        };
        // SAFETY: the host gave this function pointer and user_data for exactly this call.
        unsafe { (self.callback)(self.user_data.0, error, json, run) };
    }
}

impl Drop for Completion {
    fn drop(&mut self) {
        // Dropped unfinished: either the task panicked (a library bug, reported as such) or the
        // runtime dropped it at shutdown.
        let outcome = if std::thread::panicking() {
            Error::internal("internal error: a panic inside the library ended this call")
        } else {
            Error::new(ErrorCode::Canceled, "canceled: the library was shut down")
        };
        self.deliver(Err(outcome));
    }
}

/// Runs `future` on the runtime and reports its outcome through `callback`.
///
/// # Safety
/// `call_out` is NULL or valid for a write.
pub(crate) unsafe fn spawn_call(
    future: OpFuture,
    callback: temporal_callback,
    user_data: *mut c_void,
    call_out: *mut *mut temporal_call,
) -> Result<()> {
    let callback = callback.ok_or_else(|| Error::invalid_argument("callback must not be NULL"))?;
    let handle = runtime::handle()?;
    let (cancel_tx, mut cancel_rx) = tokio::sync::oneshot::channel::<()>();
    if call_out.is_null() {
        drop(cancel_tx);
    } else {
        let call = into_handle::<temporal_call>(CallObject { cancel: Mutex::new(Some(cancel_tx)) });
        // SAFETY: non-NULL and valid for a write per the contract.
        unsafe { call_out.write(call) };
    }
    let mut completion = Completion { callback, user_data: UserData(user_data), done: false };
    handle.spawn(async move {
        let mut future = future;
        let mut cancelable = true;
        let outcome = loop {
            tokio::select! {
                outcome = &mut future => break outcome,
                asked = &mut cancel_rx, if cancelable => match asked {
                    Ok(()) => break Err(Error::new(ErrorCode::Canceled, "canceled by temporal_call_cancel")),
                    // The handle was freed without canceling: keep waiting for the outcome.
                    Err(_) => cancelable = false,
                },
            }
        };
        completion.deliver(outcome);
    });
    Ok(())
}

/// Cancels an async call: unless it already finished, its callback runs promptly with
/// `TEMPORAL_ERROR_CODE_CANCELED` and the work is abandoned (what already reached the server,
/// such as a start, stays done). Idempotent; NULL is a no-op.
///
/// # Safety
/// `call` is NULL or a live call handle.
#[no_mangle]
pub unsafe extern "C" fn temporal_call_cancel(call: *const temporal_call) {
    boundary(|_| (), || {
        if let Ok(call) = unsafe { handle_ref(call) } {
            if let Some(tx) = call.cancel.lock().unwrap_or_else(|e| e.into_inner()).take() {
                let _ = tx.send(());
            }
        }
    })
}

/// Frees a call handle (it does not cancel the call). NULL is a no-op.
///
/// # Safety
/// `call` is NULL or a call handle not yet freed.
#[no_mangle]
pub unsafe extern "C" fn temporal_call_free(call: *mut temporal_call) {
    boundary(|_| (), || drop(unsafe { take_handle(call) }))
}
