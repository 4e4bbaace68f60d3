//! Concurrency: the engine is Send + Sync, and eight threads screening while another changes
//! settings, rules and reports all get correct, consistent answers.

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;

use callguard_core::{Action, Engine, Label, ReportCategory, RuleEffect};
use common::{engine, screen_at, T0};

#[test]
fn the_engine_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Engine>();
}

#[test]
fn screening_stays_correct_while_another_thread_writes() {
    let (_dir, e) = engine();
    e.add_rule("13800138000", RuleEffect::Block, None, false)
        .unwrap();
    let e = Arc::new(e);
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (e, stop) = (e.clone(), stop.clone());
        thread::spawn(move || {
            let mut i = 0u64;
            while !stop.load(Ordering::Relaxed) {
                e.set_setting(
                    "block_lookalike",
                    if i.is_multiple_of(2) { "true" } else { "false" },
                )
                .unwrap();
                e.add_rule(
                    &format!("1590000{:04}", i % 10_000),
                    RuleEffect::Block,
                    None,
                    false,
                )
                .unwrap();
                e.report(
                    &format!("1370000{:04}", i % 10_000),
                    ReportCategory::Ads,
                    None,
                    T0,
                )
                .unwrap();
                i += 1;
            }
            i
        })
    };
    let screeners: Vec<_> = (0..8)
        .map(|t| {
            let e = e.clone();
            thread::spawn(move || {
                for i in 0..150 {
                    let blocked = screen_at(&e, "13800138000", T0 + i);
                    assert_eq!(
                        (blocked.label, blocked.action),
                        (Label::UserBlocked, Action::Reject)
                    );
                    let official = screen_at(&e, "10085", T0 + i);
                    assert_eq!(
                        (official.label, official.action),
                        (Label::CarrierMarketing, Action::Allow)
                    );
                    let lookalike = screen_at(&e, "100861", T0 + i + t);
                    assert_eq!(lookalike.label, Label::CarrierLookalike);
                    assert!(!lookalike
                        .reasons
                        .contains(&callguard_core::Reason::FailOpen));
                }
            })
        })
        .collect();
    for s in screeners {
        s.join().expect("a screening thread failed");
    }
    stop.store(true, Ordering::Relaxed);
    let writes = writer.join().expect("the writer failed");
    assert!(writes > 0);
}

#[test]
fn calls_are_screened_while_a_big_import_runs() {
    let (dir, e) = engine();
    e.add_rule("13800138000", RuleEffect::Block, None, false)
        .unwrap();
    let csv = dir.path().join("big.csv");
    let rows: String = (0..300_000u64)
        .map(|i| format!("1{:010},block,,\n", 5_000_000_000 + i))
        .collect();
    std::fs::write(&csv, rows).unwrap();
    let e = Arc::new(e);
    let done = Arc::new(AtomicBool::new(false));
    let importer = {
        let (e, done, csv) = (e.clone(), done.clone(), csv.clone());
        thread::spawn(move || {
            e.import_file(&csv).unwrap();
            done.store(true, Ordering::SeqCst);
        })
    };
    thread::sleep(std::time::Duration::from_millis(200));
    // The import runs on its own connection: the call is decided from the rules as they were,
    // while the import is still going, rather than after it.
    let during = screen_at(&e, "13800138000", T0);
    let import_still_running = !done.load(Ordering::SeqCst);
    assert_eq!(during.label, Label::UserBlocked);
    importer.join().unwrap();
    assert!(import_still_running, "the call waited for the import");
    assert_eq!(
        screen_at(&e, "15000000001", T0 + 1).label,
        Label::UserBlocked,
        "imported rules apply once it is done"
    );
}
