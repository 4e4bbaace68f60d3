//! Number normalisation (DESIGN §2): whatever string Android hands us, work out the national
//! number, its kind, its country and area codes, a carrier hint, and the facts the classifier needs.
//! Never panics; a string that is no number is `invalid`, and the call still gets a decision.
//!
//! The steps live one to a module: `clean` (text to digits), `national` (country code, IP
//! prefix, reading by structure) and `service` (the short and special ranges).

use serde::{Deserialize, Serialize};

mod clean;
mod national;
mod service;

pub use clean::display_digits;

use crate::decision::Reason;
use crate::directory::{Carrier, CarrierNumber};
use clean::Cleaned;

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
    /// The number as banners and notifications show it ([`shown`]): service numbers whole
    /// with their area code set apart ("0755 110"), personal numbers masked ("138****8000",
    /// "0755****6789"), and for text that is no number, its digits masked — never the raw text.
    #[serde(default)]
    pub masked: String,
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

/// Normalises `raw` into a [`Number`].
pub fn normalize(raw: &str) -> Number {
    parse(raw).number
}

/// Normalises `raw` and keeps the facts the classifier needs: clean the text, take the country
/// code off, strip IP-dialling prefixes, then read the national number by its structure.
pub fn parse(raw: &str) -> ParsedNumber {
    let raw_echo: String = raw.chars().take(RAW_ECHO_CHARS).collect();
    let mut parsed = match clean::clean(raw) {
        Cleaned::Withheld { text } => {
            let mut parsed = finish(Kind::hidden());
            if text {
                parsed.notes.push(Reason::WithheldNumberText);
            }
            parsed
        }
        Cleaned::NotANumber => finish(Kind::invalid()),
        Cleaned::Digits {
            plus,
            digits,
            notes,
        } => {
            let mut notes = notes;
            let kind = national::read(plus, &digits, &mut notes);
            // An unreadable number keeps its cleaned digits, so normalising it again changes
            // nothing and a banner can show it masked.
            let kind = match kind {
                Kind {
                    kind: NumberKind::Invalid,
                    special: Special::None,
                    ..
                } => Kind {
                    normalized: if plus { format!("+{digits}") } else { digits },
                    ..kind
                },
                k => k,
            };
            let mut parsed = finish(kind);
            parsed.notes = notes;
            parsed
        }
    };
    parsed.number.raw = raw_echo;
    parsed.number.masked = shown(&parsed.number);
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

    fn invalid() -> Kind {
        Kind {
            country_code: None,
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
            masked: String::new(),
        },
        special: k.special,
        notes: Vec::new(),
    }
}

/// Masks a number for banners and logs as Chinese services print them: the last four digits
/// stay, and the first three (after a `+`) where at least three are still hidden between:
/// "138****8000", "400***3456", but "****5678" and "***4567". Anything shorter than seven
/// characters (a short code) stays whole.
pub fn mask(number: &str) -> String {
    const HEAD: usize = 3;
    const TAIL: usize = 4;
    const MIN_HIDDEN: usize = 3;
    let chars: Vec<char> = number.chars().collect();
    let n = chars.len();
    if n < 7 {
        return number.to_owned();
    }
    let plus = usize::from(chars[0] == '+');
    let head = plus
        + if n - plus >= HEAD + MIN_HIDDEN + TAIL {
            HEAD
        } else {
            0
        };
    let stars = n - head - TAIL;
    let mut out: String = chars[..head].iter().collect();
    out.extend(std::iter::repeat_n('*', stars));
    out.extend(&chars[n - TAIL..]);
    out
}

/// The number as banners and notifications show it: service numbers whole, personal numbers
/// masked. A landline keeps its area code, as Chinese services print it ("0755****6789"); text
/// that could not be read shows its digits only, masked, because bidi marks could make the raw
/// text display as another number.
pub fn shown(n: &Number) -> String {
    match n.kind {
        NumberKind::ShortCode => area_code_apart(n),
        NumberKind::Landline => match n.area_code.as_deref() {
            // A code behind an area code ("010 10086") is no one's line: its digits are the
            // evidence of the trick.
            Some(area) if n.normalized.get(area.len()..).is_some_and(is_code) => area_code_apart(n),
            Some(area)
                if n.normalized.starts_with(area) && n.normalized.len() >= area.len() + 5 =>
            {
                let local = &n.normalized[area.len()..];
                let tail = &local[local.len() - 4..];
                format!("{area}{}{tail}", "*".repeat(local.len() - 4))
            }
            _ => mask(&n.normalized),
        },
        _ if n.normalized.is_empty() => mask(&display_digits(&n.raw)),
        _ => mask(&n.normalized),
    }
}

/// Digits that begin a service or carrier code rather than a local number (1 or 9).
fn is_code(digits: &str) -> bool {
    matches!(digits.as_bytes().first(), Some(b'1' | b'9'))
}

/// A number shown whole, its area code set apart so a code behind it reads as what it is:
/// "0755 110", "010 10086".
pub fn area_code_apart(n: &Number) -> String {
    match n.area_code.as_deref() {
        Some(area) if n.normalized.len() > area.len() && n.normalized.starts_with(area) => {
            format!("{area} {}", &n.normalized[area.len()..])
        }
        _ => n.normalized.clone(),
    }
}
