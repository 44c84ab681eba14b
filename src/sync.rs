//! The lock and condition variable of the call object's and the completion queue's state
//! machines (`completion`): std's here; `tests/loom/model.rs` compiles `completion.rs` against loom's
//! instead, through a `sync` module of its own with the same names.

pub(crate) use std::sync::{Condvar, Mutex, MutexGuard};
