//! Fixtures shared by the engine's integration tests.
#![allow(dead_code)]

use callguard_core::{Decision, Engine, Lang, ScreenRequest};
use tempfile::TempDir;

/// A fresh engine on a database file in its own temporary folder.
pub fn engine() -> (TempDir, Engine) {
    let dir = tempfile::tempdir().expect("temp dir");
    let engine = Engine::open(&dir.path().join("callguard.db")).expect("open");
    (dir, engine)
}

/// Reopens the database in `dir`, as after a reboot.
pub fn reopen(dir: &TempDir) -> Engine {
    Engine::open(&dir.path().join("callguard.db")).expect("reopen")
}

/// 2026-11-30 09:00 Beijing time, in ms.
pub const T0: i64 = 1_796_000_400_000;
/// One minute in ms.
pub const MINUTE: i64 = 60_000;

/// Screens `number` at `at` ms, in English.
pub fn screen_at(engine: &Engine, number: &str, at: i64) -> Decision {
    engine.screen(&ScreenRequest {
        time: Some(at),
        lang: Some(Lang::En),
        ..ScreenRequest::number(number)
    })
}
