//! Forwards the library's `tracing` events (its own and `temporalio-client`'s) to a host
//! callback. Quiet by default: nothing is logged until a host installs a sink.
//!
//! Installed as the process-wide `tracing` default, so it also receives events from other Rust
//! code in the same process that uses `tracing` without a subscriber of its own.

use std::fmt::Write as _;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Metadata, Subscriber};

/// Receives one formatted event: its level, its target (module path) and its message with
/// its fields as `key=value`.
pub type LogSink = Box<dyn Fn(Level, &str, &str) + Send + Sync>;

struct HostLogger {
    max_level: Level,
    sink: LogSink,
}

/// Installs `sink` for events at `max_level` and more severe. Fails if a `tracing` subscriber
/// is already installed in this process.
pub fn install(max_level: Level, sink: LogSink) -> Result<(), String> {
    tracing::subscriber::set_global_default(HostLogger { max_level, sink })
        .map_err(|_| "a tracing subscriber is already installed in this process".to_owned())
}

struct MessageVisitor(String);

impl Visit for MessageVisitor {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.0, "{}{value:?}", if self.0.is_empty() { "" } else { " " });
        } else {
            let _ = write!(self.0, "{}{}={value:?}", if self.0.is_empty() { "" } else { " " }, field.name());
        }
    }
}

impl Subscriber for HostLogger {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        *metadata.level() <= self.max_level
    }

    fn max_level_hint(&self) -> Option<tracing::level_filters::LevelFilter> {
        Some(tracing::level_filters::LevelFilter::from_level(self.max_level))
    }

    fn new_span(&self, _span: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }

    fn record(&self, _span: &Id, _values: &Record<'_>) {}

    fn record_follows_from(&self, _span: &Id, _follows: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let mut visitor = MessageVisitor(String::new());
        event.record(&mut visitor);
        (self.sink)(*event.metadata().level(), event.metadata().target(), &visitor.0);
    }

    fn enter(&self, _span: &Id) {}

    fn exit(&self, _span: &Id) {}
}
