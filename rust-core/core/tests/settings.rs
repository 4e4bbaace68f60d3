//! Settings through the engine: defaults on a fresh database, persisted across a reopen, and an
//! unknown key or bad value refused without changing anything.

mod common;

use callguard_core::{Action, Settings};
use common::{engine, reopen, screen_at, T0};

#[test]
fn a_fresh_database_has_the_defaults() {
    let (_dir, e) = engine();
    assert_eq!(e.settings(), Settings::default());
    assert_eq!(e.setting("repeated_call_minutes").unwrap(), "3");
    assert_eq!(e.setting("sms_guard_minutes").unwrap(), "10");
}

#[test]
fn every_key_round_trips_and_persists() {
    let (dir, e) = engine();
    let changes = [
        ("block_lookalike", "true"),
        ("block_reported", "true"),
        ("block_international", "true"),
        ("block_hidden", "true"),
        ("block_suspicious", "true"),
        ("block_non_contacts", "true"),
        ("after_refusal_action", "reject"),
        ("repeated_call_minutes", "0"),
        ("banner_for_unknown", "false"),
        ("language", "en"),
        ("skip_notification_on_reject", "false"),
        ("skip_call_log_on_reject", "true"),
        ("paused", "true"),
        ("history_enabled", "false"),
        ("history_days", "7"),
        ("sms_guard_minutes", "30"),
    ];
    assert_eq!(changes.len(), Settings::KEYS.len());
    for (key, value) in changes {
        e.set_setting(key, value).unwrap();
        assert_eq!(e.setting(key).unwrap(), value);
    }
    drop(e);
    let e = reopen(&dir);
    for (key, value) in changes {
        assert_eq!(e.setting(key).unwrap(), value, "{key} after reopen");
    }
}

#[test]
fn bad_keys_and_values_change_nothing() {
    let (dir, e) = engine();
    for (key, value) in [
        ("block_lookalike", "maybe"),
        ("nope", "true"),
        ("history_days", "99999"),
        ("language", "fr"),
    ] {
        assert!(e.set_setting(key, value).is_err(), "{key}={value}");
    }
    drop(e);
    assert_eq!(reopen(&dir).settings(), Settings::default());
}

#[test]
fn pausing_protection_lets_blocked_numbers_ring() {
    let (_dir, e) = engine();
    e.add_rule(
        "13800138000",
        callguard_core::RuleEffect::Block,
        None,
        false,
    )
    .unwrap();
    e.set_setting("paused", "true").unwrap();
    assert_eq!(screen_at(&e, "13800138000", T0).action, Action::Allow);
}
