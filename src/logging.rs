//! Forwards the library's `tracing` events (its own and `temporalio-client`'s) to a host
//! callback. Quiet by default: nothing is logged until a host installs a sink.
//!
//! Installed as the process-wide `tracing` default, so it also receives events from other Rust
//! code in the same process that uses `tracing` without a subscriber of its own. The default can
//! be installed only once per process, so what it forwards to is kept aside: a later
//! `temporal_runtime_init` (before first use) replaces the sink, and the last one wins.

use std::fmt::Write as _;
use std::sync::RwLock;
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

/// The current sink; `None`: quiet.
static CURRENT: RwLock<Option<HostLogger>> = RwLock::new(None);

/// The process-wide subscriber this library installed, once; it forwards to [`CURRENT`].
struct Forwarder;

/// Installs `sink` for events at `max_level` and more severe, replacing an earlier sink of this
/// library. Fails if a `tracing` subscriber of someone else is already installed.
pub fn install(max_level: Level, sink: LogSink) -> Result<(), String> {
    static INSTALLED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let ours = *INSTALLED.get_or_init(|| tracing::subscriber::set_global_default(Forwarder).is_ok());
    if !ours {
        return Err("a tracing subscriber is already installed in this process".to_owned());
    }
    *CURRENT.write().unwrap_or_else(|e| e.into_inner()) = Some(HostLogger { max_level, sink });
    // Callsites cache whether they are enabled: ask them again under the new level.
    tracing::callsite::rebuild_interest_cache();
    Ok(())
}

/// Stops forwarding (the subscriber stays installed, quiet).
pub fn uninstall() {
    *CURRENT.write().unwrap_or_else(|e| e.into_inner()) = None;
    tracing::callsite::rebuild_interest_cache();
}

fn current_level() -> Option<Level> {
    CURRENT.read().unwrap_or_else(|e| e.into_inner()).as_ref().map(|l| l.max_level)
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

impl Subscriber for Forwarder {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        current_level().is_some_and(|max| *metadata.level() <= max)
    }

    fn max_level_hint(&self) -> Option<tracing::level_filters::LevelFilter> {
        Some(current_level().map_or(tracing::level_filters::LevelFilter::OFF, tracing::level_filters::LevelFilter::from_level))
    }

    fn new_span(&self, _span: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }

    fn record(&self, _span: &Id, _values: &Record<'_>) {}

    fn record_follows_from(&self, _span: &Id, _follows: &Id) {}

    fn event(&self, event: &Event<'_>) {
        let current = CURRENT.read().unwrap_or_else(|e| e.into_inner());
        let Some(logger) = current.as_ref() else { return };
        if *event.metadata().level() > logger.max_level {
            return;
        }
        let mut visitor = MessageVisitor(String::new());
        event.record(&mut visitor);
        (logger.sink)(*event.metadata().level(), event.metadata().target(), &visitor.0);
    }

    fn enter(&self, _span: &Id) {}

    fn exit(&self, _span: &Id) {}
}
