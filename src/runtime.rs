//! The one global Tokio runtime every client shares, and its life cycle.
//!
//! Created on first use (or by [`init`] with options, before first use). Host threads never
//! run async code themselves: a blocking call spawns its future on the runtime and parks the
//! host thread on a channel until it completes, so the runtime's own threads never block and
//! any number of host threads can wait at once.
//!
//! [`shutdown`] drops every pending task (blocking callers get `CANCELED`, async callbacks fire
//! with `CANCELED`), joins the threads within a timeout, and makes later calls fail with
//! `SHUTDOWN`.
//!
//! After `fork()` the child has none of the runtime's threads, so anything it inherited (the
//! runtime, clients and their connections, pending calls, completion queues) would hang if
//! used: calls from a child fail with `SHUTDOWN` until it calls [`init`] again. That gives the
//! child a fresh runtime of its own (preforking servers: gunicorn, uWSGI, PHP-FPM); what it
//! inherited stays unusable and is never touched, not even when freed (its memory is leaked,
//! because dropping it could take locks that a parent thread held at the fork).

use crate::errors::{Error, ErrorCode, Result};
use std::future::Future;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// How the runtime is built; see `temporal_runtime_options` in the C API.
#[derive(Clone, Debug, Default)]
pub struct RuntimeOptions {
    /// 0: the number of CPUs, clamped to 1..=4 (the work is I/O bound).
    pub worker_threads: usize,
    /// Metric names, tags and the Prometheus endpoint.
    pub metrics: crate::metrics::MetricsOptions,
}

enum State {
    NotStarted(RuntimeOptions),
    /// The runtime of the process generation it was started in (see [`generation`]).
    Running(tokio::runtime::Runtime, u64),
    ShutDown,
}

static STATE: Mutex<State> = Mutex::new(State::NotStarted(RuntimeOptions {
    worker_threads: 0,
    metrics: crate::metrics::MetricsOptions {
        prometheus_address: None,
        otlp: None,
        prefix: None,
        global_tags: Vec::new(),
        durations_in_seconds: false,
    },
}));

fn lock() -> std::sync::MutexGuard<'static, State> {
    // A panic while holding the lock cannot leave the state half-written; keep going.
    STATE.lock().unwrap_or_else(|e| e.into_inner())
}

fn build(options: &RuntimeOptions) -> Result<tokio::runtime::Runtime> {
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
         parent; call temporal_runtime_init in the child first, then connect a new client",
    )
}

/// Sets the runtime's options. Only before first use: afterwards the running runtime keeps its
/// own and this is an `INVALID_ARGUMENT` error. With a Prometheus endpoint or an OTLP collector
/// the runtime starts at once, so that an address that cannot be bound or an exporter that
/// cannot be built is this call's error (and changes nothing).
pub fn init(options: RuntimeOptions) -> Result<()> {
    if options.worker_threads > 256 {
        return Err(Error::invalid_argument("worker_threads must be at most 256"));
    }
    crate::metrics::validate(&options.metrics)?;
    let start_now = options.metrics.prometheus_address.is_some() || options.metrics.otlp.is_some();
    let previous = configure(options)?;
    if start_now {
        if let Err(e) = handle() {
            *lock() = State::NotStarted(previous);
            return Err(e);
        }
    }
    Ok(())
}

/// Stores the options for the start; returns the ones they replace.
fn configure(options: RuntimeOptions) -> Result<RuntimeOptions> {
    let current = generation();
    let mut state = lock();
    if current != 0 && REBORN_IN.load(Ordering::Relaxed) != current {
        // A forked child's first init: a fresh runtime, whatever the parent's state was. The
        // inherited runtime is forgotten: its threads do not exist here.
        if let State::Running(runtime, _) = std::mem::replace(&mut *state, State::NotStarted(options)) {
            std::mem::forget(runtime);
        }
        crate::metrics::stop();
        SHUT_DOWN.store(false, Ordering::Release);
        REBORN_IN.store(current, Ordering::Release);
        return Ok(RuntimeOptions::default());
    }
    match &mut *state {
        State::NotStarted(previous) => Ok(std::mem::replace(previous, options)),
        State::Running(..) => Err(Error::invalid_argument(
            "the runtime is already running: configure it before the first call",
        )),
        State::ShutDown => Err(shut_down_error()),
    }
}

/// The first process's runtime handle, set once: the hot path reads it without taking the
/// state lock. A forked child that re-initialised reads its own runtime under the lock.
static RUNNING: once_cell::sync::OnceCell<tokio::runtime::Handle> = once_cell::sync::OnceCell::new();
static SHUT_DOWN: AtomicBool = AtomicBool::new(false);
/// How many forks separate this process from the one that first started a runtime: raised by
/// a `pthread_atfork` child handler, so a per-call check is a load, not a getpid() system call.
/// 0 in that first process (and in any process that never had a runtime before it forked).
static GENERATION: AtomicU64 = AtomicU64::new(0);
/// The generation in which [`init`] last gave a forked child a fresh runtime (0: never).
static REBORN_IN: AtomicU64 = AtomicU64::new(0);
static ATFORK: std::sync::Once = std::sync::Once::new();

extern "C" fn mark_forked() {
    // async-signal-safe: the child runs it right after fork()
    GENERATION.fetch_add(1, Ordering::Relaxed);
}

/// The process generation that objects record when they are made (clients, calls, queues): an
/// object whose generation is not the current one was inherited through fork() and is dead.
pub fn generation() -> u64 {
    GENERATION.load(Ordering::Relaxed)
}

/// Whether an object made in generation `made_in` was inherited through fork().
pub fn inherited(made_in: u64) -> bool {
    made_in != generation()
}

/// The error for using an object that a forked child inherited from its parent.
pub fn inherited_error(what: &str) -> Error {
    Error::new(
        ErrorCode::Shutdown,
        format!(
            "this {what} was made before fork() and belongs to the parent process; in the child, call \
             temporal_runtime_init and make a new one"
        ),
    )
}

/// Fails with `SHUTDOWN` after [`shutdown`] or in a forked child that has not re-initialised,
/// without starting the runtime: for calls that need no thread (such as getting a run by its ID).
pub fn ensure_usable() -> Result<()> {
    if SHUT_DOWN.load(Ordering::Acquire) {
        return Err(shut_down_error());
    }
    let current = generation();
    if current != 0 && REBORN_IN.load(Ordering::Acquire) != current {
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
    if generation() == 0 {
        let handle = RUNNING.get_or_try_init(start)?;
        ensure_usable()?;
        return Ok(handle.clone());
    }
    ensure_usable()?;
    start()
}

/// Builds the runtime with the options `init` left, once per process generation.
fn start() -> Result<tokio::runtime::Handle> {
    let mut state = lock();
    let current = generation();
    match &*state {
        State::NotStarted(options) => {
            let mut rc = 0;
            // SAFETY: registers a handler that only adds to an atomic; no prepare/parent
            // handlers. Once per process image: a child inherits the registration.
            ATFORK.call_once(|| rc = unsafe { libc::pthread_atfork(None, None, Some(mark_forked)) });
            if rc != 0 {
                return Err(Error::internal(format!("pthread_atfork failed ({rc})")));
            }
            let runtime = build(options)?;
            {
                // The Prometheus endpoint's task runs on the runtime, and the OTLP exporter's
                // gRPC channel is made on it.
                let _inside = runtime.enter();
                crate::metrics::start(&options.metrics)?;
            }
            let handle = runtime.handle().clone();
            *state = State::Running(runtime, current);
            Ok(handle)
        }
        State::Running(runtime, made_in) if *made_in == current => Ok(runtime.handle().clone()),
        State::Running(..) => Err(forked_error()),
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
    crate::metrics::stop();
    if let State::Running(runtime, made_in) = previous {
        if !inherited(made_in) {
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
