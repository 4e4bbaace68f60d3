//! Fault injection on the database file (issue 7, docs/RELIABILITY.md): random bytes over the
//! header and over middle pages, truncation, a zero-length file, a garbage WAL, a newer schema,
//! unwritable locations, another process holding the lock past the busy timeout, and a database
//! that fills up in the middle of an import. In every case screening still answers (fail open,
//! built-in rules), writes fail with a clear error, and nothing already stored is lost — it is
//! either still in place or moved aside byte for byte, never deleted or overwritten.
//!
//! The lock holder is this test binary re-run as a child process (`child_process_role`), so the
//! locks are real POSIX locks from another process, not a second connection in this one.

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use callguard_core::screen::fail_open;
use callguard_core::store::{OpenNotes, Store, BUSY_TIMEOUT};
use callguard_core::{
    Action, Carrier, Engine, Label, Lang, Reason, ReportCategory, RuleEffect, ScreenRequest,
};
use common::T0;
use rusqlite::{Connection, OpenFlags};

/// How many random corruptions each corruption test tries (`CALLGUARD_FAULT_ROUNDS`).
fn rounds() -> u64 {
    std::env::var("CALLGUARD_FAULT_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(25)
}

/// A small deterministic generator (xorshift64*): every failure names its seed.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn fill(&mut self, buf: &mut [u8]) {
        for b in buf {
            *b = self.next() as u8;
        }
    }
}

/// What the user has stored, read straight from the tables: what must never be lost.
#[derive(Debug, PartialEq, Eq)]
struct Stored {
    rules: Vec<(String, String, String, Option<String>)>,
    reports: Vec<(String, String, String, Option<String>)>,
    refusals: Vec<(String, i64)>,
    settings: Vec<(String, String)>,
}

fn stored(path: &Path) -> rusqlite::Result<Stored> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    // Prefix and wildcard rules have their own table since schema 3.
    let rules = conn
        .prepare(
            "SELECT pattern, kind, effect, note FROM rules UNION ALL
             SELECT pattern, kind, effect, note FROM pattern_rules ORDER BY 1, 2",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let reports = conn
        .prepare("SELECT number, category, source, note FROM reports ORDER BY id")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let refusals = conn
        .prepare("SELECT carrier, refused_at FROM refusals ORDER BY carrier")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let settings = conn
        .prepare("SELECT key, value FROM settings ORDER BY key")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Stored {
        rules,
        reports,
        refusals,
        settings,
    })
}

fn integrity(path: &Path) -> String {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .and_then(|c| c.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0)))
        .unwrap_or_else(|e| format!("cannot check: {e}"))
}

/// A database the way a user's phone holds it: every kind of rule, reports, a refusal, a changed
/// setting, some history, and 3,000 imported rules so that it spans many pages. Closed cleanly
/// (the WAL checkpointed), so the file alone holds everything.
fn populated(dir: &Path) -> PathBuf {
    let path = dir.join("callguard.db");
    let e = Engine::open(&path).unwrap();
    e.add_rule(
        "13800138000",
        RuleEffect::Block,
        Some("'); DROP TABLE rules; --"),
        false,
    )
    .unwrap();
    e.add_rule("170*", RuleEffect::Block, None, false).unwrap();
    e.add_rule("0755????????", RuleEffect::Allow, None, false)
        .unwrap();
    e.report(
        "13912345678",
        ReportCategory::PlanOffer,
        Some("5G offer"),
        T0,
    )
    .unwrap();
    e.refuse_marketing(Carrier::ChinaMobile, T0).unwrap();
    e.set_setting("block_lookalike", "true").unwrap();
    let csv = dir.join("list.csv");
    let mut text = String::from("number_or_pattern,kind,category,note\n");
    for i in 0..3000 {
        text.push_str(&format!("1590000{i:04},block,,imported row {i}\n"));
    }
    fs::write(&csv, text).unwrap();
    e.import_file(&csv).unwrap();
    for i in 0..50 {
        common::screen_at(&e, &format!("1370000{i:04}"), T0 + i);
    }
    drop(e);
    assert!(!dir.join("callguard.db-wal").exists(), "closed cleanly");
    path
}

/// Screening answers, whatever state the database is in: from the engine when it opens, else
/// from the built-in rules (what the CLI and the JNI bridge do). Never a rejection of a number
/// the user did not block; the built-in labels always hold.
fn assert_screening_answers(engine: Option<&Engine>, context: &str) {
    let screen = |number: &str| -> callguard_core::Decision {
        let request = ScreenRequest {
            time: Some(T0 + 3_600_000),
            lang: Some(Lang::En),
            ..ScreenRequest::number(number)
        };
        match engine {
            Some(e) => e.screen(&request),
            None => fail_open(&request, Lang::En),
        }
    };
    let emergency = screen("110");
    assert_eq!(
        (emergency.label, emergency.action),
        (Label::Emergency, Action::Allow),
        "{context}"
    );
    let official = screen("10085");
    assert_eq!(official.label, Label::CarrierMarketing, "{context}");
    assert_ne!(official.action, Action::Reject, "{context}");
    let stranger = screen("13512345678");
    assert_eq!(stranger.action, Action::Allow, "{context}");
    let lookalike = screen("100861");
    assert_eq!(lookalike.label, Label::CarrierLookalike, "{context}");
}

/// Names of the quarantined copies beside `path`.
fn quarantined(path: &Path) -> Vec<PathBuf> {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let mut found: Vec<PathBuf> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("{name}.corrupt-"))
                && !p.to_string_lossy().ends_with("-wal")
                && !p.to_string_lossy().ends_with("-shm")
        })
        .collect();
    found.sort();
    found
}

/// Opens a damaged database and checks every promise. Returns how it went, for the tally.
fn open_damaged(path: &Path, damaged: &[u8], context: &str) -> &'static str {
    match Engine::open(path) {
        Ok(e) => {
            let aside = quarantined(path);
            assert_screening_answers(Some(&e), context);
            let write = e.add_rule("13312345678", RuleEffect::Block, None, false);
            if let Err(err) = &write {
                assert!(err.to_string().contains("database"), "{context}: {err}");
            }
            if e.warnings().is_empty() {
                assert!(aside.is_empty(), "{context}");
                // Left in place: nothing deleted or shrunk.
                assert!(fs::metadata(path).unwrap().len() >= damaged.len() as u64 / 2);
                if write.is_ok() {
                    "opened in place, writes work"
                } else {
                    "opened in place, writes fail clearly"
                }
            } else {
                assert!(e.warnings()[0].contains("moved to"), "{context}");
                assert_eq!(aside.len(), 1, "{context}");
                assert_eq!(
                    fs::read(&aside[0]).unwrap(),
                    damaged,
                    "{context}: the quarantined copy is byte for byte what was there"
                );
                assert!(write.is_ok(), "{context}: the fresh database takes writes");
                "quarantined, fresh database"
            }
        }
        Err(err) => {
            // Refused: the file is left exactly as it was, and the call still gets a decision.
            assert!(!err.to_string().is_empty(), "{context}");
            println!("{context}: refused to open: {err}");
            assert_eq!(fs::read(path).unwrap(), damaged, "{context}");
            assert_screening_answers(None, context);
            "refused to open (file untouched), built-in rules"
        }
    }
}

fn tally(counts: &mut Vec<(&'static str, u32)>, outcome: &'static str) {
    match counts.iter_mut().find(|(o, _)| *o == outcome) {
        Some((_, n)) => *n += 1,
        None => counts.push((outcome, 1)),
    }
}

#[test]
fn random_bytes_over_the_header_page() {
    let mut counts = Vec::new();
    for seed in 0..rounds() {
        let dir = tempfile::tempdir().unwrap();
        let path = populated(dir.path());
        let mut bytes = fs::read(&path).unwrap();
        let mut rng = Rng::new(seed);
        // Somewhere in the first page: the 100-byte header and the schema table's root.
        let start = rng.below(if seed % 2 == 0 { 100 } else { 4096 }) as usize;
        let len = 1 + rng.below(512) as usize;
        let end = (start + len).min(bytes.len());
        rng.fill(&mut bytes[start..end]);
        fs::write(&path, &bytes).unwrap();
        let outcome = open_damaged(&path, &bytes, &format!("header seed {seed}"));
        tally(&mut counts, outcome);
    }
    println!("random bytes over page 1, {} rounds: {counts:?}", rounds());
}

#[test]
fn random_bytes_over_middle_pages() {
    let mut counts = Vec::new();
    for seed in 0..rounds() {
        let dir = tempfile::tempdir().unwrap();
        let path = populated(dir.path());
        let before = stored(&path).unwrap();
        let mut bytes = fs::read(&path).unwrap();
        let pages = bytes.len() / 4096;
        assert!(pages > 10, "the fixture spans many pages");
        let mut rng = Rng::new(1000 + seed);
        // One to three whole pages past the first, or a short run inside one.
        for _ in 0..1 + rng.below(3) {
            let page = 1 + rng.below(pages as u64 - 1) as usize;
            let (start, len) = if rng.below(2) == 0 {
                (page * 4096, 4096)
            } else {
                (
                    page * 4096 + rng.below(4000) as usize,
                    1 + rng.below(64) as usize,
                )
            };
            let end = (start + len).min(bytes.len());
            rng.fill(&mut bytes[start..end]);
        }
        fs::write(&path, &bytes).unwrap();
        let outcome = open_damaged(&path, &bytes, &format!("middle seed {seed}"));
        tally(&mut counts, outcome);
        // Left in place and still sound (the damage hit free space or only changed text): the
        // engine lost no row of its own accord.
        if outcome.starts_with("opened in place") && integrity(&path) == "ok" {
            let after = stored(&path).unwrap();
            assert!(
                after.rules.len() >= before.rules.len(),
                "middle seed {seed}"
            );
            assert_eq!(
                after.reports.len(),
                before.reports.len(),
                "middle seed {seed}"
            );
        }
    }
    println!(
        "random bytes over middle pages, {} rounds: {counts:?}",
        rounds()
    );
}

#[test]
fn a_truncated_database() {
    let mut counts = Vec::new();
    let dir = tempfile::tempdir().unwrap();
    let original = fs::read(populated(dir.path())).unwrap();
    let n = original.len();
    for (what, keep) in [
        ("first 50 bytes", 50),
        ("header only", 100),
        ("first page", 4096),
        ("mid-page", 3 * 4096 + 123),
        ("half", n / 2),
        ("all but one page", n - 4096),
        ("all but one byte", n - 1),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("callguard.db");
        fs::write(&path, &original[..keep]).unwrap();
        let outcome = open_damaged(&path, &original[..keep], &format!("truncated to {what}"));
        tally(&mut counts, outcome);
    }
    println!("truncated, 7 cuts: {counts:?}");
}

#[test]
fn a_zero_length_database_is_a_fresh_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("callguard.db");
    fs::write(&path, b"").unwrap();
    let e = Engine::open(&path).unwrap();
    assert!(e.warnings().is_empty());
    assert_screening_answers(Some(&e), "zero length");
    e.add_rule("13800138000", RuleEffect::Block, None, false)
        .unwrap();
    assert_eq!(
        common::screen_at(&e, "13800138000", T0).action,
        Action::Reject
    );
}

#[test]
fn a_garbage_wal_beside_a_good_database_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let path = populated(dir.path());
    let before = stored(&path).unwrap();
    for seed in 0..rounds().min(10) {
        let mut wal = vec![0u8; 4096 * 3 + 32];
        Rng::new(2000 + seed).fill(&mut wal);
        fs::write(dir.path().join("callguard.db-wal"), &wal).unwrap();
        let e = Engine::open(&path).unwrap();
        assert!(e.warnings().is_empty(), "seed {seed}");
        assert_screening_answers(Some(&e), "garbage WAL");
        assert_eq!(
            common::screen_at(&e, "13800138000", T0).label,
            Label::UserBlocked
        );
        drop(e);
        assert_eq!(stored(&path).unwrap(), before, "seed {seed}");
        assert_eq!(integrity(&path), "ok");
    }
}

#[test]
fn a_database_from_a_newer_schema_is_left_untouched_and_calls_still_get_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let path = populated(dir.path());
    Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99;")
        .unwrap();
    let bytes = fs::read(&path).unwrap();
    let err = Engine::open(&path).err().expect("refused").to_string();
    assert!(err.contains("newer"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), bytes, "not migrated, not moved");
    assert!(quarantined(&path).is_empty());
    assert_screening_answers(None, "newer schema");
}

#[test]
fn unwritable_locations_are_clear_errors_even_as_root() {
    // Root ignores file modes, so chmod proves nothing here. What fails for root too: a folder
    // that is a file (ENOTDIR), sysfs (no new files, EACCES) and procfs (ENOENT).
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    fs::write(&file, b"x").unwrap();
    for path in [
        file.join("callguard.db"),
        PathBuf::from("/sys/callguard-test.db"),
        PathBuf::from("/proc/self/callguard-test.db"),
    ] {
        let err = Engine::open(&path)
            .err()
            .unwrap_or_else(|| panic!("{} opened", path.display()))
            .to_string();
        assert!(err.contains("cannot"), "{}: {err}", path.display());
        assert!(
            err.contains(&path.display().to_string()) || err.contains("folder"),
            "{err}"
        );
        assert_screening_answers(None, &path.display().to_string());
    }
    assert_eq!(fs::read(&file).unwrap(), b"x");
}

/// Runs this test binary again as a child that holds a lock on `db` until its stdin closes.
/// `mode` is `write` (BEGIN EXCLUSIVE: writers wait, WAL readers do not) or `all`
/// (locking_mode=EXCLUSIVE too: nobody else may even read).
fn lock_holder(db: &Path, mode: &str) -> Child {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "child_process_role",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("CALLGUARD_FAULT_CHILD", format!("{mode}:{}", db.display()))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    // libtest prints "test child_process_role ... " on the same line, so look for the word; and
    // never wait forever for a child that failed to start.
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        // Read to the end, so that the child never writes into a closed pipe.
        for line in BufReader::new(stdout).lines().map_while(|l| l.ok()) {
            if line.ends_with("LOCKED") {
                let _ = tx.send(true);
            }
        }
        let _ = tx.send(false);
    });
    match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(true) => child,
        other => {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the lock holder did not take its lock: {other:?}");
        }
    }
}

fn release(mut child: Child) {
    drop(child.stdin.take());
    assert!(child.wait().unwrap().success());
}

/// Not a test of its own: the part a child process plays in the lock tests. Does nothing
/// unless `CALLGUARD_FAULT_CHILD` says which part.
#[test]
fn child_process_role() {
    let Ok(role) = std::env::var("CALLGUARD_FAULT_CHILD") else {
        return;
    };
    // A child whose parent died must not hold the lock for ever.
    std::thread::spawn(|| {
        std::thread::sleep(Duration::from_secs(120));
        std::process::exit(3);
    });
    let (mode, db) = role.split_once(':').unwrap();
    let conn = Connection::open(db).unwrap();
    if mode == "all" {
        conn.execute_batch("PRAGMA locking_mode = EXCLUSIVE;")
            .unwrap();
    }
    conn.execute_batch("BEGIN EXCLUSIVE; INSERT OR REPLACE INTO settings VALUES ('held', 'yes');")
        .unwrap();
    println!("LOCKED");
    std::io::stdout().flush().unwrap();
    let mut rest = String::new();
    let _ = std::io::stdin().read_line(&mut rest);
    conn.execute_batch("ROLLBACK;").unwrap();
}

#[test]
fn a_writer_in_another_process_past_the_busy_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let path = populated(dir.path());
    let before = stored(&path).unwrap();
    let e = Engine::open(&path).unwrap();
    let holder = lock_holder(&path, "write");

    // WAL readers are not blocked: the user's rules still apply; only the recording fails.
    let started = Instant::now();
    let (decision, problem) = e.screen_reporting(&ScreenRequest {
        time: Some(T0),
        ..ScreenRequest::number("13800138000")
    });
    let waited = started.elapsed();
    assert_eq!(
        (decision.label, decision.action),
        (Label::UserBlocked, Action::Reject)
    );
    assert!(!decision.reasons.contains(&Reason::FailOpen));
    assert!(waited < BUSY_TIMEOUT + Duration::from_secs(2), "{waited:?}");
    // The failed recording is reported: at once, or by the next flush (the recorder writes off
    // the call path).
    let problem = problem.or_else(|| e.flush().err().map(|e| e.to_string()));
    assert!(problem.unwrap_or_default().contains("locked"));

    let err = e
        .add_rule("13312345678", RuleEffect::Block, None, false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("locked"), "{err}");
    let err = e
        .report("13312345678", ReportCategory::Fraud, None, T0)
        .unwrap_err()
        .to_string();
    assert!(err.contains("locked"), "{err}");
    assert!(e.set_setting("block_hidden", "true").is_err());
    assert!(
        !e.settings().block_hidden,
        "a failed write changes nothing in memory"
    );
    // A cold start during the lock opens and screens too.
    let started = Instant::now();
    let cold = Engine::open(&path).unwrap();
    println!(
        "cold open under another process's write lock: {:?}",
        started.elapsed()
    );
    assert_screening_answers(Some(&cold), "cold open under a write lock");
    drop(cold);

    release(holder);
    drop(e);
    assert_eq!(
        stored(&path).unwrap(),
        before,
        "the holder rolled back; nothing lost"
    );
    let e = Engine::open(&path).unwrap();
    e.add_rule("13312345678", RuleEffect::Block, None, false)
        .unwrap();
}

#[test]
fn a_process_that_locks_out_even_readers() {
    // An open engine holds a shared lock on the file (WAL), so such a process can only get in
    // while no engine is open; what it meets is a cold start.
    let dir = tempfile::tempdir().unwrap();
    let path = populated(dir.path());
    let before = stored(&path).unwrap();
    let holder = lock_holder(&path, "all");

    let started = Instant::now();
    let err = Engine::open(&path).err().expect("locked").to_string();
    let waited = started.elapsed();
    assert!(err.contains("locked"), "{err}");
    assert!(
        waited < BUSY_TIMEOUT * 2 + Duration::from_secs(2),
        "{waited:?}"
    );
    assert!(
        quarantined(&path).is_empty(),
        "a locked file is not corrupt"
    );
    // What the CLI and the bridge do then: the built-in rules decide, and the call rings.
    assert_screening_answers(None, "locked out");

    release(holder);
    let e = Engine::open(&path).unwrap();
    assert_eq!(
        common::screen_at(&e, "13800138000", T0).action,
        Action::Reject
    );
    drop(e);
    assert_eq!(stored(&path).unwrap(), before);
}

#[test]
fn a_database_that_fills_up_in_the_middle_of_an_import() {
    let dir = tempfile::tempdir().unwrap();
    let path = populated(dir.path());
    let before = stored(&path).unwrap();
    let pages: i64 = Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    // A list far bigger than the room left: the import runs out of pages part-way.
    let csv = dir.path().join("big.csv");
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(&format!(
            "1880000{i:04},block,,row {i} of a big shared list\n"
        ));
    }
    fs::write(&csv, text).unwrap();

    let mut store = Store::open(&path, &mut OpenNotes::default()).unwrap();
    store
        .transaction(|tx| {
            let limit: i64 =
                tx.query_row(&format!("PRAGMA max_page_count = {}", pages + 8), [], |r| {
                    r.get(0)
                })?;
            assert_eq!(limit, pages + 8);
            Ok(())
        })
        .unwrap();
    let err = callguard_core::store::transfer::import(&mut store, &csv, T0).unwrap_err();
    // A storage failure, not the fault of some line of the list (exit 1 at the CLI, not 2).
    assert!(matches!(err, callguard_core::Error::Storage(_)), "{err:?}");
    let err = err.to_string();
    assert!(err.contains("full") && !err.contains("line"), "{err}");
    // The same connection, still full, refuses a single write clearly and still answers reads.
    let full_write = store.transaction(|tx| {
        tx.execute_batch(
            "INSERT INTO history (time, number, label, action, reasons)
             VALUES (1, hex(zeroblob(100000)), 'unknown', 'allow', '');",
        )?;
        Ok(())
    });
    assert!(full_write.unwrap_err().to_string().contains("full"));
    assert_eq!(
        store.rule_effect("13800138000").unwrap(),
        Some(RuleEffect::Block)
    );
    drop(store);

    assert_eq!(
        stored(&path).unwrap(),
        before,
        "all of the import or none of it: none"
    );
    assert_eq!(integrity(&path), "ok");
    let e = Engine::open(&path).unwrap();
    assert_screening_answers(Some(&e), "after a full import");
    assert_eq!(
        e.import_file(&csv).unwrap().rules,
        20_000,
        "with room, it goes in"
    );
}
