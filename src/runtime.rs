//! The one global Tokio runtime every client shares.
//!
//! Created on first use. Host threads never run async code themselves: a blocking call spawns
//! its future on the runtime and parks the host thread on a channel until it completes, so the
//! runtime's own threads never block and any number of host threads can wait at once.

use crate::errors::{Error, Result};
use once_cell::sync::Lazy;
use std::future::Future;
use std::time::Duration;

static RUNTIME: Lazy<std::result::Result<tokio::runtime::Runtime, String>> = Lazy::new(|| {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("temporal-ffi")
        // Two workers keep a small footprint; the work is I/O bound and the host waits.
        .worker_threads(worker_threads())
        .build()
        .map_err(|e| format!("cannot start the Tokio runtime: {e}"))
});

fn worker_threads() -> usize {
    std::thread::available_parallelism().map(|n| n.get().clamp(1, 4)).unwrap_or(2)
}

/// The runtime's handle, or an internal error if it could not be created.
pub fn handle() -> Result<&'static tokio::runtime::Runtime> {
    RUNTIME.as_ref().map_err(|e| Error::internal(e.clone()))
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
    if tokio::runtime::Handle::try_current().is_ok() {
        return Err(Error::new(
            crate::errors::ErrorCode::InvalidArgument,
            "a blocking call was made from a library runtime thread (inside a callback); \
             use the async API there",
        ));
    }
    let runtime = handle()?;
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    runtime.spawn(async move {
        let _ = tx.send(future.await);
    });
    rx.recv().unwrap_or_else(|_| Err(Error::internal("the runtime dropped a call before it finished")))
}

/// Bounds `future` by `limit` (no bound for `None`), turning expiry into DEADLINE_EXCEEDED.
pub async fn with_deadline<F, T>(what: &str, limit: Option<Duration>, future: F) -> Result<T>
where
    F: Future<Output = Result<T>>,
{
    match limit {
        None => future.await,
        Some(limit) => tokio::time::timeout(limit, future)
            .await
            .unwrap_or_else(|_| Err(Error::deadline_exceeded(what))),
    }
}
