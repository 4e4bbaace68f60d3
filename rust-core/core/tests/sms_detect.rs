//! Proves the SMS code detector's invariants on arbitrary input: it never panics (huge, control,
//! emoji and multi-byte text included), a code length is always 4–8 and present exactly when a
//! code is, and "验证码" + a 6-digit code placed in any ASCII text is found.

// Named `sms` so that `cargo test -p callguard-core sms` selects these with the unit tests.
mod sms {
    use callguard_core::sms::detect;
    use proptest::prelude::*;

    /// Any string, from tiny to about 1 MB, with CJK, emoji and control characters likely.
    fn any_body() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            any::<String>(),
            "[验证码0-9a-zA-Z【】\\[\\] .:：/¥元年\u{0}-\u{1f}🎉\u{300}]{0,40}",
        ];
        (piece, prop_oneof![3 => Just(1usize), 1 => 1usize..40_000]).prop_map(|(s, n)| s.repeat(n))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn never_panics_and_lengths_are_sane(sender in any::<String>(), body in any_body()) {
            let found = detect(&sender, &body);
            prop_assert_eq!(found.is_code, found.code_length.is_some());
            if let Some(len) = found.code_length {
                prop_assert!((4..=8).contains(&len), "code_length {len}");
            }
            prop_assert!(!found.mentions_carrier_business || found.is_code);
        }

        // The full-width comma keeps the code from running into the text after it ("1234567" or
        // "123456 GB" would rightly not be a code); everything else about the text is arbitrary.
        #[test]
        fn finds_a_code_inserted_into_ascii_text(
            before in "[ -~\t\n]{0,300}",
            after in "[ -~\t\n]{0,300}",
            code in 0u32..1_000_000,
        ) {
            let body = format!("{before}验证码{code:06}，{after}");
            prop_assert!(detect("", &body).is_code, "{:?}", body);
        }

        // Without other digits around, the code found is the inserted one.
        #[test]
        fn the_inserted_code_is_the_one_found(
            before in "[ a-zA-Z.,!?]{0,300}",
            after in "[ a-zA-Z.,!?]{0,300}",
            code in 0u32..1_000_000,
        ) {
            let body = format!("{before}验证码{code:06}，{after}");
            prop_assert_eq!(detect("106", &body).code_length, Some(6));
        }
    }
}
