//! The SMS-code detector (`sms::detect`): the first line is the sender, the rest the body. Never
//! panics, and its answer is self-consistent.
#![no_main]

use callguard_core::sms::detect;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (sender, body) = text.split_once('\n').unwrap_or(("", text.as_ref()));
    let code = detect(sender, body);
    assert_eq!(code.is_code, code.code_length.is_some());
    if let Some(n) = code.code_length {
        assert!((4..=8).contains(&n), "code length {n}");
    }
    if !code.is_code {
        assert!(!code.mentions_carrier_business);
    }
    if let Some(name) = &code.sender_name {
        // A signature is a short company name in brackets, never prose.
        let n = name.chars().count();
        assert!((1..=20).contains(&n), "{name:?}");
    }
});
