//! Model checks of the call object's and the completion queue's state machines
//! (`src/completion.rs`) with loom: every interleaving of the threads below, within a
//! preemption bound, is run, and each assertion holds in all of them. A lost wake-up shows as
//! a deadlock, which loom reports as a failure.
//!
//! `src/completion.rs` is compiled here against loom's `Mutex` and `Condvar` (through the
//! `sync` module below) instead of std's; the library's `CallState` and `QueueInner` are thin
//! shells around these two types, holding the pointers and the eventfd.
//!
//! What is not modelled: the run-ID cell of a workflow run is tokio's `OnceCell`, whose
//! interleavings loom can only see in a tokio built for loom; the handle's tag and the
//! allocation itself are pointer work in `src/ffi`, checked by the sanitizer suite instead.

mod sync {
    pub use loom::sync::{Condvar, Mutex, MutexGuard};
}

#[allow(dead_code)]
#[path = "../../src/completion.rs"]
mod completion;

use completion::{CallCell, Delivery, Doorbell, ReadyQueue};
use loom::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
use loom::sync::Arc;
use loom::thread;

/// Explores every interleaving with at most `bound` preemptions (LOOM_MAX_PREEMPTIONS, when
/// set, overrides it: loom reads it in `Builder::new`).
fn model(bound: usize, f: impl Fn() + Sync + Send + 'static) {
    let mut builder = loom::model::Builder::new();
    if builder.preemption_bound.is_none() {
        builder.preemption_bound = Some(bound);
    }
    builder.check(f);
}

/// A handle in the model: which call it is.
type Token = u32;

/// Counts how often each token's allocation was released, and whether its callback is running.
#[derive(Default)]
struct Allocation {
    released: AtomicUsize,
    in_callback: AtomicBool,
}

impl Allocation {
    fn release(&self) {
        assert!(!self.in_callback.load(SeqCst), "the handle was released while its callback had it");
        assert_eq!(self.released.fetch_add(1, SeqCst), 0, "the handle was released twice");
    }
}

/// A call with a callback completes while the host frees its handle: the handle is released
/// exactly once and never while the callback has it; the callback gets the handle unless the
/// host had freed it before the call completed.
#[test]
fn completion_with_callback_races_host_free() {
    model(3, || {
        let cell = Arc::new(CallCell::<&'static str, Token, ()>::new(None));
        cell.set_handle(7);
        let allocation = Arc::new(Allocation::default());
        let freed_before = Arc::new(AtomicBool::new(false));

        let library = {
            let (cell, allocation, freed_before) = (cell.clone(), allocation.clone(), freed_before.clone());
            thread::spawn(move || {
                let Delivery::Report(handle) = cell.complete("outcome", true) else {
                    panic!("a first completion was refused");
                };
                match handle {
                    Some(h) => {
                        assert_eq!(h, 7);
                        allocation.in_callback.store(true, SeqCst);
                        // The callback reads the outcome through its handle.
                        assert_eq!(cell.with_completed(|o| *o), Some("outcome"));
                        allocation.in_callback.store(false, SeqCst);
                    }
                    // No handle: only if the host's free came first (its mark ran under the lock).
                    None => assert!(freed_before.load(SeqCst), "the callback lost a handle the host still had"),
                }
                if let Some(h) = cell.callback_returned() {
                    assert_eq!(h, 7);
                    allocation.release();
                }
            })
        };
        let host = {
            let (cell, allocation, freed_before) = (cell.clone(), allocation.clone(), freed_before.clone());
            thread::spawn(move || {
                if let Some(h) = cell.host_free(|| freed_before.store(true, SeqCst)) {
                    assert_eq!(h, 7);
                    allocation.release();
                }
                // A second free is refused: the handle is given out once.
                assert_eq!(cell.host_free(|| {}), None);
            })
        };
        library.join().unwrap();
        host.join().unwrap();
        assert_eq!(allocation.released.load(SeqCst), 1, "the handle was never released");
        assert_eq!(cell.live_handle(), None);
    });
}

/// A waiter blocked on the call is woken by its completion (a lost wake-up would leave it
/// blocked: a deadlock to loom), and a second completion changes nothing.
#[test]
fn waiter_races_completion() {
    model(3, || {
        let cell = Arc::new(CallCell::<u32, Token, ()>::new(None));
        let waiters: Vec<_> = (0..2)
            .map(|_| {
                let cell = cell.clone();
                thread::spawn(move || {
                    assert!(cell.wait(None));
                    assert!(cell.is_done());
                })
            })
            .collect();
        assert_eq!(cell.complete(1, false), Delivery::Report(None));
        assert_eq!(cell.complete(2, false), Delivery::Again);
        for w in waiters {
            w.join().unwrap();
        }
        assert_eq!(cell.take_completed(), Some(1));
        assert_eq!(cell.take_completed(), None);
        assert!(cell.is_done(), "taking the outcome made the call look in flight again");
    });
}

/// Two cancels race the completion: the call's cancel is handed out at most once, and never once
/// the call completed.
#[test]
fn cancels_race_completion() {
    model(3, || {
        let cell = Arc::new(CallCell::<u32, Token, &'static str>::new(Some("cancel")));
        let taken = Arc::new(AtomicUsize::new(0));
        let cancels: Vec<_> = (0..2)
            .map(|_| {
                let (cell, taken) = (cell.clone(), taken.clone());
                thread::spawn(move || {
                    if let Some(c) = cell.take_cancel() {
                        assert_eq!(c, "cancel");
                        taken.fetch_add(1, SeqCst);
                    }
                })
            })
            .collect();
        let completed = {
            let cell = cell.clone();
            thread::spawn(move || cell.complete(0, false))
        };
        assert_eq!(completed.join().unwrap(), Delivery::Report(None));
        assert_eq!(cell.take_cancel(), None, "a cancel was handed out after the call completed");
        for c in cancels {
            c.join().unwrap();
        }
        assert!(taken.load(SeqCst) <= 1, "the cancel was handed out twice");
    });
}

/// The eventfd in the model: `raise` adds one, `clear` reads it back to zero, like an eventfd
/// without EFD_SEMAPHORE.
#[derive(Default)]
struct Counter(AtomicUsize);

impl Doorbell for Counter {
    fn raise(&self) {
        self.0.fetch_add(1, SeqCst);
    }
    fn clear(&self) {
        self.0.swap(0, SeqCst);
    }
}

type Call = Arc<CallCell<Token, Token, ()>>;

fn call(token: Token) -> Call {
    let cell = Arc::new(CallCell::new(None));
    cell.set_handle(token);
    cell
}

/// Two library threads complete calls and post them while the host's event loop frees one of
/// them and takes one: every call the host still has is taken exactly once, a freed one never; whenever the queue holds a call the doorbell is raised (else an event loop would never
/// wake for it); the queue's and the calls' locks never deadlock (the order is queue, then call).
#[test]
fn completion_queue_producers_consumer_and_free() {
    model(3, || {
        let queue = Arc::new(ReadyQueue::new(Counter::default()));
        let (a, b) = (call(1), call(2));
        let producers: Vec<_> = [a.clone(), b.clone()]
            .into_iter()
            .map(|c| {
                let queue = queue.clone();
                thread::spawn(move || {
                    if let Delivery::Report(_) = c.complete(0, false) {
                        queue.push(c);
                    }
                })
            })
            .collect();
        // The event loop's thread: the host frees one call (maybe before it completed), then
        // takes one call, at any moment (a host may call next whenever it likes, not only when
        // the descriptor is readable, and may stop after one).
        b.host_free(|| {});
        let mut taken: Vec<Token> = queue.take_live(|c| c.live_handle()).into_iter().collect();
        for p in producers {
            p.join().unwrap();
        }
        // Quiescent: a call still queued must have left the doorbell raised.
        if queue.len() > 0 {
            assert!(queue.doorbell().0.load(SeqCst) > 0, "a queued call with a quiet doorbell: a lost wake-up");
        }
        while let Some(h) = queue.take_live(|c| c.live_handle()) {
            taken.push(h);
        }
        assert_eq!(queue.len(), 0);
        assert_eq!(queue.doorbell().0.load(SeqCst), 0, "the doorbell stayed raised over an empty queue");
        assert_eq!(taken.iter().filter(|&&h| h == 1).count(), 1, "the live call was not taken exactly once");
        assert!(!taken.contains(&2), "a call the host had freed was handed out");
        assert_eq!(queue.take_live(|c| c.live_handle()), None);
    });
}
