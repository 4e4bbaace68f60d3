//! The large half of the location data: one place id per 7-digit mobile prefix (1300000–1999999),
//! kept compressed in the binary (`data/location-mobile.bin`, ~105 KB instead of 1.4 MB, because
//! Android stores native libraries uncompressed in the APK) and inflated once, on the first mobile
//! lookup, into a dense array: every lookup after that is one index.

use std::sync::OnceLock;

/// zlib of the ids' low bytes, then their high bytes (planes compress better than pairs).
const PACKED: &[u8] = include_bytes!("../../data/location-mobile.bin");

/// The first prefix the table covers.
const FIRST_PREFIX: usize = 1_300_000;
/// How many prefixes it covers.
pub(crate) const PREFIXES: usize = 700_000;

/// The inflated ids; `None` if the compiled-in file is damaged (the tests say it is not), in
/// which case every mobile is simply of unknown location.
fn ids() -> Option<&'static [u16]> {
    static IDS: OnceLock<Option<Box<[u16]>>> = OnceLock::new();
    IDS.get_or_init(inflate).as_deref()
}

fn inflate() -> Option<Box<[u16]>> {
    let planes = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(PACKED, 2 * PREFIXES)
        .ok()
        .filter(|p| p.len() == 2 * PREFIXES)?;
    let (low, high) = planes.split_at(PREFIXES);
    Some(
        low.iter()
            .zip(high)
            .map(|(&l, &h)| u16::from_le_bytes([l, h]))
            .collect(),
    )
}

/// The place id of an 11-digit mobile number's 7-digit prefix, 0 when unknown.
pub(crate) fn place_id(digits: &str) -> u16 {
    let Some(prefix) = digits.get(..7) else {
        return 0;
    };
    if !prefix.bytes().all(|b| b.is_ascii_digit()) {
        return 0;
    }
    let index = prefix
        .parse::<usize>()
        .ok()
        .and_then(|p| p.checked_sub(FIRST_PREFIX));
    match (index, ids()) {
        (Some(i), Some(ids)) => ids.get(i).copied().unwrap_or(0),
        _ => 0,
    }
}

/// The compressed size compiled into the binary, in bytes.
pub(crate) fn packed_len() -> usize {
    PACKED.len()
}

/// Whether the compiled-in table inflates to the length the text table's header states.
pub(crate) fn is_intact(stated_len: usize) -> bool {
    ids().is_some_and(|ids| ids.len() * 2 == stated_len)
}
