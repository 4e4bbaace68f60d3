//! Number normalisation and classification over arbitrary strings (`screen::decide_builtin`):
//! never panics; only the seven bare carrier numbers are official; default settings never stop a
//! call; normalising twice changes nothing; an invisible mark or a URI parameter changes no
//! readable number's label.
#![no_main]

use callguard_core::number::normalize;
use callguard_core::screen::decide_builtin;
use callguard_core::{Action, Label, Lang, NumberKind, Presentation, ScreenRequest, Verification};
use callguard_fuzz::OFFICIAL;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    for (lang, verification) in [(Lang::Zh, None), (Lang::En, Some(Verification::Failed))] {
        let request = ScreenRequest {
            verification,
            ..ScreenRequest::number(raw.as_ref())
        };
        let d = decide_builtin(&request, lang);
        assert_eq!(
            d.action,
            Action::Allow,
            "{raw:?}: default settings stop no call"
        );
        if matches!(d.label, Label::CarrierHotline | Label::CarrierMarketing) {
            assert!(
                OFFICIAL.contains(&d.number.normalized.as_str()),
                "{raw:?} labelled {} as {}",
                d.label,
                d.number.normalized
            );
        }
        assert!(d.number.raw.chars().count() <= 256);
        serde_json::to_string(&d).expect("a decision always serialises");
    }
    let hidden = ScreenRequest {
        presentation: Presentation::Restricted,
        ..ScreenRequest::number(raw.as_ref())
    };
    assert_eq!(decide_builtin(&hidden, Lang::En).label, Label::Hidden);

    let once = normalize(&raw);
    let twice = normalize(&once.normalized);
    assert_eq!(twice.normalized, once.normalized, "{raw:?}");
    if !once.normalized.is_empty() {
        assert_eq!(twice.kind, once.kind, "{raw:?}");
    }

    if !matches!(once.kind, NumberKind::Invalid | NumberKind::Hidden) {
        let label = |text: &str| decide_builtin(&ScreenRequest::number(text), Lang::En).label;
        let plain = label(&raw);
        for decorated in [
            format!("\u{200b}{raw}"),
            format!("{raw};verstat=TN-Validation-Passed"),
        ] {
            assert_eq!(label(&decorated), plain, "{raw:?} vs {decorated:?}");
        }
    }
});
