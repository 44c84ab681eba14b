//! Memo and search attributes: a JSON object -> one payload per field. Never panics; on success
//! the fields are those of the object (the last of duplicate keys wins, as in serde_json) and
//! each payload means the field's value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::value::RawValue;
use std::collections::HashMap;
use temporal_ffi::payloads::object_to_payload_map;
use temporal_ffi_fuzz::check_element_payload;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match object_to_payload_map("memo", text) {
        Ok(map) => {
            let fields: Vec<(String, &RawValue)> = {
                let m: HashMap<String, &RawValue> = serde_json::from_str(text).expect("accepted text is an object");
                m.into_iter().collect()
            };
            assert_eq!(fields.len(), map.len());
            for (k, v) in fields {
                check_element_payload(v.get(), map.get(&k).expect("field kept"));
            }
        }
        Err(e) => {
            assert_eq!(e.code, temporal_ffi::errors::ErrorCode::InvalidArgument);
            assert!(e.message.starts_with("memo must be a JSON object"), "{}", e.message);
        }
    }
});
