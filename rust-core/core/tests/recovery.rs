//! Faults: a corrupt file is moved aside and a fresh database started (and the user told); a
//! newer schema or an unwritable location refuses to open, and screening still answers from the
//! built-in rules with `fail_open`, never rejecting.

mod common;

use std::fs;

use callguard_core::screen::fail_open;
use callguard_core::{Action, Engine, Label, Lang, Reason, RuleEffect, ScreenRequest};

#[test]
fn a_corrupt_database_is_quarantined_and_a_fresh_one_started() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("callguard.db");
    fs::write(
        &path,
        b"this is not an SQLite database, it is a shopping list: eggs, milk, tea",
    )
    .unwrap();
    let e = Engine::open(&path).unwrap();
    let warnings = e.warnings();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("moved to"), "{}", warnings[0]);
    let aside: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|f| f.ok().map(|f| f.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.starts_with("callguard.db.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "the corrupt file is kept for the user");
    e.add_rule("13800138000", RuleEffect::Block, None, false)
        .unwrap();
    assert_eq!(
        e.screen(&ScreenRequest::number("13800138000")).label,
        Label::UserBlocked
    );
}

#[test]
fn a_database_from_a_newer_version_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("callguard.db");
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99;")
        .unwrap();
    let err = Engine::open(&path).err().expect("refused").to_string();
    assert!(err.contains("newer"), "{err}");
    let version: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 99);
}

#[test]
fn an_unwritable_location_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    fs::write(&blocker, b"x").unwrap();
    let err = Engine::open(&blocker.join("callguard.db"))
        .err()
        .expect("refused")
        .to_string();
    assert!(err.contains("cannot"), "{err}");
}

#[test]
fn fail_open_allows_the_call_and_says_why() {
    for number in ["13800138000", "100861", "+44 20 7946 0958", ""] {
        let d = fail_open(&ScreenRequest::number(number), Lang::Zh);
        assert_eq!(d.action, Action::Allow, "{number}");
        assert!(d.reasons.contains(&Reason::FailOpen));
    }
    assert_eq!(
        fail_open(&ScreenRequest::number("100861"), Lang::En).label,
        Label::CarrierLookalike
    );
}

#[test]
fn a_database_locked_past_the_busy_timeout_still_screens_and_refuses_writes_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("callguard.db");
    let e = Engine::open(&path).unwrap();
    e.add_rule("13800138000", RuleEffect::Block, None, false)
        .unwrap();
    let other = rusqlite::Connection::open(&path).unwrap();
    other
        .execute_batch("BEGIN EXCLUSIVE; INSERT INTO settings VALUES ('x', 'y');")
        .unwrap();

    let started = std::time::Instant::now();
    let decision = e.screen(&ScreenRequest::number("13800138000"));
    assert_eq!(
        decision.label,
        Label::UserBlocked,
        "the user's rule still applies: WAL readers are not blocked"
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(1),
        "the call path never waits for the lock"
    );
    let unrecorded = e.flush().unwrap_err().to_string();
    assert!(unrecorded.contains("locked"), "{unrecorded}");
    let err = e
        .add_rule("13900139000", RuleEffect::Block, None, false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("locked"), "{err}");

    other.execute_batch("ROLLBACK").unwrap();
    e.add_rule("13900139000", RuleEffect::Block, None, false)
        .unwrap();
}
