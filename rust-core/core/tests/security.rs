//! Security and privacy (issue 7): no log line at any level carries a full phone number screened
//! here, even on error paths; SQL-looking text in notes, patterns, settings and numbers is data,
//! never SQL; import and export paths that are missing or folders are refused cleanly; and no
//! networking code or crate exists anywhere in the workspace. (The Android manifest's permission
//! and export check is the app's: tests/android-check.)

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use callguard_core::{Engine, Error, Label, Lang, ReportCategory, RuleEffect, ScreenRequest};
use common::T0;
use rusqlite::Connection;

/// Every log line any test in this binary produces, at every level.
static LINES: Mutex<Vec<String>> = Mutex::new(Vec::new());

struct Capture;

impl log::Log for Capture {
    fn enabled(&self, _: &log::Metadata<'_>) -> bool {
        true
    }
    fn log(&self, record: &log::Record<'_>) {
        let line = format!("{} {}: {}", record.level(), record.target(), record.args());
        LINES.lock().unwrap_or_else(|p| p.into_inner()).push(line);
    }
    fn flush(&self) {}
}

static CAPTURE: Capture = Capture;

fn capture_logs() {
    let _ = log::set_logger(&CAPTURE);
    log::set_max_level(log::LevelFilter::Trace);
}

/// 400 distinct 11-digit mobile numbers no other test uses.
fn numbers() -> Vec<String> {
    let prefixes = ["139", "186", "177", "198", "150", "166", "191", "170"];
    (0..400u64)
        .map(|i| {
            let p = prefixes[i as usize % prefixes.len()];
            format!("{p}{:08}", (i * 7_919_011 + 24_681_357) % 100_000_000)
        })
        .collect()
}

#[test]
fn no_log_line_at_any_level_contains_a_full_number() {
    capture_logs();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("callguard.db");
    let numbers = numbers();
    let e = Engine::open(&path).unwrap();
    // Ordinary calls, reported and blocked ones, in several presentations.
    e.add_rule(&numbers[1], RuleEffect::Block, None, false)
        .unwrap();
    e.report(&numbers[2], ReportCategory::Fraud, Some(&numbers[3]), T0)
        .unwrap();
    for (i, n) in numbers.iter().enumerate().take(100) {
        let shown = match i % 4 {
            0 => n.clone(),
            1 => format!("+86 {n}"),
            2 => format!("0086{n}"),
            _ => format!("tel:+86-{}-{}-{}", &n[..3], &n[3..7], &n[7..]),
        };
        common::screen_at(&e, &shown, T0 + i as i64);
    }
    e.check_sms(
        "106",
        &format!("【某银行】验证码 482913，来电 {} 勿告诉他人", numbers[4]),
        T0 + 200,
        Lang::Zh,
    );
    // Bad input: errors are returned, and whatever is logged on the way stays masked.
    assert!(e
        .add_rule(&format!("{}x", numbers[5]), RuleEffect::Block, None, false)
        .is_err());
    assert!(e
        .report(&format!("{}99", numbers[6]), ReportCategory::Ads, None, T0)
        .is_err());
    let csv = dir.path().join("bad.csv");
    fs::write(&csv, format!("{},report,no_such_category,\n", numbers[7])).unwrap();
    assert!(e.import_file(&csv).is_err());

    // Storage failures, from another connection: without the call tables the recorder fails
    // (a warning); without the rule table screening fails open (an error).
    let other = Connection::open(&path).unwrap();
    other
        .execute_batch("DROP TABLE history; DROP TABLE recent_calls;")
        .unwrap();
    for (i, n) in numbers.iter().enumerate().take(200).skip(100) {
        common::screen_at(&e, n, T0 + 1_000 + i as i64);
    }
    assert!(e.flush().is_err(), "the recorder's failure is reported");
    other
        .execute_batch("DROP TABLE rules; DROP TABLE reports;")
        .unwrap();
    for (i, n) in numbers.iter().enumerate().take(300).skip(200) {
        let d = common::screen_at(&e, n, T0 + 1_000 + i as i64);
        assert_eq!(d.action, callguard_core::Action::Allow);
        assert!(d.reasons.contains(&callguard_core::Reason::FailOpen));
    }
    let _ = e.flush();
    let _ = e.history(10);
    drop(e);
    // A database that is not one, quarantined on open: its warning names the file, not a number.
    fs::write(dir.path().join("x.db"), format!("garbage {}", numbers[8])).unwrap();
    let e = Engine::open(&dir.path().join("x.db")).unwrap();
    for n in &numbers[300..] {
        e.screen(&ScreenRequest::number(n.as_str()));
    }
    drop(e);

    let lines = LINES.lock().unwrap().clone();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("DEBUG") && l.contains("screened")),
        "the screening path logs (else this test proves nothing)"
    );
    for level in ["ERROR", "WARN"] {
        assert!(
            lines.iter().any(|l| l.starts_with(level)),
            "no {level} line logged"
        );
    }
    for line in &lines {
        for n in &numbers {
            assert!(
                !line.contains(n.as_str()),
                "a full number in a log line: {line}"
            );
            assert!(
                !line.contains(&n[1..]),
                "a number without its first digit: {line}"
            );
        }
    }
    println!(
        "{} log lines checked against {} numbers",
        lines.len(),
        numbers.len()
    );
}

const SQL: [&str; 6] = [
    "'); DROP TABLE rules; --",
    "\" OR 1=1 --",
    "x'; DELETE FROM reports WHERE '1'='1",
    "Robert'); DROP TABLE settings;--",
    "%' UNION SELECT key, value FROM settings --",
    "\0'; ATTACH DATABASE '/tmp/x' AS x; --",
];

#[test]
fn sql_looking_text_is_stored_as_text() {
    let (dir, e) = common::engine();
    for (i, sql) in SQL.iter().enumerate() {
        let number = format!("1380013800{i}");
        e.add_rule(&number, RuleEffect::Block, Some(sql), false)
            .unwrap();
        e.report(&number, ReportCategory::Fraud, Some(sql), T0 + i as i64)
            .unwrap();
        // As a pattern, a number, a setting key or value: refused or harmless, never run.
        assert!(matches!(
            e.add_rule(sql, RuleEffect::Block, None, true),
            Err(Error::InvalidInput(_))
        ));
        assert!(e.set_setting(sql, "true").is_err());
        assert!(e.set_setting("language", sql).is_err());
        assert!(matches!(
            e.report(sql, ReportCategory::Fraud, None, T0),
            Err(Error::InvalidInput(_))
        ));
        let d = e.screen(&ScreenRequest::number(*sql));
        assert_eq!(d.action, callguard_core::Action::Allow);
    }
    // The same text through a CSV list, quoted as RFC 4180 says.
    let csv = dir.path().join("sql.csv");
    let mut text = String::new();
    for (i, sql) in SQL.iter().enumerate() {
        text.push_str(&format!(
            "1590015900{i},block,,\"{}\"\n",
            sql.replace('"', "\"\"")
        ));
    }
    fs::write(&csv, text).unwrap();
    assert_eq!(e.import_file(&csv).unwrap().rules, SQL.len() as u64);

    let rules = e.rules().unwrap();
    assert_eq!(
        rules.len(),
        2 * SQL.len(),
        "every rule kept; no table dropped"
    );
    for (i, sql) in SQL.iter().enumerate() {
        for number in [format!("1380013800{i}"), format!("1590015900{i}")] {
            let rule = rules.iter().find(|r| r.pattern == number).unwrap();
            assert_eq!(rule.note.as_deref(), Some(sql.trim()), "stored verbatim");
        }
    }
    let evidence = e.evidence(Lang::En).unwrap();
    assert!(!evidence.text.is_empty());
    assert_eq!(
        common::screen_at(&e, "13800138000", T0).label,
        Label::UserBlocked
    );
    let conn = Connection::open(dir.path().join("callguard.db")).unwrap();
    let tables: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('rules', 'reports', 'settings')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 3, "no table dropped");
    let notes: Vec<String> = conn
        .prepare("SELECT note FROM reports ORDER BY reported_at")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        notes,
        SQL.iter().map(|s| s.trim().to_owned()).collect::<Vec<_>>()
    );
}

#[test]
fn import_and_export_paths_that_are_missing_or_folders_are_refused_cleanly() {
    let (dir, e) = common::engine();
    e.add_rule("13800138000", RuleEffect::Block, None, false)
        .unwrap();
    let folder_csv = dir.path().join("folder.csv");
    fs::create_dir(&folder_csv).unwrap();
    let missing = dir.path().join("missing.json");
    let under_missing = dir.path().join("nope").join("out.csv");
    let under_file = dir.path().join("callguard.db").join("out.csv");
    let imports: [&Path; 4] = [&missing, &folder_csv, dir.path(), Path::new("/")];
    for path in imports {
        match e.import_file(path) {
            Err(Error::InvalidInput(m)) => assert!(!m.is_empty()),
            other => panic!("import {}: {other:?}", path.display()),
        }
    }
    let exports: [PathBuf; 5] = [
        folder_csv.clone(),
        under_missing.clone(),
        under_file,
        dir.path().to_path_buf(),
        PathBuf::from("/proc/self/out.json"),
    ];
    for path in &exports {
        match e.export_file(path) {
            Err(Error::InvalidInput(m)) => assert!(!m.is_empty()),
            other => panic!("export {}: {other:?}", path.display()),
        }
    }
    assert!(folder_csv.is_dir(), "the folder is left alone");
    assert!(
        !under_missing.parent().unwrap().exists(),
        "no folder is created"
    );
    assert_eq!(e.rules().unwrap().len(), 1);
}

/// Crates that speak to a network. None may appear in any lock file of the project.
const NETWORK_CRATES: &[&str] = &[
    "reqwest",
    "hyper",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "attohttpc",
    "surf",
    "tokio",
    "async-std",
    "mio",
    "socket2",
    "h2",
    "native-tls",
    "openssl",
    "openssl-sys",
    "rustls",
    "tungstenite",
    "trust-dns-resolver",
    "hickory-resolver",
    "minreq",
    "websocket",
];

/// What networking looks like in Rust source.
const NETWORK_CODE: &[&str] = &[
    "std::net",
    "TcpStream",
    "TcpListener",
    "UdpSocket",
    "UnixStream",
    "ToSocketAddrs",
    "reqwest::",
    "hyper::",
    "ureq::",
    "tokio::net",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().filter_map(|e| e.ok()) {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() && name != "target" && !name.starts_with('.') {
            rust_files(&path, out);
        } else if name.ends_with(".rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_network_code_or_crate_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    rust_files(&root.join("rust-core"), &mut files);
    if root.join("fuzz").is_dir() {
        rust_files(&root.join("fuzz"), &mut files);
    }
    assert!(files.len() > 20, "found the sources: {}", files.len());
    let this_file = Path::new(file!()).file_name().unwrap();
    for file in &files {
        if file.file_name() == Some(this_file) {
            continue;
        }
        let text = fs::read_to_string(file).unwrap();
        for needle in NETWORK_CODE {
            assert!(!text.contains(needle), "{} uses {needle}", file.display());
        }
    }
    let mut locks = vec![root.join("Cargo.lock")];
    locks.extend(Some(root.join("fuzz/Cargo.lock")).filter(|p| p.exists()));
    for lock in locks {
        let text = fs::read_to_string(&lock).unwrap();
        let names: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("name = \""))
            .filter_map(|l| l.strip_suffix('"'))
            .collect();
        assert!(names.contains(&"rusqlite"), "read {}", lock.display());
        for name in names {
            assert!(
                !NETWORK_CRATES.contains(&name),
                "{} depends on the network crate {name}",
                lock.display()
            );
        }
    }
}
