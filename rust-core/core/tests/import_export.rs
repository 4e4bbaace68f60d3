//! Import and export: CSV lists and JSON backups; one bad row imports nothing and names its
//! line; export then import into an empty database restores the same state; 1M rows import.

mod common;

use std::fs;
use std::io::Write;

use callguard_core::store::transfer::Backup;
use callguard_core::{Carrier, Engine, Label, Lang, ReportCategory, RuleEffect};
use common::{engine, screen_at, MINUTE, T0};

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
        .import_file(&write(&dir, "list.txt", "1,block,,\n"))
        .is_err());
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
