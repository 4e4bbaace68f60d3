//! Shared pieces of the fuzz targets: the oracles they check besides "never panics".

use std::path::PathBuf;
use std::sync::LazyLock;

use callguard_core::{Engine, Label, Lang, ReportCategory, RuleEffect};

/// The seven numbers that may ever be labelled official (DESIGN §1).
pub const OFFICIAL: [&str; 7] = [
    "10001", "10085", "10016", "10000", "10086", "10010", "10099",
];

/// A private scratch folder for this fuzzing process, on tmpfs where there is one: imports need
/// a real file, and an export's fsync is free there.
pub fn scratch() -> &'static PathBuf {
    static DIR: LazyLock<PathBuf> = LazyLock::new(|| {
        let shm = PathBuf::from("/dev/shm");
        let base = if shm.is_dir() {
            shm
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("callguard-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch folder");
        dir
    });
    &DIR
}

/// Everything the user set up, as the JSON backup says it: the state an import must not touch
/// when it fails.
pub fn state(engine: &Engine) -> String {
    let path = scratch().join("state.json");
    engine
        .export_file(&path)
        .expect("export never fails on a healthy database");
    std::fs::read_to_string(&path).expect("read the export")
}

/// An in-memory engine holding one of everything, as a user's phone would.
pub fn seeded_engine() -> Engine {
    let e = Engine::open_in_memory().expect("in-memory engine");
    e.add_rule("13800138000", RuleEffect::Block, Some("seed"), false)
        .unwrap();
    e.add_rule("170*", RuleEffect::Block, None, false).unwrap();
    e.add_rule("0755????????", RuleEffect::Allow, None, false)
        .unwrap();
    e.report("13912345678", ReportCategory::PlanOffer, Some("5G"), 1)
        .unwrap();
    e.refuse_marketing(callguard_core::Carrier::ChinaMobile, 2)
        .unwrap();
    e.set_setting("block_lookalike", "true").unwrap();
    e
}

/// Imports `data` as a file with `extension` into a seeded engine and checks the promises: no
/// panic; a failed import changes nothing and says why; an accepted import can be exported and
/// that export imported into a fresh engine, giving the same state (export → import restores).
pub fn check_import(data: &[u8], extension: &str) {
    let engine = seeded_engine();
    let before = state(&engine);
    let input = scratch().join(format!("input.{extension}"));
    std::fs::write(&input, data).expect("write the input");
    match engine.import_file(&input) {
        Err(e) => {
            assert!(!e.to_string().is_empty(), "an error says what went wrong");
            assert_eq!(
                state(&engine),
                before,
                "a failed import changed the database: {e}"
            );
        }
        Ok(_) => {
            let after = state(&engine);
            let backup = scratch().join("backup.json");
            std::fs::write(&backup, &after).unwrap();
            let fresh = Engine::open_in_memory().unwrap();
            if let Err(e) = fresh.import_file(&backup) {
                panic!("an export of an accepted import cannot be imported: {e}\n{after}");
            }
            assert_eq!(
                state(&fresh),
                after,
                "export → import did not restore the same state"
            );
        }
    }
    // Whatever happened, the engine still screens with the user's data.
    let d = engine.preview(&callguard_core::ScreenRequest {
        lang: Some(Lang::En),
        ..callguard_core::ScreenRequest::number("10085")
    });
    assert!(!d.reasons.contains(&callguard_core::Reason::FailOpen));
    assert!(matches!(d.label, Label::CarrierMarketing));
}
