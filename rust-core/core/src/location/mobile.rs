//! The large half of the location data: one place id per 7-digit mobile prefix (1300000–1999999),
//! kept compressed in the binary (`data/location-mobile.bin`, ~120 KB instead of 1.4 MB, because
//! Android stores native libraries uncompressed in the APK) as one zlib stream per three-digit
//! block (130 … 199). The first lookup in a block inflates that block alone (20 KB) into a dense
//! array; every lookup after that is two byte reads.

use std::sync::OnceLock;

use super::table::Table;

/// The compressed blocks, one after the other; `location.txt` says where each lies.
const PACKED: &[u8] = include_bytes!("../../data/location-mobile.bin");

/// The first prefix the table covers.
const FIRST_PREFIX: usize = 1_300_000;
/// How many prefixes it covers.
pub(crate) const PREFIXES: usize = 700_000;
/// Prefixes per three-digit block.
const BLOCK: usize = 10_000;
const BLOCKS: usize = PREFIXES / BLOCK;

/// The inflated blocks: the low bytes of the block's 10,000 ids, then the high bytes. `None` if
/// the compiled-in data is damaged (the tests say it is not): those mobiles are simply of
/// unknown location.
fn block(index: usize) -> Option<&'static [u8]> {
    static INFLATED: [OnceLock<Option<Box<[u8]>>>; BLOCKS] = [const { OnceLock::new() }; BLOCKS];
    INFLATED
        .get(index)?
        .get_or_init(|| inflate(index))
        .as_deref()
}

/// Inflates one block straight into a buffer of its final size.
fn inflate(index: usize) -> Option<Box<[u8]>> {
    let (offset, len) = Table::get().block(index)?;
    let stream = PACKED.get(offset..offset.checked_add(len)?)?;
    let mut planes = vec![0u8; 2 * BLOCK].into_boxed_slice();
    let n = miniz_oxide::inflate::decompress_slice_iter_to_slice(
        &mut planes,
        std::iter::once(stream),
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
    let Some(i) = prefix
        .parse::<usize>()
        .ok()
        .and_then(|p| p.checked_sub(FIRST_PREFIX))
        .filter(|&i| i < PREFIXES)
    else {
        return 0;
    };
    match block(i / BLOCK) {
        Some(planes) => u16::from_le_bytes([planes[i % BLOCK], planes[BLOCK + i % BLOCK]]),
        None => 0,
    }
}

/// The compressed size compiled into the binary, in bytes.
pub(crate) fn packed_len() -> usize {
    PACKED.len()
}

/// Whether every block inflates, to the total length the text table's header states.
pub(crate) fn is_intact(stated_len: usize) -> bool {
    (0..BLOCKS).all(|b| block(b).is_some()) && 2 * PREFIXES == stated_len
}
