//! Step 1 of normalisation (DESIGN §2): from whatever text a network, a dialer or a ROM hands
//! us, to bare ASCII digits — or to the finding that the caller withheld the number.
//!
//! Cleaning never guesses at structure: it folds digits, drops what people and phones put
//! between digits, unwraps `tel:`/`sip:` URIs and cuts dialling suffixes. Reading the digits is
//! the next step's job.

use crate::decision::Reason;

/// No real number, with every prefix, is longer than this many digits.
const MAX_DIGITS: usize = 32;

/// What cleaning made of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Cleaned {
    /// No number: empty text, or text that stands for a withheld number ("-1", "Private").
    Withheld {
        /// The text said so in words (rather than being empty).
        text: bool,
    },
    /// Text that is no phone number.
    NotANumber,
    /// ASCII digits, with a leading '+' where there was one, and what cleaning removed.
    Digits {
        /// The digits started with '+'.
        plus: bool,
        /// The digits, ASCII only.
        digits: String,
        /// What was removed along the way (suffixes, invisible characters).
        notes: Vec<Reason>,
    },
}

/// Text that dialers, ROMs and networks put where a withheld number would be, compared after
/// removing whitespace and invisible characters, ignoring ASCII case. Sources: AOSP's
/// `CallerInfo`/`PhoneNumberUtils` ("-1" private, "-2" unknown, "-3" payphone); RFC 3323's
/// anonymous URI (`sip:anonymous@anonymous.invalid`); what dialers and Chinese ROMs display.
#[rustfmt::skip]
const WITHHELD_TEXTS: &[&str] = &[
    "-1", "-2", "-3",
    "unknown", "private", "anonymous", "restricted", "withheld", "unavailable", "payphone",
    "blocked", "privatenumber", "unknownnumber", "unknowncaller", "nocallerid", "notavailable",
    "未知", "未知号码", "私人号码", "隐藏号码", "号码隐藏", "匿名", "匿名号码", "匿名来电",
    "无号码", "无来电号码", "号码不详", "保密号码",
];

/// URI schemes whose user part is the number.
const URI_SCHEMES: [&str; 3] = ["tel:", "sip:", "sips:"];

/// Cleans `raw` into digits, or says why there are none.
pub(super) fn clean(raw: &str) -> Cleaned {
    let mut notes = Vec::new();
    // Most numbers carry no mark: copy the text only when there is one to take out.
    let visible: std::borrow::Cow<str> = if raw.chars().any(is_invisible) {
        notes.push(Reason::InvisibleCharactersRemoved);
        raw.chars()
            .filter(|c| !is_invisible(*c))
            .collect::<String>()
            .into()
    } else {
        raw.into()
    };
    let text = visible.trim();
    if is_withheld_text(text) {
        return Cleaned::Withheld { text: true };
    }
    let (body, from_uri) = match strip_scheme(text) {
        Some(rest) => (percent_decode(rest), true),
        None => (text.to_owned(), false),
    };
    // A SIP URI's user part ends at '@'; what follows is the host.
    let body = if from_uri {
        body.split('@').next().unwrap_or_default().to_owned()
    } else {
        body
    };
    if from_uri && is_withheld_text(body.trim()) {
        return Cleaned::Withheld { text: true };
    }
    let mut digits = String::new();
    let mut plus = false;
    let mut rest = body.trim();
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        if let Some(d) = decimal_digit(c) {
            digits.push(char::from(b'0' + d));
        } else if is_plus(c) && digits.is_empty() && !plus {
            plus = true;
        } else if is_separator(c) || is_invisible(c) {
            // Spaces, dashes, dots, brackets: people and phones put them between digits.
        } else if starts_suffix(c, after) {
            if digits.is_empty() || !is_dial_suffix(rest) {
                return Cleaned::NotANumber;
            }
            notes.push(Reason::DiallingSuffixRemoved);
            break;
        } else {
            return Cleaned::NotANumber;
        }
        if digits.len() > MAX_DIGITS {
            return Cleaned::NotANumber;
        }
        rest = after;
    }
    if digits.is_empty() {
        return if plus {
            Cleaned::NotANumber
        } else {
            Cleaned::Withheld { text: false }
        };
    }
    notes.dedup();
    Cleaned::Digits {
        plus,
        digits,
        notes,
    }
}

/// The digits of any text, folded to ASCII, everything else dropped: how a number that could
/// not be read is shown (masked) — never the raw text, whose marks could make it display as
/// something else.
pub fn display_digits(raw: &str) -> String {
    raw.chars()
        .filter_map(decimal_digit)
        .take(MAX_DIGITS)
        .map(|d| char::from(b'0' + d))
        .collect()
}

fn is_withheld_text(text: &str) -> bool {
    if text.is_empty() {
        return false;
    }
    let squeezed: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_')
        .flat_map(char::to_lowercase)
        .collect();
    if WITHHELD_TEXTS.contains(&squeezed.as_str()) {
        return true;
    }
    // "sip:anonymous@anonymous.invalid", "anonymous@…", "tel:unknown".
    let user = strip_scheme(&squeezed).unwrap_or(&squeezed);
    let user = user.split('@').next().unwrap_or_default();
    user != squeezed && WITHHELD_TEXTS.contains(&user)
}

/// The text after a `tel:`, `sip:` or `sips:` scheme, if it has one (any ASCII case).
fn strip_scheme(text: &str) -> Option<&str> {
    URI_SCHEMES.iter().find_map(|scheme| {
        let head = text.get(..scheme.len())?;
        head.eq_ignore_ascii_case(scheme)
            .then(|| &text[scheme.len()..])
    })
}

/// Decodes `%XX` escapes (RFC 3986) as UTF-8; a malformed escape is kept as it is.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn is_plus(c: char) -> bool {
    matches!(c, '+' | '＋' | '﹢')
}

/// What people and phones put between digits: whitespace, dashes, dots, brackets, slashes.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '‐'
                ..='―'
                    | '−'
                    | '﹘'
                    | '﹣'
                    | '－'
                    | '.'
                    | '．'
                    | '·'
                    | '・'
                    | '/'
                    | '／'
                    | '('
                    | ')'
                    | '（'
                    | '）'
                    | '['
                    | ']'
                    | '［'
                    | '］'
                    | '〔'
                    | '〕'
        )
}

/// Whether `c` (with the text `after` it) starts a dialling suffix: a pause or wait (`,` `;`
/// `p` `w`), `#`, an extension (`x`, `ext`, 转, 分机) or a URI parameter (`;ext=`,
/// `;verstat=`, `;phone-context=`). The suffix and everything after it is cut.
fn starts_suffix(c: char, after: &str) -> bool {
    match c {
        ',' | '，' | ';' | '；' | '#' | '＃' | 'p' | 'P' | 'w' | 'W' => true,
        // An extension marker counts only with an extension after it: "13800138000x" is junk.
        'x' | 'X' | '转' => extension_follows(after),
        '分' => after.strip_prefix('机').is_some_and(extension_follows),
        'e' | 'E' => after
            .get(..2)
            .filter(|xt| xt.eq_ignore_ascii_case("xt"))
            .is_some_and(|_| extension_follows(&after[2..])),
        _ => false,
    }
}

/// Whether `suffix` (from its first character on) is what a dial string or URI carries after a
/// number: pauses, waits, DTMF digits and extension markers, up to URI parameters after `;`,
/// which may say anything. "13900139000,block" is a CSV row, not a number with a suffix.
fn is_dial_suffix(suffix: &str) -> bool {
    let dial = suffix.split([';', '；']).next().unwrap_or_default();
    let mut rest = dial;
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        let skip = match c {
            'e' | 'E'
                if after
                    .get(..2)
                    .is_some_and(|xt| xt.eq_ignore_ascii_case("xt")) =>
            {
                3
            }
            '分' if after.starts_with('机') => c.len_utf8() + '机'.len_utf8(),
            c if decimal_digit(c).is_some()
                || is_separator(c)
                || is_invisible(c)
                || matches!(
                    c,
                    ',' | '，' | '#' | '＃' | '*' | '＊' | 'p' | 'P' | 'w' | 'W'
                )
                || matches!(c, 'x' | 'X' | '转' | ':' | '=') =>
            {
                c.len_utf8()
            }
            _ => return false,
        };
        rest = &rest[skip..];
    }
    true
}

/// Whether an extension's digits follow, after an optional '.', ':', '=' and spaces.
fn extension_follows(after: &str) -> bool {
    after
        .trim_start_matches(|c: char| c == '.' || c == ':' || c == '=' || c.is_whitespace())
        .chars()
        .next()
        .and_then(decimal_digit)
        .is_some()
}

/// Invisible format characters that change how text displays but not what it says: zero-width
/// spaces and joiners, bidi marks, embeddings, overrides and isolates, the byte-order mark,
/// word joiners, variation selectors and tags (Unicode 14.0 category Cf and
/// Default_Ignorable_Code_Point).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// The first code point of every run of ten decimal digits (Unicode 14.0, general category Nd):
/// ASCII, Arabic-Indic, Devanagari … full-width, mathematical. Generated from Python's
/// `unicodedata` (every Nd character whose decimal value is 0; each run is contiguous 0–9).
#[rustfmt::skip]
const DIGIT_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The value of a decimal digit of any script, or `None`.
fn decimal_digit(c: char) -> Option<u8> {
    let cp = c as u32;
    if c.is_ascii_digit() {
        return Some((cp - 0x30) as u8);
    }
    let i = DIGIT_ZEROS.partition_point(|z| *z <= cp).checked_sub(1)?;
    let value = cp - DIGIT_ZEROS[i];
    (value < 10).then_some(value as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(raw: &str) -> Option<(bool, String, Vec<Reason>)> {
        match clean(raw) {
            Cleaned::Digits {
                plus,
                digits,
                notes,
            } => Some((plus, digits, notes)),
            _ => None,
        }
    }

    #[test]
    fn digits_of_every_script_fold_to_ascii() {
        for (raw, want) in [
            ("１３８００１３８０００", "13800138000"),
            ("١٠٠٨٦", "10086"),
            ("۱۰۰۸۶", "10086"),
            ("१००८६", "10086"),
            ("𝟏𝟎𝟎𝟖𝟔", "10086"),
        ] {
            assert_eq!(digits(raw).map(|d| d.1).as_deref(), Some(want), "{raw}");
        }
    }

    #[test]
    fn withheld_texts_are_withheld() {
        for raw in [
            "-1",
            "-2",
            "-3",
            "Unknown",
            "PRIVATE",
            " Anonymous ",
            "Restricted",
            "Withheld",
            "Private Number",
            "sip:anonymous@anonymous.invalid",
            "SIP:Anonymous@example.com;user=phone",
            "tel:unknown",
            "未知号码",
            "\u{200e}-1",
        ] {
            assert_eq!(clean(raw), Cleaned::Withheld { text: true }, "{raw:?}");
        }
        assert_eq!(clean(""), Cleaned::Withheld { text: false });
        assert!(
            matches!(clean("-4"), Cleaned::Digits { .. }),
            "only -1, -2, -3"
        );
    }

    #[test]
    fn suffixes_are_cut_and_said() {
        for raw in [
            "4008123456,1",
            "4008123456;ext=12",
            "4008123456p123",
            "4008123456 w 9",
            "4008123456#",
            "4008123456 ext. 8",
            "4008123456 x8",
            "4008123456转8",
            "4008123456分机8",
            "tel:4008123456;verstat=TN-Validation-Passed",
        ] {
            let (_, d, notes) = digits(raw).unwrap_or_else(|| panic!("{raw}"));
            assert_eq!(d, "4008123456", "{raw}");
            assert!(notes.contains(&Reason::DiallingSuffixRemoved), "{raw}");
        }
    }

    #[test]
    fn uris_are_unwrapped_and_percent_decoded() {
        for raw in [
            "tel:%2B86-138-0013-8000",
            "TEL:+86%20138%200013%208000",
            "sip:+8613800138000@ims.mnc000.mcc460.3gppnetwork.org;user=phone",
        ] {
            assert_eq!(
                digits(raw).map(|d| (d.0, d.1)),
                Some((true, "8613800138000".to_owned())),
                "{raw}"
            );
        }
    }

    #[test]
    fn marks_and_separators_vanish_and_marks_are_said() {
        let (_, d, notes) = digits("\u{202e}138\u{200b}0013\u{2066}8000").unwrap_or_default();
        assert_eq!(d, "13800138000");
        assert_eq!(notes, vec![Reason::InvisibleCharactersRemoved]);
        assert_eq!(
            digits("(010) 1234－5678").map(|d| d.1).as_deref(),
            Some("01012345678")
        );
    }

    #[test]
    fn what_is_no_number_says_so() {
        for raw in [
            "+",
            "abc",
            "+86+86",
            "*31#138",
            "#10086",
            "1380013800a",
            "13800138000x",
            "10086ext",
        ] {
            assert_eq!(clean(raw), Cleaned::NotANumber, "{raw:?}");
        }
    }

    #[test]
    fn display_digits_keep_only_digits() {
        assert_eq!(display_digits("\u{202e}68001"), "68001");
        assert_eq!(display_digits("abc１２3"), "123");
    }
}
