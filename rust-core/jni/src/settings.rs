//! Exports for the settings screen: the settings themselves, and import and export of files.

use std::path::Path;

use jni::objects::{JClass, JString};
use jni::sys::jlong;
use jni::EnvUnowned;

use crate::convert::{java_string, json_result, string_arg};
use crate::engine_call;

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

/// `NativeBridge.importFile(handle, path)`: imports a .csv list or .json backup; the summary JSON.
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_importFile<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    path: JString<'local>,
) -> JString<'local> {
    engine_call(&mut env, handle, |env, engine| {
        let path = string_arg(env, &path, "path")?;
        json_result(env, &engine.import_file(Path::new(&path))?)
    })
}

/// `NativeBridge.exportFile(handle, path)`: writes a backup; the summary JSON.
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_exportFile<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    path: JString<'local>,
) -> JString<'local> {
    engine_call(&mut env, handle, |env, engine| {
        let path = string_arg(env, &path, "path")?;
        json_result(env, &engine.export_file(Path::new(&path))?)
    })
}
