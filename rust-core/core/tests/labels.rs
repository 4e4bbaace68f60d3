//! The labelling rules of DESIGN §3 as a table: each row is a number as Android might present it
//! and the label, carrier and reasons CallGuard must give it with no user data.

use callguard_core::classify::Presentation;
use callguard_core::screen::{decide_builtin, ContactStatus, ScreenRequest};
use callguard_core::{Carrier, Label, Lang, Reason};

struct Row {
    case: &'static str,
    number: &'static str,
    label: Label,
    carrier: Option<Carrier>,
    reasons: &'static [Reason],
}

const fn row(
    case: &'static str,
    number: &'static str,
    label: Label,
    carrier: Option<Carrier>,
    reasons: &'static [Reason],
) -> Row {
    Row {
        case,
        number,
        label,
        carrier,
        reasons,
    }
}

use Carrier::{ChinaBroadnet, ChinaMobile, ChinaTelecom, ChinaUnicom};
use Label::*;
use Reason::*;

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // The seven official numbers, bare and in every country-prefix form.
    row("telecom marketing", "10001", CarrierMarketing, Some(ChinaTelecom), &[OfficialMarketingNumber]),
    row("mobile marketing", "10085", CarrierMarketing, Some(ChinaMobile), &[OfficialMarketingNumber]),
    row("unicom marketing", "10016", CarrierMarketing, Some(ChinaUnicom), &[OfficialMarketingNumber]),
    row("telecom hotline", "10000", CarrierHotline, Some(ChinaTelecom), &[OfficialHotlineNumber]),
    row("mobile hotline", "10086", CarrierHotline, Some(ChinaMobile), &[OfficialHotlineNumber]),
    row("unicom hotline", "10010", CarrierHotline, Some(ChinaUnicom), &[OfficialHotlineNumber]),
    row("broadnet hotline", "10099", CarrierHotline, Some(ChinaBroadnet), &[OfficialHotlineNumber]),
    row("+86 with space", "+86 10085", CarrierMarketing, Some(ChinaMobile), &[CountryPrefixStripped, OfficialMarketingNumber]),
    row("+86 joined", "+8610086", CarrierHotline, Some(ChinaMobile), &[CountryPrefixStripped]),
    row("0086", "008610016", CarrierMarketing, Some(ChinaUnicom), &[CountryPrefixStripped]),
    row("bare 86", "8610001", CarrierMarketing, Some(ChinaTelecom), &[CountryPrefixStripped]),
    row("full-width digits", "１００８６", CarrierHotline, Some(ChinaMobile), &[OfficialHotlineNumber]),
    row("dashes", "100-85", CarrierMarketing, Some(ChinaMobile), &[]),
    row("tel uri", "tel:+86-10010", CarrierHotline, Some(ChinaUnicom), &[CountryPrefixStripped]),
    row("full-width plus", "＋８６ １００９９", CarrierHotline, Some(ChinaBroadnet), &[CountryPrefixStripped]),
    // Every look-alike form.
    row("extra digit", "100861", CarrierLookalike, Some(ChinaMobile), &[ExtraDigitsAfterCarrierCode]),
    row("extra digits", "10086999", CarrierLookalike, Some(ChinaMobile), &[ExtraDigitsAfterCarrierCode]),
    row("marketing plus digits", "1008512345", CarrierLookalike, Some(ChinaMobile), &[ExtraDigitsAfterCarrierCode]),
    row("area code before hotline", "01010086", CarrierLookalike, Some(ChinaMobile), &[AreaCodeBeforeCarrierCode]),
    row("leading zero", "010016", CarrierLookalike, Some(ChinaUnicom), &[AreaCodeBeforeCarrierCode]),
    row("three-digit area code", "0755-10000", CarrierLookalike, Some(ChinaTelecom), &[AreaCodeBeforeCarrierCode]),
    row("+86 then area code", "+86 010 10086", CarrierLookalike, Some(ChinaMobile), &[CountryPrefixStripped, AreaCodeBeforeCarrierCode]),
    row("foreign country code", "+44 10086", CarrierLookalike, Some(ChinaMobile), &[ForeignCountryCode]),
    row("foreign 00 form", "0044 10085", CarrierLookalike, Some(ChinaMobile), &[ForeignCountryCode]),
    row("plus without country", "+10086", CarrierLookalike, Some(ChinaMobile), &[ForeignCountryCode]),
    row("ip prefix before carrier", "17951 10086", CarrierLookalike, Some(ChinaMobile), &[IpPrefixStripped, PrefixBeforeCarrierCode]),
    // Emergency and public service.
    row("police", "110", Emergency, None, &[EmergencyNumber]),
    row("fire", "119", Emergency, None, &[EmergencyNumber]),
    row("ambulance", "120", Emergency, None, &[EmergencyNumber]),
    row("traffic", "122", Emergency, None, &[EmergencyNumber]),
    row("112", "112", Emergency, None, &[EmergencyNumber]),
    row("+86 999", "+86 999", Emergency, None, &[CountryPrefixStripped, EmergencyNumber]),
    row("12321 reports", "12321", PublicService, None, &[PublicServiceNumber]),
    row("12300 complaints", "12300", PublicService, None, &[PublicServiceNumber]),
    row("12381 warnings", "12381", PublicService, None, &[PublicServiceNumber]),
    row("anti-fraud line", "96110", PublicService, None, &[AntiFraudLine]),
    row("anti-fraud with area code", "0571-96110", PublicService, None, &[AntiFraudLine]),
    // Ranges.
    row("mobile", "13800138000", Unknown, None, &[]),
    row("mobile +86 spaced", "+86 138 0013 8000", Unknown, None, &[CountryPrefixStripped]),
    row("mobile 0086", "008613800138000", Unknown, None, &[CountryPrefixStripped]),
    row("mobile bare 86", "8613800138000", Unknown, None, &[CountryPrefixStripped]),
    row("mobile via 17951", "1795113800138000", Unknown, None, &[IpPrefixStripped]),
    row("mobile via 12593", "12593 13912345678", Unknown, None, &[IpPrefixStripped]),
    row("mvno 170", "17012345678", Unknown, None, &[MvnoRange]),
    row("satellite 1349", "13491234567", Unknown, None, &[SatelliteRange]),
    row("landline beijing", "(010) 1234-5678", Unknown, None, &[]),
    row("landline shenzhen", "0755 2345 6789", Unknown, None, &[]),
    row("landline zunyi is domestic", "0852-2345678", Unknown, None, &[]),
    row("landline +86 form", "+86 755 2345 6789", Unknown, None, &[CountryPrefixStripped]),
    row("400 shared cost", "400-123-4567", Suspicious, None, &[InboundOnlyNumber]),
    row("800 toll free", "8001234567", Suspicious, None, &[InboundOnlyNumber]),
    row("95 call centre", "95012345", Suspicious, None, &[CallCentre95]),
    row("95 long", "9555812345", Suspicious, None, &[CallCentre95]),
    row("106 port", "1069012345678", Suspicious, None, &[SmsOnlyPort]),
    row("iot 13 digits", "1440123456789", Suspicious, None, &[IotNumber]),
    row("iot 1064", "1064812345678", Suspicious, None, &[IotNumber]),
    row("bank 95588", "95588", ServiceNumber, None, &[ServiceLine95]),
    row("airline 6 digits", "956123", ServiceNumber, None, &[ServiceLine95]),
    row("mvno service", "10040", ServiceNumber, None, &[MvnoServiceLine]),
    row("international", "+44 20 7946 0958", International, None, &[]),
    row("hong kong", "+852 2345 6789", International, None, &[]),
    row("00 international", "001 415 555 0100", International, None, &[]),
    // Nothing at all, and nonsense.
    row("empty", "", Hidden, None, &[NoNumber]),
    row("letters", "CALL-ME", Unknown, None, &[InvalidNumber]),
    row("emoji", "📞10086", Unknown, None, &[InvalidNumber]),
    row("control characters", "100\u{0}86", Unknown, None, &[InvalidNumber]),
    row("too long", "123456789012345678901234567890123456", Unknown, None, &[InvalidNumber]),
];

#[test]
fn every_row_gets_its_label_carrier_and_reasons() {
    for r in ROWS {
        let d = decide_builtin(&ScreenRequest::number(r.number), Lang::En);
        assert_eq!(d.label, r.label, "{}: {:?} → {:?}", r.case, r.number, d);
        assert_eq!(
            d.carrier, r.carrier,
            "{}: carrier of {:?}",
            r.case, r.number
        );
        for want in r.reasons {
            assert!(
                d.reasons.contains(want),
                "{}: {:?} lacks {want:?}: {:?}",
                r.case,
                r.number,
                d.reasons
            );
        }
    }
}

#[test]
fn withheld_numbers_are_hidden_whatever_the_digits() {
    for p in [
        Presentation::Restricted,
        Presentation::Unknown,
        Presentation::Payphone,
        Presentation::Unavailable,
    ] {
        let request = ScreenRequest {
            presentation: p,
            ..ScreenRequest::number("10086")
        };
        let d = decide_builtin(&request, Lang::Zh);
        assert_eq!(d.label, Hidden, "{p:?}");
        assert!(d.reasons.contains(&PresentationRestricted));
    }
}

#[test]
fn a_carrier_number_that_fails_verification_is_a_lookalike() {
    let request = ScreenRequest {
        verification: Some(callguard_core::Verification::Failed),
        ..ScreenRequest::number("10085")
    };
    let d = decide_builtin(&request, Lang::En);
    assert_eq!(d.label, CarrierLookalike);
    assert!(d.reasons.contains(&CallerVerificationFailed));
}

#[test]
fn contacts_outrank_ranges_but_not_carrier_rules() {
    let contact = |n: &str| {
        decide_builtin(
            &ScreenRequest {
                contact: ContactStatus::Contact,
                ..ScreenRequest::number(n)
            },
            Lang::En,
        )
    };
    assert_eq!(contact("13800138000").label, Contact);
    assert_eq!(contact("+44 20 7946 0958").label, Contact);
    assert_eq!(contact("100861").label, CarrierLookalike);
    assert_eq!(contact("10086").label, CarrierHotline);
}
