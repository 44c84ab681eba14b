//! The completion queue: completed calls for a host's own event loop, on the host's own thread.
//!
//! Modelled on gRPC core's completion queue (`grpc_completion_queue_next`): calls started with
//! `temporal_call_options.completion_queue` are posted here when they complete, and the queue's
//! file descriptor (a Linux eventfd) is readable while it holds at least one. An epoll loop,
//! libuv's `uv_poll` or Python asyncio's `loop.add_reader` watch the descriptor and drain the
//! queue with `temporal_completion_queue_next` until it returns NULL.

use super::call::{temporal_call, CallState};
use super::{boundary, check_out, error_boundary, handle_ref, into_handle, take_handle, temporal_error, Handle};
use crate::completion::{Doorbell, ReadyQueue};
use crate::errors::{Error, Result};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::sync::Arc;

/// A queue of completed calls with a pollable file descriptor. Opaque; create it with
/// `temporal_completion_queue_new`, free it with `temporal_completion_queue_free`.
pub struct temporal_completion_queue {
    _private: [u8; 0],
}

pub(crate) struct QueueInner {
    /// The calls and the eventfd that is readable exactly while they are there (`ReadyQueue`'s
    /// rules, model-checked in `tests/loom/model.rs`).
    ready: ReadyQueue<Arc<CallState>, EventFd>,
    /// The process generation it was made in: a queue a forked child inherited is never used
    /// there (the calls that would post to it run on the parent's threads).
    made_in: u64,
}

impl Handle for temporal_completion_queue {
    type Target = Arc<QueueInner>;
    const TAG: u64 = 0x7465_6d70_7175_6575; // "tempqueu"
    const NAME: &'static str = "completion queue";
}

/// The queue's doorbell: a Linux eventfd whose counter is 1 while the queue holds a call.
struct EventFd(OwnedFd);

impl Doorbell for EventFd {
    fn raise(&self) {
        let one: u64 = 1;
        // SAFETY: writes 8 bytes from a valid u64 to our own eventfd. It cannot fail here: the
        // counter is 0 while the queue is empty (`clear`), so it never overflows.
        unsafe { libc::write(self.0.as_raw_fd(), (&one as *const u64).cast(), 8) };
    }

    fn clear(&self) {
        let mut counter: u64 = 0;
        // SAFETY: reads 8 bytes into a valid u64; EAGAIN (already 0) is fine.
        unsafe { libc::read(self.0.as_raw_fd(), (&mut counter as *mut u64).cast(), 8) };
    }
}

impl QueueInner {
    fn new() -> Result<Self> {
        // SAFETY: plain system call; the descriptor is owned below.
        let fd = unsafe { libc::eventfd(0, libc::EFD_NONBLOCK | libc::EFD_CLOEXEC) };
        if fd < 0 {
            return Err(Error::internal(format!("eventfd failed: {}", std::io::Error::last_os_error())));
        }
        // SAFETY: a new descriptor that nothing else owns.
        let eventfd = EventFd(unsafe { OwnedFd::from_raw_fd(fd) });
        Ok(QueueInner { ready: ReadyQueue::new(eventfd), made_in: crate::runtime::generation() })
    }

    /// Posts a completed call; the descriptor becomes readable if the queue was empty.
    pub(crate) fn push(&self, call: Arc<CallState>) {
        self.ready.push(call);
    }

    /// Takes the oldest completed call whose handle the host still has; resets the descriptor
    /// once the queue is empty.
    fn pop(&self) -> Option<*mut temporal_call> {
        self.ready.take_live(|call| call.live_handle())
    }
}

/// Creates a completion queue and writes it to `*queue_out` (the caller owns it:
/// `temporal_completion_queue_free`).
///
/// # Safety
/// `queue_out` is valid for a write.
#[no_mangle]
pub unsafe extern "C" fn temporal_completion_queue_new(queue_out: *mut *mut temporal_completion_queue) -> *mut temporal_error {
    error_boundary(|| {
        check_out(queue_out, "queue_out")?;
        crate::runtime::ensure_usable()?;
        let queue = into_handle::<temporal_completion_queue>(Arc::new(QueueInner::new()?));
        // SAFETY: checked non-NULL; valid for a write per the contract.
        unsafe { queue_out.write(queue) };
        Ok(())
    })
}

/// The queue's file descriptor: readable while the queue holds a completed call (poll it for
/// `POLLIN` / `EPOLLIN`, level-triggered). A call freed before it was taken may leave it
/// readable with nothing to take: `temporal_completion_queue_next` then returns NULL and the
/// descriptor is quiet again. Do not read, write or close it: it belongs to the
/// queue and is closed by `temporal_completion_queue_free`. -1 for NULL or a bad handle.
///
/// # Safety
/// `queue` is NULL or a live queue.
#[no_mangle]
pub unsafe extern "C" fn temporal_completion_queue_fd(queue: *const temporal_completion_queue) -> i32 {
    boundary(|| unsafe { handle_ref(queue) }.map_or(-1, |q| q.ready.doorbell().0.as_raw_fd()))
}

/// Takes the next completed call off the queue without blocking, or returns NULL when there is
/// none. The call returned is the caller's own (the pointer its `call_out` received): read its
/// outcome and free it with `temporal_call_free`. Calls freed before they were taken are never
/// returned. Call it until it returns NULL each time the descriptor is readable.
///
/// # Safety
/// `queue` is NULL or a live queue. Take calls off one queue from one thread at a time, or
/// make sure a call is not freed while another thread takes it.
#[no_mangle]
pub unsafe extern "C" fn temporal_completion_queue_next(queue: *const temporal_completion_queue) -> *mut temporal_call {
    boundary(|| {
        unsafe { handle_ref(queue) }
            .ok()
            .filter(|q| !crate::runtime::inherited(q.made_in))
            .and_then(|q| q.pop())
            .unwrap_or(std::ptr::null_mut())
    })
}

/// Frees a queue. Its descriptor is closed once no call in flight names the queue: such calls
/// complete as usual (waiters and getters work) but are posted nowhere. Calls on it not yet taken
/// are not freed: they stay the caller's. NULL is a no-op.
///
/// # Safety
/// `queue` is NULL or a queue not yet freed; no other thread uses it.
#[no_mangle]
pub unsafe extern "C" fn temporal_completion_queue_free(queue: *mut temporal_completion_queue) {
    boundary(|| match unsafe { take_handle(queue) } {
        // Inherited through fork(): dropping its calls could wake tasks of the parent's runtime,
        // whose locks a parent thread may have held at the fork. Leaked instead.
        Some(q) if crate::runtime::inherited(q.made_in) => std::mem::forget(q),
        other => drop(other),
    })
}
