//! Fuzzes decoding and normalisation: never panics, output is normalised (idempotent).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (text, _) = deboil::input::normalize::decode_and_normalize(data);
    assert_eq!(deboil::input::normalize::normalize(&text), text);
});
