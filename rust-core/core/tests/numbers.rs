//! Normalisation (DESIGN §2) as a table: every form Android presents, and the normalised number,
//! E.164 form, kind, country code, area code and carrier hint CallGuard reads from it.

use callguard_core::number::normalize;
use callguard_core::{Carrier, NumberKind};

struct Row {
    raw: &'static str,
    normalized: &'static str,
    e164: Option<&'static str>,
    kind: NumberKind,
    country: Option<&'static str>,
    area: Option<&'static str>,
    carrier: Option<Carrier>,
}

#[allow(clippy::too_many_arguments)]
const fn row(
    raw: &'static str,
    normalized: &'static str,
    e164: Option<&'static str>,
    kind: NumberKind,
    country: Option<&'static str>,
    area: Option<&'static str>,
    carrier: Option<Carrier>,
) -> Row {
    Row {
        raw,
        normalized,
        e164,
        kind,
        country,
        area,
        carrier,
    }
}

use Carrier::{ChinaBroadnet as B, ChinaMobile as M, ChinaTelecom as T, ChinaUnicom as U};
use NumberKind::*;

const CN: Option<&str> = Some("86");

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // Mobile numbers in every presentation.
    row("13800138000", "13800138000", Some("+8613800138000"), Mobile, CN, None, Some(M)),
    row("+8613800138000", "13800138000", Some("+8613800138000"), Mobile, CN, None, Some(M)),
    row("+86 138 0013 8000", "13800138000", Some("+8613800138000"), Mobile, CN, None, Some(M)),
    row("8613800138000", "13800138000", Some("+8613800138000"), Mobile, CN, None, Some(M)),
    row("008613800138000", "13800138000", Some("+8613800138000"), Mobile, CN, None, Some(M)),
    row("１３８００１３８０００", "13800138000", Some("+8613800138000"), Mobile, CN, None, Some(M)),
    row("138-0013-8000", "13800138000", Some("+8613800138000"), Mobile, CN, None, Some(M)),
    row("tel:+86-138-0013-8000", "13800138000", Some("+8613800138000"), Mobile, CN, None, Some(M)),
    row("17951 13800138000", "13800138000", Some("+8613800138000"), Mobile, CN, None, Some(M)),
    row("1790913800138000", "13800138000", Some("+8613800138000"), Mobile, CN, None, Some(M)),
    row("10193 13800138000", "13800138000", Some("+8613800138000"), Mobile, CN, None, Some(M)),
    // Carrier hints, including the 170 split, MVNO, satellite and Broadnet ranges.
    row("13012345678", "13012345678", Some("+8613012345678"), Mobile, CN, None, Some(U)),
    row("18912345678", "18912345678", Some("+8618912345678"), Mobile, CN, None, Some(T)),
    row("19212345678", "19212345678", Some("+8619212345678"), Mobile, CN, None, Some(B)),
    row("17001234567", "17001234567", Some("+8617001234567"), Mobile, CN, None, Some(T)),
    row("17031234567", "17031234567", Some("+8617031234567"), Mobile, CN, None, Some(M)),
    row("17041234567", "17041234567", Some("+8617041234567"), Mobile, CN, None, Some(U)),
    row("16512345678", "16512345678", Some("+8616512345678"), Mobile, CN, None, None),
    row("16212345678", "16212345678", Some("+8616212345678"), Mobile, CN, None, None),
    row("16101234567", "16101234567", Some("+8616101234567"), Mobile, CN, None, Some(B)),
    row("17400123456", "17400123456", Some("+8617400123456"), Mobile, CN, None, Some(T)),
    row("17491234567", "17491234567", Some("+8617491234567"), Mobile, CN, None, None),
    row("13491234567", "13491234567", Some("+8613491234567"), Mobile, CN, None, None),
    // Landlines: two- and three-digit area codes, with and without the trunk 0, local only.
    row("(010) 6234-5678", "01062345678", Some("+861062345678"), Landline, CN, Some("010"), None),
    row("+86 10 2345 6789", "01023456789", Some("+861023456789"), Landline, CN, Some("010"), None),
    row("0755-23456789", "075523456789", Some("+8675523456789"), Landline, CN, Some("0755"), None),
    row("0852 2345678", "08522345678", Some("+868522345678"), Landline, CN, Some("0852"), None),
    row("12593 0755 23456789", "075523456789", Some("+8675523456789"), Landline, CN, Some("0755"), None),
    row("23456789", "23456789", None, Landline, CN, None, None),
    // The national number is read by structure first: after a country code an area code wins
    // where the local number fits, so Beijing's 010-6xxxxxxx is no 106 port and Ningxia's
    // 0951–0955 numbers are no 95 call centres.
    row("+86 10 6234 5678", "01062345678", Some("+861062345678"), Landline, CN, Some("010"), None),
    row("0086 10 6688 1234", "01066881234", Some("+861066881234"), Landline, CN, Some("010"), None),
    row("86 10 6688 1234", "01066881234", Some("+861066881234"), Landline, CN, Some("010"), None),
    row("+86 951 601 2345", "09516012345", Some("+869516012345"), Landline, CN, Some("0951"), None),
    row("+86 955 801 2345", "09558012345", Some("+869558012345"), Landline, CN, Some("0955"), None),
    row("8695 2345 6789", "09523456789", Some("+869523456789"), Landline, CN, Some("0952"), None),
    row("+86 0755 2345 6789", "075523456789", Some("+8675523456789"), Landline, CN, Some("0755"), None),
    // Without the trunk 0 no area code is read: those digits are the special ranges.
    row("1062345678", "1062345678", None, SmsPort, CN, None, None),
    row("9516012345", "9516012345", None, ShortCode, CN, None, None),
    // A local number never starts with 0, 1 or 9, and never follows a bare country code.
    row("010 1234 5678", "01012345678", None, Invalid, None, None, None),
    row("0755 0234567", "07550234567", None, Invalid, None, None, None),
    row("+86 2345 6789", "+8623456789", None, Invalid, None, None, None),
    row("0123 4567890", "01234567890", None, Invalid, None, None, None),
    // Service codes behind an area code keep their meaning and carry the area code.
    row("0755 12345", "075512345", None, ShortCode, CN, Some("0755"), None),
    row("021-12315", "02112315", None, ShortCode, CN, Some("021"), None),
    row("0755 110", "0755110", None, ShortCode, CN, Some("0755"), None),
    row("021 95588", "02195588", None, ShortCode, CN, Some("021"), None),
    row("+86 10 96110", "01096110", None, ShortCode, CN, Some("010"), None),
    row("+86 951 12345", "095112345", None, ShortCode, CN, Some("0951"), None),
    // A carrier code behind an area code is a look-alike in every form.
    row("+86 10 10086", "01010086", None, Landline, CN, Some("010"), None),
    row("+86 21 10010", "02110010", None, Landline, CN, Some("021"), None),
    // IP-dialling prefixes come off before any kind of number.
    row("17951 400 812 3456", "4008123456", Some("+864008123456"), SharedCost, CN, None, None),
    row("12593 1440123456789", "1440123456789", Some("+861440123456789"), Iot, CN, None, None),
    row("17909 10690000123456", "10690000123456", None, SmsPort, CN, None, None),
    row("17911 0755 12345", "075512345", None, ShortCode, CN, Some("0755"), None),
    row("10193 95588", "95588", None, ShortCode, CN, None, None),
    // What follows an IP prefix is read as any number is, a bare 86 included; a trunk 0 stands
    // only before what reads whole without it (found by fuzzing: both read differently twice).
    row("17951 86 12000", "12000", None, ShortCode, CN, None, None),
    row("0 17903 190819", "017903190819", None, Invalid, None, None, None),
    row("17951 0086 755 8765 4321", "075587654321", Some("+8675587654321"), Landline, CN, Some("0755"), None),
    // Decorations: dialling suffixes, marks, a trunk 0 before a mobile, a bare 86 before IoT,
    // digits of other scripts, percent-encoded and SIP URIs.
    row("4008123456,1", "4008123456", Some("+864008123456"), SharedCost, CN, None, None),
    row("tel:4008123456;ext=123", "4008123456", Some("+864008123456"), SharedCost, CN, None, None),
    row("tel:+8613800138000;verstat=TN-Validation-Passed", "13800138000", Some("+8613800138000"), Mobile, CN, None, Some(M)),
    row("\u{200f}138\u{200b}0013\u{2066}8000", "13800138000", Some("+8613800138000"), Mobile, CN, None, Some(M)),
    row("0400 123 4567", "4001234567", Some("+864001234567"), SharedCost, CN, None, None),
    row("013800138000", "13800138000", Some("+8613800138000"), Mobile, CN, None, Some(M)),
    row("861440123456789", "1440123456789", Some("+861440123456789"), Iot, CN, None, None),
    row("١٣٨٠٠١٣٨٠٠٠", "13800138000", Some("+8613800138000"), Mobile, CN, None, Some(M)),
    row("tel:%2B86%20138%200013%208000", "13800138000", Some("+8613800138000"), Mobile, CN, None, Some(M)),
    row("sip:+8613800138000@ims.mnc000.mcc460.3gppnetwork.org;user=phone", "13800138000", Some("+8613800138000"), Mobile, CN, None, Some(M)),
    // Text that stands for a withheld number.
    row("-1", "", None, Hidden, None, None, None),
    row("-2", "", None, Hidden, None, None, None),
    row("-3", "", None, Hidden, None, None, None),
    row("Unknown", "", None, Hidden, None, None, None),
    row("Private", "", None, Hidden, None, None, None),
    row("Anonymous", "", None, Hidden, None, None, None),
    row("RESTRICTED", "", None, Hidden, None, None, None),
    row("Withheld", "", None, Hidden, None, None, None),
    row("sip:anonymous@anonymous.invalid", "", None, Hidden, None, None, None),
    row("未知号码", "", None, Hidden, None, None, None),
    // Inbound-only, short codes, SMS ports, IoT.
    row("400-810-8888", "4008108888", Some("+864008108888"), SharedCost, CN, None, None),
    row("800 810 8888", "8008108888", Some("+868008108888"), TollFree, CN, None, None),
    row("10086", "10086", None, ShortCode, CN, None, None),
    row("95588", "95588", None, ShortCode, CN, None, None),
    row("12321", "12321", None, ShortCode, CN, None, None),
    row("110", "110", None, ShortCode, CN, None, None),
    row("0571-96110", "057196110", None, ShortCode, CN, Some("0571"), None),
    row("10690000123456", "10690000123456", None, SmsPort, CN, None, None),
    row("1440123456789", "1440123456789", Some("+861440123456789"), Iot, CN, None, None),
    // Abroad.
    row("+44 20 7946 0958", "+442079460958", Some("+442079460958"), International, Some("44"), None, None),
    row("00852 2345 6789", "+85223456789", Some("+85223456789"), International, Some("852"), None, None),
    row("+1 (415) 555-0100", "+14155550100", Some("+14155550100"), International, Some("1"), None, None),
    // Nothing, and nonsense.
    row("", "", None, Hidden, None, None, None),
    row("   ", "", None, Hidden, None, None, None),
    row("not a number", "", None, Invalid, None, None, None),
    row("+", "", None, Invalid, None, None, None),
    row("12", "12", None, Invalid, None, None, None),
];

#[test]
fn every_form_normalises_as_the_table_says() {
    for r in ROWS {
        let n = normalize(r.raw);
        let got = (
            n.normalized.as_str(),
            n.e164.as_deref(),
            n.kind,
            n.country_code.as_deref(),
            n.area_code.as_deref(),
            n.carrier_hint,
        );
        let want = (r.normalized, r.e164, r.kind, r.country, r.area, r.carrier);
        assert_eq!(got, want, "{:?}", r.raw);
        assert_eq!(n.raw, r.raw);
    }
}

#[test]
fn every_kind_appears_in_the_table() {
    for kind in NumberKind::ALL {
        assert!(ROWS.iter().any(|r| r.kind == *kind), "no row for {kind}");
    }
}

#[test]
fn the_raw_echo_is_bounded() {
    let long = "1".repeat(1 << 20);
    let n = normalize(&long);
    assert_eq!(n.kind, Invalid);
    assert_eq!(n.raw.chars().count(), 256);
}
