//! Checks shared by the fuzz targets.

use serde_json::value::RawValue;
use serde_json::Value;
use temporal_ffi::payloads::{BINARY_NULL, ENCODING_KEY, JSON_PLAIN};
use temporalio_common::protos::temporal::api::common::v1::Payload;

/// The payload's `encoding` metadata as text ("" when absent or not UTF-8).
pub fn encoding(p: &Payload) -> &str {
    p.metadata.get(ENCODING_KEY).and_then(|e| std::str::from_utf8(e).ok()).unwrap_or("")
}

/// `text` is one JSON value as the library's own validator (serde_json's `RawValue`) sees it.
pub fn is_json(text: &str) -> bool {
    serde_json::from_str::<&RawValue>(text).is_ok()
}

/// What the library made of one JSON element: `binary/null` with no data for `null`, otherwise
/// `json/plain` with compact JSON meaning the same value, and the result decoder gives the same
/// text back.
pub fn check_element_payload(element: &str, p: &Payload) {
    let enc = encoding(p);
    let parsed = serde_json::from_str::<Value>(element);
    if enc == BINARY_NULL {
        assert!(p.data.is_empty(), "binary/null payload with data");
        assert_eq!(element.trim(), "null", "binary/null for a non-null element");
        assert_eq!(temporal_ffi::payloads::payload_to_json(p).unwrap(), "null");
        return;
    }
    assert_eq!(enc, JSON_PLAIN, "unexpected encoding {enc:?}");
    let data = std::str::from_utf8(&p.data).expect("json/plain payload data is UTF-8");
    assert!(is_json(data), "payload data is not JSON: {data:?} (from {element:?})");
    // Go's json.Marshal output: no insignificant whitespace, HTML-safe string escaping.
    for bad in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
        assert!(!data.contains(bad), "unescaped {bad:?} in {data:?}");
    }
    // The same value: where serde_json can build the value at all (numbers beyond f64 and
    // nesting past its depth limit cannot be), both sides agree.
    match (parsed, serde_json::from_str::<Value>(data)) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "value changed: {element:?} -> {data:?}"),
        (Err(_), Err(_)) => {}
        (a, b) => panic!("only one side parses: {element:?} ({:?}) -> {data:?} ({:?})", a.err(), b.err()),
    }
    // Decoding the payload as a result gives the same text back.
    let back = temporal_ffi::payloads::payload_to_json(p).expect("own payload decodes");
    assert_eq!(back, data);
}

/// RFC 4648 base64 decoding, for checking `binary/plain` results.
pub fn base64_decode(s: &str) -> Option<Vec<u8>> {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    if s.len() % 4 != 0 {
        return None;
    }
    let mut out = Vec::new();
    for chunk in s.as_bytes().chunks(4) {
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        let mut n: u32 = 0;
        for &c in &chunk[..4 - pad] {
            n = (n << 6) | A.iter().position(|&a| a == c)? as u32;
        }
        n <<= 6 * pad as u32;
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    Some(out)
}

/// A C string from fuzz bytes: cut at the first NUL, as C would see it. Invalid UTF-8 is kept.
pub fn c_string(bytes: &[u8]) -> std::ffi::CString {
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    std::ffi::CString::new(&bytes[..end]).expect("no NUL before end")
}
