//! JSON arguments to Temporal payloads and payloads back to JSON, as the Go SDK's default data
//! converter writes and reads them (converter/default_data_converter.go).
//!
//! * Each element of the host's JSON array becomes one payload. JSON `null` becomes
//!   `binary/null` with empty data (the Go SDK's nil converter); anything else becomes
//!   `json/plain` holding the element's compact JSON, written the way Go's `json.Marshal` writes
//!   it: no insignificant whitespace and `<`, `>`, `&`, U+2028, U+2029 escaped inside strings.
//!   Object key order and number text are kept exactly as given, so no precision is lost.
//! * Results decode from `json/plain` (returned as is), `json/protobuf` (protojson, which is JSON
//!   text too), `binary/null` (`null`) and `binary/plain` (a JSON string holding the base64 of
//!   the bytes, which is what Go's `json.Marshal` makes of a `[]byte`). Any other encoding is a
//!   `PAYLOAD` error that names it.

use crate::errors::{Error, ErrorCode, Result};
use serde_json::value::RawValue;
use std::collections::HashMap;
use temporalio_common::protos::temporal::api::common::v1::{Payload, Payloads};

pub const ENCODING_KEY: &str = "encoding";
pub const JSON_PLAIN: &str = "json/plain";
pub const JSON_PROTOBUF: &str = "json/protobuf";
pub const BINARY_NULL: &str = "binary/null";
pub const BINARY_PLAIN: &str = "binary/plain";

/// Converts the host's argument list (a JSON array, or `None` for no arguments) to payloads.
/// Returns `None` for no arguments, as the Go SDK leaves the input field unset then.
pub fn args_to_payloads(args_json: Option<&str>) -> Result<Option<Payloads>> {
    let Some(text) = args_json else { return Ok(None) };
    let elements: Vec<&RawValue> = serde_json::from_str(text).map_err(|e| {
        Error::invalid_argument(format!("arguments must be a JSON array: {e}"))
    })?;
    if elements.is_empty() {
        return Ok(None);
    }
    let payloads = elements.iter().map(|raw| json_to_payload(raw.get())).collect();
    Ok(Some(Payloads { payloads }))
}

/// Converts one value (JSON text, e.g. an activity's result) to one payload, as the Go SDK
/// encodes a single `any` (`encodeArg`). `what` names the value in the error for bad JSON.
pub fn value_to_payloads(what: &str, value_json: &str) -> Result<Payloads> {
    let value: &RawValue = serde_json::from_str(value_json)
        .map_err(|e| Error::invalid_argument(format!("{what} must be one JSON value: {e}")))?;
    Ok(Payloads { payloads: vec![json_to_payload(value.get())] })
}

/// Converts one valid JSON value to a payload.
pub fn json_to_payload(json_text: &str) -> Payload {
    let compact = go_compact_json(json_text);
    if compact == "null" {
        return payload_with_encoding(BINARY_NULL, Vec::new());
    }
    payload_with_encoding(JSON_PLAIN, compact.into_bytes())
}

/// Converts a JSON object of named values (memo, search attributes) to payloads by name.
pub fn object_to_payload_map(what: &str, object_json: &str) -> Result<HashMap<String, Payload>> {
    let fields: HashMap<String, &RawValue> = serde_json::from_str(object_json)
        .map_err(|e| Error::invalid_argument(format!("{what} must be a JSON object: {e}")))?;
    Ok(fields.into_iter().map(|(k, v)| (k, json_to_payload(v.get()))).collect())
}

fn payload_with_encoding(encoding: &str, data: Vec<u8>) -> Payload {
    Payload {
        metadata: HashMap::from([(ENCODING_KEY.to_owned(), encoding.as_bytes().to_vec())]),
        data,
        ..Default::default()
    }
}

/// How a call hands back its result: as JSON text (the default converter's reading of the
/// first payload), or as the payloads themselves (the host converts them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ResultForm {
    #[default]
    Json,
    Payloads,
}

/// A call's result in the form the caller asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum ResultValue {
    Json(String),
    Payloads(Payloads),
}

impl ResultForm {
    /// A result in this form. No payloads (a workflow that returned nothing) is `null`, or an
    /// empty list.
    pub fn convert(self, payloads: Option<Payloads>) -> Result<ResultValue> {
        match self {
            ResultForm::Json => payloads_to_json(payloads.as_ref()).map(ResultValue::Json),
            ResultForm::Payloads => Ok(ResultValue::Payloads(payloads.unwrap_or_default())),
        }
    }
}

/// Decodes a workflow result: the first payload (the Go SDK decodes only payload[0]) or JSON
/// `null` when the workflow returned nothing.
pub fn payloads_to_json(payloads: Option<&Payloads>) -> Result<String> {
    match payloads.and_then(|p| p.payloads.first()) {
        None => Ok("null".to_owned()),
        Some(payload) => payload_to_json(payload),
    }
}

/// Decodes one payload to JSON text.
pub fn payload_to_json(payload: &Payload) -> Result<String> {
    let encoding = payload
        .metadata
        .get(ENCODING_KEY)
        .map(|e| String::from_utf8_lossy(e).into_owned())
        .unwrap_or_default();
    match encoding.as_str() {
        JSON_PLAIN | JSON_PROTOBUF => {
            let text = std::str::from_utf8(&payload.data).map_err(|_| {
                Error::new(ErrorCode::Payload, format!("{encoding} payload is not valid UTF-8"))
            })?;
            // Validate, so the host is never handed text that claims to be JSON but is not.
            serde_json::from_str::<&RawValue>(text).map_err(|e| {
                Error::new(ErrorCode::Payload, format!("{encoding} payload is not valid JSON: {e}"))
            })?;
            Ok(text.trim().to_owned())
        }
        BINARY_NULL => Ok("null".to_owned()),
        BINARY_PLAIN => Ok(format!("\"{}\"", base64_encode(&payload.data))),
        "" => Err(Error::new(ErrorCode::Payload, "payload has no encoding metadata")),
        other => Err(Error::new(
            ErrorCode::Payload,
            format!("payload encoding \"{other}\" is not supported (supported: json/plain, json/protobuf, binary/null, binary/plain)"),
        )
        .with_details(serde_json::json!({ "encoding": other }))),
    }
}

/// Rewrites valid JSON text the way Go's `json.Marshal` would print the same value: drops
/// whitespace between tokens and applies Go's HTML-safe escaping inside strings. Token text
/// (numbers, escapes already present) is kept byte for byte.
fn go_compact_json(valid_json: &str) -> String {
    let mut out = String::with_capacity(valid_json.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in valid_json.chars() {
        if in_string {
            if escaped {
                escaped = false;
                out.push(c);
                continue;
            }
            match c {
                '\\' => {
                    escaped = true;
                    out.push(c);
                }
                '"' => {
                    in_string = false;
                    out.push(c);
                }
                '<' => out.push_str("\\u003c"),
                '>' => out.push_str("\\u003e"),
                '&' => out.push_str("\\u0026"),
                '\u{2028}' => out.push_str("\\u2028"),
                '\u{2029}' => out.push_str("\\u2029"),
                _ => out.push(c),
            }
        } else {
            match c {
                ' ' | '\t' | '\n' | '\r' => {}
                '"' => {
                    in_string = true;
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
    }
    out
}

fn base64_encode(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoding(p: &Payload) -> &str {
        std::str::from_utf8(&p.metadata[ENCODING_KEY]).unwrap()
    }

    #[test]
    fn arguments_become_one_payload_each_like_go() {
        let p = args_to_payloads(Some(r#"[ "World", 42, {"b": 1, "a": [true, null]}, null ]"#))
            .unwrap()
            .unwrap();
        assert_eq!(p.payloads.len(), 4);
        assert_eq!(encoding(&p.payloads[0]), "json/plain");
        assert_eq!(p.payloads[0].data, br#""World""#);
        assert_eq!(p.payloads[1].data, b"42");
        assert_eq!(p.payloads[2].data, br#"{"b":1,"a":[true,null]}"#);
        assert_eq!(encoding(&p.payloads[3]), "binary/null");
        assert!(p.payloads[3].data.is_empty());
    }

    #[test]
    fn one_value_is_one_payload_and_bad_json_is_refused() {
        let p = value_to_payloads("result_json", r#" {"a": "<x>"} "#).unwrap();
        assert_eq!(p.payloads.len(), 1);
        assert_eq!(p.payloads[0].data, br#"{"a":"\u003cx\u003e"}"#);
        assert_eq!(encoding(&value_to_payloads("result_json", "null").unwrap().payloads[0]), BINARY_NULL);
        for bad in ["", "nul", "1 2", "{"] {
            let e = value_to_payloads("result_json", bad).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidArgument, "{bad}");
            assert!(e.message.starts_with("result_json must be one JSON value"), "{}", e.message);
        }
    }

    #[test]
    fn no_arguments_means_no_input() {
        assert!(args_to_payloads(None).unwrap().is_none());
        assert!(args_to_payloads(Some("[]")).unwrap().is_none());
    }

    #[test]
    fn bad_argument_json_is_invalid_argument() {
        for bad in ["", "{}", "\"x\"", "[1,", "[1] x", "nul"] {
            let e = args_to_payloads(Some(bad)).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidArgument, "{bad}");
            assert!(e.message.contains("JSON array"), "{}", e.message);
        }
    }

    #[test]
    fn strings_are_escaped_like_go_and_numbers_kept_exact() {
        let p = json_to_payload(r#" "a <b> & \"c\" \u00e9 x\u2028" "#);
        assert_eq!(p.data, br#""a \u003cb\u003e \u0026 \"c\" \u00e9 x\u2028""#);
        let p = json_to_payload("123456789012345678901234567890.5e3");
        assert_eq!(p.data, b"123456789012345678901234567890.5e3");
    }

    #[test]
    fn results_decode_per_encoding() {
        assert_eq!(payloads_to_json(None).unwrap(), "null");
        assert_eq!(payload_to_json(&json_to_payload("null")).unwrap(), "null");
        assert_eq!(payload_to_json(&json_to_payload(r#"{"x":1}"#)).unwrap(), r#"{"x":1}"#);
        let bytes = payload_with_encoding(BINARY_PLAIN, b"raw bytes".to_vec());
        assert_eq!(payload_to_json(&bytes).unwrap(), "\"cmF3IGJ5dGVz\"");
        let other = payload_with_encoding("binary/custom", b"xyz".to_vec());
        let e = payload_to_json(&other).unwrap_err();
        assert_eq!(e.code, ErrorCode::Payload);
        assert!(e.message.contains("binary/custom"));
        let broken = payload_with_encoding(JSON_PLAIN, b"{".to_vec());
        assert_eq!(payload_to_json(&broken).unwrap_err().code, ErrorCode::Payload);
    }

    #[test]
    fn base64_matches_rfc4648() {
        for (i, o) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg==")] {
            assert_eq!(base64_encode(i.as_bytes()), o);
        }
    }
}
