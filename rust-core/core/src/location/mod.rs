//! Where a number is registered (DESIGN §2, `number.location`): the area code's city for a
//! landline, the 7-digit prefix's city (号段归属地) for a mobile, in the request's language — and
//! the operator a mobile range was issued to, shown as a hint ("号段：中国移动"), never as the
//! caller's carrier: numbers port between carriers.
//!
//! Fully offline. The data is Google libphonenumber's geocoding and carrier data for +86
//! (Apache-2.0, `data/NOTICE`), from the PyPI package pinned in `tools/location/requirements.txt`,
//! turned into `data/location.txt` and `data/location-mobile.bin` by `tools/location/generate.py`.
//! Where the data does not place a number the answer is `None` — never a guess, never "China".
//! A place the data knows only at province level would be shown as that province, as given (the
//! pinned version has none; the table's header counts them).

mod mobile;
mod table;

use crate::directory::Carrier;
use crate::number::{self, Number, NumberKind};
use crate::words::{Lang, Words};
use table::Table;

/// Fills in what the location data knows about `number`, in `lang`: its place, and — for a
/// mobile whose range the carrier directory does not name — the operator the range was issued to.
/// The directory's prefix table stays the source of every label; this is only shown.
pub fn locate(number: &mut Number, lang: Lang) {
    number.location = place(number, lang).map(str::to_owned);
    if number.kind == NumberKind::Mobile && number.carrier_hint.is_none() {
        number.carrier_hint = range_operator(&number.normalized);
    }
}

/// The place `number` is registered in, in `lang`: by its area code when it has one (landlines,
/// and service codes dialled behind an area code), by its 7-digit prefix when it is a mobile.
pub fn place(number: &Number, lang: Lang) -> Option<&'static str> {
    if let Some(code) = &number.area_code {
        return area_place(code, lang);
    }
    match number.kind {
        NumberKind::Mobile => mobile_place(&number.normalized, lang),
        _ => None,
    }
}

/// The city of an area code, with or without its trunk 0 ("0755", "755" → 广东省深圳市).
pub fn area_place(area_code: &str, lang: Lang) -> Option<&'static str> {
    let code = area_code.strip_prefix('0').unwrap_or(area_code);
    let table = Table::get();
    table.name(table.area(code), lang)
}

/// The city of an 11-digit mobile number's 7-digit prefix (号段归属地).
pub fn mobile_place(digits: &str, lang: Lang) -> Option<&'static str> {
    Table::get().name(mobile::place_id(digits), lang)
}

/// The operator the block of an 11-digit mobile number was issued to, per the location data.
pub fn range_operator(digits: &str) -> Option<Carrier> {
    Table::get().range(digits)
}

/// "归属地：…" / "Location: …".
pub const LOCATION: Words = Words {
    zh: "归属地：",
    en: "Location: ",
};

/// "号段：…" / "Range: …" — the operator that issued the range, which the caller may have left.
pub const RANGE: Words = Words {
    zh: "号段：",
    en: "Range: ",
};

/// One line saying where a located number is from and whose range it is in, as every screen
/// shows it: "归属地：广东省深圳市 · 号段：中国移动" / "Location: Shenzhen, Guangdong · Range:
/// China Mobile". `None` when neither is known. Call [`locate`] first.
pub fn summary(number: &Number, lang: Lang) -> Option<String> {
    let range = number
        .carrier_hint
        .filter(|_| number.kind == NumberKind::Mobile);
    phrase(number.location.as_deref(), range, lang)
}

/// The [`summary`] line from its parts: a place and a range operator, either of which may be
/// unknown.
pub fn phrase(place: Option<&str>, range: Option<Carrier>, lang: Lang) -> Option<String> {
    let parts: Vec<String> = [
        place.map(|p| format!("{}{p}", LOCATION.get(lang))),
        range.map(|c| format!("{}{}", RANGE.get(lang), lang.pick(c.name_zh(), c.name_en()))),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// A stored, already normalised number (history, evidence) read again and located in `lang`;
/// `None` for no number.
pub fn located(normalized: &str, lang: Lang) -> Option<Number> {
    if normalized.is_empty() {
        return None;
    }
    let mut n = number::normalize(normalized);
    locate(&mut n, lang);
    Some(n)
}

/// The [`summary`] of a stored, already normalised number.
pub fn describe(normalized: &str, lang: Lang) -> Option<String> {
    summary(&located(normalized, lang)?, lang)
}

/// Facts about the compiled-in data, for the benchmarks and the tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataFacts {
    /// Distinct place names.
    pub places: usize,
    /// Area codes with a place.
    pub area_codes: Vec<String>,
    /// The compressed mobile table's size in the binary, in bytes.
    pub mobile_packed_bytes: usize,
    /// Its size once inflated, in bytes.
    pub mobile_inflated_bytes: usize,
    /// It inflates to the length the header states.
    pub mobile_intact: bool,
    /// The sha256 of the compressed mobile table the header states.
    pub mobile_sha256: &'static str,
    /// Lines of the text table the reader did not understand (should be none).
    pub unread_lines: Vec<&'static str>,
    /// The whole text table, header included.
    pub text: &'static str,
}

/// What is compiled in (forces both halves of the table to load).
pub fn data_facts() -> DataFacts {
    let table = Table::get();
    let (inflated, sha) = table.mobile;
    DataFacts {
        places: table.place_count(),
        area_codes: table.area_codes().collect(),
        mobile_packed_bytes: mobile::packed_len(),
        mobile_inflated_bytes: inflated,
        mobile_intact: mobile::is_intact(inflated),
        mobile_sha256: sha,
        unread_lines: table::unread_lines(),
        text: table::TEXT,
    }
}

/// How many 7-digit prefixes the mobile table covers (1300000–1999999).
pub const MOBILE_PREFIXES: usize = mobile::PREFIXES;
