//! Every input the fuzzers (fuzz/, docs/RELIABILITY.md) ever broke the core with, replayed
//! through the same oracle that caught it. One test per finding; add rows, never remove them.

use callguard_core::number::normalize;
use callguard_core::screen::decide_builtin;
use callguard_core::{Action, Lang, ScreenRequest};

/// Normalising a normalised number changes nothing, and every call still rings by default.
fn assert_stable(raw: &str) {
    let once = normalize(raw);
    let twice = normalize(&once.normalized);
    assert_eq!(twice.normalized, once.normalized, "{raw:?}");
    if !once.normalized.is_empty() {
        assert_eq!(twice.kind, once.kind, "{raw:?}");
    }
    let d = decide_builtin(&ScreenRequest::number(raw), Lang::En);
    assert_eq!(d.action, Action::Allow, "{raw:?}");
}

/// fuzz target `number`, crash-0d24d43a: "+86 86957243" was taken as the local number
/// "86957243", which reads back as 86 + the 95 call-centre line 957243. A local number behind a
/// country code must carry its area code.
#[test]
fn a_local_number_behind_the_country_code_is_not_renormalised_as_a_short_code() {
    for raw in [
        "+8686 957243",
        "+86 86957243",
        "0086 86957243",
        "+86 8695588",
    ] {
        assert_stable(raw);
    }
    // A bare local number keeps its reading.
    assert_eq!(
        normalize("23456789").kind,
        callguard_core::NumberKind::Landline
    );
}

/// fuzz target `screen_json`, regressions/screen_json/time-i64-min.json: a request whose `time`
/// is i64::MIN made the repeated-call window `time - window` overflow inside `Engine::screen`
/// (a panic in debug builds, caught and turned into a fail-open that lets a blocked number ring;
/// silent wrap-around in release). Any time the JSON can carry must be screened normally.
#[test]
fn extreme_request_times_are_screened_normally() {
    let e = callguard_core::Engine::open_in_memory().unwrap();
    e.add_rule(
        "13800138000",
        callguard_core::RuleEffect::Block,
        None,
        false,
    )
    .unwrap();
    for time in [i64::MIN, i64::MIN + 1, -1, 0, i64::MAX - 1, i64::MAX] {
        let request: ScreenRequest =
            serde_json::from_str(&format!(r#"{{"number":"13800138000","time":{time}}}"#)).unwrap();
        let (d, problem) = e.screen_reporting(&request);
        assert!(
            !d.reasons.contains(&callguard_core::Reason::FailOpen),
            "time {time}: {problem:?}"
        );
        assert_eq!(d.action, Action::Reject, "time {time}");
        let sms = e.check_sms("106", "验证码 482913", time, Lang::En);
        assert!(sms.is_code, "time {time}");
    }
}
