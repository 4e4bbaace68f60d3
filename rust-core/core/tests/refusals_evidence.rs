//! Marketing refusals and complaint evidence: after "refuse-marketing", the carrier's marketing
//! number is silenced (or rejected) and every further call is kept for a 12300 complaint;
//! reported numbers carry what 12321 asks for. Both languages.

mod common;

use callguard_core::{Action, Carrier, Label, Lang, Reason, ReportCategory};
use common::{engine, reopen, screen_at, MINUTE, T0};

#[test]
fn calls_after_a_refusal_are_silenced_and_kept_as_evidence() {
    let (dir, e) = engine();
    screen_at(&e, "10085", T0 - MINUTE); // before the refusal: not evidence
    e.refuse_marketing(Carrier::ChinaMobile, T0).unwrap();
    let d = screen_at(&e, "+86 10085", T0 + 10 * MINUTE);
    assert_eq!(
        (d.label, d.action),
        (Label::CarrierMarketing, Action::Silence)
    );
    assert!(d.reasons.contains(&Reason::RefusedMarketing));
    assert_eq!(
        screen_at(&e, "10001", T0 + 11 * MINUTE).action,
        Action::Allow,
        "Telecom was not refused"
    );
    e.set_setting("after_refusal_action", "reject").unwrap();
    assert_eq!(
        screen_at(&e, "10085", T0 + 20 * MINUTE).action,
        Action::Reject
    );
    drop(e);

    let e = reopen(&dir);
    let evidence = e.evidence(Lang::Zh).unwrap();
    assert_eq!(evidence.refusals.len(), 1);
    let calls: Vec<i64> = evidence.refusals[0].calls.iter().map(|c| c.time).collect();
    assert_eq!(calls, vec![T0 + 10 * MINUTE, T0 + 20 * MINUTE]);
    assert!(
        evidence.text.contains("12300")
            && evidence.text.contains("中国移动")
            && evidence.text.contains("10085")
    );
    let en = e.evidence(Lang::En).unwrap().text;
    assert!(
        en.contains("12300") && en.contains("China Mobile") && en.contains("called me 2 times:"),
        "{en}"
    );
    // CallGuard cannot know whether the user complained to the carrier first, which 12300
    // requires: the text leaves the date to fill in and says to call the hotline first.
    assert!(
        evidence.text.contains("请填写日期") && evidence.text.contains("请先拨打 10086"),
        "{}",
        evidence.text
    );
    assert!(
        en.contains("fill in the date") && en.contains("call 10086 first"),
        "{en}"
    );
}

#[test]
fn reported_numbers_carry_the_fields_12321_asks_for() {
    let (_dir, e) = engine();
    screen_at(&e, "13912345678", T0);
    e.report(
        "13912345678",
        ReportCategory::SimOffer,
        Some("asked for my code"),
        T0 + MINUTE,
    )
    .unwrap();
    screen_at(&e, "13912345678", T0 + 60 * MINUTE);
    let evidence = e.evidence(Lang::En).unwrap();
    let r = &evidence.reported[0];
    assert_eq!(
        (r.number.as_str(), r.category, r.count),
        ("13912345678", ReportCategory::SimOffer, 1)
    );
    assert_eq!(r.call_times, vec![T0, T0 + 60 * MINUTE]);
    assert!(evidence.text.contains("12321") && evidence.text.contains("Number: 13912345678"));
}

#[test]
fn evidence_survives_with_history_off() {
    let (_dir, e) = engine();
    e.set_setting("history_enabled", "false").unwrap();
    e.refuse_marketing(Carrier::ChinaUnicom, T0).unwrap();
    screen_at(&e, "10016", T0 + MINUTE);
    assert!(e.history(10).unwrap().is_empty());
    assert_eq!(e.evidence(Lang::En).unwrap().refusals[0].calls.len(), 1);
}

#[test]
fn broadnet_has_no_marketing_number_to_refuse() {
    let (_dir, e) = engine();
    assert!(e.refuse_marketing(Carrier::ChinaBroadnet, T0).is_err());
    assert!(e.refusals().unwrap().is_empty());
    assert!(e
        .evidence(Lang::En)
        .unwrap()
        .text
        .contains("No evidence yet"));
}
