//! Payloads at the C ABI: `temporal_payloads`, an ordered list of payloads (metadata and data
//! bytes) that a host builds and reads, for arguments and results without a JSON round trip;
//! and `temporal_payload_codec`, the host's encode and decode callbacks over such lists (the Go
//! SDK's `converter.PayloadCodec`), which every call of a client applies (`crate::codec`).

use super::{
    boundary, bytes_arg, check_out, error_boundary, handle_ref, into_handle, read_struct, required_str, take_handle, temporal_error,
    to_c_string, write_default, ExtensibleStruct, Handle,
};
use crate::codec::{Codec, PayloadCodec};
use crate::errors::{Error, ErrorCode, Result};
use prost::Message as _;
use std::ffi::{c_char, c_void, CString};
use std::sync::Arc;
use temporalio_common::protos::temporal::api::common::v1::{Payload, Payloads};

/// An ordered list of payloads; each payload has metadata (name → bytes, such as `encoding` →
/// `json/plain`) and data bytes. Opaque. Made by `temporal_payloads_new` (the caller frees it
/// with `temporal_payloads_free`), taken from a call (`temporal_call_take_payloads`), or lent to
/// a codec callback for the length of the call. Not thread-safe: one thread at a time.
pub struct temporal_payloads {
    _private: [u8; 0],
}

/// One payload, with its metadata keys as C strings, sorted, so they can be lent.
struct Item {
    payload: Payload,
    keys: Vec<CString>,
}

impl Item {
    fn new(payload: Payload) -> Self {
        let mut item = Item { payload, keys: Vec::new() };
        item.index_keys();
        item
    }

    fn index_keys(&mut self) {
        let mut keys: Vec<&String> = self.payload.metadata.keys().collect();
        keys.sort();
        self.keys = keys.into_iter().map(|k| to_c_string(k.as_str())).collect();
    }
}

/// What a `temporal_payloads` handle owns.
#[derive(Default)]
pub(crate) struct PayloadList {
    items: Vec<Item>,
    /// A codec callback's reason for failing (`temporal_payloads_set_error`).
    error: Option<String>,
}

impl PayloadList {
    fn from_payloads(payloads: Vec<Payload>) -> Self {
        PayloadList { items: payloads.into_iter().map(Item::new).collect(), error: None }
    }

    fn into_payloads(self) -> Vec<Payload> {
        self.items.into_iter().map(|i| i.payload).collect()
    }

    fn item(&self, index: usize) -> Result<&Item> {
        self.items.get(index).ok_or_else(|| self.out_of_range(index))
    }

    fn item_mut(&mut self, index: usize) -> Result<&mut Item> {
        let len = self.items.len();
        self.items.get_mut(index).ok_or_else(|| out_of_range(index, len))
    }

    fn out_of_range(&self, index: usize) -> Error {
        out_of_range(index, self.items.len())
    }
}

fn out_of_range(index: usize, len: usize) -> Error {
    Error::invalid_argument(format!("payload index {index} is out of range: the list holds {len}"))
}

impl Handle for temporal_payloads {
    type Target = PayloadList;
    const TAG: u64 = 0x7465_6d70_7061_796c; // "temppayl"
    const NAME: &'static str = "payloads";
}

impl temporal_payloads {
    pub(crate) fn into_raw(payloads: Payloads) -> *mut temporal_payloads {
        into_handle::<temporal_payloads>(PayloadList::from_payloads(payloads.payloads))
    }
}

/// A payload list argument, copied (NULL: none).
///
/// # Safety
/// `payloads` is NULL or a live payload list.
pub(crate) unsafe fn payloads_arg(payloads: *const temporal_payloads, name: &str) -> Result<Option<Payloads>> {
    if payloads.is_null() {
        return Ok(None);
    }
    let list = unsafe { handle_ref(payloads) }.map_err(|e| Error::invalid_argument(format!("{name}: {}", e.message)))?;
    Ok(Some(Payloads { payloads: list.items.iter().map(|i| i.payload.clone()).collect() }))
}

/// # Safety
/// `payloads` is NULL or a live payload list that no other thread uses now.
unsafe fn list_mut<'a>(payloads: *mut temporal_payloads) -> Result<&'a mut PayloadList> {
    unsafe { handle_ref(payloads) }?;
    // SAFETY: checked live and of this kind above; the host uses a list from one thread at a
    // time, so this is the only reference for the length of the call.
    Ok(unsafe { &mut (*(payloads as *mut super::Tagged<PayloadList>)).value })
}

/// Makes an empty payload list. On success writes it to `*payloads_out` (the caller owns it:
/// `temporal_payloads_free`) and returns NULL.
///
/// # Safety
/// `payloads_out` is NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn temporal_payloads_new(payloads_out: *mut *mut temporal_payloads) -> *mut temporal_error {
    error_boundary(|| {
        check_out(payloads_out, "payloads_out")?;
        // SAFETY: checked non-NULL above.
        unsafe { payloads_out.write(into_handle::<temporal_payloads>(PayloadList::default())) };
        Ok(())
    })
}

/// Frees a payload list. NULL is a no-op. Never free a list lent to a codec callback.
///
/// # Safety
/// `payloads` is NULL or a payload list the caller owns.
#[no_mangle]
pub unsafe extern "C" fn temporal_payloads_free(payloads: *mut temporal_payloads) {
    boundary(|| drop(unsafe { take_handle(payloads) }))
}

/// The number of payloads in the list (0 for NULL or a bad handle).
///
/// # Safety
/// `payloads` is NULL or a live payload list.
#[no_mangle]
pub unsafe extern "C" fn temporal_payloads_len(payloads: *const temporal_payloads) -> usize {
    boundary(|| unsafe { handle_ref(payloads) }.map_or(0, |l| l.items.len()))
}

/// Appends one payload holding a copy of `data` (NULL is allowed when `data_len` is 0) and no
/// metadata; set its `encoding` with `temporal_payloads_set_metadata`.
///
/// # Safety
/// `payloads` is NULL or a live payload list; `data` is NULL or valid for `data_len` bytes.
#[no_mangle]
pub unsafe extern "C" fn temporal_payloads_push(
    payloads: *mut temporal_payloads,
    data: *const u8,
    data_len: usize,
) -> *mut temporal_error {
    error_boundary(|| {
        let list = unsafe { list_mut(payloads) }?;
        let data = unsafe { bytes_arg(data, data_len, "data", "its length") }?.to_vec();
        list.items.push(Item::new(Payload { data, ..Default::default() }));
        Ok(())
    })
}

/// Appends one JSON value as the Go SDK's default converter writes it: `json/plain` holding the
/// value's compact JSON (`null`: `binary/null`), as the `args_json` arguments are sent.
/// `json_value`: NUL-terminated JSON text of one value; anything else is `INVALID_ARGUMENT`.
///
/// # Safety
/// `payloads` is NULL or a live payload list; `json_value` is NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_payloads_push_json(
    payloads: *mut temporal_payloads,
    json_value: *const c_char,
) -> *mut temporal_error {
    error_boundary(|| {
        let list = unsafe { list_mut(payloads) }?;
        let json = unsafe { required_str(json_value, "json_value") }?;
        let converted = crate::payloads::value_to_payloads("json_value", json)?;
        list.items.extend(converted.payloads.into_iter().map(Item::new));
        Ok(())
    })
}

/// Appends the payload whose protobuf encoding (`temporal.api.common.v1.Payload`) is `bytes`,
/// as a codec that wraps whole payloads (encryption, compression) reads them back. Bytes that
/// are not one are a `PAYLOAD` error and nothing is appended.
///
/// # Safety
/// `payloads` is NULL or a live payload list; `bytes` is NULL or valid for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn temporal_payloads_push_proto(
    payloads: *mut temporal_payloads,
    bytes: *const u8,
    len: usize,
) -> *mut temporal_error {
    error_boundary(|| {
        let list = unsafe { list_mut(payloads) }?;
        let bytes = unsafe { bytes_arg(bytes, len, "bytes", "its length") }?;
        let payload = Payload::decode(bytes).map_err(|e| {
            Error::new(ErrorCode::Payload, format!("bytes are not a temporal.api.common.v1.Payload protobuf: {e}"))
        })?;
        list.items.push(Item::new(payload));
        Ok(())
    })
}

/// Sets (or replaces) one metadata entry of payload `index`: a copy of `key` (NUL-terminated
/// UTF-8, not empty) and of `value` (NULL is allowed when `value_len` is 0).
///
/// # Safety
/// `payloads` is NULL or a live payload list; `key` is NULL or NUL-terminated; `value` is NULL
/// or valid for `value_len` bytes.
#[no_mangle]
pub unsafe extern "C" fn temporal_payloads_set_metadata(
    payloads: *mut temporal_payloads,
    index: usize,
    key: *const c_char,
    value: *const u8,
    value_len: usize,
) -> *mut temporal_error {
    error_boundary(|| {
        let list = unsafe { list_mut(payloads) }?;
        let key = unsafe { required_str(key, "key") }?;
        if key.is_empty() {
            return Err(Error::invalid_argument("key must not be empty"));
        }
        let value = unsafe { bytes_arg(value, value_len, "value", "its length") }?.to_vec();
        let item = list.item_mut(index)?;
        item.payload.metadata.insert(key.to_owned(), value);
        item.index_keys();
        Ok(())
    })
}

/// Lends the data of payload `index`: `*data_out` (NULL when empty) and `*data_len_out`, valid
/// until the list changes or is freed.
///
/// # Safety
/// `payloads` is NULL or a live payload list; the out-pointers are NULL or valid for writes.
#[no_mangle]
pub unsafe extern "C" fn temporal_payloads_get_data(
    payloads: *const temporal_payloads,
    index: usize,
    data_out: *mut *const u8,
    data_len_out: *mut usize,
) -> *mut temporal_error {
    error_boundary(|| {
        let list = unsafe { handle_ref(payloads) }?;
        check_out(data_out, "data_out")?;
        check_out(data_len_out, "data_len_out")?;
        let data = &list.item(index)?.payload.data;
        // SAFETY: both checked non-NULL above.
        unsafe {
            data_out.write(if data.is_empty() { std::ptr::null() } else { data.as_ptr() });
            data_len_out.write(data.len());
        }
        Ok(())
    })
}

/// The number of metadata entries of payload `index` (0 for a bad handle or index). Entries
/// are numbered in key order.
///
/// # Safety
/// `payloads` is NULL or a live payload list.
#[no_mangle]
pub unsafe extern "C" fn temporal_payloads_metadata_len(payloads: *const temporal_payloads, index: usize) -> usize {
    boundary(|| unsafe { handle_ref(payloads) }.ok().and_then(|l| l.items.get(index)).map_or(0, |i| i.keys.len()))
}

/// Lends metadata entry `entry` (in key order) of payload `index`: its NUL-terminated key and
/// its value bytes, valid until the list changes or is freed.
///
/// # Safety
/// `payloads` is NULL or a live payload list; the out-pointers are NULL or valid for writes.
#[no_mangle]
pub unsafe extern "C" fn temporal_payloads_get_metadata_at(
    payloads: *const temporal_payloads,
    index: usize,
    entry: usize,
    key_out: *mut *const c_char,
    value_out: *mut *const u8,
    value_len_out: *mut usize,
) -> *mut temporal_error {
    error_boundary(|| {
        let list = unsafe { handle_ref(payloads) }?;
        check_out(key_out, "key_out")?;
        check_out(value_out, "value_out")?;
        check_out(value_len_out, "value_len_out")?;
        let item = list.item(index)?;
        let key = item.keys.get(entry).ok_or_else(|| {
            Error::invalid_argument(format!("metadata entry {entry} is out of range: payload {index} has {}", item.keys.len()))
        })?;
        let value = item.payload.metadata.get(key.to_str().unwrap_or_default()).map(Vec::as_slice).unwrap_or_default();
        // SAFETY: all checked non-NULL above.
        unsafe {
            key_out.write(key.as_ptr());
            lend_bytes(value, value_out, value_len_out);
        }
        Ok(())
    })
}

/// Lends the value of metadata `key` of payload `index`, valid until the list changes or is
/// freed; `NOT_FOUND` when the payload has no such key.
///
/// # Safety
/// `payloads` is NULL or a live payload list; `key` is NULL or NUL-terminated; the out-pointers
/// are NULL or valid for writes.
#[no_mangle]
pub unsafe extern "C" fn temporal_payloads_get_metadata(
    payloads: *const temporal_payloads,
    index: usize,
    key: *const c_char,
    value_out: *mut *const u8,
    value_len_out: *mut usize,
) -> *mut temporal_error {
    error_boundary(|| {
        let list = unsafe { handle_ref(payloads) }?;
        let key = unsafe { required_str(key, "key") }?;
        check_out(value_out, "value_out")?;
        check_out(value_len_out, "value_len_out")?;
        let value = list.item(index)?.payload.metadata.get(key).ok_or_else(|| {
            Error::new(ErrorCode::NotFound, format!("payload {index} has no metadata \"{key}\""))
        })?;
        // SAFETY: both checked non-NULL above.
        unsafe { lend_bytes(value, value_out, value_len_out) };
        Ok(())
    })
}

/// # Safety
/// Both pointers are valid for writes.
unsafe fn lend_bytes(value: &[u8], value_out: *mut *const u8, value_len_out: *mut usize) {
    unsafe {
        value_out.write(if value.is_empty() { std::ptr::null() } else { value.as_ptr() });
        value_len_out.write(value.len());
    }
}

/// Payload `index` read as the Go SDK's default converter reads it (`json/plain`,
/// `json/protobuf`, `binary/null`, `binary/plain` as a base64 JSON string), as JSON text;
/// another encoding is a `PAYLOAD` error naming it. On success writes `*json_out` (the caller
/// frees it: `temporal_string_free`).
///
/// # Safety
/// `payloads` is NULL or a live payload list; `json_out` is NULL or valid for a write.
#[no_mangle]
pub unsafe extern "C" fn temporal_payloads_get_json(
    payloads: *const temporal_payloads,
    index: usize,
    json_out: *mut *mut c_char,
) -> *mut temporal_error {
    error_boundary(|| {
        let list = unsafe { handle_ref(payloads) }?;
        check_out(json_out, "json_out")?;
        let json = crate::payloads::payload_to_json(&list.item(index)?.payload)?;
        // SAFETY: checked non-NULL above.
        unsafe { json_out.write(to_c_string(json).into_raw()) };
        Ok(())
    })
}

/// The protobuf encoding (`temporal.api.common.v1.Payload`) of payload `index`, metadata
/// included: what a codec that wraps whole payloads encrypts or compresses. On success writes
/// `*bytes_out` and `*len_out` (the caller frees them: `temporal_bytes_free(bytes, len)`).
///
/// # Safety
/// `payloads` is NULL or a live payload list; the out-pointers are NULL or valid for writes.
#[no_mangle]
pub unsafe extern "C" fn temporal_payloads_get_proto(
    payloads: *const temporal_payloads,
    index: usize,
    bytes_out: *mut *mut u8,
    len_out: *mut usize,
) -> *mut temporal_error {
    error_boundary(|| {
        let list = unsafe { handle_ref(payloads) }?;
        check_out(bytes_out, "bytes_out")?;
        check_out(len_out, "len_out")?;
        let bytes = list.item(index)?.payload.encode_to_vec().into_boxed_slice();
        let len = bytes.len();
        // SAFETY: both checked non-NULL above; freed by temporal_bytes_free with this length.
        unsafe {
            bytes_out.write(Box::into_raw(bytes) as *mut u8);
            len_out.write(len);
        }
        Ok(())
    })
}

/// Frees bytes the library returned (`temporal_payloads_get_proto`), with the length it gave.
/// NULL is a no-op.
///
/// # Safety
/// `bytes` is NULL or bytes this library returned with exactly `len`, not freed yet.
#[no_mangle]
pub unsafe extern "C" fn temporal_bytes_free(bytes: *mut u8, len: usize) {
    boundary(|| {
        if !bytes.is_null() {
            // SAFETY: a boxed slice of `len` bytes from temporal_payloads_get_proto.
            drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(bytes, len)) });
        }
    })
}

/// In a codec callback, on its `output` list: why this encode or decode failed (copied). The
/// caller of the operation gets a `PAYLOAD` error "payload codec encode failed: <message>".
///
/// # Safety
/// `output` is NULL or a live payload list; `message` is NULL or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn temporal_payloads_set_error(
    output: *mut temporal_payloads,
    message: *const c_char,
) -> *mut temporal_error {
    error_boundary(|| {
        let list = unsafe { list_mut(output) }?;
        list.error = Some(unsafe { required_str(message, "message") }?.to_owned());
        Ok(())
    })
}

/// A codec callback: reads `input` (lent for the call, never freed by the callback) and appends
/// to `output` (empty, lent too) exactly one payload for each payload of `input`, in order.
/// Returns 0 on success; anything else is a failure, whose reason it may give with
/// `temporal_payloads_set_error(output, ...)` (the operation fails with `PAYLOAD`).
pub type temporal_payload_codec_fn =
    Option<unsafe extern "C" fn(user_data: *mut c_void, input: *const temporal_payloads, output: *mut temporal_payloads) -> i32>;

/// The host's payload codec: the Go SDK's `converter.PayloadCodec`, applied as its
/// `CodecDataConverter` applies one. Give it in `temporal_client_options.payload_codec`; the
/// library copies the table at connect, and every client made from that client
/// (`temporal_client_new_from_existing`) shares it.
///
/// `encode` runs on every payload a call sends (workflow, signal, query and update arguments,
/// memo, activity results, heartbeat, failure and terminate details); `decode` on every payload
/// a call reads back (results, query and update results, failure details, memo in describe and
/// list). Search attributes (the server indexes them) and the Temporal header (the SDKs'
/// interceptors read it with the default converter) are never passed to it. History
/// (`temporal_get_workflow_history_async`) is returned as stored, encoded, as the Go SDK's.
///
/// Both callbacks run on library threads, possibly several at once: thread-safe, no unwinding
/// (no C++ exception may leave them), and no blocking call of the library (refused there).
///
/// Extensible: initialise with `temporal_payload_codec_default`.
#[repr(C)]
pub struct temporal_payload_codec {
    /// `sizeof(temporal_payload_codec)`, set by `temporal_payload_codec_default`.
    pub size: usize,
    /// Encodes outgoing payloads (required).
    pub encode: temporal_payload_codec_fn,
    /// Decodes incoming payloads (required). It must pass through a payload it does not
    /// recognise (one sent without the codec), as the Go samples' codecs do.
    pub decode: temporal_payload_codec_fn,
    /// Passed to every callback.
    pub user_data: *mut c_void,
    /// Called once with `user_data` when the library no longer uses the codec: once the last
    /// client, run and update handle that uses it is freed and the last call that uses it has
    /// completed (a failed connect included).
    /// Not called when the table is refused at connect. NULL: nothing to release.
    pub release: Option<unsafe extern "C" fn(user_data: *mut c_void)>,
}

// SAFETY: repr(C), starts with size, every field is valid as zero (NULL pointers, None).
unsafe impl ExtensibleStruct for temporal_payload_codec {
    const NAME: &'static str = "temporal_payload_codec";
}

/// Fills `codec` with the defaults (every field zero) and sets its `size`. Returns false and
/// writes nothing for NULL or a size that cannot be the struct's.
///
/// # Safety
/// `codec` is NULL or valid for writes of `size` bytes.
#[no_mangle]
pub unsafe extern "C" fn temporal_payload_codec_default(codec: *mut temporal_payload_codec, size: usize) -> bool {
    boundary(|| unsafe { write_default(codec, size) })
}

/// Reads a codec table (NULL: none) into the codec a client applies.
///
/// # Safety
/// `codec` is NULL or valid; its callbacks behave as `temporal_payload_codec` says.
pub(crate) unsafe fn codec_from_c(codec: *const temporal_payload_codec) -> Result<Option<Codec>> {
    let Some(table) = (unsafe { read_struct(codec) })? else {
        return Ok(None);
    };
    for (name, absent) in [("encode", table.encode.is_none()), ("decode", table.decode.is_none())] {
        if absent {
            return Err(Error::invalid_argument(format!("temporal_payload_codec.{name} is required")));
        }
    }
    Ok(Some(Codec::new(Arc::new(HostCodec(table)))))
}

/// The host's codec table; `release` runs when the last user drops it.
struct HostCodec(temporal_payload_codec);
// SAFETY: the host promises thread-safe callbacks and a user_data usable from any thread.
unsafe impl Send for HostCodec {}
unsafe impl Sync for HostCodec {}

impl Drop for HostCodec {
    fn drop(&mut self) {
        if let Some(release) = self.0.release {
            // SAFETY: once, after the library's last use of the codec.
            unsafe { release(self.0.user_data) };
        }
    }
}

impl HostCodec {
    /// Lends the payloads and an empty output list to one callback and reads back its answer.
    fn run(&self, callback: temporal_payload_codec_fn, verb: &str, payloads: Vec<Payload>) -> std::result::Result<Vec<Payload>, String> {
        let Some(callback) = callback else { return Err(format!("no {verb} callback")) };
        let input = into_handle::<temporal_payloads>(PayloadList::from_payloads(payloads));
        let output = into_handle::<temporal_payloads>(PayloadList::default());
        // SAFETY: the host's callback, with lists that stay alive until it returns.
        let status = unsafe { callback(self.0.user_data, input, output) };
        // SAFETY: both made above and lent only for the call.
        let (_, output) = unsafe { (take_handle(input), take_handle(output)) };
        let output = output.unwrap_or_default();
        match (status, output.error) {
            (0, None) => Ok(PayloadList { items: output.items, error: None }.into_payloads()),
            (0, Some(reason)) => Err(reason),
            (status, Some(reason)) => Err(format!("{reason} (status {status})")),
            (status, None) => Err(format!("the {verb} callback returned {status}")),
        }
    }
}

impl PayloadCodec for HostCodec {
    fn encode(&self, payloads: Vec<Payload>) -> std::result::Result<Vec<Payload>, String> {
        self.run(self.0.encode, "encode", payloads)
    }

    fn decode(&self, payloads: Vec<Payload>) -> std::result::Result<Vec<Payload>, String> {
        self.run(self.0.decode, "decode", payloads)
    }
}
