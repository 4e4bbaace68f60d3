//! Exports that change or read what the user knows about callers: reports, block and allow
//! rules, and marketing refusals.

use callguard_core::time::now_ms;
use callguard_core::{Carrier, ReportCategory, RuleEffect};
use jni::objects::{JClass, JString};
use jni::sys::{jboolean, jint, jlong};
use jni::EnvUnowned;

use crate::convert::{code_arg, json_result, optional_string_arg, string_arg};
use crate::engine_call;
use crate::error::BridgeError;
use crate::logging::masked;

/// `NativeBridge.report(handle, number, category, note)`: records a report, timed now.
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_report<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    number: JString<'local>,
    category: JString<'local>,
    note: JString<'local>,
) {
    engine_call(&mut env, handle, |env, engine| {
        let number = string_arg(env, &number, "number")?;
        let category = string_arg(env, &category, "category")?;
        let category = code_arg(&category, "report category", ReportCategory::from_code)?;
        let note = optional_string_arg(env, &note, "note")?;
        engine.report(&number, category, note.as_deref(), now_ms())?;
        log::info!("reported {} as {category}", masked(&number));
        Ok(())
    })
}

/// `NativeBridge.block(handle, pattern, note, force)`: adds a block rule; the Rule JSON.
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_block<'local>(
    env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    pattern: JString<'local>,
    note: JString<'local>,
    force: jboolean,
) -> JString<'local> {
    add_rule(env, handle, &pattern, &note, force, RuleEffect::Block)
}

/// `NativeBridge.allow(handle, pattern, note, force)`: adds an allow rule; the Rule JSON.
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_allow<'local>(
    env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    pattern: JString<'local>,
    note: JString<'local>,
    force: jboolean,
) -> JString<'local> {
    add_rule(env, handle, &pattern, &note, force, RuleEffect::Allow)
}

fn add_rule<'local>(
    mut env: EnvUnowned<'local>,
    handle: jlong,
    pattern: &JString<'local>,
    note: &JString<'local>,
    force: jboolean,
    effect: RuleEffect,
) -> JString<'local> {
    engine_call(&mut env, handle, |env, engine| {
        let pattern = string_arg(env, pattern, "pattern")?;
        let note = optional_string_arg(env, note, "note")?;
        let rule = engine.add_rule(&pattern, effect, note.as_deref(), force)?;
        log::info!("{effect} rule added for {}", masked(&pattern));
        json_result(env, &rule)
    })
}

/// `NativeBridge.unblock(handle, pattern)`: removes the rule for `pattern`; true if one existed.
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_unblock<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    pattern: JString<'local>,
) -> jboolean {
    engine_call(&mut env, handle, |env, engine| {
        let pattern = string_arg(env, &pattern, "pattern")?;
        Ok(engine.remove_rule(&pattern)?)
    })
}

/// `NativeBridge.rules(handle)`: every rule, as a JSON array.
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_rules<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> JString<'local> {
    engine_call(&mut env, handle, |env, engine| {
        json_result(env, &engine.rules()?)
    })
}

/// `NativeBridge.rulePage(handle, filter, offset, limit)`: one page of the rules starting with
/// `filter`, as `{"total", "rules"}`.
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_rulePage<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    filter: JString<'local>,
    offset: jint,
    limit: jint,
) -> JString<'local> {
    engine_call(&mut env, handle, |env, engine| {
        let filter = string_arg(env, &filter, "filter")?;
        let (Ok(offset), Ok(limit)) = (usize::try_from(offset), usize::try_from(limit)) else {
            return Err(BridgeError::InvalidArgument(
                "offset and limit must not be negative".into(),
            ));
        };
        json_result(env, &engine.rules_page(&filter, offset, limit)?)
    })
}

/// `NativeBridge.refuseMarketing(handle, carrier)`: records a refusal, timed now; the Refusal JSON.
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_refuseMarketing<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    carrier: JString<'local>,
) -> JString<'local> {
    engine_call(&mut env, handle, |env, engine| {
        let carrier = code_arg(
            &string_arg(env, &carrier, "carrier")?,
            "carrier",
            Carrier::from_code,
        )?;
        json_result(env, &engine.refuse_marketing(carrier, now_ms())?)
    })
}

/// `NativeBridge.refusals(handle)`: every refusal, as a JSON array.
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_refusals<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> JString<'local> {
    engine_call(&mut env, handle, |env, engine| {
        json_result(env, &engine.refusals()?)
    })
}
