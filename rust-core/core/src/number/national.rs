//! Steps 2–4 of normalisation (DESIGN §2): the country code, IP-dialling prefixes, then the
//! national number read by its length and structure.
//!
//! Two readings exist. After a country code the digits are a national significant number
//! (NSN): an area code comes first where one fits, so `+86 10 6xxx xxxx` is a Beijing landline
//! and `+86 951 xxx xxxx` is Yinchuan. Dialled domestically, a landline carries its trunk `0`,
//! and digits without one are read as mobiles, short codes, special ranges or local numbers.

use super::service;
use super::{Kind, NumberKind, Special};
use crate::areas;
use crate::decision::Reason;
use crate::directory::{self, RangeKind};

/// Reads cleaned digits: the country code first, then the national number.
pub(super) fn read(plus: bool, digits: &str, notes: &mut Vec<Reason>) -> Kind {
    let international = if plus {
        Some(digits)
    } else {
        digits.strip_prefix("00")
    };
    if let Some(intl) = international {
        return match intl.strip_prefix("86") {
            Some(nsn) => {
                notes.push(Reason::CountryPrefixStripped);
                after_country_code(nsn, notes)
            }
            None => foreign(intl),
        };
    }
    if let Some(nsn) = digits.strip_prefix("86") {
        // A bare 86 is the country code only where what follows is a whole Chinese number that
        // the digits as dialled are not — or a service code, which no local number shadows.
        let mut nsn_notes = vec![Reason::CountryPrefixStripped];
        let as_nsn = after_country_code(nsn, &mut nsn_notes);
        let mut domestic_notes = Vec::new();
        let as_dialled = domestic(digits, &mut domestic_notes);
        let nsn_is_service = service::service_code(nsn).is_some();
        if as_nsn.kind != NumberKind::Invalid
            && (nsn_is_service || as_dialled.kind == NumberKind::Invalid)
        {
            notes.extend(nsn_notes);
            return as_nsn;
        }
        notes.extend(domestic_notes);
        return as_dialled;
    }
    domestic(digits, notes)
}

/// A number behind a foreign country code. Anything carrier-like behind one is a look-alike.
fn foreign(intl: &str) -> Kind {
    let cc_len = directory::country_code_len(intl);
    let (cc, national) = intl.split_at(cc_len.min(intl.len()));
    if national.len() < 3 {
        return Kind::invalid();
    }
    let mut k = Kind {
        country_code: Some(cc.to_owned()),
        ..Kind::new(NumberKind::International, &format!("+{intl}"))
    };
    k.e164 = intl.len() <= 15;
    let carrier =
        service::carrier_code_prefix(national).or_else(|| service::carrier_code_prefix(intl));
    if let Some(c) = carrier {
        k.special = Special::Lookalike(c.carrier, Reason::ForeignCountryCode);
    }
    k
}

/// The national significant number after +86 / 0086 / 86.
fn after_country_code(nsn: &str, notes: &mut Vec<Reason>) -> Kind {
    if nsn.is_empty() {
        return Kind::invalid();
    }
    if let Some(k) = without_ip_prefix(nsn, notes) {
        return k;
    }
    // A trunk 0 after the country code is a common slip ("+86 0755 …"); read it as dialled.
    if nsn.starts_with('0') {
        return domestic(nsn, notes);
    }
    // An area code wins wherever what follows it fits: "+86 951 110" is Yinchuan's police,
    // not the 95 line 951110. No area code starts a carrier, 12xxx or 96110 code.
    if let Some(k) = geographic(nsn) {
        return k;
    }
    if let Some(k) = service::bare(nsn) {
        return k;
    }
    if is_mobile_shape(nsn) {
        return mobile(nsn, notes);
    }
    match non_geographic(nsn) {
        // A bare local number never follows a country code: it must carry its area code.
        Some(k) if k.kind == NumberKind::Landline => Kind::invalid(),
        Some(k) => k,
        None => Kind::invalid(),
    }
}

/// Digits as dialled inside China: a trunk 0 before an area code, or no 0 at all.
fn domestic(d: &str, notes: &mut Vec<Reason>) -> Kind {
    if d.is_empty() {
        return Kind::invalid();
    }
    if let Some(after_zero) = d.strip_prefix('0') {
        if let Some(k) = service::carrier_after_zero(after_zero) {
            return k;
        }
        if let Some(k) = geographic(after_zero) {
            return k;
        }
        // A trunk 0 before a mobile or a 400/800 number ("013800138000"): drop it and say so.
        // What follows the 0 is read exactly as it would be on its own, so the result reads the
        // same again: "0 17903 190819" is no mobile, because "17903 190819" is IP-dialled.
        let mut rest_notes = vec![Reason::TrunkZeroRemoved];
        let k = domestic(after_zero, &mut rest_notes);
        let whole = matches!(
            k.kind,
            NumberKind::Mobile | NumberKind::SharedCost | NumberKind::TollFree
        );
        if whole && k.normalized == after_zero {
            notes.extend(rest_notes);
            return k;
        }
        return Kind::invalid();
    }
    if let Some(k) = without_ip_prefix(d, notes) {
        return k;
    }
    if let Some(k) = service::bare(d) {
        return k;
    }
    if is_mobile_shape(d) {
        return mobile(d, notes);
    }
    non_geographic(d).unwrap_or_else(Kind::invalid)
}

/// An IP-dialling prefix (12593, 17951, 179xx, 10193) before a number that reads on its own:
/// strip it and read the rest as dialled. A carrier code behind one is never official.
fn without_ip_prefix(d: &str, notes: &mut Vec<Reason>) -> Option<Kind> {
    let n = directory::ip_prefix_len(d)?;
    let rest = &d[n..];
    // The rest is read as any number is, country code included, so a number read once reads
    // the same again ("17951 86 12000" is 12000 whether or not the prefix is still there).
    let mut rest_notes = Vec::new();
    let mut k = read(false, rest, &mut rest_notes);
    if k.kind == NumberKind::Invalid && !matches!(k.special, Special::Lookalike(..)) {
        return None;
    }
    notes.push(Reason::IpPrefixStripped);
    notes.extend(rest_notes);
    if let Special::Official(c) = k.special {
        k = Kind {
            special: Special::Lookalike(c.carrier, Reason::PrefixBeforeCarrierCode),
            ..Kind::short(d, k.special)
        };
    }
    Some(k)
}

/// An area code followed by a local number (8 digits after a two-digit code, 7–8 after a
/// three-digit one, never starting with 0, 1 or 9), or by a service or carrier code.
fn geographic(national: &str) -> Option<Kind> {
    let n = areas::area_code_len(national)?;
    let (area, rest) = national.split_at(n);
    let local_fits = match n {
        2 => rest.len() == 8,
        _ => (7..=8).contains(&rest.len()),
    };
    if local_fits && is_local_start(rest) {
        let k = Kind {
            area_code: Some(format!("0{area}")),
            ..Kind::new(NumberKind::Landline, &format!("0{national}"))
        };
        return Some(k.with_e164());
    }
    service::behind_area_code(area, rest)
}

/// Numbers outside the geographic plan, read by length: 400/800, IoT, 106 SMS ports, 95 call
/// centres with extensions, other short codes, and a local number dialled without its area code.
fn non_geographic(d: &str) -> Option<Kind> {
    if let Some(k) = inbound_only(d) {
        return Some(k);
    }
    let len = d.len();
    const IOT: [&str; 7] = ["140", "141", "142", "143", "144", "146", "148"];
    if len == 13 && (d.starts_with("1064") || IOT.iter().any(|p| d.starts_with(p))) {
        return Some(Kind::new(NumberKind::Iot, d).with_e164());
    }
    if d.starts_with("106") && len >= 5 {
        return Some(Kind::new(NumberKind::SmsPort, d));
    }
    if let Some(special) = service::line_95(d) {
        return Some(Kind::short(d, special));
    }
    match (len, d.as_bytes()[0]) {
        (3..=6, b'1') | (5..=7, b'9') => Some(Kind::short(d, Special::None)),
        (7..=8, b'2'..=b'8') => Some(Kind::new(NumberKind::Landline, d)),
        _ => None,
    }
}

/// 400 (shared cost) and 800 (toll free) numbers, which only receive calls.
fn inbound_only(d: &str) -> Option<Kind> {
    let kind = match d.get(..3) {
        Some("400") => NumberKind::SharedCost,
        Some("800") => NumberKind::TollFree,
        _ => return None,
    };
    (d.len() == 10).then(|| Kind::new(kind, d).with_e164())
}

/// An 11-digit mobile number with its range facts.
fn mobile(d: &str, notes: &mut Vec<Reason>) -> Kind {
    let mut k = Kind::new(NumberKind::Mobile, d).with_e164();
    if let Some(range) = directory::mobile_range(d) {
        k.carrier_hint = range.carrier;
        match range.kind {
            RangeKind::Own => {}
            RangeKind::Mvno => notes.push(Reason::MvnoRange),
            RangeKind::Satellite => notes.push(Reason::SatelliteRange),
        }
    }
    k
}

/// 11 digits, 13x–19x.
pub(super) fn is_mobile_shape(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 11
        && b[0] == b'1'
        && (b'3'..=b'9').contains(&b[1])
        && b.iter().all(u8::is_ascii_digit)
}

/// Local numbers start with 2–8: 0 is the trunk prefix, 1 and 9 begin service codes.
fn is_local_start(local: &str) -> bool {
    matches!(local.as_bytes().first(), Some(b'2'..=b'8'))
}
