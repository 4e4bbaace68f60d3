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
    row("16512345678", "16512345678", Some("+8616512345678"), Mobile, CN, None, Some(M)),
    row("17400123456", "17400123456", Some("+8617400123456"), Mobile, CN, None, Some(T)),
    row("17491234567", "17491234567", Some("+8617491234567"), Mobile, CN, None, None),
    row("13491234567", "13491234567", Some("+8613491234567"), Mobile, CN, None, None),
    // Landlines: two- and three-digit area codes, with and without the trunk 0, local only.
    row("(010) 1234-5678", "01012345678", Some("+861012345678"), Landline, CN, Some("010"), None),
    row("+86 10 1234 5678", "01012345678", Some("+861012345678"), Landline, CN, Some("010"), None),
    row("0755-23456789", "075523456789", Some("+8675523456789"), Landline, CN, Some("0755"), None),
    row("0852 2345678", "08522345678", Some("+868522345678"), Landline, CN, Some("0852"), None),
    row("12593 0755 23456789", "075523456789", Some("+8675523456789"), Landline, CN, Some("0755"), None),
    row("23456789", "23456789", None, Landline, CN, None, None),
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
    row("unknown", "", None, Invalid, None, None, None),
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
