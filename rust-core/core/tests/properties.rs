//! The invariants no input may break: only the seven bare carrier numbers are ever official;
//! emergency and public-service calls always ring, whatever the settings and user data;
//! normalising a normalised number changes nothing; no string makes the core panic.
//! (tests/presentations.rs holds the invariants of the forms a network presents.)

use callguard_core::classify::{Knowledge, ReportCategory, ReportSummary, RuleEffect};
use callguard_core::number::{display_digits, normalize, parse};
use callguard_core::policy::{LanguageSetting, RefusalAction};
use callguard_core::screen::{decide, decide_builtin, ContactStatus, ScreenRequest};
use callguard_core::{
    Action, Label, Lang, NumberKind, Presentation, Reason, Settings, Verification,
};
use proptest::prelude::*;

const OFFICIAL: [&str; 7] = [
    "10001", "10085", "10016", "10000", "10086", "10010", "10099",
];

/// Strings built to sit near the carrier numbers: prefixes, a carrier code, extra digits, noise.
fn carrier_like() -> impl Strategy<Value = String> {
    let prefix = prop::sample::select(vec![
        "", "+86", "0086", "86", "+86 ", "0", "010", "0755", "+44", "+1", "17951", "12593", "1",
        "+", "00",
    ]);
    let code = prop::sample::select(OFFICIAL.to_vec());
    let suffix = "[0-9]{0,3}";
    let sep = prop::sample::select(vec!["", " ", "-"]);
    (prefix, sep, code, suffix).prop_map(|(p, s, c, x)| format!("{p}{s}{c}{x}"))
}

/// Digits stacked the way dialers and networks stack them: up to three of a trunk 0, a country
/// code and an IP prefix, in any order, before a body of any Chinese number shape, including
/// bodies that themselves begin with a prefix's digits (179…, 86…, 0…).
fn layered() -> impl Strategy<Value = String> {
    let layer = prop::sample::select(vec![
        "0", "86", "+86", "0086", "17951", "17903", "17911", "12593", "10193",
    ]);
    let body = prop_oneof![
        "1[3-9][0-9]{9}",
        "179[0-9]{8}",
        "(10|2[0-9]|[3-9][0-9]{2})[2-8][0-9]{6,7}",
        "(10|2[0-9]|[3-9][0-9]{2})?(1[0-2][0-9]{1,3}|9[56][0-9]{3,6})",
        "(400|800)[0-9]{7}",
        "(106|14[0-8])[0-9]{2,10}",
        "[0-9]{3,13}",
    ];
    (prop::collection::vec(layer, 0..=3), body)
        .prop_map(|(layers, body)| format!("{}{body}", layers.concat()))
}

fn number_like() -> impl Strategy<Value = String> {
    prop_oneof![
        carrier_like(),
        layered(),
        "[+]?[0-9 ()-]{0,20}",
        "[0０-９+＋ -]{0,16}",
        "(tel:)?[+]?[0-9\u{200b}\u{200e}\u{202e} -]{0,16}([,;#pwx][0-9a-z=]{0,6})?",
        any::<String>(),
    ]
}

fn contact_status() -> impl Strategy<Value = ContactStatus> {
    prop::sample::select(ContactStatus::ALL.to_vec())
}

fn settings() -> impl Strategy<Value = Settings> {
    (
        prop::collection::vec(any::<bool>(), 11),
        0u32..=60,
        0u32..=120,
        any::<bool>(),
    )
        .prop_map(|(b, repeat, sms, reject)| Settings {
            block_lookalike: b[0],
            block_reported: b[1],
            block_international: b[2],
            block_hidden: b[3],
            block_suspicious: b[4],
            block_non_contacts: b[5],
            after_refusal_action: if reject {
                RefusalAction::Reject
            } else {
                RefusalAction::Silence
            },
            repeated_call_minutes: repeat,
            banner_for_unknown: b[6],
            language: LanguageSetting::Auto,
            skip_notification_on_reject: b[7],
            skip_call_log_on_reject: b[8],
            paused: b[9],
            history_enabled: b[10],
            history_days: 30,
            sms_guard_minutes: sms,
        })
}

fn knowledge() -> impl Strategy<Value = Knowledge> {
    let rule = prop::option::of(prop::sample::select(vec![
        RuleEffect::Block,
        RuleEffect::Allow,
    ]));
    let report = prop::option::of(
        (
            prop::sample::select(ReportCategory::ALL.to_vec()),
            1u32..50,
            any::<bool>(),
        )
            .prop_map(|(category, count, by_user)| ReportSummary {
                category,
                count,
                by_user,
                by_list: !by_user,
            }),
    );
    (rule, report, any::<bool>(), any::<bool>()).prop_map(
        |(rule, report, refused_marketing, repeated)| Knowledge {
            rule,
            report,
            refused_marketing,
            repeated,
        },
    )
}

/// The official number a raw string is, by an oracle independent of the normaliser: cut at the
/// first dialling-suffix character, keep only digits (of any script) and '+', then allow only
/// the +86 / 0086 / 86 prefixes of DESIGN §3.
fn official_form(raw: &str) -> Option<&'static str> {
    let uri_free = ["tel:", "TEL:", "Tel:"]
        .iter()
        .find_map(|s| raw.trim().strip_prefix(s))
        .unwrap_or(raw);
    let until_suffix = uri_free
        .split([
            ',', ';', '#', 'p', 'P', 'w', 'W', 'x', 'X', '转', 'e', 'E', '，', '；',
        ])
        .next()
        .unwrap_or_default();
    let digits: String = until_suffix
        .chars()
        .filter_map(|c| match c {
            '+' | '＋' => Some('+'),
            c => display_digits(&c.to_string()).chars().next(),
        })
        .collect();
    let bare = ["+86", "0086", "86", ""].iter().find_map(|p| {
        digits
            .strip_prefix(p)
            .filter(|rest| OFFICIAL.contains(rest))
    });
    bare.and_then(|b| OFFICIAL.iter().copied().find(|o| *o == b))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn only_the_seven_bare_numbers_are_ever_official(raw in number_like(), contact in contact_status()) {
        let request = ScreenRequest { contact, ..ScreenRequest::number(raw.clone()) };
        let d = decide_builtin(&request, Lang::En);
        if matches!(d.label, Label::CarrierHotline | Label::CarrierMarketing) {
            let official = official_form(&raw);
            prop_assert!(official.is_some(), "{raw:?} was labelled {}", d.label);
            prop_assert_eq!(d.number.normalized.as_str(), official.unwrap_or(""));
        }
    }

    #[test]
    fn emergency_and_public_service_always_ring(
        number in prop::sample::select(vec!["110", "119", "120", "122", "112", "999", "+86 110", "12321", "12300", "12381", "96110", "0571-96110", "12345"]),
        s in settings(),
        k in knowledge(),
        contact in contact_status(),
        verification in prop::option::of(prop::sample::select(Verification::ALL.to_vec())),
    ) {
        let request = ScreenRequest { contact, verification, ..ScreenRequest::number(number) };
        let d = decide(&request, &parse(number), &k, &s, Lang::Zh);
        prop_assert!(d.label.is_never_blocked(), "{number} → {}", d.label);
        prop_assert_eq!(d.action, Action::Allow);
    }

    #[test]
    fn strict_mode_rejects_only_callers_a_lookup_answered_for(
        raw in number_like(),
        s in settings(),
        k in knowledge(),
    ) {
        let strict = Settings { block_non_contacts: true, ..s };
        let unknown = decide(&ScreenRequest::number(raw.clone()), &parse(&raw), &k, &strict, Lang::En);
        prop_assert!(!unknown.reasons.contains(&Reason::StrictMode), "{raw:?}: {:?}", unknown.reasons);
        // Unknown never blocks more than a lookup that found nobody would.
        let not_contact = ScreenRequest { contact: ContactStatus::NotContact, ..ScreenRequest::number(raw.clone()) };
        let looked_up = decide(&not_contact, &parse(&raw), &k, &strict, Lang::En);
        if looked_up.action == Action::Allow {
            prop_assert_eq!(unknown.action, Action::Allow, "{}", raw);
        }
    }

    #[test]
    fn normalising_twice_changes_nothing(raw in number_like()) {
        let once = normalize(&raw);
        let twice = normalize(&once.normalized);
        prop_assert_eq!(&twice.normalized, &once.normalized, "{:?}", raw);
        if !once.normalized.is_empty() {
            prop_assert_eq!(twice.kind, once.kind, "{:?}", raw);
        }
    }

    #[test]
    fn a_shown_number_is_only_digits_and_never_a_whole_personal_number(raw in number_like()) {
        // `number.masked` is what notifications show, on a lock screen too.
        let n = normalize(&raw);
        prop_assert!(
            n.masked.chars().all(|c| c.is_ascii_digit() || matches!(c, '+' | '*' | ' ')),
            "{:?} shown as {:?}", raw, n.masked
        );
        // Codes are public: short codes, and a code behind an area code ("010 10086").
        let code_behind_area = n.area_code.as_ref().is_some_and(|a| {
            n.normalized.get(a.len()..).is_some_and(|rest| rest.starts_with(['1', '9']))
        });
        let personal = !matches!(n.kind, NumberKind::ShortCode | NumberKind::Hidden) && !code_behind_area;
        let digits: String = n.masked.chars().filter(char::is_ascii_digit).collect();
        if personal && display_digits(&n.normalized).len() >= 7 {
            prop_assert!(n.masked.contains('*'), "{:?} shown whole as {:?}", raw, n.masked);
            prop_assert!(digits.len() + 3 <= display_digits(&n.normalized).len(), "{:?}: {:?}", raw, n.masked);
        }
    }

    #[test]
    fn no_input_panics_and_every_call_gets_a_decision(
        raw in any::<String>(),
        presentation in prop::sample::select(Presentation::ALL.to_vec()),
        s in settings(),
        k in knowledge(),
    ) {
        let request = ScreenRequest { presentation, ..ScreenRequest::number(raw.clone()) };
        let d = decide(&request, &parse(&raw), &k, &s, Lang::En);
        prop_assert!(!d.reasons.is_empty() || d.label == Label::Unknown || d.label == Label::Contact);
    }

    #[test]
    fn rejection_only_comes_from_a_rule_a_setting_or_a_refusal(raw in number_like(), k in knowledge()) {
        // With default settings, only the user's own block rule or refusal can stop a call ringing.
        let d = decide(&ScreenRequest::number(raw.clone()), &parse(&raw), &k, &Settings::default(), Lang::En);
        if d.action != Action::Allow {
            prop_assert!(k.rule == Some(RuleEffect::Block) || k.refused_marketing, "{raw:?}: {d:?}");
        }
    }
}

#[test]
fn huge_and_hostile_strings_get_a_decision() {
    let cases = [
        "1".repeat(1 << 20),
        "\u{0}\u{1}\u{7f}".repeat(1000),
        "📞☎️🇨🇳".repeat(1000),
        "+86+86+86".to_owned(),
        "ｔｅｌ：１０086".to_owned(),
        "\u{202e}68001".to_owned(),
        "10086\u{200b}1".to_owned(),
        "+44\u{200b}10086".to_owned(),
        "0\u{2066}10086".to_owned(),
    ];
    for raw in cases {
        let d = decide_builtin(&ScreenRequest::number(raw.clone()), Lang::Zh);
        assert_eq!(d.action, Action::Allow);
        assert!(
            !matches!(d.label, Label::CarrierHotline | Label::CarrierMarketing),
            "{raw:?}"
        );
    }
}
