//! temporal-ffi: a Temporal client with a C ABI.
//!
//! The Temporal logic lives in safe modules named after the Go SDK's concepts ([`client`],
//! [`workflow_run`], [`update`], [`options`], [`payloads`], [`errors`]); [`ffi`] is the thin boundary that
//! holds every `unsafe` pointer operation and exports the C functions declared in
//! `include/temporal.h`.

pub mod activity;
pub mod client;
pub mod codec;
mod completion;
pub mod errors;
pub mod failure;
pub mod headers;
pub mod ffi;
#[doc(hidden)]
pub mod fuzzing;
pub mod operations;
pub mod options;
pub mod logging;
pub mod metrics;
pub mod payloads;
pub mod raw_rpc;
pub mod rpc;
pub mod runtime;
pub mod schedule;
mod sync;
mod tls;
pub mod update;
pub mod workflow_run;
pub mod workflow_surface;
