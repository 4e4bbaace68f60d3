//! Exports on the call path and after it: screening a call, checking an SMS, the history of
//! screened calls and the complaint evidence.

use callguard_core::{Lang, ScreenRequest};
use jni::objects::{JClass, JString};
use jni::sys::{jint, jlong};
use jni::EnvUnowned;

use crate::convert::{
    code_arg, json_object_arg, json_result, optional_string_arg, string_arg, string_arg_lossy,
};
use crate::engine_call;
use crate::error::BridgeError;
use crate::logging::masked;

/// `NativeBridge.screen(handle, requestJson)`: the Decision JSON for one call.
///
/// Broken Unicode in the request is replaced rather than rejected: whatever Android hands us,
/// the call gets a decision.
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_screen<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    request_json: JString<'local>,
) -> JString<'local> {
    engine_call(&mut env, handle, |env, engine| {
        let text = string_arg_lossy(env, &request_json, "requestJson")?;
        let request: ScreenRequest = json_object_arg(&text, "requestJson")?;
        let decision = engine.screen(&request);
        log::debug!(
            "screened {}: {} -> {}",
            masked(&decision.number.normalized),
            decision.label,
            decision.action
        );
        json_result(env, &decision)
    })
}

/// `NativeBridge.checkSms(handle, sender, body, atMillis, lang)`: the SmsVerdict JSON; a null
/// `lang` follows the language setting.
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_checkSms<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    sender: JString<'local>,
    body: JString<'local>,
    at_millis: jlong,
    lang: JString<'local>,
) -> JString<'local> {
    engine_call(&mut env, handle, |env, engine| {
        let sender = string_arg(env, &sender, "sender")?;
        let body = string_arg(env, &body, "body")?;
        let lang = match optional_string_arg(env, &lang, "lang")? {
            Some(code) => Some(code_arg(&code, "language", Lang::from_code)?),
            None => None,
        };
        let lang = engine.language(lang, None);
        json_result(env, &engine.check_sms(&sender, &body, at_millis, lang))
    })
}

/// `NativeBridge.history(handle, limit, lang)`: the newest `limit` screened calls, as JSON, each
/// located (`location`, `carrier_hint`) in `lang`; a null `lang` follows the language setting.
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_history<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    limit: jint,
    lang: JString<'local>,
) -> JString<'local> {
    engine_call(&mut env, handle, |env, engine| {
        let limit = usize::try_from(limit).map_err(|_| {
            BridgeError::InvalidArgument(format!("limit must not be negative: {limit}"))
        })?;
        let lang = match optional_string_arg(env, &lang, "lang")? {
            Some(code) => Some(code_arg(&code, "language", Lang::from_code)?),
            None => None,
        };
        let lang = engine.language(lang, None);
        json_result(env, &engine.history_in(limit, lang)?)
    })
}

/// `NativeBridge.evidence(handle, lang)`: the complaint evidence JSON in language `lang`.
#[unsafe(no_mangle)]
pub extern "system" fn Java_org_callguard_bridge_NativeBridge_evidence<'local>(
    mut env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    lang: JString<'local>,
) -> JString<'local> {
    engine_call(&mut env, handle, |env, engine| {
        let lang = code_arg(
            &string_arg(env, &lang, "lang")?,
            "language",
            Lang::from_code,
        )?;
        json_result(env, &engine.evidence(lang)?)
    })
}
