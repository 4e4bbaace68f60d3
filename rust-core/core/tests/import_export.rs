//! Import and export: CSV lists, plain lists and JSON backups, in UTF-8, UTF-16 or GBK; one bad
//! row imports nothing and names its line; export then import into an empty database restores
//! the same state; progress is reported; 1M rows import.

mod common;

use std::fs;
use std::io::Write;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use callguard_core::store::transfer::Backup;
use callguard_core::{
    Carrier, Engine, ImportFormat, Label, Lang, Progress, ReportCategory, RuleEffect, TextEncoding,
};
use common::{engine, screen_at, MINUTE, T0};
use proptest::prelude::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn note_of(e: &Engine, pattern: &str) -> Option<String> {
    e.rules()
        .unwrap()
        .into_iter()
        .find(|r| r.pattern == pattern)
        .unwrap_or_else(|| panic!("no rule {pattern}"))
        .note
}

fn report_notes(e: &Engine, number: &str) -> Vec<(ReportCategory, Option<String>)> {
    exported(e)
        .reports
        .into_iter()
        .filter(|r| r.number == number)
        .map(|r| (r.category, r.note))
        .collect()
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_csv_list_imports_rules_and_reports() {
    let (dir, e) = engine();
    let csv = "number_or_pattern,kind,category,note\n\
               13800138000,block,,\"called 5 times, hung up\"\n\
               170*,block,,\n\
               # a comment\n\
               \n\
               0755????????,allow,,office\n\
               +86 139 1234 5678,report,sim_offer,\n\
               4001234567,report,fraud,\"said \"\"police\"\"\"\n";
    let s = e.import_file(&write(&dir, "list.csv", csv)).unwrap();
    assert_eq!((s.rules, s.reports), (3, 2));
    assert_eq!(screen_at(&e, "13800138000", T0).label, Label::UserBlocked);
    assert_eq!(
        screen_at(&e, "13912345678", T0).label,
        Label::SuspiciousPlanOffer
    );
    assert_eq!(screen_at(&e, "075523456789", T0).label, Label::UserAllowed);
    let notes: Vec<Option<String>> = e.rules().unwrap().into_iter().map(|r| r.note).collect();
    assert!(notes.contains(&Some("called 5 times, hung up".into())));
    // Importing the same list again adds no second report.
    e.import_file(&write(&dir, "list.csv", csv)).unwrap();
    assert!(screen_at(&e, "13912345678", T0 + 1)
        .banner
        .unwrap()
        .body
        .contains("1 time(s)"));
}

#[test]
fn one_bad_row_imports_nothing_and_names_its_line() {
    let cases = [
        ("13800138000,block,,\n138abc,block,,\n", "line 2"),
        ("13800138000,block,,\n13900139000,report,spam,\n", "line 2"),
        ("13800138000,block,,\n13900139000,report,,\n", "line 2"),
        ("13800138000,block,,\n13900139000,mute,,\n", "line 2"),
        ("13800138000,block,,\n\n13900139000\n", "line 3"),
        ("13800138000,block,,\n\"unclosed,block,,\n", "line 2"),
        ("13800138000,block,,\n170*,report,fraud,\n", "line 2"),
    ];
    for (csv, line) in cases {
        let (dir, e) = engine();
        e.add_rule("10690*", RuleEffect::Block, None, false)
            .unwrap();
        let err = e
            .import_file(&write(&dir, "bad.csv", csv))
            .unwrap_err()
            .to_string();
        assert!(err.contains(line), "{csv:?}: {err}");
        assert_eq!(e.rules().unwrap().len(), 1, "{csv:?} imported something");
    }
    let (dir, e) = engine();
    let huge_note = format!("13800138000,block,,{}\n", "x".repeat(10 << 20));
    assert!(e
        .import_file(&write(&dir, "huge.csv", &huge_note))
        .unwrap_err()
        .to_string()
        .contains("line 1"));
    assert!(e.rules().unwrap().is_empty());
}

#[test]
fn missing_files_folders_and_unknown_formats_are_refused_cleanly() {
    let (dir, e) = engine();
    assert!(e.import_file(&dir.path().join("missing.csv")).is_err());
    fs::create_dir(dir.path().join("folder.csv")).unwrap();
    assert!(e.import_file(&dir.path().join("folder.csv")).is_err());
    assert!(e.export_file(&dir.path().join("folder.csv")).is_err());
    assert!(e
        .import_file(&write(&dir, "list.xlsx", "1,block,,\n"))
        .unwrap_err()
        .to_string()
        .contains(".csv, .txt or .json"));
    assert!(e
        .export_file(&dir.path().join("list.txt"))
        .unwrap_err()
        .to_string()
        .contains(".csv or .json"));
    assert!(e
        .export_file(&dir.path().join("no/such/dir/out.json"))
        .is_err());
    assert!(e
        .import_file(&write(&dir, "bad.json", "{\"format\":\"something\"}"))
        .is_err());
}

fn set_up_everything(e: &Engine) {
    e.add_rule(
        "13800138000",
        RuleEffect::Block,
        Some("pest, \"really\""),
        false,
    )
    .unwrap();
    e.add_rule("170*", RuleEffect::Block, None, false).unwrap();
    e.add_rule("0755????????", RuleEffect::Allow, None, false)
        .unwrap();
    e.report(
        "13912345678",
        ReportCategory::PlanOffer,
        Some("5G upgrade"),
        T0,
    )
    .unwrap();
    e.report("13912345678", ReportCategory::PlanOffer, None, T0 + MINUTE)
        .unwrap();
    e.refuse_marketing(Carrier::ChinaTelecom, T0).unwrap();
    screen_at(e, "10001", T0 + 5 * MINUTE);
    e.set_setting("block_lookalike", "true").unwrap();
    e.set_setting("language", "en").unwrap();
    e.set_setting("history_days", "30").unwrap();
}

fn exported(e: &Engine) -> Backup {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    e.export_file(&path).unwrap();
    let mut b: Backup = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    b.rules.sort_by(|a, b| a.pattern.cmp(&b.pattern));
    b
}

#[test]
fn export_then_import_into_an_empty_database_restores_the_same_state() {
    let (dir, original) = engine();
    set_up_everything(&original);
    let backup = dir.path().join("backup.json");
    original.export_file(&backup).unwrap();

    let (_dir2, restored) = engine();
    restored.import_file(&backup).unwrap();
    assert_eq!(exported(&restored), exported(&original));
    assert_eq!(restored.settings(), original.settings());
    assert_eq!(
        restored.evidence(Lang::En).unwrap(),
        original.evidence(Lang::En).unwrap()
    );
    // Importing the backup twice changes nothing more.
    restored.import_file(&backup).unwrap();
    assert_eq!(exported(&restored), exported(&original));
}

#[test]
fn a_csv_export_reimports_the_same_rules_and_reports() {
    let (dir, original) = engine();
    set_up_everything(&original);
    let csv = dir.path().join("list.csv");
    assert_eq!(original.export_file(&csv).unwrap().rows, 5);
    let (_dir2, restored) = engine();
    restored.import_file(&csv).unwrap();
    let strip = |b: Backup| {
        b.rules
            .into_iter()
            .map(|r| (r.pattern, r.kind, r.effect, r.note))
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(exported(&restored)), strip(exported(&original)));
    assert_eq!(
        screen_at(&restored, "13912345678", T0).label,
        Label::SuspiciousPlanOffer
    );
}

#[test]
fn a_million_rows_import_in_one_transaction() {
    let (dir, e) = engine();
    let path = dir.path().join("million.csv");
    let mut f = std::io::BufWriter::new(fs::File::create(&path).unwrap());
    writeln!(f, "number_or_pattern,kind,category,note").unwrap();
    for i in 0..1_000_000u64 {
        writeln!(f, "1{:010},block,,", 3_000_000_000 + i).unwrap();
    }
    f.flush().unwrap();
    drop(f);
    assert_eq!(e.import_file(&path).unwrap().rules, 1_000_000);
    assert_eq!(screen_at(&e, "13000999999", T0).label, Label::UserBlocked);
    assert_eq!(screen_at(&e, "13001000000", T0).label, Label::Unknown);
}

#[test]
fn imported_prefix_and_wildcard_rules_apply_at_once() {
    let (dir, e) = engine();
    let csv = "1703*,block,,\n0755????????,block,,\n";
    e.import_file(&write(&dir, "patterns.csv", csv)).unwrap();
    assert_eq!(screen_at(&e, "17031234567", T0).label, Label::UserBlocked);
    assert_eq!(screen_at(&e, "075523456789", T0).label, Label::UserBlocked);
}

#[test]
fn a_csv_saved_by_excel_on_chinese_windows_as_utf8_imports_with_its_notes() {
    // BOM, CRLF, a header, Chinese notes, a quoted note with a comma, an in-cell line break
    // and doubled quotes.
    let (_dir, e) = engine();
    let s = e.import_file(&fixture("excel-utf8-bom-crlf.csv")).unwrap();
    assert_eq!((s.rules, s.reports), (3, 3));
    assert_eq!(
        (s.format, s.encoding),
        (ImportFormat::Csv, TextEncoding::Utf8)
    );
    assert_eq!(
        note_of(&e, "13812345678").as_deref(),
        Some("自称10086客服，推销5G套餐")
    );
    assert_eq!(note_of(&e, "170*").as_deref(), Some("虚拟号段"));
    assert_eq!(
        report_notes(&e, "13912345678"),
        [(
            ReportCategory::SimOffer,
            Some("要我办新卡，\n还问验证码".into())
        )]
    );
    assert_eq!(
        report_notes(&e, "4001234567"),
        [(ReportCategory::Fraud, Some("说\"公安局\"要转账".into()))]
    );
    assert_eq!(screen_at(&e, "13812345678", T0).label, Label::UserBlocked);
    assert_eq!(screen_at(&e, "075523456789", T0).label, Label::UserAllowed);
    assert_eq!(
        screen_at(&e, "13912345678", T0).label,
        Label::SuspiciousPlanOffer
    );
}

#[test]
fn a_gbk_csv_is_decoded_and_the_summary_says_so() {
    // Excel's plain "CSV" on Chinese Windows: GBK, no BOM, CRLF, a Chinese header row.
    let (_dir, e) = engine();
    let s = e.import_file(&fixture("excel-gbk.csv")).unwrap();
    assert_eq!((s.rules, s.reports), (3, 1));
    assert_eq!(s.encoding, TextEncoding::Gbk);
    assert_eq!(note_of(&e, "02155551234").as_deref(), Some("骚扰电话"));
    assert_eq!(note_of(&e, "106*").as_deref(), Some("短信端口"));
    assert_eq!(
        report_notes(&e, "13912345678"),
        [(ReportCategory::PlanOffer, Some("冒充联通推销宽带".into()))]
    );
    assert_eq!(screen_at(&e, "18612345678", T0).label, Label::UserAllowed);
}

#[test]
fn a_plain_list_from_another_blocker_blocks_every_line() {
    let (_dir, e) = engine();
    let s = e.import_file(&fixture("plain-list.txt")).unwrap();
    assert_eq!((s.rules, s.reports), (5, 0));
    assert_eq!(s.format, ImportFormat::PlainList);
    let mut rules: Vec<(String, RuleEffect)> = e
        .rules()
        .unwrap()
        .into_iter()
        .map(|r| (r.pattern, r.effect))
        .collect();
    rules.sort();
    let blocked = |p: &str| (p.to_owned(), RuleEffect::Block);
    assert_eq!(
        rules,
        [
            blocked("075588886666"),
            blocked("1065*"),
            blocked("13800138000"),
            blocked("17123456789"),
            blocked("400*"),
        ]
    );
    for number in ["+86 138 0013 8000", "4008001234", "10655012345"] {
        assert_eq!(
            screen_at(&e, number, T0).label,
            Label::UserBlocked,
            "{number}"
        );
    }
}

/// A list's file name and bytes, the rules and reports it adds, the encoding it is read in,
/// and a number it blocks.
type Shape = (&'static str, Vec<u8>, u64, u64, TextEncoding, &'static str);

#[test]
fn other_shapes_of_list_import() {
    let utf16 = |text: &str, le: bool| -> Vec<u8> {
        let units = text.encode_utf16();
        let mut bytes = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in units {
            bytes.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        bytes
    };
    let cases: Vec<Shape> = vec![
        ("one-column.csv", b"13800138000\r\n\"170*\"\r\n".to_vec(), 2, 0, TextEncoding::Utf8, "17012345678"),
        ("headed-column.csv", "号码\n13800138000\n".as_bytes().to_vec(), 1, 0, TextEncoding::Utf8, "13800138000"),
        ("no-header.csv", b"13800138000,block\n13900139000,report,fraud".to_vec(), 1, 1, TextEncoding::Utf8, "13800138000"),
        ("lf-only.csv", b"number_or_pattern,kind,category,note\n13800138000,block,,\"a\nb\"\n".to_vec(), 1, 0, TextEncoding::Utf8, "13800138000"),
        ("notepad-unicode.txt", utf16("13800138000\r\n170*\r\n", true), 2, 0, TextEncoding::Utf16Le, "17012345678"),
        ("utf16be.csv", utf16("13800138000,block,,骚扰\n", false), 1, 0, TextEncoding::Utf16Be, "13800138000"),
        ("gbk.txt", encoding_rs::GBK.encode("# 推销\r\n13800138000\r\n").0.into_owned(), 1, 0, TextEncoding::Gbk, "13800138000"),
        ("bom.json", [&b"\xef\xbb\xbf"[..], br#"{"format":"callguard-backup","version":1,"settings":{},"rules":[{"pattern":"13800138000","kind":"exact","effect":"block","note":null,"created_at":1}],"reports":[],"refusals":[]}"#].concat(), 1, 0, TextEncoding::Utf8, "13800138000"),
        ("empty.csv", Vec::new(), 0, 0, TextEncoding::Utf8, ""),
    ];
    for (name, bytes, rules, reports, encoding, blocked) in cases {
        let (dir, e) = engine();
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        let s = e
            .import_file(&path)
            .unwrap_or_else(|err| panic!("{name}: {err}"));
        assert_eq!(
            (s.rules, s.reports, s.encoding),
            (rules, reports, encoding),
            "{name}"
        );
        if !blocked.is_empty() {
            assert_eq!(
                screen_at(&e, blocked, T0).label,
                Label::UserBlocked,
                "{name}"
            );
        }
    }
}

#[test]
fn undecodable_or_malformed_files_import_nothing_and_name_the_line() {
    let gbk_then_junk = [
        encoding_rs::GBK
            .encode("13800138000,block,,推销\r\n")
            .0
            .into_owned(),
        b"13900139000,block,,\x81\x20\r\n".to_vec(),
    ]
    .concat();
    let cases: [(&str, Vec<u8>, &str); 8] = [
        (
            "after-blanks.csv",
            b"# list\r\n13800138000,block,,\"two\r\nlines\"\r\n\r\n\r\nbad,block\r\n".to_vec(),
            "line 6",
        ),
        (
            "after-blanks-no-end.csv",
            b"13800138000,block\n\n\n\n13900139000,blok".to_vec(),
            "line 5",
        ),
        ("junk.csv", gbk_then_junk, "line 2"),
        (
            "bom-but-not-utf8.csv",
            b"\xef\xbb\xbf13800138000,block\n13900139000,block,,\xff\n".to_vec(),
            "line 2",
        ),
        (
            "mixed.csv",
            b"13800138000\n13900139000,block\n".to_vec(),
            "line 2",
        ),
        ("bad.txt", b"13800138000\n\nhello\n".to_vec(), "line 3"),
        (
            "pair.txt",
            b"13800138000\n13900139000,block\n".to_vec(),
            "line 2",
        ),
        (
            "open-quote.csv",
            b"13800138000,block,,\"never closed\n13900139000,block,,\n".to_vec(),
            "line 1",
        ),
    ];
    for (name, bytes, line) in cases {
        let (dir, e) = engine();
        e.add_rule("10690*", RuleEffect::Block, None, false)
            .unwrap();
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        let err = e.import_file(&path).unwrap_err().to_string();
        assert!(err.contains(line), "{name}: {err}");
        assert_eq!(e.rules().unwrap().len(), 1, "{name} imported something");
    }
}

#[test]
fn a_csv_export_opens_in_a_spreadsheet_as_it_should() {
    let (dir, e) = engine();
    e.add_rule(
        "13800138000",
        RuleEffect::Block,
        Some("推销, \"5G\"\n再打"),
        false,
    )
    .unwrap();
    let path = dir.path().join("list.csv");
    e.export_file(&path).unwrap();
    let bytes = fs::read(&path).unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();
    assert_eq!(
        text,
        "\u{feff}number_or_pattern,kind,category,note\r\n13800138000,block,,\"推销, \"\"5G\"\"\n再打\"\r\n"
    );
}

/// A listener that keeps every report and lets the work go on.
fn record(seen: &mut Vec<Progress>) -> impl FnMut(Progress) -> ControlFlow<()> + '_ {
    |p| {
        seen.push(p);
        ControlFlow::Continue(())
    }
}

#[test]
fn progress_is_reported_from_zero_to_the_whole_file() {
    let (dir, e) = engine();
    let path = dir.path().join("list.csv");
    let mut f = std::io::BufWriter::new(fs::File::create(&path).unwrap());
    writeln!(f, "number_or_pattern,kind,category,note").unwrap();
    for i in 0..20_000u64 {
        writeln!(f, "1{:010},block,,", 3_000_000_000 + i).unwrap();
    }
    drop(f);
    let mut seen: Vec<Progress> = Vec::new();
    e.import_file_with_progress(&path, &mut record(&mut seen))
        .unwrap();
    let lines = 20_001;
    assert_eq!(
        seen.first(),
        Some(&Progress {
            done: 0,
            total: Some(lines)
        })
    );
    assert_eq!(
        seen.last(),
        Some(&Progress {
            done: lines,
            total: Some(lines)
        })
    );
    assert!(seen.windows(2).all(|w| w[0].done <= w[1].done), "{seen:?}");
    assert!((4..=10).contains(&seen.len()), "{} calls", seen.len());

    let mut seen: Vec<Progress> = Vec::new();
    let out = dir.path().join("out.csv");
    let rows = e
        .export_file_with_progress(&out, &mut record(&mut seen))
        .unwrap()
        .rows;
    assert_eq!(rows, 20_000);
    assert_eq!(
        seen.first(),
        Some(&Progress {
            done: 0,
            total: Some(rows)
        })
    );
    assert_eq!(
        seen.last(),
        Some(&Progress {
            done: rows,
            total: Some(rows)
        })
    );

    // A failed import reports no completion.
    let bad = write(&dir, "bad.csv", "13800138000,block\nnot a number,block\n");
    let mut seen: Vec<Progress> = Vec::new();
    assert!(e
        .import_file_with_progress(&bad, &mut record(&mut seen))
        .is_err());
    assert!(seen.iter().all(|p| p.done < 2), "{seen:?}");
}

#[test]
fn a_listener_that_says_stop_cancels_the_work_and_changes_nothing() {
    let (dir, e) = engine();
    e.add_rule("10690*", RuleEffect::Block, None, false)
        .unwrap();
    let path = dir.path().join("list.csv");
    let rows: String = (0..10_000u64)
        .map(|i| format!("1{:010},block,,\n", 3_000_000_000 + i))
        .collect();
    fs::write(&path, rows).unwrap();
    // Stop at once, or after the first report of progress.
    for stop_after in [0, 1] {
        let mut calls = 0;
        let err = e
            .import_file_with_progress(&path, &mut |_| {
                calls += 1;
                if calls > stop_after {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            })
            .unwrap_err();
        assert_eq!(err.to_string(), "the import cancelled");
        assert_eq!(e.rules().unwrap().len(), 1);
    }
    let out = dir.path().join("out.csv");
    let err = e
        .export_file_with_progress(&out, &mut |_| ControlFlow::Break(()))
        .unwrap_err();
    assert_eq!(err.to_string(), "the export cancelled");
    assert!(!out.exists());
    assert!(!dir.path().join("out.csv.partial").exists());
}

/// Notes as people write them: Chinese, commas, quotes, line breaks of every kind.
fn note() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![
        "[a-z0-9 ,\"\r\n]{1,30}",
        "[推销骚扰客服验证码，。、“”\n ]{1,20}",
        "\\PC{1,40}",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever the notes hold, a CSV export imported into an empty database gives back the
    /// same rules and reports.
    #[test]
    fn a_csv_export_round_trips_any_notes(
        rules in prop::collection::vec(("1[3-9][0-9]{9}|0755[0-9]{8}|170[0-9]?\\*", any::<bool>(), note()), 0..12),
        reports in prop::collection::btree_map("1[3-9][0-9]{9}", (0..ReportCategory::ALL.len(), note()), 0..6),
    ) {
        let (dir, original) = engine();
        for (pattern, allow, note) in &rules {
            let effect = if *allow { RuleEffect::Allow } else { RuleEffect::Block };
            original.add_rule(pattern, effect, note.as_deref(), false).unwrap();
        }
        for (number, (category, note)) in &reports {
            original.report(number, ReportCategory::ALL[*category], note.as_deref(), T0).unwrap();
        }
        let csv = dir.path().join("list.csv");
        original.export_file(&csv).unwrap();
        let (_dir2, restored) = engine();
        restored.import_file(&csv).unwrap();
        let (a, b) = (exported(&original), exported(&restored));
        let rules = |b: &Backup| b.rules.iter().map(|r| (r.pattern.clone(), r.kind, r.effect, r.note.clone())).collect::<Vec<_>>();
        let reports = |b: &Backup| {
            let mut v: Vec<_> = b.reports.iter().map(|r| (r.number.clone(), r.category, r.note.clone())).collect();
            v.sort();
            v
        };
        prop_assert_eq!(rules(&a), rules(&b));
        prop_assert_eq!(reports(&a), reports(&b));
    }
}
