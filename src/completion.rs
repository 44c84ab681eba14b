//! The two concurrent state machines under the C API's call object and completion queue, in
//! safe Rust and generic over what they carry:
//!
//! * [`CallCell`]: a call completes exactly once; waiters are woken; the host may free its handle
//!   at any time, also while the library runs the call's callback with that handle, and the
//!   handle is released exactly once, never while the callback still has it; a cancel reaches a
//!   call only while it is in flight.
//! * [`ReadyQueue`]: completed calls posted by library threads and taken by the host's event
//!   loop; its doorbell (the queue's eventfd) is raised whenever the queue holds something, so a
//!   wake-up is never lost.
//!
//! `src/ffi/call.rs` and `src/ffi/completion_queue.rs` hold the pointers and the system calls;
//! this module holds the rules, so that `tests/loom/model.rs` can check every interleaving of them
//! with the loom model checker: it compiles this file against loom's `Mutex` and `Condvar`,
//! which is why the primitives come from `crate::sync` (std's in the library).

use crate::sync::{Condvar, Mutex, MutexGuard};
use std::collections::VecDeque;
use std::time::{Duration, Instant};

/// One call's shared state. `T`: the outcome; `H`: the host's handle (a pointer in the library,
/// a token in the model); `C`: what cancels the call's task (a oneshot sender in the library).
pub struct CallCell<T, H: Copy, C> {
    inner: Mutex<CellState<T, H, C>>,
    done: Condvar,
}

struct CellState<T, H, C> {
    /// Set once, when the call completes (the blocking wrappers take it out again).
    completed: Option<T>,
    /// Whether it completed: stays true after the outcome was taken, so it completes only once.
    finished: bool,
    /// Taken by the first cancel, or dropped at completion: later cancels do nothing.
    cancel: Option<C>,
    /// The host's handle until it is released (none for the library's own blocking wrappers).
    handle: Option<H>,
    /// The host freed its handle: it is no longer handed out.
    host_freed: bool,
    /// The call's callback is running with the handle: a free meanwhile only marks it, and the
    /// handle is released when the callback returns.
    delivering: bool,
}

/// What the completing thread does next, decided under the cell's lock by [`CallCell::complete`].
#[derive(Debug, PartialEq, Eq)]
pub enum Delivery<H> {
    /// The call had completed already: nothing (the outcome given is dropped).
    Again,
    /// Report the completion with this handle (`None`: the host freed it before the call
    /// completed). With a callback, [`CallCell::callback_returned`] must follow.
    Report(Option<H>),
}

impl<T, H: Copy, C> CallCell<T, H, C> {
    pub fn new(cancel: Option<C>) -> Self {
        CallCell {
            inner: Mutex::new(CellState {
                completed: None,
                finished: false,
                cancel,
                handle: None,
                host_freed: false,
                delivering: false,
            }),
            done: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, CellState<T, H, C>> {
        // A panic while the lock was held left consistent state (every update is one assignment).
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Gives the cell the host's handle, before anyone else can see the call.
    pub fn set_handle(&self, handle: H) {
        self.lock().handle = Some(handle);
    }

    /// Records the outcome, once, and wakes every waiter. `callback`: the completion is reported
    /// through a callback that gets the handle, so a free from now until
    /// [`callback_returned`](Self::callback_returned) leaves the handle allocated.
    pub fn complete(&self, outcome: T, callback: bool) -> Delivery<H> {
        let delivery = {
            let mut state = self.lock();
            if state.finished {
                return Delivery::Again;
            }
            state.finished = true;
            state.completed = Some(outcome);
            state.cancel = None;
            if state.host_freed {
                Delivery::Report(None)
            } else {
                state.delivering = callback && state.handle.is_some();
                Delivery::Report(state.handle)
            }
        };
        self.done.notify_all();
        delivery
    }

    /// The callback returned: the handle to release now if the host freed it meanwhile.
    pub fn callback_returned(&self) -> Option<H> {
        let mut state = self.lock();
        state.delivering = false;
        if state.host_freed {
            state.handle.take()
        } else {
            None
        }
    }

    /// The host frees its handle: the handle to release now, unless the callback still has it
    /// (then [`callback_returned`](Self::callback_returned) releases it). `None` the second time.
    /// `mark` runs under the lock first (the library overwrites the handle's tag there, so no
    /// library thread reads the handle while it changes).
    pub fn host_free(&self, mark: impl FnOnce()) -> Option<H> {
        let mut state = self.lock();
        mark();
        state.host_freed = true;
        if state.delivering {
            None
        } else {
            state.handle.take()
        }
    }

    /// The handle, while the host has it.
    pub fn live_handle(&self) -> Option<H> {
        let state = self.lock();
        if state.host_freed {
            None
        } else {
            state.handle
        }
    }

    /// What cancels the call: `Some` once, while it is in flight.
    pub fn take_cancel(&self) -> Option<C> {
        self.lock().cancel.take()
    }

    pub fn is_done(&self) -> bool {
        self.lock().finished
    }

    /// Runs `f` on the outcome, if the call completed and it was not taken.
    pub fn with_completed<R>(&self, f: impl FnOnce(&mut T) -> R) -> Option<R> {
        self.lock().completed.as_mut().map(f)
    }

    /// Moves the outcome out (the blocking wrappers, which alone own their call).
    pub fn take_completed(&self) -> Option<T> {
        self.lock().completed.take()
    }

    /// Waits until the call completed, at most `limit` (`None`: as long as it takes).
    /// Returns whether it completed.
    pub fn wait(&self, limit: Option<Duration>) -> bool {
        let deadline = limit.map(|l| Instant::now() + l);
        let mut state = self.lock();
        while !state.finished {
            state = match deadline {
                None => self.done.wait(state).unwrap_or_else(|e| e.into_inner()),
                Some(d) => {
                    let now = Instant::now();
                    if now >= d {
                        return false;
                    }
                    self.done.wait_timeout(state, d - now).unwrap_or_else(|e| e.into_inner()).0
                }
            };
        }
        true
    }
}

/// The readiness signal of a [`ReadyQueue`]: the queue's eventfd in the library (readable after
/// `raise`, quiet after `clear`), a counter in the model.
pub trait Doorbell {
    fn raise(&self);
    fn clear(&self);
}

/// Completed calls waiting for the host. The doorbell is raised whenever the queue goes from
/// empty to not empty and cleared when a take leaves it empty, both under the queue's lock, so
/// it is raised exactly while the queue holds something.
pub struct ReadyQueue<T, D: Doorbell> {
    pending: Mutex<VecDeque<T>>,
    doorbell: D,
}

impl<T, D: Doorbell> ReadyQueue<T, D> {
    pub fn new(doorbell: D) -> Self {
        ReadyQueue { pending: Mutex::new(VecDeque::new()), doorbell }
    }

    pub fn doorbell(&self) -> &D {
        &self.doorbell
    }

    fn lock(&self) -> MutexGuard<'_, VecDeque<T>> {
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Posts an entry; raises the doorbell if the queue was empty.
    pub fn push(&self, entry: T) {
        let mut pending = self.lock();
        pending.push_back(entry);
        if pending.len() == 1 {
            self.doorbell.raise();
        }
    }

    /// Takes entries in order until `live` accepts one (entries it refuses, calls the host freed,
    /// are dropped); clears the doorbell once the queue is empty. `live` runs under the queue's
    /// lock: it may take a call's lock (the order is always queue, then call), never the queue's.
    pub fn take_live<R>(&self, mut live: impl FnMut(&T) -> Option<R>) -> Option<R> {
        let mut pending = self.lock();
        let mut found = None;
        while let Some(entry) = pending.pop_front() {
            if let Some(r) = live(&entry) {
                found = Some(r);
                break;
            }
        }
        if pending.is_empty() {
            self.doorbell.clear();
        }
        found
    }

    /// How many entries wait (live or not); for the model checks.
    #[allow(dead_code)]
    pub fn len(&self) -> usize {
        self.lock().len()
    }
}
