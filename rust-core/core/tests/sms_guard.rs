//! The SMS-code guard: a verification-code SMS within `sms_guard_minutes` of a stranger's call
//! raises a warning — danger after a risky call — and nothing otherwise.

mod common;

use callguard_core::{ContactStatus, Engine, Lang, ScreenRequest, Severity};
use common::{engine, screen_at, MINUTE, T0};

const CODE_SMS: &str =
    "【中国移动】您正在办理5G套餐升级，验证码 482913，5分钟内有效。请勿向任何人泄露。";

fn check(e: &Engine, at: i64) -> callguard_core::SmsVerdict {
    e.check_sms("10658000", CODE_SMS, at, Lang::En)
}

#[test]
fn a_code_after_a_lookalike_call_is_a_danger() {
    let (_dir, e) = engine();
    screen_at(&e, "100861", T0);
    let v = check(&e, T0 + 3 * MINUTE);
    assert!(v.is_code);
    assert_eq!(v.code_length, Some(6));
    assert_eq!(v.sender_name.as_deref(), Some("中国移动"));
    let w = v.warning.expect("a warning");
    assert_eq!(w.severity, Severity::Danger);
    assert!(
        w.body.contains("100861") && w.body.contains("never"),
        "{}",
        w.body
    );
    let zh = e
        .check_sms("10658000", CODE_SMS, T0 + 3 * MINUTE, Lang::Zh)
        .warning
        .unwrap();
    assert!(zh.body.contains("不要告诉任何人"), "{}", zh.body);
}

#[test]
fn a_code_after_an_unknown_strangers_call_is_a_warning() {
    let (_dir, e) = engine();
    screen_at(&e, "13800138000", T0);
    assert_eq!(
        check(&e, T0 + MINUTE).warning.map(|w| w.severity),
        Some(Severity::Warning)
    );
}

#[test]
fn no_warning_without_a_recent_stranger_call() {
    let (_dir, e) = engine();
    e.screen(&ScreenRequest {
        contact: ContactStatus::Contact,
        time: Some(T0),
        ..ScreenRequest::number("13800138000")
    });
    assert!(check(&e, T0 + MINUTE).warning.is_none(), "a contact called");
    screen_at(&e, "100861", T0);
    assert!(
        check(&e, T0 + 11 * MINUTE).warning.is_none(),
        "outside the 10-minute window"
    );
    assert!(
        check(&e, T0 - MINUTE).warning.is_none(),
        "the call came after the SMS"
    );
}

#[test]
fn no_warning_for_ordinary_messages_or_with_the_guard_off() {
    let (_dir, e) = engine();
    screen_at(&e, "100861", T0);
    let bill = e.check_sms(
        "10086",
        "【中国移动】您本月话费 58.00 元，余额 120.50 元。",
        T0 + MINUTE,
        Lang::En,
    );
    assert!(!bill.is_code && bill.warning.is_none());
    e.set_setting("sms_guard_minutes", "0").unwrap();
    let v = check(&e, T0 + MINUTE);
    assert!(v.is_code && v.warning.is_none());
}
