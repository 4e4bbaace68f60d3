//! The banner (DESIGN §5) for every label in both languages: complete words, numbers masked, the
//! verification-code warning wherever a carrier or a suspicious caller is involved, and the
//! official marketing numbers for look-alikes and plan/SIM offers.

use callguard_core::banner::{CODE_WARNING, OFFICIAL_ONLY};
use callguard_core::classify::{Knowledge, ReportCategory, ReportSummary, RuleEffect};
use callguard_core::number::parse;
use callguard_core::screen::{decide, ContactStatus, ScreenRequest};
use callguard_core::{Decision, Label, Lang, Presentation, Settings, Severity};

/// A call that gets each label: the number, whether it is a contact, and the user's data.
fn call_for(label: Label) -> (ScreenRequest, Knowledge) {
    let report = |category| Knowledge {
        report: Some(ReportSummary {
            category,
            count: 3,
            by_user: true,
            by_list: false,
        }),
        ..Knowledge::default()
    };
    let rule = |effect| Knowledge {
        rule: Some(effect),
        ..Knowledge::default()
    };
    let plain = Knowledge::default();
    let n = ScreenRequest::number;
    match label {
        Label::Hidden => (
            ScreenRequest {
                presentation: Presentation::Restricted,
                ..n("")
            },
            plain,
        ),
        Label::Emergency => (n("110"), plain),
        Label::PublicService => (n("12321"), plain),
        Label::CarrierHotline => (n("10086"), plain),
        Label::CarrierMarketing => (n("+86 10085"), plain),
        Label::CarrierLookalike => (n("100861"), plain),
        Label::Contact => (
            ScreenRequest {
                contact: ContactStatus::Contact,
                ..n("13800138000")
            },
            plain,
        ),
        Label::UserBlocked => (n("13800138000"), rule(RuleEffect::Block)),
        Label::UserAllowed => (n("13800138000"), rule(RuleEffect::Allow)),
        Label::SuspiciousPlanOffer => (n("13912345678"), report(ReportCategory::SimOffer)),
        Label::Reported => (n("13912345678"), report(ReportCategory::Fraud)),
        Label::International => (n("+44 20 7946 0958"), plain),
        Label::Suspicious => (n("4001234567"), plain),
        Label::ServiceNumber => (n("95588"), plain),
        Label::Unknown => (n("13800138000"), plain),
    }
}

fn decision_for(label: Label, lang: Lang) -> Decision {
    let (request, knowledge) = call_for(label);
    let d = decide(
        &request,
        &parse(&request.number),
        &knowledge,
        &Settings::default(),
        lang,
    );
    assert_eq!(d.label, label, "the fixture for {label} gives {}", d.label);
    d
}

#[test]
fn every_label_has_a_complete_banner_in_both_languages() {
    for label in Label::ALL {
        for lang in Lang::ALL {
            let b = decision_for(*label, *lang)
                .banner
                .unwrap_or_else(|| panic!("no banner for {label} in {lang}"));
            for text in [Some(&b.title), Some(&b.body), b.warning.as_ref()]
                .into_iter()
                .flatten()
            {
                assert!(!text.trim().is_empty(), "{label}/{lang}: empty text");
                assert!(
                    !text.contains('{'),
                    "{label}/{lang}: unfilled placeholder in {text:?}"
                );
                let han = text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
                assert_eq!(
                    han,
                    *lang == Lang::Zh,
                    "{label}/{lang}: wrong language in {text:?}"
                );
            }
        }
    }
}

#[test]
fn carrier_and_suspicious_banners_warn_about_verification_codes() {
    let warned = [
        Label::CarrierHotline,
        Label::CarrierMarketing,
        Label::CarrierLookalike,
        Label::SuspiciousPlanOffer,
        Label::Reported,
        Label::International,
        Label::Suspicious,
        Label::Hidden,
    ];
    for label in warned {
        for lang in Lang::ALL {
            let warning = decision_for(label, *lang)
                .banner
                .and_then(|b| b.warning)
                .unwrap_or_default();
            assert!(
                warning.contains(CODE_WARNING.get(*lang)),
                "{label}/{lang}: {warning:?}"
            );
        }
    }
}

#[test]
fn lookalikes_and_plan_offers_name_the_official_marketing_numbers() {
    for label in [Label::CarrierLookalike, Label::SuspiciousPlanOffer] {
        for lang in Lang::ALL {
            let warning = decision_for(label, *lang)
                .banner
                .and_then(|b| b.warning)
                .unwrap_or_default();
            assert!(warning.contains(OFFICIAL_ONLY.get(*lang)), "{label}/{lang}");
            for number in ["10001", "10085", "10016"] {
                assert!(warning.contains(number), "{label}/{lang} lacks {number}");
            }
        }
    }
}

#[test]
fn personal_numbers_are_masked_and_lookalikes_shown_whole() {
    let unknown = decision_for(Label::Unknown, Lang::En).banner.unwrap();
    assert!(unknown.title.contains("138****8000"), "{}", unknown.title);
    assert!(!format!("{unknown:?}").contains("13800138000"));
    let lookalike = decision_for(Label::CarrierLookalike, Lang::Zh)
        .banner
        .unwrap();
    assert!(
        lookalike.body.contains("100861") && lookalike.body.contains("10086"),
        "{}",
        lookalike.body
    );
}

#[test]
fn severity_follows_risk() {
    let cases = [
        (Label::CarrierLookalike, Severity::Danger),
        (Label::SuspiciousPlanOffer, Severity::Danger),
        (Label::Reported, Severity::Danger), // the fixture is a fraud report
        (Label::Hidden, Severity::Warning),
        (Label::International, Severity::Warning),
        (Label::CarrierMarketing, Severity::Info),
        (Label::Emergency, Severity::Info),
    ];
    for (label, severity) in cases {
        assert_eq!(
            decision_for(label, Lang::En).banner.unwrap().severity,
            severity,
            "{label}"
        );
    }
}

#[test]
fn unknown_callers_get_no_banner_when_the_user_turns_it_off() {
    let (request, knowledge) = call_for(Label::Unknown);
    let settings = Settings {
        banner_for_unknown: false,
        ..Settings::default()
    };
    let d = decide(
        &request,
        &parse(&request.number),
        &knowledge,
        &settings,
        Lang::En,
    );
    assert_eq!(d.banner, None);
}

#[test]
fn each_suspicious_range_gets_its_own_words() {
    let body = |n: &str| {
        decide(
            &ScreenRequest::number(n),
            &parse(n),
            &Knowledge::default(),
            &Settings::default(),
            Lang::En,
        )
        .banner
        .unwrap()
        .body
    };
    assert!(body("4001234567").contains("400/800"));
    assert!(body("95012345").contains("call-centre"));
    assert!(body("1069012345678").contains("106"));
    assert!(body("1440123456789").contains("IoT"));
}

#[test]
fn an_unreadable_number_is_shown_as_masked_digits_never_as_raw_text() {
    // U+202E reverses what follows on screen: the raw text would display as "10086".
    for raw in [
        "\u{202e}68001 call me",
        "\u{202e}6800113800138000abc",
        "Ｘ１３８\u{200b}００１３８０００",
    ] {
        let request = ScreenRequest::number(raw);
        let d = decide(
            &request,
            &parse(raw),
            &Knowledge::default(),
            &Settings::default(),
            Lang::Zh,
        );
        let banner = d.banner.expect("unknown callers get a banner by default");
        let text = format!("{} {}", banner.title, banner.body);
        assert!(
            !text
                .chars()
                .any(|c| matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}')),
            "{raw:?}: {text:?}"
        );
        assert!(
            !text.contains("call me") && !text.contains("abc"),
            "{text:?}"
        );
        let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
        if digits.len() >= 7 {
            assert!(
                !text.contains(&digits),
                "{raw:?} shows every digit: {text:?}"
            );
        }
    }
}

#[test]
fn numbers_are_masked_as_chinese_services_print_them() {
    for (raw, shown) in [
        ("13800138000", "138****8000"),
        ("0755 2345 6789", "0755****6789"),
        ("+86 10 6234 5678", "010****5678"),
        ("0951 601 2345", "0951***2345"),
        ("4008123456", "400***3456"),
        ("0755 12345", "0755 12345"),
        ("2345 6789", "****6789"),
        ("+44 7911 123456", "+447*****3456"),
        ("10086", "10086"),
    ] {
        let d = decide(
            &ScreenRequest::number(raw),
            &parse(raw),
            &Knowledge::default(),
            &Settings::default(),
            Lang::En,
        );
        // The app shows `number.masked` in its notifications: the same form as the banner.
        assert_eq!(d.number.masked, shown, "{raw}");
        let banner = d.banner.expect("a banner by default");
        let text = format!("{} {}", banner.title, banner.body);
        assert!(text.contains(shown), "{raw}: {text}");
    }
}
