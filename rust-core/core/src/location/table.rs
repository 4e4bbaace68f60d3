//! The small half of the location data, `data/location.txt`: place names in both languages, area
//! codes and the operators mobile ranges were issued to. Parsed once, on the first lookup, into
//! arrays indexed by digits; the names stay borrowed from the text compiled into the binary.

use std::sync::OnceLock;

use crate::directory::Carrier;
use crate::words::Lang;

/// The generated table (tools/location/generate.py); its header names source, version, checksum
/// and licence.
pub(crate) const TEXT: &str = include_str!("../../data/location.txt");

/// Area codes are indexed by their digits after the trunk 0: 10–29 and 300–999 never collide.
const AREA_SLOTS: usize = 1000;
/// Operator blocks are indexed by a mobile number's first four digits, 1300–1999.
const FIRST_BLOCK: usize = 1300;
const BLOCKS: usize = 700;

/// The parsed table.
pub(crate) struct Table {
    /// Place names (Chinese, English); place id `n` is `names[n - 1]`.
    names: Vec<(&'static str, &'static str)>,
    /// Place id by area code, 0 for none.
    areas: Vec<u16>,
    /// Operator by four-digit mobile block.
    ranges: Vec<Option<Carrier>>,
    /// The mobile table's inflated length and the sha256 of its compressed file.
    pub(crate) mobile: (usize, &'static str),
    /// Where each three-digit block's zlib stream lies in the compressed file (offset, length),
    /// by block − 130.
    blocks: Vec<Option<(usize, usize)>>,
}

impl Table {
    /// The table, parsed on first use.
    pub(crate) fn get() -> &'static Table {
        static TABLE: OnceLock<Table> = OnceLock::new();
        TABLE.get_or_init(|| parse(TEXT))
    }

    /// The name of place `id` in `lang`; `None` for 0 or an id the table does not have.
    pub(crate) fn name(&self, id: u16, lang: Lang) -> Option<&'static str> {
        let (zh, en) = *self.names.get(usize::from(id).checked_sub(1)?)?;
        Some(lang.pick(zh, en))
    }

    /// How many places the table names.
    pub(crate) fn place_count(&self) -> usize {
        self.names.len()
    }

    /// The place id of an area code without its trunk 0 ("755", "10"), 0 when unknown.
    pub(crate) fn area(&self, code: &str) -> u16 {
        slot(code, 2..=3)
            .and_then(|i| self.areas.get(i).copied())
            .unwrap_or(0)
    }

    /// The operator the block of an 11-digit mobile number was issued to.
    pub(crate) fn range(&self, digits: &str) -> Option<Carrier> {
        let block = slot(digits.get(..4)?, 4..=4)?.checked_sub(FIRST_BLOCK)?;
        self.ranges.get(block).copied().flatten()
    }

    /// Where the zlib stream of three-digit block `index` (0 for 130 … 69 for 199) lies in the
    /// compressed mobile table.
    pub(crate) fn block(&self, index: usize) -> Option<(usize, usize)> {
        self.blocks.get(index).copied().flatten()
    }

    /// Every area code the table names, with the trunk 0 ("010", "0755").
    pub(crate) fn area_codes(&self) -> impl Iterator<Item = String> + '_ {
        self.areas
            .iter()
            .enumerate()
            .filter(|(_, id)| **id != 0)
            .map(|(code, _)| format!("0{code}"))
    }
}

/// `digits` as an index when it is all ASCII digits of an allowed length.
fn slot(digits: &str, len: std::ops::RangeInclusive<usize>) -> Option<usize> {
    if !len.contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Reads the generated text. Lines the reader does not know are skipped, so the header can grow;
/// the tests check that every line of the checked-in table was understood.
fn parse(text: &'static str) -> Table {
    let mut table = Table {
        names: Vec::new(),
        areas: vec![0; AREA_SLOTS],
        ranges: vec![None; BLOCKS],
        mobile: (0, ""),
        blocks: vec![None; BLOCKS / 10],
    };
    let mut ranges: Vec<(&str, Carrier)> = Vec::new();
    for line in text.lines() {
        let fields: Vec<&'static str> = line.split('\t').collect();
        match fields.as_slice() {
            ["name", id, zh, en] if id.parse() == Ok(table.names.len() + 1) => {
                table.names.push((zh, en));
            }
            ["area", code, id] => {
                let (Some(slot), Ok(id)) = (
                    code.strip_prefix('0').and_then(|c| slot(c, 2..=3)),
                    id.parse(),
                ) else {
                    continue;
                };
                table.areas[slot] = id;
            }
            ["range", prefix, carrier] => {
                if let Some(c) = Carrier::from_code(carrier) {
                    ranges.push((prefix, c));
                }
            }
            ["mobile", len, sha] => table.mobile = (len.parse().unwrap_or(0), sha),
            ["block", block, offset, len] => {
                let slot = slot(block, 3..=3).and_then(|b| b.checked_sub(FIRST_BLOCK / 10));
                if let (Some(slot), Ok(offset), Ok(len)) = (slot, offset.parse(), len.parse()) {
                    if let Some(b) = table.blocks.get_mut(slot) {
                        *b = Some((offset, len));
                    }
                }
            }
            _ => {}
        }
    }
    // Wider blocks first, so "1340" overrides "134".
    ranges.sort_by_key(|(prefix, _)| prefix.len());
    for (prefix, carrier) in ranges {
        let width = 10usize.pow(4u32.saturating_sub(prefix.len() as u32));
        let Some(first) = slot(prefix, 2..=4).map(|p| p * width) else {
            continue;
        };
        for block in first..first + width {
            if let Some(r) = block
                .checked_sub(FIRST_BLOCK)
                .and_then(|i| table.ranges.get_mut(i))
            {
                *r = Some(carrier);
            }
        }
    }
    table
}

/// The lines of the checked-in table that [`parse`] would skip (for the tests).
pub(crate) fn unread_lines() -> Vec<&'static str> {
    let mut expected_id = 0;
    TEXT.lines()
        .filter(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let known = match fields.as_slice() {
                ["name", id, _, _] => {
                    expected_id += 1;
                    id.parse() == Ok(expected_id)
                }
                ["area", code, id] => code.len() >= 3 && id.parse::<u16>().is_ok(),
                ["range", _, carrier] => Carrier::from_code(carrier).is_some(),
                ["block", block, offset, len] => {
                    block.len() == 3
                        && offset.parse::<usize>().is_ok()
                        && len.parse::<usize>().is_ok()
                }
                [key, ..] => {
                    line.starts_with('#')
                        || [
                            "source",
                            "sha256",
                            "licence",
                            "dropped",
                            "overrides",
                            "mobile",
                            "coverage",
                        ]
                        .contains(key)
                }
                [] => true,
            };
            !known
        })
        .collect()
}
