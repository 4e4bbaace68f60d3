//! The short and special ranges (DESIGN §1): emergency, carrier, public-service, 95 and MVNO
//! service lines, and the carrier look-alike forms — each read only where its length fits.

use super::{Kind, NumberKind, Special};
use crate::decision::Reason;
use crate::directory::{self, CarrierNumber};

/// A service code on its own: emergency, an official carrier number, 12xxx, 96110, a 95 line
/// of 5–6 digits or a 1002x–1006x MVNO line. These keep their meaning behind an area code.
pub(super) fn service_code(d: &str) -> Option<Special> {
    if directory::EMERGENCY_NUMBERS.contains(&d) {
        return Some(Special::Emergency);
    }
    if let Some(c) = directory::carrier_number(d) {
        return Some(Special::Official(c));
    }
    if d.len() == 5 && d.starts_with("12") {
        return Some(Special::PublicService);
    }
    if d == directory::ANTI_FRAUD_LINE {
        return Some(Special::AntiFraudLine);
    }
    if d.len() == 5 && ("10020"..="10069").contains(&d) {
        return Some(Special::MvnoServiceLine);
    }
    if (5..=6).contains(&d.len()) {
        return line_95(d);
    }
    None
}

/// A 95 number: 953/955/956 lines of 5–6 digits serve companies; 950/951/952/954/957, and any
/// 95 number of 8 or more digits, are call centres. Other lengths and ranges say nothing.
pub(super) fn line_95(d: &str) -> Option<Special> {
    let third = d.strip_prefix("95")?.bytes().next()?;
    match (third, d.len()) {
        (_, 8..) | (b'0' | b'1' | b'2' | b'4' | b'7', 5..=6) => Some(Special::CallCentre95),
        (b'3' | b'5' | b'6', 5..=6) => Some(Special::ServiceLine95),
        _ => None,
    }
}

/// A bare short code read as a number of its own (no area code before it).
pub(super) fn bare(d: &str) -> Option<Kind> {
    if let Some(special) = service_code(d) {
        return Some(Kind::short(d, special));
    }
    carrier_with_extra_digits(d)
}

/// A carrier code followed by more digits (100861, 10086999): a look-alike. Up to 8 digits it
/// is a short code; longer, no number the plan has.
pub(super) fn carrier_with_extra_digits(d: &str) -> Option<Kind> {
    let c = carrier_code_prefix(d)?;
    let kind = if d.len() <= 8 {
        NumberKind::ShortCode
    } else {
        NumberKind::Invalid
    };
    Some(Kind {
        special: Special::Lookalike(c.carrier, Reason::ExtraDigitsAfterCarrierCode),
        ..Kind::new(kind, d)
    })
}

/// What follows an area code when it is not a local number: a service code keeps its meaning
/// and carries the area code ("0755 12345", "021 95588", "0755 110"); a carrier code, with or
/// without extra digits, is a look-alike ("010 10086").
pub(super) fn behind_area_code(area: &str, rest: &str) -> Option<Kind> {
    let normalized = format!("0{area}{rest}");
    let area_code = Some(format!("0{area}"));
    let special = match service_code(rest) {
        Some(Special::Official(c)) => {
            Special::Lookalike(c.carrier, Reason::AreaCodeBeforeCarrierCode)
        }
        Some(special) => special,
        None => {
            let c = carrier_code_prefix(rest)?;
            Special::Lookalike(c.carrier, Reason::AreaCodeBeforeCarrierCode)
        }
    };
    let kind = if matches!(special, Special::Lookalike(..)) {
        NumberKind::Landline
    } else {
        NumberKind::ShortCode
    };
    Some(Kind {
        special,
        area_code,
        ..Kind::new(kind, &normalized)
    })
}

/// A carrier code right after a trunk 0, with no area code between ("010016", "010086").
pub(super) fn carrier_after_zero(after_zero: &str) -> Option<Kind> {
    let c = directory::carrier_number(after_zero)?;
    Some(Kind {
        special: Special::Lookalike(c.carrier, Reason::AreaCodeBeforeCarrierCode),
        ..Kind::new(NumberKind::Landline, &format!("0{after_zero}"))
    })
}

/// The official carrier number `d` is or starts with.
pub(super) fn carrier_code_prefix(d: &str) -> Option<&'static CarrierNumber> {
    directory::CARRIER_NUMBERS
        .iter()
        .find(|c| d.starts_with(c.number))
}
