//! The C ABI boundary: the only place with `unsafe` pointer work.
//!
//! Rules every exported function follows (a unit test below checks the first one on every
//! `extern "C"` function of this module tree):
//! * its body is one call of [`boundary`], so a panic never unwinds into the host: it becomes
//!   the return type's [`PanicOrDefault`] value (`INTERNAL` for an error return, NULL for a
//!   pointer, nothing for `void`);
//! * every pointer argument is checked: NULL where a value is required, invalid UTF-8, or a
//!   handle of the wrong kind give `INVALID_ARGUMENT`;
//! * option structs are read by their `size` ([`read_struct`]): only the fields inside it, the
//!   rest take their defaults (every field's default is its zero value);
//! * outputs are written only on success;
//! * handles carry a tag so that a handle of another kind (or an already freed one, as far as
//!   that can be seen) is refused instead of misused.

#![allow(non_camel_case_types)] // C type names follow the header's snake_case.

pub mod activity;
pub mod call;
pub mod client;
pub mod completion_queue;
pub mod error;
pub mod metrics;
pub mod operations;
pub mod payloads;
pub mod raw_rpc;
pub mod runtime;
pub mod schedule;
pub mod update;
pub mod workflow;
pub mod workflow_surface;

use crate::errors::{Error, ErrorCode, Result};
pub use error::temporal_error;
use std::ffi::{c_char, c_void, CStr};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// What an exported function returns when a panic is caught inside it.
pub(crate) trait PanicOrDefault {
    fn on_panic(text: &str) -> Self;
}

impl PanicOrDefault for *mut temporal_error {
    fn on_panic(text: &str) -> Self {
        temporal_error::into_raw(Error::internal(format!("internal error (panic caught at the C boundary): {text}")))
    }
}

impl PanicOrDefault for () {
    fn on_panic(_: &str) -> Self {}
}

impl PanicOrDefault for bool {
    fn on_panic(_: &str) -> Self {
        false
    }
}

impl PanicOrDefault for usize {
    fn on_panic(_: &str) -> Self {
        0
    }
}

impl PanicOrDefault for i32 {
    fn on_panic(_: &str) -> Self {
        -1
    }
}

impl PanicOrDefault for ErrorCode {
    fn on_panic(_: &str) -> Self {
        ErrorCode::Internal
    }
}

/// Pointer returns other than an owned error: NULL.
macro_rules! null_on_panic {
    ($($t:ty),* $(,)?) => {$(
        impl PanicOrDefault for $t {
            fn on_panic(_: &str) -> Self {
                std::ptr::null_mut::<std::ffi::c_void>() as $t
            }
        }
    )*};
}
null_on_panic!(
    *const c_char,
    *mut c_char,
    *mut c_void,
    *const temporal_error,
    *mut workflow::temporal_workflow_run,
    *mut client::temporal_client,
    *mut call::temporal_call,
    *mut update::temporal_update_handle,
    *mut payloads::temporal_payloads,
);

/// Runs the body of an exported function, turning a panic into the return type's fallback.
/// The panic's text is kept in an error's message (it never holds secrets: no code path formats
/// options or keys into a panic).
pub(crate) fn boundary<T: PanicOrDefault>(f: impl FnOnce() -> T) -> T {
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
            T::on_panic(&text)
        }
    }
}

/// [`boundary`] for a body that returns a `Result`: `Ok` is NULL, `Err` an owned error.
pub(crate) fn error_boundary(f: impl FnOnce() -> Result<()>) -> *mut temporal_error {
    boundary(|| {
        #[cfg(feature = "testing")]
        testing::maybe_panic();
        match f() {
            Ok(()) => std::ptr::null_mut(),
            Err(e) => temporal_error::into_raw(e),
        }
    })
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

/// Tests only (cargo feature `testing`, which the test builds turn on; the shipped library and
/// header do not have it).
#[cfg(feature = "testing")]
pub mod testing {
    use std::cell::Cell;

    thread_local! {
        static FORCE_PANIC: Cell<bool> = const { Cell::new(false) };
    }

    pub(crate) fn maybe_panic() {
        if FORCE_PANIC.with(|p| p.replace(false)) {
            panic!("forced by temporal_testing_panic_next_call");
        }
    }

    /// Makes the calling thread's next call that returns a `temporal_error *` panic inside the
    /// library, to prove that a panic comes back as `TEMPORAL_ERROR_CODE_INTERNAL` and that the
    /// library keeps working afterwards.
    #[no_mangle]
    pub extern "C" fn temporal_testing_panic_next_call() {
        super::boundary(|| FORCE_PANIC.with(|p| p.set(true)))
    }
}

/// A required C string argument.
///
/// # Safety
/// `ptr` is NULL or points to a NUL-terminated string that stays valid for `'a`.
pub(crate) unsafe fn required_str<'a>(ptr: *const c_char, name: &str) -> Result<&'a str> {
    match unsafe { optional_raw_str(ptr, name) }? {
        Some(s) => Ok(s),
        None => Err(Error::invalid_argument(format!("{name} must not be NULL"))),
    }
}

/// An optional C string argument: NULL or "" mean "not set".
///
/// # Safety
/// As [`required_str`].
pub(crate) unsafe fn optional_str<'a>(ptr: *const c_char, name: &str) -> Result<Option<&'a str>> {
    Ok(unsafe { optional_raw_str(ptr, name) }?.filter(|s| !s.is_empty()))
}

/// An optional C string argument, copied.
///
/// # Safety
/// As [`required_str`].
pub(crate) unsafe fn optional_string(ptr: *const c_char, name: &str) -> Result<Option<String>> {
    Ok(unsafe { optional_str(ptr, name) }?.map(str::to_owned))
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

/// An extensible options struct of the C API: it starts with its own `size`, and every field's
/// default is its zero value, so a field outside `size` reads as its default.
///
/// # Safety
/// The implementor is `repr(C)`, starts with a `size: usize` field, and every field is valid
/// as all-zero bytes; `BOOL_FIELDS` lists the offset of every `bool` field.
pub(crate) unsafe trait ExtensibleStruct: Sized {
    /// How the struct is named in error messages.
    const NAME: &'static str;
    /// Offsets and names of the `bool` fields, whose bytes must be 0 or 1.
    const BOOL_FIELDS: &'static [(usize, &'static str)] = &[];
}

/// The largest `size` accepted: a bigger one is garbage (an uninitialised struct), not a
/// struct from a newer header.
const MAX_STRUCT_SIZE: usize = 4096;

/// Reads an options struct the way Linux reads an extensible struct from user space
/// (`copy_struct_from_user`, as `openat2` and `clone3` do): the caller's `size` says how many
/// bytes it has. A smaller struct (from an older header) is read as far as it goes and the rest
/// takes the defaults; a larger one (from a newer header) is accepted only if every byte this
/// library does not know is zero, so an option it cannot honour is never silently dropped.
/// `size` must be a multiple of the struct's alignment, as every real struct's is.
///
/// # Safety
/// `ptr` is NULL or points to at least `size` readable bytes, where `size` is the struct's first
/// field.
pub(crate) unsafe fn read_struct<T: ExtensibleStruct>(ptr: *const T) -> Result<Option<T>> {
    if ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: every such struct starts with a size_t; the caller promises it is readable.
    let size = unsafe { (ptr as *const usize).read_unaligned() };
    let known = std::mem::size_of::<T>();
    // Any header's struct is a multiple of its alignment in size, so a size that is not would
    // cut a pointer in half.
    if size < std::mem::size_of::<usize>() || size > MAX_STRUCT_SIZE || size % std::mem::align_of::<T>() != 0 {
        return Err(Error::invalid_argument(format!(
            "{}: size is {size}; initialise the struct with its _default function (which sets size)",
            T::NAME
        )));
    }
    // SAFETY: the caller promises `size` readable bytes.
    let given = unsafe { std::slice::from_raw_parts(ptr as *const u8, size) };
    if size > known {
        if let Some(at) = given[known..].iter().position(|&b| b != 0) {
            return Err(Error::invalid_argument(format!(
                "{}: size is {size} but this library (version {}) knows only {known} bytes, and byte {} \
                 of the unknown fields is set: an option from a newer header that this library cannot honour",
                T::NAME,
                env!("CARGO_PKG_VERSION"),
                known + at
            )));
        }
    }
    let mut bytes = vec![0u8; known];
    let n = size.min(known);
    bytes[..n].copy_from_slice(&given[..n]);
    for &(offset, name) in T::BOOL_FIELDS {
        if bytes[offset] > 1 {
            return Err(Error::invalid_argument(format!("{}: {name} must be true or false", T::NAME)));
        }
    }
    bytes[..std::mem::size_of::<usize>()].copy_from_slice(&known.to_ne_bytes());
    // SAFETY: T is valid as these bytes: zero where the caller gave nothing (valid per the trait's
    // contract), the caller's bytes otherwise, with every bool checked above.
    Ok(Some(unsafe { (bytes.as_ptr() as *const T).read_unaligned() }))
}

/// Fills the caller's extensible struct with its defaults: `size` bytes of zero (every field's
/// default), then `size` itself. The size is the caller's `sizeof`, from the header it was built
/// with: a program built with an older header has a smaller struct, and the library must not
/// write past it. Returns false (and writes nothing) for NULL or a size that is not a struct's.
///
/// # Safety
/// `ptr` is NULL or valid for writes of `size` bytes.
pub(crate) unsafe fn write_default<T: ExtensibleStruct>(ptr: *mut T, size: usize) -> bool {
    if ptr.is_null() || size < std::mem::size_of::<usize>() || size > MAX_STRUCT_SIZE || size % std::mem::align_of::<T>() != 0 {
        return false;
    }
    // SAFETY: valid for writes of `size` bytes per the contract.
    unsafe {
        std::ptr::write_bytes(ptr as *mut u8, 0, size);
        (ptr as *mut usize).write_unaligned(size);
    }
    true
}

/// A struct of the library's own size with its defaults, for a NULL options pointer.
pub(crate) fn default_struct<T: ExtensibleStruct>() -> T {
    let mut value = std::mem::MaybeUninit::<T>::zeroed();
    // SAFETY: all-zero bytes are a valid T (ExtensibleStruct); then size is set.
    unsafe {
        (value.as_mut_ptr() as *mut usize).write_unaligned(std::mem::size_of::<T>());
        value.assume_init()
    }
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
pub(crate) struct Tagged<T> {
    tag: u64,
    value: T,
}

pub(crate) const FREED_TAG: u64 = 0xdead_dead_dead_dead;

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

/// Bytes from the host (`ptr`, `len`): NULL is allowed for an empty run. `len_name` names the
/// length in the error ("its length", "request_len").
///
/// # Safety
/// `ptr` is NULL or valid for reads of `len` bytes.
pub(crate) unsafe fn bytes_arg<'a>(ptr: *const u8, len: usize, name: &str, len_name: &str) -> Result<&'a [u8]> {
    unsafe { slice_arg(ptr, len, name, len_name) }
}

/// An array argument given as a pointer and a length, checked as [`bytes_arg`]: NULL with 0 is
/// empty, NULL with a length is refused, and so is a length no array could have.
///
/// # Safety
/// `ptr` is NULL or valid for reads of `len` elements.
pub(crate) unsafe fn slice_arg<'a, T>(ptr: *const T, len: usize, name: &str, len_name: &str) -> Result<&'a [T]> {
    match (ptr.is_null(), len) {
        (true, 0) => Ok(&[]),
        (true, _) => Err(Error::invalid_argument(format!("{name} is NULL but {len_name} is {len}"))),
        (false, _) if len > isize::MAX as usize / std::mem::size_of::<T>().max(1) => {
            Err(Error::invalid_argument(format!("{len_name} is {len}, more than any array can hold")))
        }
        // SAFETY: the caller promised `len` readable elements.
        (false, _) => Ok(unsafe { std::slice::from_raw_parts(ptr, len) }),
    }
}

/// Checks a required out-pointer.
pub(crate) fn check_out<T>(out: *mut T, name: &str) -> Result<()> {
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
    boundary(|| {
        if !s.is_null() {
            // SAFETY: per the contract, created by CString::into_raw in this library.
            drop(unsafe { std::ffi::CString::from_raw(s) });
        }
    })
}

/// The library version, e.g. "0.2.0" (the same as `TEMPORAL_FFI_VERSION`). A binding compares
/// it with the version it was written for when it loads the library.
///
/// Returns a static string: never free it.
#[no_mangle]
pub extern "C" fn temporal_version() -> *const c_char {
    boundary(|| concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast::<c_char>())
}

#[cfg(test)]
mod tests {
    /// Every exported function's body is one call of the panic boundary: a function outside it
    /// would let a panic unwind into the host.
    #[test]
    fn every_export_is_inside_the_panic_boundary() {
        let sources = [
            ("mod.rs", include_str!("mod.rs")),
            ("activity.rs", include_str!("activity.rs")),
            ("call.rs", include_str!("call.rs")),
            ("client.rs", include_str!("client.rs")),
            ("completion_queue.rs", include_str!("completion_queue.rs")),
            ("error.rs", include_str!("error.rs")),
            ("metrics.rs", include_str!("metrics.rs")),
            ("operations.rs", include_str!("operations.rs")),
            ("payloads.rs", include_str!("payloads.rs")),
            ("raw_rpc.rs", include_str!("raw_rpc.rs")),
            ("runtime.rs", include_str!("runtime.rs")),
            ("schedule.rs", include_str!("schedule.rs")),
            ("update.rs", include_str!("update.rs")),
            ("workflow.rs", include_str!("workflow.rs")),
            ("workflow_surface.rs", include_str!("workflow_surface.rs")),
        ];
        let mut exports = 0;
        for (file, text) in sources {
            let mut rest = text;
            while let Some(at) = rest.find("extern \"C\" fn ") {
                let after = &rest[at..];
                let name: String = after["extern \"C\" fn ".len()..].chars().take_while(|c| *c == '_' || c.is_alphanumeric()).collect();
                let body_start = after.find('{').expect("function body");
                let body = after[body_start + 1..].trim_start();
                let inside = ["boundary(", "error_boundary(", "super::boundary("].iter().any(|b| body.starts_with(b));
                assert!(inside, "{file}: {name} does not start with the panic boundary");
                exports += 1;
                rest = &after[body_start..];
            }
        }
        let fs_count = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/src/ffi")).unwrap().count();
        assert_eq!(fs_count, sources.len(), "a file of src/ffi is missing from this test's list");
        assert!(exports > 40, "only {exports} exports found");
    }

    #[test]
    fn struct_sizes_are_read_like_copy_struct_from_user() {
        use super::*;
        #[repr(C)]
        struct Opts {
            size: usize,
            a: u64,
            flag: bool,
            b: u64,
        }
        unsafe impl ExtensibleStruct for Opts {
            const NAME: &'static str = "opts";
            const BOOL_FIELDS: &'static [(usize, &'static str)] = &[(std::mem::offset_of!(Opts, flag), "flag")];
        }
        let read = |bytes: &[u8]| unsafe { read_struct(bytes.as_ptr() as *const Opts) };
        let mut full = vec![0u8; 64];
        full[..8].copy_from_slice(&32usize.to_ne_bytes());
        full[8..16].copy_from_slice(&7u64.to_ne_bytes());
        full[16] = 1;
        full[24..32].copy_from_slice(&9u64.to_ne_bytes());
        let o = read(&full).unwrap().unwrap();
        assert_eq!((o.size, o.a, o.flag, o.b), (32, 7, true, 9));
        // An older, smaller struct: b takes its default.
        full[..8].copy_from_slice(&24usize.to_ne_bytes());
        let o = read(&full).unwrap().unwrap();
        assert_eq!((o.a, o.flag, o.b), (7, true, 0));
        // A newer, larger struct: accepted with a zero tail, refused otherwise.
        full[..8].copy_from_slice(&48usize.to_ne_bytes());
        assert_eq!(read(&full).unwrap().unwrap().b, 9);
        full[40] = 1;
        assert_eq!(read(&full).err().unwrap().code, ErrorCode::InvalidArgument);
        full[40] = 0;
        full[16] = 2;
        assert!(read(&full).err().unwrap().message.contains("flag"));
        full[..8].copy_from_slice(&0usize.to_ne_bytes());
        assert!(read(&full).err().unwrap().message.contains("_default"));
        full[..8].copy_from_slice(&20usize.to_ne_bytes());
        assert!(read(&full).is_err(), "a size that would cut a field in half");
        full[..8].copy_from_slice(&8192usize.to_ne_bytes());
        assert!(read(&full).is_err(), "an absurd size is not scanned");
        assert!(unsafe { read_struct::<Opts>(std::ptr::null()) }.unwrap().is_none());
    }
}
