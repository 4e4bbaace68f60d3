//! The JNI bridge between `org.callguard.bridge.NativeBridge` (android/bridge) and the CallGuard
//! engine (callguard-core).
//!
//! Thin on purpose: each `Java_…` export decodes its arguments, makes one engine call and
//! encodes the answer as JSON. Every export runs through [`error::run`], so a failure becomes a
//! typed Java exception and a panic an `AssertionError`, and the export returns a default value
//! — nothing unwinds into the JVM and nothing is `unwrap`ped at the boundary. Engines cross as
//! opaque `jlong` handles kept in the [`handle`] table, so a zero, closed or forged handle is an
//! `IllegalStateException`, never a wild pointer.
//!
//! Modules: [`error`] (the one error policy), [`handle`] (the handle table), [`convert`] (strings
//! and JSON), [`logging`], and the exports by area: `lifecycle` (here), [`screening`],
//! [`lists`], [`settings`].

#![deny(clippy::unwrap_used, clippy::expect_used)]
#![warn(missing_docs)]

pub mod convert;
pub mod error;
pub mod handle;
pub mod lists;
pub mod logging;
pub mod screening;
pub mod settings;

use std::path::Path;
use std::sync::Arc;

use callguard_core::Engine;
use jni::objects::{JClass, JString};
use jni::sys::jlong;
use jni::EnvUnowned;

use crate::convert::{java_string, json_result, string_arg};
use crate::error::run;
use crate::handle::Handles;

/// Every open engine, by the handle Java holds.
pub static ENGINES: Handles<Engine> = Handles::new();

/// `NativeBridge.version()`: this library's version.
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_version<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
) -> JString<'local> {
    run(&mut env, |env| java_string(env, env!("CARGO_PKG_VERSION")))
}

/// `NativeBridge.codes()`: every code the engine can emit, by enum, so the JVM suite can prove
/// the Kotlin enums know them all.
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_codes<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
) -> JString<'local> {
    run(&mut env, |env| json_result(env, &codes()))
}

/// `NativeBridge.open(dbPath)`: opens (or creates) the database; returns a new handle.
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_open<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    db_path: JString<'local>,
) -> jlong {
    logging::init();
    run(&mut env, |env| {
        let path = string_arg(env, &db_path, "dbPath")?;
        let engine = Engine::open(Path::new(&path))?;
        let handle = ENGINES.insert(Arc::new(engine));
        log::info!("engine opened ({} open)", ENGINES.len());
        Ok(handle)
    })
}

/// `NativeBridge.close(handle)`: forgets the handle; the engine is dropped once no call holds it.
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_close<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
) {
    run(&mut env, |_env| {
        drop(ENGINES.remove(handle)?);
        log::info!("engine closed ({} open)", ENGINES.len());
        Ok(())
    })
}

/// `NativeBridge.warnings(handle)`: problems found while opening, as a JSON array of strings.
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_warnings<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> JString<'local> {
    engine_call(&mut env, handle, |env, engine| {
        json_result(env, &engine.warnings())
    })
}

/// `NativeBridge.panicForTest()`: panics, so the JVM suite can prove a panic becomes an
/// `AssertionError` and the JVM lives on. Only in builds with the `test-panic` feature.
#[cfg(feature = "test-panic")]
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_panicForTest<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
) {
    run(&mut env, |_env| -> Result<(), error::BridgeError> {
        panic!("deliberate panic for the JVM suite")
    })
}

/// Every code of every enum that crosses the bridge, from the core's own `ALL` lists.
fn codes() -> serde_json::Value {
    use callguard_core::policy::{LanguageSetting, RefusalAction};
    use callguard_core::*;
    fn all<T: Code>() -> Vec<&'static str> {
        T::all().iter().map(|item| Code::code(*item)).collect()
    }
    serde_json::json!({
        "labels": all::<Label>(),
        "reasons": all::<Reason>(),
        "risks": all::<Risk>(),
        "actions": all::<Action>(),
        "severities": all::<Severity>(),
        "number_kinds": all::<NumberKind>(),
        "carriers": all::<Carrier>(),
        "presentations": all::<Presentation>(),
        "verifications": all::<Verification>(),
        "contact_statuses": all::<ContactStatus>(),
        "report_categories": all::<ReportCategory>(),
        "rule_effects": all::<RuleEffect>(),
        "rule_kinds": all::<RuleKind>(),
        "langs": all::<Lang>(),
        "language_settings": all::<LanguageSetting>(),
        "refusal_actions": all::<RefusalAction>(),
    })
}

/// [`run`] with the engine behind `handle`, which stays alive until `body` returns even if
/// another thread closes the handle meanwhile.
pub fn engine_call<'local, T: Default>(
    env: &mut EnvUnowned<'local>,
    handle: jlong,
    body: impl FnOnce(&mut jni::Env<'local>, &Engine) -> Result<T, error::BridgeError>,
) -> T {
    run(env, |env| {
        let engine = ENGINES.get(handle)?;
        body(env, &engine)
    })
}
