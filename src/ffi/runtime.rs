//! Runtime control: options before first use, a log callback, shutdown.

use super::{boundary, error_boundary, read_struct, temporal_error, write_default, ExtensibleStruct};
use crate::errors::{Error, Result};

use std::collections::HashMap;
use std::time::Duration;
use crate::runtime::{self as rt, RuntimeOptions};
use std::ffi::{c_char, c_void, CString};

/// Log levels for `temporal_runtime_options.log_level` and the log callback.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogLevel {
    /// No events (the default): the library is quiet.
    Off = 0,
    /// Errors only, e.g. a panic caught at the C boundary.
    Error = 1,
    /// Warnings and errors.
    Warn = 2,
    /// Informational events, e.g. each connect, and everything more severe.
    Info = 3,
    /// Detail for diagnosing a problem, and everything more severe.
    Debug = 4,
    /// Every event, the finest detail included: very verbose.
    Trace = 5,
}

/// Receives one log event: its level (a `temporal_log_level`), its target (the Rust module it
/// comes from) and its message, both valid only during the call. Called on any library thread,
/// possibly several at once; it must not block for long. Secrets are never logged.
pub type temporal_log_callback =
    Option<unsafe extern "C" fn(user_data: *mut c_void, level: i32, target: *const c_char, message: *const c_char)>;

/// Options for `temporal_runtime_init`. Initialise with `temporal_runtime_options_default`.
/// Extensible: the library reads only the fields inside `size`; every default is zero.
#[repr(C)]
pub struct temporal_runtime_options {
    /// `sizeof(temporal_runtime_options)`, set by `temporal_runtime_options_default`.
    pub size: usize,
    /// Threads of the library's runtime; 0: the number of CPUs, at most 4.
    pub worker_threads: u32,
    /// A `temporal_log_level`: events at this level and more severe go to `log_callback`.
    /// Default `TEMPORAL_LOG_LEVEL_OFF` (the library is quiet).
    pub log_level: i32,
    /// NULL: no logging.
    pub log_callback: temporal_log_callback,
    /// Passed to `log_callback`, from any thread.
    pub log_user_data: *mut c_void,
    /// Serve the client metrics (the Go SDK's names: `temporal_request`,
    /// `temporal_request_failure`, `temporal_request_latency`, `temporal_long_request*`,
    /// `temporal_request_resource_exhausted`; tags `namespace`, `operation`, `status_code`) as
    /// Prometheus text on `http://<address>/metrics`, for every client without its own
    /// `metrics_host_meter`. `ip:port`, e.g. `127.0.0.1:9464` or `0.0.0.0:9464`; port 0 picks a
    /// free port (read it with `temporal_runtime_metrics_address`). Setting it starts the
    /// runtime at once: an address that cannot be bound is this call's `INVALID_ARGUMENT`.
    /// NULL: no endpoint.
    pub metrics_prometheus_address: *const c_char,
    /// Prefix of every metric name (Prometheus and host meters); NULL: `temporal_`, as Go.
    pub metrics_prefix: *const c_char,
    /// Tags on every metric, as a JSON object of strings: `{"service": "billing"}`.
    pub metrics_global_tags_json: *const c_char,
    /// Prometheus and OTLP latency histograms in seconds (`_bucket` bounds in s) instead of
    /// milliseconds. Host meters always get nanoseconds.
    pub metrics_durations_in_seconds: bool,
    /// Push the same client metrics to an OpenTelemetry collector over OTLP, for every client
    /// without its own `metrics_host_meter`: its URL, `http://host:4317` for OTLP/gRPC or
    /// `http://host:4318/v1/metrics` for OTLP/HTTP (`https://` for TLS, with the system's
    /// roots). Cumulative values, pushed every `metrics_otlp_period_ms`. Not together with
    /// `metrics_prometheus_address`. Setting it starts the runtime at once. NULL: no OTLP.
    pub metrics_otlp_url: *const c_char,
    /// A `temporal_otlp_protocol`: `TEMPORAL_OTLP_PROTOCOL_GRPC` (0, the default) or
    /// `TEMPORAL_OTLP_PROTOCOL_HTTP`.
    pub metrics_otlp_protocol: i32,
    /// Headers sent with every export (gRPC metadata for OTLP/gRPC), as a JSON object of
    /// strings, e.g. `{"authorization": "Bearer ..."}`; never logged. NULL: none.
    pub metrics_otlp_headers_json: *const c_char,
    /// How often the metrics are pushed, in milliseconds; 0: every second.
    pub metrics_otlp_period_ms: u64,
}

/// How the OTLP exporter talks to the collector (`temporal_runtime_options.metrics_otlp_protocol`).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OtlpProtocol {
    /// OTLP over gRPC (the collector's port 4317).
    Grpc = 0,
    /// OTLP over HTTP with protobuf bodies (the collector's port 4318, path `/v1/metrics`).
    Http = 1,
}

// SAFETY: repr(C), starts with size, every field is valid as zero; the bools are listed.
unsafe impl ExtensibleStruct for temporal_runtime_options {
    const NAME: &'static str = "temporal_runtime_options";
    const BOOL_FIELDS: &'static [(usize, &'static str)] = &[(
        std::mem::offset_of!(temporal_runtime_options, metrics_durations_in_seconds),
        "metrics_durations_in_seconds",
    )];
}

/// Reads the metrics fields of the runtime options.
///
/// # Safety
/// Every non-NULL string in `o` is NUL-terminated.
unsafe fn metrics_options_from_c(o: &temporal_runtime_options) -> Result<crate::metrics::MetricsOptions> {
    let address = unsafe { super::optional_str(o.metrics_prometheus_address, "metrics_prometheus_address") }?;
    let prometheus_address = match address {
        None => None,
        Some(text) => Some(text.parse::<std::net::SocketAddr>().map_err(|_| {
            Error::invalid_argument(format!(
                "metrics_prometheus_address {text:?}: expected ip:port, e.g. 127.0.0.1:9464"
            ))
        })?),
    };
    let prefix = unsafe { super::optional_string(o.metrics_prefix, "metrics_prefix") }?;
    let otlp = match unsafe { super::optional_str(o.metrics_otlp_url, "metrics_otlp_url") }? {
        None => None,
        Some(text) => {
            let url = url::Url::parse(text)
                .map_err(|e| Error::invalid_argument(format!("metrics_otlp_url {text:?} is not a URL: {e}")))?;
            let grpc = match o.metrics_otlp_protocol {
                p if p == OtlpProtocol::Grpc as i32 => true,
                p if p == OtlpProtocol::Http as i32 => false,
                other => return Err(Error::invalid_argument(format!("unknown metrics_otlp_protocol {other}"))),
            };
            let headers_json = unsafe { super::optional_str(o.metrics_otlp_headers_json, "metrics_otlp_headers_json") }?;
            let headers = match headers_json {
                None => HashMap::new(),
                // The values may be secrets: the error names neither them nor the parser's
                // excerpt of them.
                Some(text) => serde_json::from_str::<HashMap<String, String>>(text).map_err(|_| {
                    Error::invalid_argument("metrics_otlp_headers_json must be a JSON object of strings")
                })?,
            };
            let period = match o.metrics_otlp_period_ms {
                0 => std::time::Duration::from_secs(1),
                ms => crate::options::duration_from_millis("metrics_otlp_period_ms", ms)?,
            };
            Some(crate::metrics::OtlpOptions { url, grpc, headers, period })
        }
    };
    let tags_json = unsafe { super::optional_str(o.metrics_global_tags_json, "metrics_global_tags_json") }?;
    let global_tags = match tags_json {
        None => Vec::new(),
        Some(text) => serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(text)
            .map_err(|e| Error::invalid_argument(format!("metrics_global_tags_json must be a JSON object: {e}")))?
            .into_iter()
            .map(|(k, v)| match v {
                serde_json::Value::String(s) => Ok((k, s)),
                _ => Err(Error::invalid_argument(format!(
                    "metrics_global_tags_json: the value of {k:?} must be a string"
                ))),
            })
            .collect::<Result<Vec<_>>>()?,
    };
    Ok(crate::metrics::MetricsOptions {
        prometheus_address,
        otlp,
        prefix,
        global_tags,
        durations_in_seconds: o.metrics_durations_in_seconds,
    })
}

/// Fills `options` with the defaults and sets its `size`.
///
/// `size` is `sizeof(temporal_runtime_options)` as the caller's header defines it: the library writes exactly that
/// many bytes, so a program built with an older, smaller header is safe. Returns false and
/// writes nothing for NULL or a size that cannot be the struct's.
///
/// # Safety
/// `options` is NULL or valid for writes of `size` bytes.
#[no_mangle]
pub unsafe extern "C" fn temporal_runtime_options_default(options: *mut temporal_runtime_options, size: usize) -> bool {
    boundary(|| unsafe { write_default(options, size) })
}

struct SendPtr(*mut c_void);
unsafe impl Send for SendPtr {}
unsafe impl Sync for SendPtr {}

fn tracing_level(level: i32) -> Result<Option<tracing::Level>> {
    Ok(match level {
        0 => None,
        1 => Some(tracing::Level::ERROR),
        2 => Some(tracing::Level::WARN),
        3 => Some(tracing::Level::INFO),
        4 => Some(tracing::Level::DEBUG),
        5 => Some(tracing::Level::TRACE),
        _ => return Err(Error::invalid_argument(format!("unknown log level {level}"))),
    })
}

fn level_number(level: tracing::Level) -> i32 {
    match level {
        tracing::Level::ERROR => 1,
        tracing::Level::WARN => 2,
        tracing::Level::INFO => 3,
        tracing::Level::DEBUG => 4,
        tracing::Level::TRACE => 5,
    }
}

/// Configures the runtime. Only before the first other call (connect, ...): afterwards it
/// returns `INVALID_ARGUMENT` and changes nothing; called again before first use, the last
/// options win, log callback included (options without a callback turn logging off). `options`
/// NULL: defaults. The log callback must not call `temporal_runtime_init`.
///
/// fork() (preforking servers: gunicorn, uWSGI, PHP-FPM, Apache prefork): the runtime's threads
/// and connections exist only in the process that started them. In a child forked after the
/// library was used, every call fails at once with `TEMPORAL_ERROR_CODE_SHUTDOWN` until the
/// child calls `temporal_runtime_init` (options as usual; it is accepted once per child, even if
/// the parent's runtime was running or shut down). The child then gets a fresh runtime and
/// connects its own clients. What it inherited (clients, runs, update handles, calls in flight,
/// completion queues) stays unusable there: calls that use it fail with `SHUTDOWN`, a wait on
/// an inherited call fails with `SHUTDOWN` at once, an inherited queue returns no call, and
/// freeing any of it never touches it (its memory is leaked: a lock inside may have been held
/// by a parent thread at the fork). The parent is not affected. Fork only from a host thread,
/// never from inside a library callback.
///
/// # Safety
/// `options` is NULL or valid; `log_user_data` may be used from any thread.
#[no_mangle]
pub unsafe extern "C" fn temporal_runtime_init(options: *const temporal_runtime_options) -> *mut temporal_error {
    error_boundary(|| {
        let Some(o) = (unsafe { read_struct(options) })? else {
            rt::init(RuntimeOptions::default())?;
            crate::logging::uninstall();
            return Ok(());
        };
        let level = tracing_level(o.log_level)?;
        let metrics = unsafe { metrics_options_from_c(&o) }?;
        rt::init(RuntimeOptions { worker_threads: o.worker_threads as usize, metrics })?;
        match (level, o.log_callback) {
            (Some(level), Some(callback)) => {
                let user_data = SendPtr(o.log_user_data);
                crate::logging::install(
                    level,
                    Box::new(move |level, target, message| {
                        let target = CString::new(target.replace('\0', " ")).unwrap_or_default();
                        let message = CString::new(message.replace('\0', " ")).unwrap_or_default();
                        let user_data = &user_data;
                        // SAFETY: the host gave this callback for exactly this use.
                        unsafe { callback(user_data.0, level_number(level), target.as_ptr(), message.as_ptr()) };
                    }),
                )
                .map_err(Error::invalid_argument)?;
            }
            _ => crate::logging::uninstall(),
        }
        Ok(())
    })
}

/// Shuts the library down: every pending call ends with `TEMPORAL_ERROR_CODE_CANCELED`
/// (blocking wrappers return it; callbacks and queues get it), the runtime's threads are joined
/// (waiting at most `timeout_ms`; `TEMPORAL_TIMEOUT_DEFAULT` (0): 5 s), and every later call
/// fails with `TEMPORAL_ERROR_CODE_SHUTDOWN`. Handles stay valid to read and free. Never hangs.
/// Calling it from a callback is refused with `INVALID_ARGUMENT`; calling it twice is a no-op.
#[no_mangle]
pub extern "C" fn temporal_runtime_shutdown(timeout_ms: u64) -> *mut temporal_error {
    error_boundary(|| {
        let timeout = super::call::timeout_from_millis("timeout_ms", timeout_ms)?.duration_or(Duration::from_secs(5));
        rt::shutdown(timeout)
    })
}
