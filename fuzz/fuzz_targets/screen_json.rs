//! The screen-request JSON as the JNI bridge receives it: parse with serde, then screen on a real
//! (in-memory) engine. Never panics — not even inside the engine's fail-open net, since the
//! fuzzer aborts on any panic — and never needs to fail open on a healthy database.
#![no_main]

use std::sync::LazyLock;

use callguard_core::{Engine, Reason, ScreenRequest};
use libfuzzer_sys::fuzz_target;

static ENGINE: LazyLock<Engine> = LazyLock::new(callguard_fuzz::seeded_engine);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(request) = serde_json::from_str::<ScreenRequest>(text) else {
        return;
    };
    let (decision, problem) = ENGINE.screen_reporting(&request);
    assert!(
        !decision.reasons.contains(&Reason::FailOpen),
        "{text:?} failed open: {problem:?}"
    );
    assert_eq!(problem, None, "{text:?}");
    serde_json::to_string(&decision).expect("a decision always serialises");
});
