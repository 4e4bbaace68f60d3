//! Migrations: a database written by schema version 1 (the first release's tables, frozen here
//! as they shipped) opens, upgrades to the current version, and keeps every row.

use callguard_core::store::schema::CURRENT_VERSION;
use callguard_core::{Engine, Label, Lang, Settings};
use rusqlite::Connection;

/// Schema version 1 exactly as it shipped; never edit it to match later versions.
const V1: &str = "
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE rules (pattern TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('exact', 'prefix', 'wildcard')),
    effect TEXT NOT NULL CHECK (effect IN ('block', 'allow')), note TEXT, created_at INTEGER NOT NULL,
    PRIMARY KEY (pattern, kind)) WITHOUT ROWID;
CREATE TABLE reports (id INTEGER PRIMARY KEY, number TEXT NOT NULL, category TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('user', 'list')), note TEXT, reported_at INTEGER NOT NULL);
CREATE INDEX reports_by_number ON reports (number);
CREATE TABLE refusals (carrier TEXT PRIMARY KEY, refused_at INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE history (id INTEGER PRIMARY KEY, time INTEGER NOT NULL, number TEXT NOT NULL, label TEXT NOT NULL,
    action TEXT NOT NULL, reasons TEXT NOT NULL);
CREATE INDEX history_by_time ON history (time);
PRAGMA user_version = 1;
";

#[test]
fn a_version_1_database_upgrades_with_its_data_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(V1).unwrap();
        let now = callguard_core::time::now_ms();
        conn.execute_batch(&format!(
            "INSERT INTO settings VALUES ('block_lookalike', 'true'), ('language', 'en');
             INSERT INTO rules VALUES ('13800138000', 'exact', 'block', 'old pest', 1), ('170', 'prefix', 'block', NULL, 2);
             INSERT INTO reports (number, category, source, note, reported_at) VALUES
                 ('13912345678', 'sim_offer', 'user', NULL, 5), ('13912345678', 'sim_offer', 'user', NULL, 5);
             INSERT INTO refusals VALUES ('china_mobile', 7);
             INSERT INTO history (time, number, label, action, reasons) VALUES ({now}, '10085', 'carrier_marketing', 'allow', 'official_marketing_number');"
        ))
        .unwrap();
    }
    let e = Engine::open(&path).unwrap();
    let version: i64 = Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, CURRENT_VERSION);
    assert_eq!(
        e.settings(),
        Settings {
            block_lookalike: true,
            language: callguard_core::policy::LanguageSetting::En,
            ..Settings::default()
        }
    );
    assert_eq!(e.rules().unwrap().len(), 2);
    assert_eq!(e.refusals().unwrap().len(), 1);
    assert_eq!(e.history(10).unwrap()[0].label, Label::CarrierMarketing);
    let d = e.screen(&callguard_core::ScreenRequest::number("13912345678"));
    assert_eq!(d.label, Label::SuspiciousPlanOffer);
    // The exact duplicate report of version 1 is merged by the unique index of version 2.
    assert!(d.banner.unwrap().body.contains("1 time(s)"));
    assert_eq!(e.evidence(Lang::En).unwrap().reported.len(), 1);
}

#[test]
fn a_fresh_database_is_at_the_current_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    drop(Engine::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, CURRENT_VERSION);
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}
