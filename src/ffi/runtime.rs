//! Runtime control: options before first use, a log callback, shutdown.

use super::{boundary, error_boundary, temporal_error};
use crate::errors::{Error, Result};
use crate::options::duration_from_millis;
use crate::runtime::{self as rt, RuntimeOptions};
use std::ffi::{c_char, c_void, CString};

/// Log levels for `temporal_runtime_options.log_level` and the log callback.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogLevel {
    Off = 0,
    Error = 1,
    Warn = 2,
    Info = 3,
    Debug = 4,
    Trace = 5,
}

/// Receives one log event: its level (a `temporal_log_level`), its target (the Rust module it
/// comes from) and its message, both valid only during the call. Called on any library thread,
/// possibly several at once; it must not block for long. Secrets are never logged.
pub type temporal_log_callback =
    Option<unsafe extern "C" fn(user_data: *mut c_void, level: i32, target: *const c_char, message: *const c_char)>;

/// Options for `temporal_runtime_init`. Initialise with `temporal_runtime_options_default`.
#[repr(C)]
pub struct temporal_runtime_options {
    /// Threads of the library's runtime; 0: the number of CPUs, at most 4.
    pub worker_threads: u32,
    /// A `temporal_log_level`: events at this level and more severe go to `log_callback`.
    /// Default `TEMPORAL_LOG_LEVEL_OFF` (the library is quiet).
    pub log_level: i32,
    /// NULL: no logging.
    pub log_callback: temporal_log_callback,
    /// Passed to `log_callback`, from any thread.
    pub log_user_data: *mut c_void,
}

/// Fills `options` with the defaults. NULL is a no-op.
///
/// # Safety
/// `options` is NULL or valid for writes.
#[no_mangle]
pub unsafe extern "C" fn temporal_runtime_options_default(options: *mut temporal_runtime_options) {
    boundary(|_| (), || {
        if !options.is_null() {
            let defaults = temporal_runtime_options {
                worker_threads: 0,
                log_level: LogLevel::Off as i32,
                log_callback: None,
                log_user_data: std::ptr::null_mut(),
            };
            // SAFETY: non-NULL and valid for writes per the contract.
            unsafe { options.write(defaults) };
        }
    })
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
/// options win. `options` NULL: defaults. The log callback, once installed, stays for the life
/// of the process.
///
/// fork(): the runtime's threads and connections exist only in the process that started them.
/// A child forked after the library was used would wait forever on threads it does not have,
/// so every call from such a child fails at once with `TEMPORAL_ERROR_CODE_SHUTDOWN`; a child
/// that needs Temporal should exec a new program.
///
/// # Safety
/// `options` is NULL or valid; `log_user_data` may be used from any thread.
#[no_mangle]
pub unsafe extern "C" fn temporal_runtime_init(options: *const temporal_runtime_options) -> *mut temporal_error {
    error_boundary(|| {
        if options.is_null() {
            return rt::init(RuntimeOptions::default());
        }
        // SAFETY: non-NULL and valid per the contract.
        let o = unsafe { &*options };
        let level = tracing_level(o.log_level)?;
        rt::init(RuntimeOptions { worker_threads: o.worker_threads as usize })?;
        if let (Some(level), Some(callback)) = (level, o.log_callback) {
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
        Ok(())
    })
}

/// Shuts the library down: every pending call ends with `TEMPORAL_ERROR_CODE_CANCELED`
/// (blocking calls return it; async callbacks fire with it), the runtime's threads are joined
/// (waiting at most `timeout_ms`; 0: 5000), and every later call fails with
/// `TEMPORAL_ERROR_CODE_SHUTDOWN`. Handles stay valid to free. Never hangs. Calling it from a
/// callback is refused with `INVALID_ARGUMENT`; calling it twice is a no-op.
#[no_mangle]
pub extern "C" fn temporal_runtime_shutdown(timeout_ms: u64) -> *mut temporal_error {
    error_boundary(|| {
        let timeout = duration_from_millis("timeout_ms", if timeout_ms == 0 { 5000 } else { timeout_ms })?;
        rt::shutdown(timeout)
    })
}
