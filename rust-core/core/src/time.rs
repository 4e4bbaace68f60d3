//! Time, through `jiff`: what a user types for `--at`, the Beijing-time stamps shown in banners,
//! history and complaint evidence, and the history window.
//!
//! A time a user types is read as RFC 3339 / ISO 8601 (the Temporal grammar jiff implements):
//! with an offset or `Z` it means that instant; without one it is Beijing time, the clock every
//! user of this product lives by (and the one its banners and history show); a date alone is
//! midnight Beijing time. Week dates, ordinal dates and zone names other than Beijing's without
//! an offset are refused, because guessing them would put a call at the wrong time.

use jiff::civil::Time;
use jiff::fmt::temporal::{Pieces, TimeZoneAnnotationKind};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ToSpan};

/// Beijing time, the `Asia/Shanghai` zone compiled in from jiff's copy of the tz database: no
/// zoneinfo files are read at run time (Android keeps its own, a container may have none).
/// Mainland China has kept UTC+8 without daylight saving since 1991; the zone knows the rest.
pub static BEIJING: TimeZone = jiff::tz::get!("Asia/Shanghai");

/// IANA names of Beijing time that a typed time may carry without an offset.
const BEIJING_NAMES: [&str; 5] = [
    "Asia/Shanghai",
    "Asia/Chongqing",
    "Asia/Chungking",
    "Asia/Harbin",
    "PRC",
];

/// What a refused time is told, after the reason.
pub const TIME_USAGE: &str =
    "expected an RFC 3339 / ISO 8601 time such as 2026-11-30T09:15:00+08:00, 2026-11-30T01:15Z or 2026-11-30 09:15 (Beijing time)";

/// Milliseconds since the Unix epoch, now.
pub fn now_ms() -> i64 {
    Timestamp::now().as_millisecond()
}

/// Why a typed time was refused, in one line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{input:?} is not a time: {reason}")]
pub struct TimeError {
    input: String,
    reason: String,
}

impl TimeError {
    /// Why, without the input.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

/// Reads a time as a user types it (see the module docs) into milliseconds since the epoch.
pub fn parse_time(input: &str) -> Result<i64, TimeError> {
    let text = input.trim();
    let refuse = |reason: String| TimeError {
        input: text.to_owned(),
        reason,
    };
    let pieces = Pieces::parse(text).map_err(|e| refuse(first_line(&e.to_string())))?;
    let at = pieces
        .date()
        .to_datetime(pieces.time().unwrap_or(Time::midnight()));
    let offset = match (
        pieces.offset(),
        pieces.time_zone_annotation().map(|a| a.kind()),
    ) {
        (Some(offset), _) => offset.to_numeric_offset(),
        (None, Some(TimeZoneAnnotationKind::Offset(offset))) => *offset,
        (None, Some(TimeZoneAnnotationKind::Named(name))) => {
            if !BEIJING_NAMES.contains(&name.as_str()) {
                return Err(refuse(format!(
                    "give the offset of {} (like +09:00)",
                    name.as_str()
                )));
            }
            beijing_offset(at)
        }
        (None, _) => beijing_offset(at),
    };
    // jiff takes offsets up to ±25:59:59 (Temporal's range); no clock on Earth is beyond
    // −12:00…+14:00, so anything further is a typing mistake.
    if !(-12 * 3600..=14 * 3600).contains(&offset.seconds()) {
        return Err(refuse(format!(
            "{offset} is not a UTC offset any place uses (-12:00 to +14:00)"
        )));
    }
    offset
        .to_timestamp(at)
        .map(Timestamp::as_millisecond)
        .map_err(|e| refuse(first_line(&e.to_string())))
}

/// Beijing's offset at a Beijing wall-clock time (UTC+8 since 1991; the zone says so before).
fn beijing_offset(at: jiff::civil::DateTime) -> Offset {
    BEIJING
        .to_ambiguous_timestamp(at)
        .compatible()
        .map(|t| BEIJING.to_offset(t))
        .unwrap_or(Offset::constant(8))
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or(text).to_owned()
}

fn timestamp(ms: i64) -> Timestamp {
    Timestamp::from_millisecond(ms).unwrap_or(if ms < 0 {
        Timestamp::MIN
    } else {
        Timestamp::MAX
    })
}

/// Formats epoch milliseconds as Beijing time, "2026-11-30 17:15".
pub fn format_beijing(ms: i64) -> String {
    BEIJING
        .to_datetime(timestamp(ms))
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

/// The instant `days` calendar days (in Beijing) before `ms`: the start of the history window.
pub fn days_before(ms: i64, days: u32) -> i64 {
    timestamp(ms)
        .to_zoned_datetime(BEIJING.clone())
        .saturating_sub(i64::from(days).days())
        .timestamp()
        .as_millisecond()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beijing_time_is_utc_plus_eight() {
        assert_eq!(format_beijing(1_796_001_300_000), "2026-11-30 09:15");
        assert_eq!(format_beijing(0), "1970-01-01 08:00");
        assert_eq!(format_beijing(i64::MAX), format_beijing(i64::MAX - 1));
    }
}
