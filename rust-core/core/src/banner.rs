//! The incoming-call banner (DESIGN §5): title, body, warning and severity for every label, in
//! zh-CN and en, with numbers masked. Every carrier-related or suspicious call carries the
//! verification-code warning; look-alikes and plan/SIM offers also say where carriers market from.

use crate::classify::{Classification, ReportCategory};
use crate::decision::{Banner, Label, Severity};
use crate::directory::MARKETING_NUMBERS;
use crate::location;
use crate::number::{area_code_apart, Number};
use crate::words::{self, Lang, Words};

/// Never share a verification code: the sentence every carrier-related or suspicious banner carries.
pub const CODE_WARNING: Words = Words {
    zh: "任何人（包括运营商客服）都不需要您的短信验证码，切勿告诉任何人。",
    en: "Nobody, not even your carrier, needs your SMS verification code. Never share it.",
};

/// Where the carriers market from (the 1 Aug 2025 announcement).
pub const OFFICIAL_ONLY: Words = Words {
    zh: "三大运营商只用 10001（电信）、10085（移动）、10016（联通）营销；其他号码推销套餐或电话卡的，都不是官方渠道。",
    en: "Carriers market only from 10001 (Telecom), 10085 (Mobile) and 10016 (Unicom); any other number offering a plan or SIM card is not an official channel.",
};

/// How a real sign-up is confirmed.
pub const SIGN_UP_BY_SMS: Words = Words {
    zh: "办理业务只以您回复运营商短信确认为准，绝不需要向来电者报验证码。",
    en: "A sign-up is confirmed only by your own reply to the carrier's SMS, never by reading a code to a caller.",
};

/// One banner text: `{number}`, `{carrier}`, `{official}`, `{category}`, `{count}`, `{cc}` and
/// `{kind}` are filled in.
struct Text {
    key: &'static str,
    title: Words,
    body: Words,
}

const fn t(key: &'static str, title: Words, body: Words) -> Text {
    Text { key, title, body }
}

const fn w(zh: &'static str, en: &'static str) -> Words {
    Words { zh, en }
}

/// Banner texts, keyed by label code, or "label.reason" where the reason changes the words.
#[rustfmt::skip]
const TEXTS: &[Text] = &[
    t("hidden", w("隐藏号码来电", "Hidden number"),
      w("来电隐藏了号码。正规机构一般不会隐藏号码。", "The caller hid their number. Legitimate organisations rarely do.")),
    t("emergency", w("紧急服务 {number}", "Emergency services {number}"),
      w("这是紧急服务号码，请接听。", "This is an emergency-services number. Answer it.")),
    t("public_service", w("公共服务热线 {number}", "Public-service line {number}"),
      w("政府或公共服务热线（如 12321 举报中心、12300 电信投诉）。", "A government or public-service line (such as 12321 reports or 12300 telecom complaints).")),
    t("public_service.anti_fraud_line", w("公安反诈专线 {number}", "Police anti-fraud line {number}"),
      w("96110 是公安反诈专线，请务必接听：您或家人可能正在被诈骗。", "96110 is the police anti-fraud line. Answer it: you or your family may be the target of a scam.")),
    t("carrier_hotline", w("{carrier}官方客服 {number}", "{carrier} customer service {number}"),
      w("这是{carrier}的官方客服热线。", "This is {carrier}'s official customer-service hotline.")),
    t("carrier_marketing", w("{carrier}官方营销 {number}", "{carrier} official marketing {number}"),
      w("这是{carrier}唯一的官方营销号码，来电多为推荐套餐或业务。明确拒绝后，运营商必须停止营销来电。", "This is {carrier}'s only official marketing number; the call is probably a plan or service offer. Once you clearly refuse, the carrier must stop calling.")),
    t("carrier_marketing.refused_marketing", w("{carrier}营销来电（您已拒绝）", "{carrier} marketing (you refused)"),
      w("您已拒绝{carrier}的营销来电，但对方仍在来电。本次来电已记录，可作为向 12300 投诉的证据。", "You refused {carrier}'s marketing, yet it called again. This call has been kept as evidence for a complaint to 12300.")),
    t("carrier_lookalike", w("冒充运营商：{number}", "Carrier look-alike: {number}"),
      w("{number} 看起来像{carrier}的官方号码（{official}），但并不是。", "{number} looks like {carrier}'s official number ({official}) but is not it.")),
    t("contact", w("联系人来电", "Contact calling"),
      w("{number} 在您的通讯录中。", "{number} is in your contacts.")),
    t("user_blocked", w("已拦截：{number}", "Blocked: {number}"),
      w("您已将此号码加入黑名单。", "You blocked this number.")),
    t("user_allowed", w("信任号码 {number}", "Allowed: {number}"),
      w("您已将此号码设为信任号码。", "You marked this number as trusted.")),
    t("suspicious_plan_offer", w("疑似推销套餐/电话卡", "Likely plan or SIM card offer"),
      w("{number} 被举报{count}次：{category}。", "{number} was reported {count} time(s) for {category}.")),
    t("reported", w("被举报号码 {number}", "Reported number {number}"),
      w("此号码被举报{count}次：{category}。", "This number was reported {count} time(s) for {category}.")),
    t("international", w("境外来电 +{cc}", "Call from abroad (+{cc})"),
      w("{number} 来自境外（国家/地区码 +{cc}）。冒充客服、公检法的诈骗电话常从境外打来。", "{number} is calling from abroad (country code +{cc}). Scammers posing as customer service or police often call from abroad.")),
    t("suspicious.inbound_only_number", w("可疑来电：{number}", "Suspicious: {number}"),
      w("400/800 号码只能接听、不会主动呼出，显示这类号码的来电多为改号。", "400/800 numbers only receive calls; a call \"from\" one is probably spoofed.")),
    t("suspicious.sms_only_port", w("可疑来电：{number}", "Suspicious: {number}"),
      w("106 号段只用于发短信，不会打电话，此来电很可能是改号。", "106 numbers only send text messages and never place calls; this one is probably spoofed.")),
    t("suspicious.call_centre_95", w("外呼中心来电 {number}", "Call centre {number}"),
      w("95 开头的外呼中心号码，多为营销或催收。", "A 95 call-centre number, usually telemarketing or debt collection.")),
    t("suspicious.iot_number", w("可疑来电：{number}", "Suspicious: {number}"),
      w("这是物联网（数据卡）号码，正常情况下不会打电话。", "This is an IoT (data-only) number, which should not place voice calls.")),
    t("service_number.service_line_95", w("企业客服 {number}", "Service line {number}"),
      w("银行、航空等企业的 95 客服号码。", "A company's 95 service line (banks, airlines …).")),
    t("service_number.mvno_service_line", w("虚拟运营商客服 {number}", "MVNO service line {number}"),
      w("虚拟运营商的客服号码。", "A virtual operator's customer-service line.")),
    t("unknown", w("陌生来电 {number}", "Unknown caller {number}"),
      w("{number}（{kind}）不在您的通讯录中，也没有被举报。", "{number} ({kind}) is not in your contacts and has not been reported.")),
];

/// Whether a label's banner also says where carriers really market from.
fn needs_official_numbers(label: Label) -> bool {
    matches!(label, Label::CarrierLookalike | Label::SuspiciousPlanOffer)
}

/// The severity of each label's banner.
pub fn severity(c: &Classification) -> Severity {
    match c.label {
        Label::CarrierLookalike | Label::UserBlocked | Label::SuspiciousPlanOffer => {
            Severity::Danger
        }
        Label::Reported if c.category == Some(ReportCategory::Fraud) => Severity::Danger,
        Label::Hidden | Label::Reported | Label::International | Label::Suspicious => {
            Severity::Warning
        }
        _ => Severity::Info,
    }
}

/// Builds the banner for a classified call; `None` for unknown callers and service lines when
/// the user turned those banners off.
pub fn banner(
    c: &Classification,
    number: &Number,
    lang: Lang,
    banner_for_unknown: bool,
) -> Option<Banner> {
    if !banner_for_unknown && matches!(c.label, Label::Unknown | Label::ServiceNumber) {
        return None;
    }
    let text = text_for(c);
    let fill = |s: &str| fill_in(s, c, number, lang);
    let mut warning = Vec::new();
    if c.label.needs_code_warning() {
        warning.push(CODE_WARNING.get(lang));
    }
    if needs_official_numbers(c.label) {
        warning.push(OFFICIAL_ONLY.get(lang));
    }
    if c.label == Label::CarrierMarketing {
        warning.push(SIGN_UP_BY_SMS.get(lang));
    }
    let separator = lang.pick("", " ");
    let mut body = fill(text.body.get(lang));
    if let Some(place) = location::summary(number, lang) {
        body = format!("{body}{separator}{place}{}", lang.pick("。", "."));
    }
    Some(Banner {
        title: fill(text.title.get(lang)),
        body,
        warning: (!warning.is_empty()).then(|| warning.join(separator)),
        severity: severity(c),
    })
}

/// The most specific text: "label.reason" first, then the label's own.
fn text_for(c: &Classification) -> &'static Text {
    let code = c.label.code();
    c.reasons
        .iter()
        .find_map(|r| {
            TEXTS.iter().find(|t| {
                t.key.strip_prefix(code).and_then(|k| k.strip_prefix('.')) == Some(r.code())
            })
        })
        .or_else(|| TEXTS.iter().find(|t| t.key == code))
        .or_else(|| TEXTS.iter().find(|t| t.key.split('.').next() == Some(code)))
        .unwrap_or(&TEXTS[TEXTS.len() - 1])
}

/// Fills a template's `{placeholders}` in one pass.
fn fill_in(template: &str, c: &Classification, number: &Number, lang: Lang) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            break;
        };
        match &after[..close] {
            // A look-alike's digits are the evidence of the trick, and belong to no private person.
            "number" if c.label == Label::CarrierLookalike => {
                out.push_str(&area_code_apart(number))
            }
            "number" => out.push_str(&number.masked),
            "carrier" => out.push_str(match (c.carrier, lang) {
                (Some(carrier), Lang::Zh) => carrier.name_zh(),
                (Some(carrier), Lang::En) => carrier.name_en(),
                (None, _) => lang.pick("运营商", "a carrier"),
            }),
            "official" => match c.carrier {
                Some(carrier) => {
                    out.push_str(carrier.hotline());
                    if let Some(m) = carrier.marketing_number() {
                        let _ = write!(out, " / {m}");
                    }
                }
                None => out.push_str(MARKETING_NUMBERS),
            },
            "category" => out.push_str(c.category.map_or("", |cat| words::category(cat).get(lang))),
            "count" => {
                let _ = write!(out, "{}", c.report_count);
            }
            "cc" => out.push_str(number.country_code.as_deref().unwrap_or("")),
            "kind" => out.push_str(words::kind(number.kind).get(lang)),
            other => {
                let _ = write!(out, "{{{other}}}");
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::Reason;

    #[test]
    fn every_text_key_names_a_real_label_and_reason() {
        for text in TEXTS {
            let (label, reason) = match text.key.split_once('.') {
                Some((l, r)) => (l, Some(r)),
                None => (text.key, None),
            };
            assert!(Label::from_code(label).is_some(), "{}", text.key);
            if let Some(r) = reason {
                assert!(Reason::from_code(r).is_some(), "{}", text.key);
            }
        }
    }
}
