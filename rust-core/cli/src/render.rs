//! What a person sees in the terminal: the banner as the phone would show it, then the label,
//! the action and the reasons in words.

use std::io::{Result, Write};

use callguard_core::location;
use callguard_core::time::format_beijing;
use callguard_core::words::{self, Lang};
use callguard_core::{mask, Decision, HistoryEntry, Refusal, Rule, Severity, SmsVerdict};

fn severity_tag(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::Info => lang.pick("[提示]", "[info]"),
        Severity::Warning => lang.pick("[注意]", "[warning]"),
        Severity::Danger => lang.pick("[危险]", "[danger]"),
    }
}

/// A decision: banner first, then what CallGuard decided and why.
pub fn decision(out: &mut impl Write, d: &Decision, lang: Lang) -> Result<()> {
    if let Some(b) = &d.banner {
        writeln!(out, "{} {}", severity_tag(b.severity, lang), b.title)?;
        writeln!(out, "  {}", b.body)?;
        if let Some(w) = &b.warning {
            writeln!(out, "  ⚠ {w}")?;
        }
        writeln!(out)?;
    }
    // Chinese text takes full-width punctuation; English keeps its own.
    let (label_h, action_h, reasons_h, number_h, colon, open, close, comma, risk_w) = match lang {
        Lang::Zh => (
            "标签", "处理", "原因", "号码", "：", "（", "）", "，", "风险 ",
        ),
        Lang::En => (
            "Label", "Action", "Reasons", "Number", ":  ", " (", ")", ", ", "risk ",
        ),
    };
    let n = &d.number;
    let shown = if n.normalized.is_empty() {
        "—".to_owned()
    } else {
        n.normalized.clone()
    };
    let place = location::summary(n, lang)
        .map(|s| format!(" · {s}"))
        .unwrap_or_default();
    writeln!(
        out,
        "{number_h}{colon}{shown}{open}{}{close}{place}",
        words::kind(n.kind).get(lang)
    )?;
    writeln!(
        out,
        "{label_h}{colon}{}{open}{}{comma}{risk_w}{}{close}",
        words::label(d.label).get(lang),
        d.label,
        d.risk
    )?;
    let mut action = format!(
        "{}{open}{}{close}",
        words::action(d.action).get(lang),
        d.action
    );
    if d.skip_call_log {
        action += lang.pick(
            "，请求不记入通话记录（安卓只对运营商的来电筛选应用生效）",
            ", asks to keep it out of the call log (Android honours that only for the carrier's screening app)",
        );
    }
    if d.skip_notification {
        action += lang.pick("，不通知", ", no notification");
    }
    writeln!(out, "{action_h}{colon}{action}")?;
    if d.reasons.is_empty() {
        // Nothing is known against (or for) the number: say so rather than end on a bare heading.
        return writeln!(out, "{reasons_h}{colon}{}", lang.pick("无", "none"));
    }
    writeln!(out, "{reasons_h}{}", colon.trim_end())?;
    for r in &d.reasons {
        writeln!(out, "  - {}{open}{r}{close}", words::reason(*r).get(lang))?;
    }
    Ok(())
}

/// The user's rules.
pub fn rules(out: &mut impl Write, rules: &[Rule]) -> Result<()> {
    if rules.is_empty() {
        return writeln!(out, "no rules");
    }
    for r in rules {
        let note = r
            .note
            .as_deref()
            .map(|n| format!("  # {n}"))
            .unwrap_or_default();
        writeln!(
            out,
            "{:<6} {:<20} {:<9} {}{note}",
            r.effect,
            r.pattern,
            r.kind,
            format_beijing(r.created_at)
        )?;
    }
    Ok(())
}

/// A recorded refusal.
pub fn refusal(out: &mut impl Write, r: &Refusal, lang: Lang) -> Result<()> {
    let when = format_beijing(r.refused_at);
    let number = r.carrier.marketing_number().unwrap_or("");
    match lang {
        Lang::Zh => writeln!(
            out,
            "已记录：您于 {when}（北京时间）拒绝{}的营销来电。此后 {number} 的来电将按设置静音或拒接，并保留为投诉证据。",
            r.carrier.name_zh()
        ),
        Lang::En => writeln!(
            out,
            "Recorded: you refused {}'s marketing on {when} (Beijing time). Later calls from {number} are silenced or rejected as set, and kept as evidence.",
            r.carrier.name_en()
        ),
    }
}

/// Screened calls, newest first.
pub fn history(out: &mut impl Write, entries: &[HistoryEntry], lang: Lang) -> Result<()> {
    if entries.is_empty() {
        return writeln!(out, "{}", lang.pick("没有记录", "no calls recorded"));
    }
    for e in entries {
        let number = if e.number.is_empty() {
            "—".to_owned()
        } else {
            mask(&e.number)
        };
        let reasons: Vec<&str> = e
            .reasons
            .iter()
            .map(|r| words::reason(*r).get(lang))
            .collect();
        let place = location::phrase(e.location.as_deref(), e.carrier_hint, lang)
            .map(|s| format!("  {s}"))
            .unwrap_or_default();
        writeln!(
            out,
            "{}  {:<14} {} → {}  ({}){place}",
            format_beijing(e.time),
            number,
            words::label(e.label).get(lang),
            words::action(e.action).get(lang),
            reasons.join(lang.pick("；", "; "))
        )?;
    }
    Ok(())
}

/// An SMS verdict.
pub fn sms(out: &mut impl Write, v: &SmsVerdict, lang: Lang) -> Result<()> {
    match (&v.warning, v.is_code) {
        (Some(w), _) => {
            writeln!(out, "{} {}", severity_tag(w.severity, lang), w.title)?;
            writeln!(out, "  {}", w.body)
        }
        (None, true) => writeln!(
            out,
            "{}",
            lang.pick(
                "验证码短信。没有可疑来电在先，但仍请勿把验证码告诉任何人。",
                "A verification-code SMS. No suspicious call came first, but never share the code."
            )
        ),
        (None, false) => writeln!(
            out,
            "{}",
            lang.pick("不是验证码短信。", "Not a verification-code SMS.")
        ),
    }
}
