//! Number normalisation (DESIGN §2): whatever string Android hands us, work out the national
//! number, its kind, its country and area codes, a carrier hint, and the facts the classifier needs.
//! Never panics; a string that is no number is `invalid`, and the call still gets a decision.

use serde::{Deserialize, Serialize};

use crate::decision::Reason;
use crate::directory::{self, Carrier, CarrierNumber, RangeKind};

code_enum! {
    /// What sort of number it is (DESIGN §2).
    pub enum NumberKind {
        /// An 11-digit mobile number.
        Mobile = "mobile",
        /// A fixed line: 0 + area code + local number, or a bare local number.
        Landline = "landline",
        /// 800xxxxxxx, which only receives calls.
        TollFree = "toll_free",
        /// 400xxxxxxx, which only receives calls.
        SharedCost = "shared_cost",
        /// A short code: carrier numbers, 12xxx, 95xxx, emergency numbers.
        ShortCode = "short_code",
        /// A 106 SMS port.
        SmsPort = "sms_port",
        /// A data-only IoT number.
        Iot = "iot",
        /// A number with a country code other than 86.
        International = "international",
        /// No number was presented.
        Hidden = "hidden",
        /// Not a phone number.
        Invalid = "invalid",
    }
}

/// A phone number as read and normalised: the `number` object of the decision JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Number {
    /// The string as presented (cut to 256 characters).
    pub raw: String,
    /// The national form for Chinese numbers ("13800138000", "075512345678", "10086"),
    /// "+<cc><number>" for foreign ones, "" for no number.
    pub normalized: String,
    /// The E.164 form where one exists.
    pub e164: Option<String>,
    /// What sort of number it is.
    pub kind: NumberKind,
    /// Country calling code without "+", where known.
    pub country_code: Option<String>,
    /// Area code with its leading 0 ("010", "0755"), for landlines.
    pub area_code: Option<String>,
    /// The carrier the prefix was allocated to — only a hint, numbers port.
    pub carrier_hint: Option<Carrier>,
    /// Where the number is registered, in the request's language ("广东省深圳市" / "Shenzhen,
    /// Guangdong"), or `None` where the data does not say; filled by [`crate::location::locate`].
    #[serde(default)]
    pub location: Option<String>,
}

/// What a number is beyond its kind: the facts the classifier decides on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    /// Nothing special.
    None,
    /// 110 119 120 122 112 999.
    Emergency,
    /// A five-digit 12xxx public-service line.
    PublicService,
    /// The 96110 police anti-fraud line.
    AntiFraudLine,
    /// Exactly one of the seven official carrier numbers.
    Official(&'static CarrierNumber),
    /// Looks like a carrier number, and the reason it is not one.
    Lookalike(Carrier, Reason),
    /// 953/955/956 company service line.
    ServiceLine95,
    /// A 95 call-centre number.
    CallCentre95,
    /// A 1002x–1006x virtual-operator service line.
    MvnoServiceLine,
}

/// A number together with what normalisation learned about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedNumber {
    /// The public number object.
    pub number: Number,
    /// What the number is beyond its kind.
    pub special: Special,
    /// Facts found along the way (prefixes stripped, MVNO or satellite range).
    pub notes: Vec<Reason>,
}

/// The longest raw string echoed back in a decision.
const RAW_ECHO_CHARS: usize = 256;
/// No real number, with every prefix, is longer than this many digits.
const MAX_DIGITS: usize = 32;

/// Normalises `raw` into a [`Number`].
pub fn normalize(raw: &str) -> Number {
    parse(raw).number
}

/// Normalises `raw` and keeps the facts the classifier needs.
pub fn parse(raw: &str) -> ParsedNumber {
    let raw_echo: String = raw.chars().take(RAW_ECHO_CHARS).collect();
    let mut parsed = match clean(raw) {
        Cleaned::Empty => finish(Kind::hidden()),
        Cleaned::NotANumber => finish(Kind::invalid(String::new())),
        Cleaned::Digits { plus, digits } => read(plus, &digits),
    };
    parsed.number.raw = raw_echo;
    parsed
}

enum Cleaned {
    Empty,
    NotANumber,
    Digits { plus: bool, digits: String },
}

/// Folds full-width digits and drops the punctuation people and phones put in numbers.
fn clean(raw: &str) -> Cleaned {
    let trimmed = raw.trim();
    let body = match trimmed.get(..4) {
        Some(scheme) if scheme.eq_ignore_ascii_case("tel:") => &trimmed[4..],
        _ => trimmed,
    };
    let mut digits = String::new();
    let mut plus = false;
    for c in body.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '０'..='９' => digits.push(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
            '+' | '＋' if digits.is_empty() && !plus => plus = true,
            ' ' | '\u{3000}' | '\u{a0}' | '\t' | '-' | '‐' | '‑' | '–' | '—' | '－' | '.' | '('
            | ')' | '（' | '）' => {}
            _ => return Cleaned::NotANumber,
        }
        if digits.len() > MAX_DIGITS {
            return Cleaned::NotANumber;
        }
    }
    if digits.is_empty() {
        return if plus {
            Cleaned::NotANumber
        } else {
            Cleaned::Empty
        };
    }
    Cleaned::Digits { plus, digits }
}

/// Reads cleaned digits: country prefix first, then the national number.
fn read(plus: bool, digits: &str) -> ParsedNumber {
    let original = if plus {
        format!("+{digits}")
    } else {
        digits.to_owned()
    };
    let international = if plus {
        Some(digits)
    } else {
        digits.strip_prefix("00")
    };
    let mut notes = Vec::new();
    let kind = match international {
        Some(intl) => match intl.strip_prefix("86") {
            Some(national) => {
                notes.push(Reason::CountryPrefixStripped);
                national_number(national, true, &mut notes)
            }
            None => foreign(intl),
        },
        None => match digits.strip_prefix("86") {
            Some(rest) if is_known_short_code(rest) || is_mobile_shape(rest) => {
                notes.push(Reason::CountryPrefixStripped);
                national_number(rest, true, &mut notes)
            }
            _ => national_number(digits, false, &mut notes),
        },
    };
    // An unreadable number keeps its cleaned digits, so normalising it again changes nothing.
    let kind = match kind {
        Kind {
            kind: NumberKind::Invalid,
            special: Special::None,
            ..
        } => Kind::invalid(original),
        k => k,
    };
    let mut parsed = finish(kind);
    parsed.notes = notes;
    parsed
}

/// The intermediate result of reading a number, before it becomes a [`Number`].
struct Kind {
    kind: NumberKind,
    normalized: String,
    country_code: Option<String>,
    area_code: Option<String>,
    carrier_hint: Option<Carrier>,
    special: Special,
    e164: bool,
}

impl Kind {
    fn new(kind: NumberKind, normalized: &str) -> Kind {
        Kind {
            kind,
            normalized: normalized.to_owned(),
            country_code: Some("86".to_owned()),
            area_code: None,
            carrier_hint: None,
            special: Special::None,
            e164: false,
        }
    }

    fn short(normalized: &str, special: Special) -> Kind {
        Kind {
            special,
            ..Kind::new(NumberKind::ShortCode, normalized)
        }
    }

    fn hidden() -> Kind {
        Kind {
            country_code: None,
            ..Kind::new(NumberKind::Hidden, "")
        }
    }

    fn invalid(original: String) -> Kind {
        Kind {
            country_code: None,
            normalized: original,
            ..Kind::new(NumberKind::Invalid, "")
        }
    }

    fn with_e164(mut self) -> Kind {
        self.e164 = true;
        self
    }
}

fn finish(k: Kind) -> ParsedNumber {
    let e164 = if !k.e164 {
        None
    } else if k.kind == NumberKind::International {
        Some(k.normalized.clone())
    } else {
        // National numbers drop their trunk 0 after the country code.
        let national = k.normalized.strip_prefix('0').unwrap_or(&k.normalized);
        Some(format!("+86{national}"))
    };
    ParsedNumber {
        number: Number {
            raw: String::new(),
            normalized: k.normalized,
            e164,
            kind: k.kind,
            country_code: k.country_code,
            area_code: k.area_code,
            carrier_hint: k.carrier_hint,
            location: None,
        },
        special: k.special,
        notes: Vec::new(),
    }
}

/// A number behind a foreign country code. Anything carrier-like behind one is a look-alike.
fn foreign(intl: &str) -> Kind {
    let cc_len = directory::country_code_len(intl);
    let (cc, national) = intl.split_at(cc_len.min(intl.len()));
    if national.len() < 3 {
        return Kind::invalid(String::new());
    }
    let mut k = Kind {
        country_code: Some(cc.to_owned()),
        ..Kind::new(NumberKind::International, &format!("+{intl}"))
    };
    k.e164 = intl.len() <= 15;
    if let Some(c) = carrier_code_prefix(national).or_else(|| carrier_code_prefix(intl)) {
        k.special = Special::Lookalike(c.carrier, Reason::ForeignCountryCode);
    }
    k
}

/// A Chinese number without its country code. `after_country_code` allows the international
/// form of landlines, which drops the trunk 0 ("+86 755 …").
fn national_number(d: &str, after_country_code: bool, notes: &mut Vec<Reason>) -> Kind {
    if d.is_empty() {
        return Kind::invalid(String::new());
    }
    if let Some(k) = short_or_lookalike(d) {
        return k;
    }
    if let Some(n) = directory::ip_prefix_len(d) {
        let rest = &d[n..];
        if is_mobile_shape(rest) || (rest.starts_with('0') && rest.len() >= 10) {
            notes.push(Reason::IpPrefixStripped);
            return national_number(rest, false, notes);
        }
        if let Some(c) = carrier_code_prefix(rest) {
            notes.push(Reason::IpPrefixStripped);
            return Kind::short(
                d,
                Special::Lookalike(c.carrier, Reason::PrefixBeforeCarrierCode),
            );
        }
    }
    let len = d.len();
    if d.starts_with("1064") && len == 13 {
        return Kind::new(NumberKind::Iot, d).with_e164();
    }
    if d.starts_with("106") && len >= 5 {
        return Kind::new(NumberKind::SmsPort, d);
    }
    if len == 13
        && ["140", "141", "142", "143", "144", "146", "148"]
            .iter()
            .any(|p| d.starts_with(p))
    {
        return Kind::new(NumberKind::Iot, d).with_e164();
    }
    if len == 10 && d.starts_with("400") {
        return Kind::new(NumberKind::SharedCost, d).with_e164();
    }
    if len == 10 && d.starts_with("800") {
        return Kind::new(NumberKind::TollFree, d).with_e164();
    }
    if is_mobile_shape(d) {
        return mobile(d, notes);
    }
    if let Some(rest) = d.strip_prefix('0') {
        return landline(rest);
    }
    if after_country_code {
        let k = landline(d);
        if k.kind != NumberKind::Invalid {
            return k;
        }
    }
    match (len, d.as_bytes().first().copied().unwrap_or(b'0')) {
        (3..=6, b'1') | (5..=6, b'9') => Kind::short(d, Special::None),
        // A local number dialled without its area code — never behind a country code, where it
        // must carry one: "+86 86957243" taken as local "86957243" would re-read as 86 + the
        // 95 line 957243, and normalising twice must change nothing (found by fuzzing).
        (7..=8, b'2'..=b'9') if !after_country_code => Kind::new(NumberKind::Landline, d),
        _ => Kind::invalid(String::new()),
    }
}

/// Emergency, carrier, public-service and 95 numbers, and the carrier look-alike forms.
fn short_or_lookalike(d: &str) -> Option<Kind> {
    if directory::EMERGENCY_NUMBERS.contains(&d) {
        return Some(Kind::short(d, Special::Emergency));
    }
    if let Some(c) = directory::carrier_number(d) {
        return Some(Kind::short(d, Special::Official(c)));
    }
    if d.len() == 5 && d.starts_with("12") {
        return Some(Kind::short(d, Special::PublicService));
    }
    if d == directory::ANTI_FRAUD_LINE {
        return Some(Kind::short(d, Special::AntiFraudLine));
    }
    if let Some(c) = carrier_code_prefix(d) {
        let kind = if d.len() <= 8 {
            NumberKind::ShortCode
        } else {
            NumberKind::Invalid
        };
        let special = Special::Lookalike(c.carrier, Reason::ExtraDigitsAfterCarrierCode);
        return Some(Kind {
            special,
            ..Kind::new(kind, d)
        });
    }
    if let Some(after_zero) = d.strip_prefix('0') {
        let behind_area = directory::area_code_len(after_zero).map(|n| (n, &after_zero[n..]));
        let lookalike = directory::carrier_number(after_zero)
            .map(|c| (c, None))
            .or_else(|| {
                behind_area.and_then(|(n, rest)| Some((directory::carrier_number(rest)?, Some(n))))
            });
        if let Some((c, area_len)) = lookalike {
            let special = Special::Lookalike(c.carrier, Reason::AreaCodeBeforeCarrierCode);
            let area_code = area_len.map(|n| format!("0{}", &after_zero[..n]));
            return Some(Kind {
                special,
                area_code,
                ..Kind::new(NumberKind::Landline, d)
            });
        }
    }
    if let Some(third) = d.strip_prefix("95").and_then(|r| r.bytes().next()) {
        let special = match (third, d.len()) {
            (_, 0..=4) => return None,
            (_, 8..) | (b'0' | b'1' | b'2' | b'4' | b'7', _) => Special::CallCentre95,
            (b'3' | b'5' | b'6', 5..=6) => Special::ServiceLine95,
            _ => Special::None,
        };
        return Some(Kind::short(d, special));
    }
    if d.len() == 5 && ("10020"..="10069").contains(&d) {
        return Some(Kind::short(d, Special::MvnoServiceLine));
    }
    None
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

/// A fixed line after its trunk 0: area code, then a 7–8 digit local number (8 for two-digit
/// codes) — or the 96110 anti-fraud line behind an area code.
fn landline(after_zero: &str) -> Kind {
    let Some(n) = directory::area_code_len(after_zero) else {
        return Kind::invalid(String::new());
    };
    let (area, local) = after_zero.split_at(n);
    let normalized = format!("0{after_zero}");
    let area_code = Some(format!("0{area}"));
    if local == directory::ANTI_FRAUD_LINE {
        return Kind {
            area_code,
            ..Kind::short(&normalized, Special::AntiFraudLine)
        };
    }
    let local_ok = match n {
        2 => local.len() == 8,
        _ => (7..=8).contains(&local.len()),
    };
    if !local_ok || local.starts_with('0') {
        return Kind::invalid(String::new());
    }
    Kind {
        area_code,
        ..Kind::new(NumberKind::Landline, &normalized)
    }
    .with_e164()
}

/// The official carrier number `d` starts with, when `d` is longer than it.
fn carrier_code_prefix(d: &str) -> Option<&'static CarrierNumber> {
    directory::CARRIER_NUMBERS
        .iter()
        .find(|c| d.len() > c.number.len() && d.starts_with(c.number))
        .or_else(|| directory::carrier_number(d))
}

fn is_mobile_shape(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 11
        && b[0] == b'1'
        && (b'3'..=b'9').contains(&b[1])
        && b.iter().all(u8::is_ascii_digit)
}

/// Short codes after which a bare leading "86" is taken as the country code (DESIGN §2).
fn is_known_short_code(d: &str) -> bool {
    directory::EMERGENCY_NUMBERS.contains(&d)
        || directory::carrier_number(d).is_some()
        || (d.len() == 5 && d.starts_with("12"))
        || d == directory::ANTI_FRAUD_LINE
        || (d.starts_with("95") && (5..=6).contains(&d.len()))
}

/// Masks a number for banners and logs: the first three and last four digits of anything of
/// seven or more characters stay ("138****8000"); short codes stay whole.
pub fn mask(number: &str) -> String {
    let chars: Vec<char> = number.chars().collect();
    if chars.len() < 7 {
        return number.to_owned();
    }
    let head = if chars[0] == '+' { 4 } else { 3 };
    let tail = 4.min(chars.len().saturating_sub(head + 1));
    let stars = chars.len() - head - tail;
    let mut out: String = chars[..head].iter().collect();
    out.extend(std::iter::repeat_n('*', stars));
    out.extend(&chars[chars.len() - tail..]);
    out
}
