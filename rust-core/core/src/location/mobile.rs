//! The large half of the location data: one place id per 7-digit mobile prefix (1300000–1999999),
//! kept compressed in the binary (`data/location-mobile.bin`, ~105 KB instead of 1.4 MB, because
//! Android stores native libraries uncompressed in the APK) and inflated once, on the first mobile
//! lookup, into a dense array: every lookup after that is two byte reads.

use std::sync::OnceLock;

/// zlib of the ids' low bytes, then their high bytes (planes compress better than pairs).
const PACKED: &[u8] = include_bytes!("../../data/location-mobile.bin");

/// The first prefix the table covers.
const FIRST_PREFIX: usize = 1_300_000;
/// How many prefixes it covers.
pub(crate) const PREFIXES: usize = 700_000;

/// The inflated ids, as the two planes: the low bytes of all prefixes, then the high bytes.
/// `None` if the compiled-in file is damaged (the tests say it is not), in which case every
/// mobile is simply of unknown location.
fn planes() -> Option<&'static [u8]> {
    static PLANES: OnceLock<Option<Box<[u8]>>> = OnceLock::new();
    PLANES.get_or_init(inflate).as_deref()
}

/// Inflates straight into a buffer of the final size: the only memory the table keeps (1.4 MB),
/// with no growing vector or second copy on the way.
fn inflate() -> Option<Box<[u8]>> {
    let mut planes = vec![0u8; 2 * PREFIXES].into_boxed_slice();
    let n = miniz_oxide::inflate::decompress_slice_iter_to_slice(
        &mut planes,
        std::iter::once(PACKED),
        true,
        false,
    )
    .ok()?;
    (n == planes.len()).then_some(planes)
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
    match (index, planes()) {
        (Some(i), Some(planes)) if i < PREFIXES => {
            u16::from_le_bytes([planes[i], planes[PREFIXES + i]])
        }
        _ => 0,
    }
}

/// The compressed size compiled into the binary, in bytes.
pub(crate) fn packed_len() -> usize {
    PACKED.len()
}

/// Whether the compiled-in table inflates to the length the text table's header states.
pub(crate) fn is_intact(stated_len: usize) -> bool {
    planes().is_some_and(|planes| planes.len() == stated_len)
}
