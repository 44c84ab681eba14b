//! A `Failure` from the server (protobuf bytes, any content, cause chains as deep as prost
//! decodes: its recursion limit is 100) -> the JSON details and the Go-style error string.
//! Never panics, never overflows the stack; the JSON is valid and its cause chain matches.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prost::Message;
use temporal_ffi::failure::{failure_to_json, go_error_string};
use temporalio_common::protos::temporal::api::failure::v1::Failure;

fn depth(f: &Failure) -> usize {
    let mut n = 1;
    let mut c = f.cause.as_deref();
    while let Some(f) = c {
        n += 1;
        c = f.cause.as_deref();
    }
    n
}

fuzz_target!(|data: &[u8]| {
    let Ok(failure) = Failure::decode(data) else { return };
    let json = failure_to_json(&failure);
    let text = json.to_string();
    // serde_json's own parser stops at 128 levels; the host's may too. Count the cause levels.
    let mut levels = 0;
    let mut node = &json;
    while let Some(c) = node.get("cause") {
        levels += 1;
        node = c;
    }
    assert_eq!(levels + 1, depth(&failure));
    assert!(!text.is_empty());
    let s = go_error_string(&failure);
    // One ": " joins each cause; the chain ends with the root cause's own text.
    assert!(depth(&failure) == 1 || s.contains(": "));
});
