//! History: every screened call with time, number, label, action and reasons, newest first;
//! nothing when history is off; pruned after `history_days`.

mod common;

use callguard_core::{Action, Label, Reason};
use common::{engine, reopen, screen_at, MINUTE, T0};

#[test]
fn screened_calls_are_listed_newest_first() {
    let (_dir, e) = engine();
    screen_at(&e, "10085", T0);
    screen_at(&e, "100861", T0 + MINUTE);
    screen_at(&e, "", T0 + 2 * MINUTE);
    let h = e.history(10).unwrap();
    let got: Vec<(i64, &str, Label)> = h
        .iter()
        .map(|e| (e.time, e.number.as_str(), e.label))
        .collect();
    assert_eq!(
        got,
        vec![
            (T0 + 2 * MINUTE, "", Label::Hidden),
            (T0 + MINUTE, "100861", Label::CarrierLookalike),
            (T0, "10085", Label::CarrierMarketing)
        ]
    );
    assert_eq!(h[1].action, Action::Allow);
    assert!(h[1].reasons.contains(&Reason::ExtraDigitsAfterCarrierCode));
    assert_eq!(e.history(1).unwrap().len(), 1);
}

#[test]
fn nothing_is_recorded_with_history_off() {
    let (_dir, e) = engine();
    e.set_setting("history_enabled", "false").unwrap();
    screen_at(&e, "13800138000", T0);
    assert!(e.history(10).unwrap().is_empty());
}

#[test]
fn old_calls_are_pruned_after_history_days() {
    let (dir, e) = engine();
    let now = callguard_core::time::now_ms();
    e.set_setting("history_days", "7").unwrap();
    screen_at(&e, "13800138000", now - 8 * 24 * 60 * MINUTE);
    screen_at(&e, "13900139000", now - 6 * 24 * 60 * MINUTE);
    drop(e);
    let numbers: Vec<String> = reopen(&dir)
        .history(10)
        .unwrap()
        .into_iter()
        .map(|h| h.number)
        .collect();
    assert_eq!(numbers, vec!["13900139000"]);
}
