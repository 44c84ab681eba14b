//! The host's JSON argument array -> payloads (`temporal_execute_workflow`'s `args_json`).
//! Never panics; on success every element is one payload whose data is JSON meaning the same
//! value (or `binary/null` with no data), written as Go's json.Marshal would.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::value::RawValue;
use temporal_ffi::payloads::args_to_payloads;
use temporal_ffi_fuzz::check_element_payload;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match args_to_payloads(Some(text)) {
        Ok(None) => {
            let elements: Vec<&RawValue> = serde_json::from_str(text).expect("None only for []");
            assert!(elements.is_empty());
        }
        Ok(Some(payloads)) => {
            let elements: Vec<&RawValue> = serde_json::from_str(text).expect("accepted text is an array");
            assert_eq!(elements.len(), payloads.payloads.len());
            for (e, p) in elements.iter().zip(&payloads.payloads) {
                check_element_payload(e.get(), p);
            }
        }
        Err(e) => {
            assert_eq!(e.code, temporal_ffi::errors::ErrorCode::InvalidArgument);
            assert!(serde_json::from_str::<Vec<&RawValue>>(text).is_err(), "valid array refused: {e}");
        }
    }
});
