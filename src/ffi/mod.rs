//! The C ABI boundary: the only place with `unsafe` pointer work.
//!
//! Rules every exported function follows:
//! * it runs inside [`boundary`], so a panic never unwinds into the host: it becomes an
//!   `INTERNAL` error (or the function's documented fallback value);
//! * every pointer argument is checked: NULL where a value is required, invalid UTF-8, or a
//!   handle of the wrong kind give `INVALID_ARGUMENT`;
//! * outputs are written only on success;
//! * handles carry a tag so that a handle of another kind (or an already freed one, as far as
//!   that can be seen) is refused instead of misused.

#![allow(non_camel_case_types)] // C type names follow the header's snake_case.

pub mod call;
pub mod client;
pub mod error;
pub mod operations;
pub mod runtime;
pub mod workflow;

use crate::errors::{Error, Result};
pub use error::temporal_error;
use std::ffi::{c_char, CStr};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Runs `f`, turning a panic into `on_panic()`. The panic's text is kept in the error message
/// (it never holds secrets: no code path formats options or keys into a panic).
pub(crate) fn boundary<T>(on_panic: impl FnOnce(String) -> T, f: impl FnOnce() -> T) -> T {
    install_quiet_panic_hook();
    IN_BOUNDARY.with(|d| d.set(d.get() + 1));
    let outcome = catch_unwind(AssertUnwindSafe(f));
    IN_BOUNDARY.with(|d| d.set(d.get() - 1));
    match outcome {
        Ok(v) => v,
        Err(payload) => {
            let text = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            on_panic(text)
        }
    }
}

thread_local! {
    /// How many exported calls the current thread is inside (a callback may nest them).
    static IN_BOUNDARY: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// A panic caught at the boundary is reported to the host as an error; it must not also be
/// printed on the host's stderr. Panics elsewhere (the host's own Rust code, if any) keep the
/// previous hook's behaviour.
fn install_quiet_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if IN_BOUNDARY.with(|d| d.get()) > 0 {
                tracing::error!(panic = %info, "panic caught at the C boundary");
            } else {
                previous(info);
            }
        }));
    });
}

/// The boundary for functions that return an owned error (NULL on success).
pub(crate) fn error_boundary(f: impl FnOnce() -> Result<()>) -> *mut temporal_error {
    boundary(
        |text| temporal_error::into_raw(Error::internal(format!("internal error (panic caught at the C boundary): {text}"))),
        || {
            // Only read on the normal path: no write to the thread-local unless the switch is set.
            let forced = FORCE_PANIC.with(|p| p.get() && { p.set(false); true });
            if forced {
                panic!("forced by temporal_testing_panic_next_call");
            }
            match f() {
                Ok(()) => std::ptr::null_mut(),
                Err(e) => temporal_error::into_raw(e),
            }
        },
    )
}

thread_local! {
    static FORCE_PANIC: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Testing only: makes the calling thread's next call that returns a `temporal_error *` panic
/// inside the library, to prove that a panic comes back as `TEMPORAL_ERROR_CODE_INTERNAL` and that the
/// library keeps working afterwards. Not for production use.
#[no_mangle]
pub extern "C" fn temporal_testing_panic_next_call() {
    FORCE_PANIC.with(|p| p.set(true));
}

/// A required C string argument.
///
/// # Safety
/// `ptr` is NULL or points to a NUL-terminated string that stays valid for `'a`.
pub(crate) unsafe fn required_str<'a>(ptr: *const c_char, name: &str) -> Result<&'a str> {
    match optional_raw_str(ptr, name)? {
        Some(s) => Ok(s),
        None => Err(Error::invalid_argument(format!("{name} must not be NULL"))),
    }
}

/// An optional C string argument: NULL or "" mean "not set".
///
/// # Safety
/// As [`required_str`].
pub(crate) unsafe fn optional_str<'a>(ptr: *const c_char, name: &str) -> Result<Option<&'a str>> {
    Ok(optional_raw_str(ptr, name)?.filter(|s| !s.is_empty()))
}

unsafe fn optional_raw_str<'a>(ptr: *const c_char, name: &str) -> Result<Option<&'a str>> {
    if ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: the caller promises a NUL-terminated string valid for 'a.
    let bytes = unsafe { CStr::from_ptr(ptr) };
    bytes
        .to_str()
        .map(Some)
        .map_err(|e| Error::invalid_argument(format!("{name} is not valid UTF-8 (at byte {})", e.valid_up_to())))
}

/// An opaque handle type of the C API and what it owns. The C side only ever sees a pointer to
/// the zero-sized marker type; the allocation behind it is a [`Tagged`] of `Target`.
pub(crate) trait Handle {
    type Target;
    /// Written first in every allocation, checked before every use.
    const TAG: u64;
    /// How the handle is named in error messages.
    const NAME: &'static str;
}

/// The allocation behind a handle: the tag first (`repr(C)`), so a pointer to a handle of
/// another kind, or to one already freed, is recognised before it is used.
#[repr(C)]
struct Tagged<T> {
    tag: u64,
    value: T,
}

const FREED_TAG: u64 = 0xdead_dead_dead_dead;

/// Boxes `value` as a new handle the host owns.
pub(crate) fn into_handle<H: Handle>(value: H::Target) -> *mut H {
    Box::into_raw(Box::new(Tagged { tag: H::TAG, value })).cast()
}

/// Borrows what a handle owns after checking it is non-NULL and of the expected kind.
///
/// # Safety
/// `ptr` is NULL or a pointer returned by [`into_handle`] (for any handle type).
pub(crate) unsafe fn handle_ref<'a, H: Handle>(ptr: *const H) -> Result<&'a H::Target> {
    if ptr.is_null() {
        return Err(Error::invalid_argument(format!("{} must not be NULL", H::NAME)));
    }
    // SAFETY: every handle allocation starts with a u64 tag.
    let found = unsafe { *(ptr as *const u64) };
    if found != H::TAG {
        let what = if found == FREED_TAG { "was already freed" } else { "is not a handle of the right kind" };
        return Err(Error::invalid_argument(format!("{} {what}", H::NAME)));
    }
    // SAFETY: the tag matched, so this is a live Tagged<H::Target>.
    Ok(unsafe { &(*(ptr as *const Tagged<H::Target>)).value })
}

/// Takes back what a handle owns, for freeing; NULL and handles of the wrong kind are ignored
/// (freeing must never crash the host).
///
/// # Safety
/// As [`handle_ref`]; the handle must not be used after this call.
pub(crate) unsafe fn take_handle<H: Handle>(ptr: *mut H) -> Option<H::Target> {
    if ptr.is_null() || unsafe { *(ptr as *const u64) } != H::TAG {
        return None;
    }
    let tagged = ptr as *mut Tagged<H::Target>;
    // SAFETY: created by into_handle with this tag. The tag is overwritten before the memory is
    // released, so a second free of the same pointer is likely to be refused.
    unsafe {
        (*tagged).tag = FREED_TAG;
        Some(Box::from_raw(tagged).value)
    }
}

/// Writes `value` to a required out-pointer.
///
/// # Safety
/// `out` is NULL or valid for a write of `T`.
pub(crate) unsafe fn check_out<T>(out: *mut T, name: &str) -> Result<()> {
    if out.is_null() {
        return Err(Error::invalid_argument(format!("{name} must not be NULL")));
    }
    Ok(())
}

/// A Rust string as an owned C string for the host; interior NULs (which C cannot hold) are
/// replaced so no text is silently cut.
pub(crate) fn to_c_string(s: impl Into<Vec<u8>>) -> std::ffi::CString {
    let mut bytes = s.into();
    for b in bytes.iter_mut().filter(|b| **b == 0) {
        *b = b' ';
    }
    std::ffi::CString::new(bytes).expect("NUL bytes were replaced")
}

/// Frees a string that this library returned (`char **` outputs). NULL is a no-op.
///
/// # Safety
/// `s` is NULL or a string returned by this library that was not freed yet.
#[no_mangle]
pub unsafe extern "C" fn temporal_string_free(s: *mut c_char) {
    boundary(|_| (), || {
        if !s.is_null() {
            // SAFETY: per the contract, created by CString::into_raw in this library.
            drop(unsafe { std::ffi::CString::from_raw(s) });
        }
    })
}

/// The library version, e.g. "0.1.0" (the same as `TEMPORAL_FFI_VERSION`).
///
/// Returns a static string: never free it.
#[no_mangle]
pub extern "C" fn temporal_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}
