//! Exports for the settings screen: the settings themselves, and import and export of files.

use std::path::Path;

use std::ops::ControlFlow;

use callguard_core::{Progress, ProgressListener};
use jni::objects::{JClass, JObject, JString};
use jni::sys::jlong;
use jni::{jni_sig, jni_str, Env, EnvUnowned, JValue};

use crate::convert::{java_string, json_result, string_arg};
use crate::engine_call;
use crate::error::BridgeError;

/// `NativeBridge.settingsList(handle)`: every setting, as the Settings JSON object.
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_settingsList<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> JString<'local> {
    engine_call(&mut env, handle, |env, engine| {
        json_result(env, &engine.settings())
    })
}

/// `NativeBridge.settingsGet(handle, key)`: one setting's value, as text.
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_settingsGet<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    key: JString<'local>,
) -> JString<'local> {
    engine_call(&mut env, handle, |env, engine| {
        let key = string_arg(env, &key, "key")?;
        java_string(env, &engine.setting(&key)?)
    })
}

/// `NativeBridge.settingsSet(handle, key, value)`: changes one setting (value as text).
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_settingsSet<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    key: JString<'local>,
    value: JString<'local>,
) {
    engine_call(&mut env, handle, |env, engine| {
        let key = string_arg(env, &key, "key")?;
        let value = string_arg(env, &value, "value")?;
        engine.set_setting(&key, &value)?;
        log::info!("setting {key} changed");
        Ok(())
    })
}

/// `NativeBridge.importFile(handle, path, listener)`: imports a .csv or .txt list or a .json
/// backup, telling the listener (which may be null) how far it has come; the summary JSON.
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_importFile<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    path: JString<'local>,
    listener: JObject<'local>,
) -> JString<'local> {
    engine_call(&mut env, handle, |env, engine| {
        let path = string_arg(env, &path, "path")?;
        let summary = with_listener(env, &listener, |progress| {
            engine.import_file_with_progress(Path::new(&path), progress)
        })?;
        json_result(env, &summary)
    })
}

/// `NativeBridge.exportFile(handle, path, listener)`: writes a backup or list, telling the
/// listener (which may be null) how far it has come; the summary JSON.
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_exportFile<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    path: JString<'local>,
    listener: JObject<'local>,
) -> JString<'local> {
    engine_call(&mut env, handle, |env, engine| {
        let path = string_arg(env, &path, "path")?;
        let summary = with_listener(env, &listener, |progress| {
            engine.export_file_with_progress(Path::new(&path), progress)
        })?;
        json_result(env, &summary)
    })
}

/// What the Java listener last answered.
enum Heard {
    /// Go on.
    Going,
    /// It returned false: the user cancelled.
    Cancelled,
    /// It threw: that exception is pending and must reach the caller untouched.
    Threw,
    /// The JNI call itself failed.
    Failed(String),
}

/// Runs `work` with a progress listener that calls `listener.onProgress(done, total)` (total
/// -1 when unknown) on this thread, as often as the core reports (every 4096 lines or rows).
/// A listener returning false cancels the work (`CancellationException`); one that throws
/// stops it, and its exception reaches the caller.
fn with_listener<'local, T>(
    env: &mut Env<'local>,
    listener: &JObject<'local>,
    work: impl FnOnce(&mut ProgressListener<'_>) -> callguard_core::Result<T>,
) -> Result<T, BridgeError> {
    let mut heard = Heard::Going;
    let result = {
        let mut hear = |p: Progress| -> ControlFlow<()> {
            if listener.is_null() {
                return ControlFlow::Continue(());
            }
            let total = p.total.map_or(-1, |t| i64::try_from(t).unwrap_or(i64::MAX));
            let done = i64::try_from(p.done).unwrap_or(i64::MAX);
            let answer = env
                .call_method(
                    listener,
                    jni_str!("onProgress"),
                    jni_sig!("(JJ)Z"),
                    &[JValue::Long(done), JValue::Long(total)],
                )
                .and_then(|v| v.z());
            heard = match answer {
                Ok(true) => return ControlFlow::Continue(()),
                Ok(false) => Heard::Cancelled,
                Err(jni::errors::Error::JavaException) => Heard::Threw,
                Err(e) => Heard::Failed(format!("onProgress failed: {e}")),
            };
            ControlFlow::Break(())
        };
        work(&mut hear)
    };
    match (result, heard) {
        // Even after the work is done, a pending exception must be the last word.
        (_, Heard::Threw) => Err(BridgeError::JavaPending),
        (Ok(value), _) => Ok(value),
        (Err(e), Heard::Cancelled) => Err(BridgeError::Cancelled(e.to_string())),
        (Err(_), Heard::Failed(m)) => Err(BridgeError::Internal(m)),
        (Err(e), Heard::Going) => Err(e.into()),
    }
}
