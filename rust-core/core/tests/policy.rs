//! The policy (DESIGN §4) as a table: by default everything rings except the user's blocks; each
//! category block rejects its label; a refusal silences or rejects the carrier's marketing; a
//! repeated call passes a category block but never a user block; pause lets everything ring;
//! strict mode rejects only callers a contacts lookup answered for, never an unknown.

use callguard_core::classify::{Knowledge, ReportCategory, ReportSummary, RuleEffect};
use callguard_core::number::parse;
use callguard_core::policy::RefusalAction;
use callguard_core::screen::{decide, ContactStatus, ScreenRequest};
use callguard_core::{Action, Lang, Presentation, Reason, Settings};

struct Case {
    name: &'static str,
    number: &'static str,
    contact: ContactStatus,
    hidden: bool,
    knowledge: Knowledge,
    settings: fn(&mut Settings),
    action: Action,
    reason: Option<Reason>,
}

fn defaults(_: &mut Settings) {}

const NONE: Knowledge = Knowledge {
    rule: None,
    report: None,
    refused_marketing: false,
    repeated: false,
};
const BLOCKED: Knowledge = Knowledge {
    rule: Some(RuleEffect::Block),
    ..NONE
};
const ALLOWED: Knowledge = Knowledge {
    rule: Some(RuleEffect::Allow),
    ..NONE
};
const REFUSED: Knowledge = Knowledge {
    refused_marketing: true,
    ..NONE
};
const REPEATED: Knowledge = Knowledge {
    repeated: true,
    ..NONE
};
const PLAN_OFFER: Knowledge = Knowledge {
    report: Some(ReportSummary {
        category: ReportCategory::PlanOffer,
        count: 1,
        by_user: true,
        by_list: false,
    }),
    ..NONE
};

fn case(
    name: &'static str,
    number: &'static str,
    knowledge: Knowledge,
    settings: fn(&mut Settings),
    action: Action,
    reason: Option<Reason>,
) -> Case {
    Case {
        name,
        number,
        contact: ContactStatus::NotContact,
        hidden: false,
        knowledge,
        settings,
        action,
        reason,
    }
}

#[rustfmt::skip]
fn cases() -> Vec<Case> {
    use Action::*;
    vec![
        case("unknown rings by default", "13800138000", NONE, defaults, Allow, None),
        case("lookalike rings by default", "100861", NONE, defaults, Allow, None),
        case("user block rejects", "13800138000", BLOCKED, defaults, Reject, Some(Reason::UserRule)),
        case("user block rejects a carrier number too", "10085", BLOCKED, defaults, Reject, Some(Reason::UserRule)),
        case("user allow beats a category block", "100861", ALLOWED, |s| s.block_lookalike = true, Allow, Some(Reason::UserRule)),
        case("block_lookalike", "100861", NONE, |s| s.block_lookalike = true, Reject, Some(Reason::BlockedBySetting)),
        case("block_reported", "13912345678", PLAN_OFFER, |s| s.block_reported = true, Reject, Some(Reason::BlockedBySetting)),
        case("block_international", "+44 20 7946 0958", NONE, |s| s.block_international = true, Reject, Some(Reason::BlockedBySetting)),
        case("block_suspicious", "4001234567", NONE, |s| s.block_suspicious = true, Reject, Some(Reason::BlockedBySetting)),
        case("strict mode", "13800138000", NONE, |s| s.block_non_contacts = true, Reject, Some(Reason::StrictMode)),
        case("refused marketing is silenced", "10085", REFUSED, defaults, Silence, Some(Reason::RefusedMarketing)),
        case("refused marketing rejected when set", "10085", REFUSED, |s| s.after_refusal_action = RefusalAction::Reject, Reject, Some(Reason::RefusedMarketing)),
        case("a refusal does not touch the hotline", "10086", REFUSED, defaults, Allow, None),
        case("repeated call passes a category block", "100861", REPEATED, |s| s.block_lookalike = true, Allow, Some(Reason::RepeatedCallPassthrough)),
        case("repeated call never passes a user block", "13800138000", Knowledge { repeated: true, ..BLOCKED }, defaults, Reject, Some(Reason::UserRule)),
        case("passthrough off at 0 minutes", "100861", REPEATED, |s| { s.block_lookalike = true; s.repeated_call_minutes = 0 }, Reject, Some(Reason::BlockedBySetting)),
        case("paused lets blocks ring", "13800138000", BLOCKED, |s| s.paused = true, Allow, Some(Reason::ProtectionPaused)),
        case("emergency is never blocked", "110", BLOCKED, |s| s.block_non_contacts = true, Allow, Some(Reason::NeverBlock)),
        case("96110 is never blocked", "96110", BLOCKED, |s| s.block_non_contacts = true, Allow, Some(Reason::NeverBlock)),
        Case { contact: ContactStatus::Contact, ..case("strict mode lets contacts ring", "13800138000", NONE, |s| s.block_non_contacts = true, Allow, None) },
        Case { contact: ContactStatus::Unknown, ..case("strict mode never guesses: unknown contact status rings", "13800138000", NONE, |s| s.block_non_contacts = true, Allow, Some(Reason::ContactsUnknown)) },
        Case { contact: ContactStatus::Unknown, ..case("unknown contact status keeps a category block", "100861", NONE, |s| { s.block_lookalike = true; s.block_non_contacts = true }, Reject, Some(Reason::BlockedBySetting)) },
        Case { contact: ContactStatus::Unknown, ..case("unknown contact status keeps a user block", "13800138000", BLOCKED, |s| s.block_non_contacts = true, Reject, Some(Reason::UserRule)) },
        Case { contact: ContactStatus::Unknown, ..case("unknown contact status without strict mode says nothing", "13800138000", NONE, defaults, Allow, None) },
        Case { contact: ContactStatus::Contact, ..case("a blocked contact is still rejected", "13800138000", BLOCKED, defaults, Reject, Some(Reason::UserRule)) },
        Case { hidden: true, ..case("block_hidden", "", NONE, |s| s.block_hidden = true, Reject, Some(Reason::BlockedBySetting)) },
    ]
}

#[test]
fn every_case_gets_its_action_and_reason() {
    for c in cases() {
        let mut settings = Settings::default();
        (c.settings)(&mut settings);
        let presentation = if c.hidden {
            Presentation::Restricted
        } else {
            Presentation::Allowed
        };
        let request = ScreenRequest {
            contact: c.contact,
            presentation,
            ..ScreenRequest::number(c.number)
        };
        let d = decide(
            &request,
            &parse(c.number),
            &c.knowledge,
            &settings,
            Lang::En,
        );
        assert_eq!(d.action, c.action, "{}: {d:?}", c.name);
        if c.reason != Some(Reason::ContactsUnknown) {
            assert!(
                !d.reasons.contains(&Reason::ContactsUnknown),
                "{}: {:?}",
                c.name,
                d.reasons
            );
        }
        if let Some(reason) = c.reason {
            assert!(
                d.reasons.contains(&reason),
                "{}: {:?} lacks {reason:?}",
                c.name,
                d.reasons
            );
        }
    }
}

#[test]
fn skip_flags_apply_to_rejections_only() {
    let settings = Settings {
        skip_call_log_on_reject: true,
        skip_notification_on_reject: true,
        ..Settings::default()
    };
    let reject = decide(
        &ScreenRequest::number("13800138000"),
        &parse("13800138000"),
        &BLOCKED,
        &settings,
        Lang::En,
    );
    assert!(reject.skip_call_log && reject.skip_notification);
    let silence = decide(
        &ScreenRequest::number("10085"),
        &parse("10085"),
        &REFUSED,
        &settings,
        Lang::En,
    );
    assert_eq!(silence.action, Action::Silence);
    assert!(!silence.skip_call_log && !silence.skip_notification);
}

#[test]
fn settings_round_trip_through_text_and_refuse_bad_values() {
    let mut s = Settings::default();
    for (key, value) in Settings::default().entries() {
        s.set(key, &value).unwrap();
    }
    assert_eq!(s, Settings::default());
    for (key, bad) in [
        ("block_hidden", "maybe"),
        ("repeated_call_minutes", "-1"),
        ("history_days", "0"),
        ("language", "fr"),
        ("after_refusal_action", "shout"),
        ("nope", "1"),
    ] {
        let before = s.clone();
        assert!(s.set(key, bad).is_err(), "{key}={bad}");
        assert_eq!(s, before, "{key}={bad} changed something");
    }
}
