//! User rules through the engine: exact numbers, prefixes and wildcards, block and allow, notes,
//! idempotence, `--force`, and that they hold after a reopen.

mod common;

use callguard_core::{Action, Label, RuleEffect, RuleKind};
use common::{engine, reopen, screen_at, T0};

#[test]
fn exact_prefix_and_wildcard_rules_block_what_they_match() {
    let (_dir, e) = engine();
    e.add_rule("+86 138 0013 8000", RuleEffect::Block, None, false)
        .unwrap();
    e.add_rule("170*", RuleEffect::Block, Some("virtual operators"), false)
        .unwrap();
    e.add_rule("0755????????", RuleEffect::Block, None, false)
        .unwrap();
    let cases = [
        ("13800138000", Label::UserBlocked),
        ("008613800138000", Label::UserBlocked),
        ("17012345678", Label::UserBlocked),
        ("0755-2345-6789", Label::UserBlocked),
        ("075523456789", Label::UserBlocked),
        ("0755-234-5678", Label::Unknown),
        ("13800138001", Label::Unknown),
        ("17112345678", Label::Unknown),
    ];
    for (number, label) in cases {
        let d = screen_at(&e, number, T0);
        assert_eq!(d.label, label, "{number}");
        assert_eq!(
            d.action == Action::Reject,
            label == Label::UserBlocked,
            "{number}"
        );
    }
}

#[test]
fn the_most_specific_rule_wins() {
    let (_dir, e) = engine();
    e.add_rule("138*", RuleEffect::Block, None, false).unwrap();
    e.add_rule("1380013*", RuleEffect::Allow, None, false)
        .unwrap();
    e.add_rule("13800138888", RuleEffect::Block, None, false)
        .unwrap();
    assert_eq!(screen_at(&e, "13812345678", T0).label, Label::UserBlocked);
    assert_eq!(screen_at(&e, "13800138000", T0).label, Label::UserAllowed);
    assert_eq!(screen_at(&e, "13800138888", T0).label, Label::UserBlocked);
}

#[test]
fn adding_a_rule_twice_is_idempotent_and_the_latest_effect_wins() {
    let (_dir, e) = engine();
    e.add_rule("10690*", RuleEffect::Block, Some("sms ports"), false)
        .unwrap();
    e.add_rule("10690*", RuleEffect::Block, None, false)
        .unwrap();
    assert_eq!(e.rules().unwrap().len(), 1);
    assert_eq!(e.rules().unwrap()[0].note.as_deref(), Some("sms ports"));
    e.add_rule("10690*", RuleEffect::Allow, None, false)
        .unwrap();
    let rules = e.rules().unwrap();
    assert_eq!(
        (rules.len(), rules[0].effect, rules[0].kind),
        (1, RuleEffect::Allow, RuleKind::Prefix)
    );
}

#[test]
fn unblock_removes_the_rule() {
    let (_dir, e) = engine();
    e.add_rule("13800138000", RuleEffect::Block, None, false)
        .unwrap();
    assert!(e.remove_rule("+86 13800138000").unwrap());
    assert!(!e.remove_rule("13800138000").unwrap());
    assert_eq!(screen_at(&e, "13800138000", T0).label, Label::Unknown);
}

#[test]
fn a_rule_matching_every_number_needs_force() {
    let (_dir, e) = engine();
    for pattern in ["*", "?*", "+*"] {
        assert!(
            e.add_rule(pattern, RuleEffect::Block, None, false).is_err(),
            "{pattern}"
        );
    }
    assert!(e.rules().unwrap().is_empty());
    e.add_rule("*", RuleEffect::Block, None, true).unwrap();
    assert_eq!(screen_at(&e, "13800138000", T0).action, Action::Reject);
    assert_eq!(
        screen_at(&e, "110", T0).action,
        Action::Allow,
        "emergency still rings"
    );
}

#[test]
fn bad_patterns_and_notes_are_refused_and_change_nothing() {
    let (_dir, e) = engine();
    let long_note = "x".repeat(501);
    assert!(e
        .add_rule("138abc", RuleEffect::Block, None, false)
        .is_err());
    assert!(e.add_rule("13*8", RuleEffect::Block, None, false).is_err());
    assert!(e
        .add_rule("13800138000", RuleEffect::Block, Some(&long_note), false)
        .is_err());
    assert!(e
        .add_rule(
            "13800138000",
            RuleEffect::Block,
            Some(&"y".repeat(10 << 20)),
            false
        )
        .is_err());
    assert!(e.rules().unwrap().is_empty());
}

#[test]
fn sql_looking_notes_are_stored_as_text() {
    let (_dir, e) = engine();
    let note = "'); DROP TABLE rules; --";
    e.add_rule("13800138000", RuleEffect::Block, Some(note), false)
        .unwrap();
    assert_eq!(e.rules().unwrap()[0].note.as_deref(), Some(note));
}

#[test]
fn rules_hold_after_a_reopen() {
    let (dir, e) = engine();
    e.add_rule("0755????????", RuleEffect::Block, None, false)
        .unwrap();
    e.add_rule("13800138000", RuleEffect::Allow, None, false)
        .unwrap();
    drop(e);
    let e = reopen(&dir);
    assert_eq!(screen_at(&e, "075523456789", T0).label, Label::UserBlocked);
    assert_eq!(screen_at(&e, "13800138000", T0).label, Label::UserAllowed);
}

#[test]
fn a_long_list_is_read_a_page_at_a_time() {
    let (_dir, e) = engine();
    for i in 0..30 {
        e.add_rule(&format!("1390000{i:04}"), RuleEffect::Block, None, false)
            .unwrap();
    }
    e.add_rule("170*", RuleEffect::Block, None, false).unwrap();
    e.add_rule("0755????????", RuleEffect::Allow, None, false)
        .unwrap();
    let page = e.rules_page("", 0, 5).unwrap();
    assert_eq!(page.total, 32);
    let patterns: Vec<&str> = page.rules.iter().map(|r| r.pattern.as_str()).collect();
    assert_eq!(
        patterns,
        [
            "0755????????",
            "13900000000",
            "13900000001",
            "13900000002",
            "13900000003"
        ]
    );
    assert_eq!(e.rules_page("", 31, 5).unwrap().rules[0].pattern, "170*");
    let narrowed = e.rules_page("1390000002", 0, 100).unwrap();
    assert_eq!((narrowed.total, narrowed.rules.len()), (10, 10));
    assert_eq!(e.rules_page("17", 0, 10).unwrap().rules[0].pattern, "170*");
    assert_eq!(
        e.rules_page("", 0, 1_000_000).unwrap().rules.len(),
        32,
        "pages are capped, not refused"
    );
}
