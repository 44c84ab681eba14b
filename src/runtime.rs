//! The one global Tokio runtime every client shares, and its life cycle.
//!
//! Created on first use (or by [`init`] with options, before first use). Host threads never
//! run async code themselves: a blocking call spawns its future on the runtime and parks the
//! host thread on a channel until it completes, so the runtime's own threads never block and
//! any number of host threads can wait at once.
//!
//! [`shutdown`] drops every pending task (blocking callers get `CANCELED`, async callbacks fire
//! with `CANCELED`), joins the threads within a timeout, and makes later calls fail with
//! `SHUTDOWN`. After `fork()` the child has none of the runtime's threads, so any use there
//! would hang: calls from a child process fail with `SHUTDOWN` instead.

use crate::errors::{Error, ErrorCode, Result};
use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// How the runtime is built; see `temporal_runtime_options` in the C API.
#[derive(Clone, Copy, Debug, Default)]
pub struct RuntimeOptions {
    /// 0: the number of CPUs, clamped to 1..=4 (the work is I/O bound).
    pub worker_threads: usize,
}

enum State {
    NotStarted(RuntimeOptions),
    Running(tokio::runtime::Runtime),
    ShutDown,
}

static STATE: Mutex<State> = Mutex::new(State::NotStarted(RuntimeOptions { worker_threads: 0 }));

fn lock() -> std::sync::MutexGuard<'static, State> {
    // A panic while holding the lock cannot leave the state half-written; keep going.
    STATE.lock().unwrap_or_else(|e| e.into_inner())
}

fn build(options: RuntimeOptions) -> Result<tokio::runtime::Runtime> {
    let threads = if options.worker_threads == 0 {
        std::thread::available_parallelism().map(|n| n.get().clamp(1, 4)).unwrap_or(2)
    } else {
        options.worker_threads
    };
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("temporal-ffi")
        .worker_threads(threads)
        .build()
        .map_err(|e| Error::internal(format!("cannot start the Tokio runtime: {e}")))
}

fn shut_down_error() -> Error {
    Error::new(ErrorCode::Shutdown, "the library was shut down (temporal_runtime_shutdown)")
}

fn forked_error() -> Error {
    Error::new(
        ErrorCode::Shutdown,
        "the library is used in a child process after fork(): its runtime threads exist only in the \
         parent; use the library in the child only through a new process (exec)",
    )
}

/// Sets the runtime's options. Only before first use: afterwards the running runtime keeps its
/// own and this is an `INVALID_ARGUMENT` error.
pub fn init(options: RuntimeOptions) -> Result<()> {
    if options.worker_threads > 256 {
        return Err(Error::invalid_argument("worker_threads must be at most 256"));
    }
    let mut state = lock();
    match &*state {
        State::NotStarted(_) => {
            *state = State::NotStarted(options);
            Ok(())
        }
        State::Running(_) => Err(Error::invalid_argument(
            "the runtime is already running: configure it before the first call",
        )),
        State::ShutDown => Err(shut_down_error()),
    }
}

/// The running runtime's handle, set once: the hot path reads it without taking the state lock.
static RUNNING: once_cell::sync::OnceCell<tokio::runtime::Handle> = once_cell::sync::OnceCell::new();
static SHUT_DOWN: AtomicBool = AtomicBool::new(false);
/// Set in a child process forked after the runtime started (a `pthread_atfork` child handler):
/// a flag read per call instead of a getpid() system call per call.
static FORKED: AtomicBool = AtomicBool::new(false);

extern "C" fn mark_forked() {
    FORKED.store(true, Ordering::Relaxed); // async-signal-safe: the child runs it right after fork()
}

/// Fails with `SHUTDOWN` after [`shutdown`] or in a forked child, without starting the
/// runtime: for calls that need no thread (such as getting a run by its ID).
pub fn ensure_usable() -> Result<()> {
    if SHUT_DOWN.load(Ordering::Acquire) {
        return Err(shut_down_error());
    }
    if FORKED.load(Ordering::Relaxed) {
        return Err(forked_error());
    }
    Ok(())
}

/// Whether the calling thread is one of the runtime's own (inside a library callback), where
/// blocking would stall the runtime or deadlock.
pub fn on_runtime_thread() -> bool {
    tokio::runtime::Handle::try_current().is_ok()
}

/// The error of a blocking call made from a runtime thread.
pub fn blocking_refused() -> Error {
    Error::invalid_argument(
        "a blocking call was made from a library runtime thread (inside a callback); use the \
         callback or completion-queue form there",
    )
}

/// A handle to the running runtime, starting it on first use.
pub fn handle() -> Result<tokio::runtime::Handle> {
    let handle = RUNNING.get_or_try_init(start)?;
    ensure_usable()?;
    Ok(handle.clone())
}

/// Builds the runtime with the options `init` left, once.
fn start() -> Result<tokio::runtime::Handle> {
    let mut state = lock();
    match &*state {
        State::NotStarted(options) => {
            let runtime = build(*options)?;
            let handle = runtime.handle().clone();
            // SAFETY: registers a handler that only stores to an atomic; no prepare/parent handlers.
            let rc = unsafe { libc::pthread_atfork(None, None, Some(mark_forked)) };
            if rc != 0 {
                return Err(Error::internal(format!("pthread_atfork failed ({rc})")));
            }
            *state = State::Running(runtime);
            Ok(handle)
        }
        State::Running(runtime) => Ok(runtime.handle().clone()),
        State::ShutDown => Err(shut_down_error()),
    }
}

/// Stops the runtime: pending calls end with `CANCELED`, the threads are joined within
/// `timeout`, and every later call fails with `SHUTDOWN`. Refused from a runtime thread
/// (inside a callback), where it would have to join itself.
pub fn shutdown(timeout: Duration) -> Result<()> {
    if on_runtime_thread() {
        return Err(Error::invalid_argument("shutdown cannot be called from a library callback"));
    }
    SHUT_DOWN.store(true, Ordering::Release);
    let previous = std::mem::replace(&mut *lock(), State::ShutDown);
    if let State::Running(runtime) = previous {
        if !FORKED.load(Ordering::Relaxed) {
            // Drops every task (their completion guards report CANCELED) and joins the workers.
            runtime.shutdown_timeout(timeout);
        } else {
            // A forked child must not touch the parent's threads; just forget the runtime.
            std::mem::forget(runtime);
        }
    }
    Ok(())
}

/// Runs `future` on the global runtime and blocks the calling host thread until it completes.
///
/// Refuses (instead of deadlocking or panicking) when called from one of the runtime's own
/// threads, which can only happen from inside a library callback.
pub fn block_on<F, T>(future: F) -> Result<T>
where
    F: Future<Output = Result<T>> + Send + 'static,
    T: Send + 'static,
{
    if on_runtime_thread() {
        return Err(blocking_refused());
    }
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    handle()?.spawn(async move {
        let _ = tx.send(future.await);
    });
    // The sender is dropped without sending only when the runtime dropped the task: shutdown.
    rx.recv().unwrap_or_else(|_| Err(Error::new(ErrorCode::Canceled, "canceled: the library was shut down")))
}
