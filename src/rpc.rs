//! The RPC policy, in one place: how long a call to the server may take, how it is retried,
//! and how a long poll is re-issued. Every workflow-service call of the library goes through
//! [`unary`] or [`long_poll`].
//!
//! * Deadline: each call is bounded by its deadline, sent to the server as the gRPC timeout and
//!   enforced here as well. The Go SDK's default is 10 s per call (internal_utils.go).
//! * Retries: transient failures are retried with the Go SDK's policy (internal_retry.go) by
//!   `temporalio-client`'s retrying connection, within the same deadline, and only the codes
//!   the Go SDK retries (UNAVAILABLE, UNKNOWN, ABORTED, RESOURCE_EXHAUSTED; not INTERNAL).
//! * Long polls (the result wait's history poll): each poll is bounded by 65 s, as the Go SDK's
//!   `defaultGetHistoryTimeout`; when the server's own long poll expires it answers with no
//!   event and a page token, and the caller polls again.
//! * A deadline that passes is always `DEADLINE_EXCEEDED`, whichever side noticed it first
//!   (tonic reports its own client-side timeout as `CANCELLED "Timeout expired"`).

use crate::errors::{Error, Result};
use std::future::Future;
use std::time::Duration;
use temporalio_client::request_extensions::{NoRetryOnMatching, RetryConfigForCall};
use temporalio_client::RetryOptions;
use tonic::IntoRequest;

/// The Go SDK bounds each non-polling call, retries included, by 10 s (internal_utils.go).
pub const DEFAULT_RPC_TIMEOUT: Duration = Duration::from_secs(10);

/// One history long poll, as the Go SDK's `defaultGetHistoryTimeout`.
pub const LONG_POLL_TIMEOUT: Duration = Duration::from_secs(65);

/// The Go SDK's retry policy (internal_retry.go): 200 ms, ×2, +20% jitter, unlimited attempts,
/// `expiration` total, intervals capped at a tenth of it.
pub(crate) fn go_retry_options(expiration: Duration) -> RetryOptions {
    RetryOptions::builder()
        .initial_interval(Duration::from_millis(200))
        .multiplier(2.0)
        .randomization_factor(0.2)
        .max_interval((expiration / 10).max(Duration::from_millis(200)))
        .max_elapsed_time(Some(expiration))
        .max_retries(0)
        .build()
}

/// A request bounded by `deadline` (sent as the gRPC timeout) whose transient failures are
/// retried with the Go SDK's policy within that same deadline.
pub(crate) fn request<T>(message: T, deadline: Duration) -> tonic::Request<T> {
    let mut request = message.into_request();
    request.set_timeout(deadline);
    request.extensions_mut().insert(RetryConfigForCall(go_retry_options(deadline)));
    request.extensions_mut().insert(NoRetryOnMatching { predicate: not_retried_by_go });
    request
}

/// The codes `temporalio-client` retries that the Go SDK does not (internal_retry.go): INTERNAL
/// (servers since 1.20 have InternalErrorDifferentiation, so an INTERNAL is a real failure,
/// not a transient one: retrying it only burns the whole deadline), DATA_LOSS and
/// OUT_OF_RANGE.
fn not_retried_by_go(status: &tonic::Status) -> bool {
    matches!(status.code(), tonic::Code::Internal | tonic::Code::DataLoss | tonic::Code::OutOfRange)
}

/// Runs one call bounded by `deadline` and returns the server's answer or its status, for the
/// callers that read a status's details (already-started, query failed). Expiry is an error,
/// whoever noticed it: this side's timer, tonic's own timeout (`CANCELLED "Timeout expired"`),
/// or the server resetting the stream when the gRPC timeout it was sent ran out (`CANCELLED`
/// "h2 protocol error", a moment before this side's timer would fire).
pub(crate) async fn call<T, F>(what: &str, deadline: Duration, call: F) -> Result<std::result::Result<T, tonic::Status>>
where
    F: Future<Output = std::result::Result<tonic::Response<T>, tonic::Status>>,
{
    let started = std::time::Instant::now();
    let answer = with_deadline(what, Some(deadline), async { Ok(call.await.map(tonic::Response::into_inner)) }).await?;
    match answer {
        Err(status) if status.code() == tonic::Code::Cancelled && started.elapsed() + DEADLINE_SLACK >= deadline => {
            Err(Error::deadline_exceeded(what))
        }
        other => Ok(other),
    }
}

/// A cancel this close to the deadline is the deadline (timers and the server's clock differ by
/// a few milliseconds).
const DEADLINE_SLACK: Duration = Duration::from_millis(100);

/// Runs one unary call bounded by `deadline`, mapping its status to an [`Error`].
pub(crate) async fn unary<T, F>(what: &str, deadline: Duration, call: F) -> Result<T>
where
    F: Future<Output = std::result::Result<tonic::Response<T>, tonic::Status>>,
{
    self::call(what, deadline, call).await?.map_err(|s| Error::from_status(what, &s))
}

/// One long poll (the result wait's history poll), bounded by [`LONG_POLL_TIMEOUT`] through the
/// gRPC timeout alone: tonic enforces it on this side too (`CANCELLED "Timeout expired"`, read
/// as `DEADLINE_EXCEEDED` by `Error::from_status`), so a parked wait needs no second timer of
/// its own; thousands of them are parked at once.
pub(crate) async fn long_poll<T, F>(what: &str, call: F) -> Result<T>
where
    F: Future<Output = std::result::Result<tonic::Response<T>, tonic::Status>>,
{
    call.await.map(tonic::Response::into_inner).map_err(|s| Error::from_status(what, &s))
}

/// Bounds `future` by `limit` (no bound for `None`), turning expiry into `DEADLINE_EXCEEDED`.
pub async fn with_deadline<F, T>(what: &str, limit: Option<Duration>, future: F) -> Result<T>
where
    F: Future<Output = Result<T>>,
{
    match limit {
        None => future.await,
        Some(limit) => tokio::time::timeout(limit, future).await.unwrap_or_else(|_| Err(Error::deadline_exceeded(what))),
    }
}

/// A caller's deadline, or the Go SDK's default for one call.
pub(crate) fn deadline_or_default(deadline: Option<Duration>) -> Duration {
    deadline.unwrap_or(DEFAULT_RPC_TIMEOUT)
}
