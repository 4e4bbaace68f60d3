//! Repeated-call passthrough: a second call from the same number inside the window passes a
//! category block — never a user block — with the reason `repeated_call_passthrough`.

mod common;

use callguard_core::{
    Action, ContactStatus, Decision, Engine, Lang, Reason, RuleEffect, ScreenRequest,
};
use common::{engine, screen_at, MINUTE, T0};

/// A call from someone a contacts lookup did not find: what strict mode rejects.
fn stranger_at(engine: &Engine, number: &str, at: i64) -> Decision {
    engine.screen(&ScreenRequest {
        contact: ContactStatus::NotContact,
        time: Some(at),
        lang: Some(Lang::En),
        ..ScreenRequest::number(number)
    })
}

#[test]
fn a_second_call_inside_the_window_passes_a_category_block() {
    let (_dir, e) = engine();
    e.set_setting("block_international", "true").unwrap();
    assert_eq!(screen_at(&e, "+44 20 7946 0958", T0).action, Action::Reject);
    let again = screen_at(&e, "+44 20 7946 0958", T0 + 2 * MINUTE);
    assert_eq!(again.action, Action::Allow);
    assert!(again.reasons.contains(&Reason::RepeatedCallPassthrough));
    assert_eq!(
        screen_at(&e, "+44 20 7946 0958", T0 + 10 * MINUTE).action,
        Action::Reject,
        "outside the window"
    );
}

#[test]
fn a_user_block_is_never_passed() {
    let (_dir, e) = engine();
    e.add_rule("13800138000", RuleEffect::Block, None, false)
        .unwrap();
    screen_at(&e, "13800138000", T0);
    assert_eq!(
        screen_at(&e, "13800138000", T0 + MINUTE).action,
        Action::Reject
    );
}

#[test]
fn the_window_is_a_setting_and_zero_turns_it_off() {
    let (_dir, e) = engine();
    e.set_setting("block_non_contacts", "true").unwrap();
    e.set_setting("repeated_call_minutes", "0").unwrap();
    stranger_at(&e, "13800138000", T0);
    assert_eq!(
        stranger_at(&e, "13800138000", T0 + MINUTE).action,
        Action::Reject
    );
    e.set_setting("repeated_call_minutes", "15").unwrap();
    assert_eq!(
        stranger_at(&e, "13800138000", T0 + 10 * MINUTE).action,
        Action::Allow
    );
}
