//! The invariants behind label truth (DESIGN §2): a number means the same thing in every form a
//! network presents it — `0`, `+86`, `0086` or a bare `86`; behind an area code or an IP prefix
//! for a service code; with separators, marks, suffixes or a `tel:` wrapper. Each property
//! would have caught one of the root causes of the label-truth review.

use callguard_core::number::{normalize, parse};
use callguard_core::screen::{decide_builtin, ScreenRequest};
use callguard_core::{areas, Decision, Label, Lang, NumberKind};
use proptest::prelude::*;

fn decide(raw: &str) -> Decision {
    decide_builtin(&ScreenRequest::number(raw), Lang::En)
}

/// An area code the plan knows (without its trunk 0) and a local number that fits it: 8 digits
/// after a two-digit code, 7 or 8 after a three-digit one, starting with 2–8.
fn landline() -> impl Strategy<Value = (String, String)> {
    let codes: Vec<String> = areas::all().map(|c| c[1..].to_owned()).collect();
    (
        prop::sample::select(codes),
        any::<bool>(),
        2u8..=8,
        0u32..10_000_000,
    )
        .prop_map(|(area, eight, first, rest)| {
            let len = if area.len() == 2 || eight { 8 } else { 7 };
            let tail = format!("{rest:07}");
            let local = format!("{first}{}", &tail[..len - 1]);
            (area, local)
        })
}

/// Separators a person or a phone may put between the parts of a number.
fn separator() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["", " ", "-", "\u{a0}", "\u{3000}", "."])
}

/// The service codes of DESIGN §1: emergency, 12xxx public service, 96110, 95 lines.
fn service_code() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec!["110", "119", "120", "122", "112", "999", "96110"])
            .prop_map(str::to_owned),
        (0u32..1000).prop_map(|n| format!("12{n:03}")),
        (
            prop::sample::select(vec!["953", "955", "956", "950", "951", "952", "954", "957"]),
            0u32..1000,
            any::<bool>()
        )
            .prop_map(|(p, n, six)| if six {
                format!("{p}{n:03}")
            } else {
                format!("{p}{:02}", n % 100)
            }),
    ]
}

fn ip_prefix() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["12593", "17951", "17909", "17911", "10193", "17950"])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_landline_means_the_same_in_every_country_form(
        (area, local) in landline(),
        sep in separator(),
    ) {
        let domestic = format!("0{area}{sep}{local}");
        let want = normalize(&domestic);
        prop_assert_eq!(want.kind, NumberKind::Landline, "{}", domestic);
        prop_assert_eq!(want.area_code.clone(), Some(format!("0{area}")));
        let label = decide(&domestic).label;
        prop_assert_eq!(label, Label::Unknown);
        for form in [
            format!("+86{sep}{area}{sep}{local}"),
            format!("0086{sep}{area}{sep}{local}"),
            format!("86{sep}{area}{sep}{local}"),
            format!("+86 0{area} {local}"),
        ] {
            let got = normalize(&form);
            prop_assert_eq!(
                (&got.normalized, got.kind, &got.area_code, &got.e164),
                (&want.normalized, want.kind, &want.area_code, &want.e164),
                "{:?} vs {:?}", form, domestic
            );
            prop_assert_eq!(decide(&form).label, label, "{:?}", form);
        }
    }

    #[test]
    fn a_service_code_keeps_its_label_behind_an_area_code_or_ip_prefix(
        code in service_code(),
        (area, _) in landline(),
        ip in ip_prefix(),
        sep in separator(),
    ) {
        let bare = decide(&code);
        prop_assert!(bare.label != Label::Unknown, "{} is a service code", code);
        for form in [
            format!("0{area}{sep}{code}"),
            format!("+86{sep}{area}{sep}{code}"),
            format!("0086{area}{code}"),
            format!("{ip}{sep}{code}"),
            format!("{ip}{sep}0{area}{sep}{code}"),
        ] {
            let d = decide(&form);
            prop_assert_eq!(d.label, bare.label, "{:?} vs bare {}", form, code);
            prop_assert_eq!(d.reasons.last(), bare.reasons.last(), "{:?}", form);
        }
    }

    #[test]
    fn a_carrier_code_behind_an_area_code_is_a_lookalike_in_every_form(
        code in prop::sample::select(vec!["10000", "10001", "10010", "10016", "10085", "10086", "10099"]),
        (area, _) in landline(),
        sep in separator(),
    ) {
        for form in [
            format!("0{area}{sep}{code}"),
            format!("+86{sep}{area}{sep}{code}"),
            format!("0086{area}{code}"),
            format!("86{area}{code}"),
            format!("17951{sep}0{area}{code}"),
        ] {
            let d = decide(&form);
            prop_assert_eq!(d.label, Label::CarrierLookalike, "{:?}", form);
        }
    }

    #[test]
    fn no_decoration_changes_what_a_number_is(
        base in base_number(),
        decoration in decoration(),
    ) {
        let plain = decide(&base);
        let decorated = decoration.apply(&base);
        let d = decide(&decorated);
        prop_assert_eq!(
            (d.label, d.number.kind, &d.number.normalized),
            (plain.label, plain.number.kind, &plain.number.normalized),
            "{:?} (from {:?} by {:?})", decorated, base, decoration
        );
    }

    #[test]
    fn normalising_a_decorated_number_twice_changes_nothing(
        base in base_number(),
        decoration in decoration(),
    ) {
        let once = normalize(&decoration.apply(&base));
        let twice = parse(&once.normalized).number;
        prop_assert_eq!(&twice.normalized, &once.normalized);
        prop_assert_eq!(twice.kind, once.kind);
    }
}

/// Numbers of every kind, written plainly.
fn base_number() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "10001",
            "10085",
            "10016",
            "10000",
            "10086",
            "10010",
            "10099",
            "+8610086",
            "100861",
            "01010086",
            "+86 10 10086",
            "+44 10086",
            "17951 10086",
            "13800138000",
            "+8613800138000",
            "16512345678",
            "4008123456",
            "8008123456",
            "1069012345678",
            "1440123456789",
            "95588",
            "12321",
            "96110",
            "110",
            "0755 12345",
            "+442079460958",
        ])
        .prop_map(str::to_owned),
        landline().prop_map(|(area, local)| format!("0{area}{local}")),
        landline().prop_map(|(area, local)| format!("+86{area}{local}")),
        (0u64..100_000_000).prop_map(|n| format!("139{n:08}")),
    ]
}

/// A way a network, dialer or ROM decorates a number without changing it.
#[derive(Debug, Clone)]
enum Decoration {
    /// A separator after the digit at each of these positions.
    Separators(Vec<usize>, &'static str),
    /// An invisible mark at a position.
    Mark(usize, char),
    /// A dialling suffix or URI parameter.
    Suffix(&'static str),
    /// A `tel:` URI, percent-encoded or not.
    TelUri { percent: bool },
    /// Digits of another script.
    Script(u32),
}

impl Decoration {
    fn apply(&self, base: &str) -> String {
        match self {
            Decoration::Separators(at, sep) => base
                .chars()
                .enumerate()
                .flat_map(|(i, c)| {
                    let s = if at.contains(&i) { *sep } else { "" };
                    std::iter::once(c.to_string()).chain(std::iter::once(s.to_owned()))
                })
                .collect(),
            Decoration::Mark(at, mark) => {
                let mut chars: Vec<char> = base.chars().collect();
                chars.insert((*at).min(chars.len()), *mark);
                chars.into_iter().collect()
            }
            Decoration::Suffix(s) => format!("{base}{s}"),
            Decoration::TelUri { percent: false } => format!("tel:{base}"),
            Decoration::TelUri { percent: true } => {
                format!("tel:{}", base.replace('+', "%2B").replace(' ', "%20"))
            }
            Decoration::Script(zero) => base
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) => char::from_u32(zero + d).unwrap_or(c),
                    None => c,
                })
                .collect(),
        }
    }
}

fn decoration() -> impl Strategy<Value = Decoration> {
    prop_oneof![
        (
            prop::collection::vec(0usize..16, 0..4),
            prop::sample::select(vec![" ", "-", "\u{a0}", "\u{2011}", "\u{3000}", ".", "／"])
        )
            .prop_map(|(at, sep)| Decoration::Separators(at, sep)),
        (
            0usize..16,
            prop::sample::select(vec![
                '\u{200b}', '\u{200c}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}',
                '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{feff}', '\u{2060}',
                '\u{00ad}',
            ])
        )
            .prop_map(|(at, mark)| Decoration::Mark(at, mark)),
        prop::sample::select(vec![
            ",1",
            ",,123",
            ";ext=808",
            "p2",
            "w#",
            "#",
            ";verstat=TN-Validation-Passed",
            ";phone-context=+86",
            " ext. 12",
            "转8012",
            " x12",
        ])
        .prop_map(Decoration::Suffix),
        any::<bool>().prop_map(|percent| Decoration::TelUri { percent }),
        prop::sample::select(vec![0xFF10u32, 0x660, 0x6F0, 0x966, 0x1D7CE])
            .prop_map(Decoration::Script),
    ]
}

#[test]
fn a_reversed_display_never_reads_as_its_reflection() {
    // U+202E makes "68001" display as "10086": what counts is the digits in logical order.
    let d = decide("\u{202e}68001");
    assert!(!matches!(
        d.label,
        Label::CarrierHotline | Label::CarrierMarketing
    ));
    assert_eq!(d.number.normalized, "68001");
}
