//! Result decoding: a payload as the server hands it back (any metadata, any data) -> JSON text
//! for the host. Never panics; `Ok` text is always one valid JSON value, and means what the
//! encoding says. Also decodes the same bytes as a protobuf `Payloads` (what the server sends),
//! through `payloads_to_json` and the failure-details decoder.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use std::collections::HashMap;
use temporal_ffi::errors::ErrorCode;
use temporal_ffi::failure::payloads_to_json_array;
use temporal_ffi::payloads::{payload_to_json, payloads_to_json, BINARY_NULL, BINARY_PLAIN, ENCODING_KEY, JSON_PLAIN, JSON_PROTOBUF};
use temporal_ffi_fuzz::{base64_decode, is_json};
use temporalio_common::protos::temporal::api::common::v1::{Payload, Payloads};

#[derive(Arbitrary, Debug)]
enum Encoding {
    JsonPlain,
    JsonProtobuf,
    BinaryNull,
    BinaryPlain,
    Missing,
    Other(Vec<u8>),
}

#[derive(Arbitrary, Debug)]
struct Input {
    encoding: Encoding,
    extra_metadata: HashMap<String, Vec<u8>>,
    data: Vec<u8>,
    /// Also decode these bytes as a protobuf `Payloads`.
    wire: Vec<u8>,
}

fn check(p: &Payload) {
    match payload_to_json(p) {
        Ok(text) => {
            assert!(is_json(&text), "not JSON: {text:?}");
            assert_eq!(text, text.trim(), "surrounding whitespace");
            let enc = p.metadata.get(ENCODING_KEY).map(|e| String::from_utf8_lossy(e).into_owned()).unwrap_or_default();
            match enc.as_str() {
                JSON_PLAIN | JSON_PROTOBUF => assert_eq!(text.as_bytes(), std::str::from_utf8(&p.data).unwrap().trim().as_bytes()),
                BINARY_NULL => assert_eq!(text, "null"),
                BINARY_PLAIN => {
                    let inner = text.strip_prefix('"').and_then(|t| t.strip_suffix('"')).expect("a JSON string");
                    assert_eq!(base64_decode(inner).expect("base64"), p.data);
                }
                other => panic!("Ok for encoding {other:?}"),
            }
        }
        Err(e) => assert_eq!(e.code, ErrorCode::Payload, "{e}"),
    }
}

fuzz_target!(|input: Input| {
    let mut metadata = input.extra_metadata;
    let enc: Option<Vec<u8>> = match input.encoding {
        Encoding::JsonPlain => Some(JSON_PLAIN.into()),
        Encoding::JsonProtobuf => Some(JSON_PROTOBUF.into()),
        Encoding::BinaryNull => Some(BINARY_NULL.into()),
        Encoding::BinaryPlain => Some(BINARY_PLAIN.into()),
        Encoding::Missing => None,
        Encoding::Other(b) => Some(b),
    };
    match enc {
        Some(e) => metadata.insert(ENCODING_KEY.to_owned(), e),
        None => metadata.remove(ENCODING_KEY),
    };
    let payload = Payload { metadata, data: input.data, ..Default::default() };
    check(&payload);
    let payloads = Payloads { payloads: vec![payload] };
    let _ = payloads_to_json(Some(&payloads));
    let arr = payloads_to_json_array(Some(&payloads));
    let _ = arr.to_string();

    if let Ok(wire) = <Payloads as prost::Message>::decode(input.wire.as_slice()) {
        for p in &wire.payloads {
            check(p);
        }
        if let Ok(text) = payloads_to_json(Some(&wire)) {
            assert!(is_json(&text));
        }
        let _ = payloads_to_json_array(Some(&wire)).to_string();
    }
});
