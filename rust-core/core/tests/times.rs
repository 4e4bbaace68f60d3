//! Times as users type them for `--at`: every RFC 3339 / ISO 8601 form jiff reads, a time without
//! an offset taken as Beijing time, anything else refused with a reason; Beijing time shown
//! through the Asia/Shanghai zone; the history window counted in Beijing calendar days.

use callguard_core::time::{days_before, format_beijing, parse_time};

/// 2026-11-30 09:15 Beijing time = 01:15 UTC.
const AT_0915_BEIJING: i64 = 1_796_001_300_000;
const SECOND: i64 = 1000;
const HOUR: i64 = 3_600_000;

#[test]
fn accepted_times() {
    let cases: [(&str, i64); 21] = [
        // RFC 3339: offset or Z, fractional seconds, T or space, lower-case t and z.
        ("2026-11-30T09:15:00+08:00", AT_0915_BEIJING),
        ("2026-11-30T01:15:00Z", AT_0915_BEIJING),
        ("2026-11-30t01:15:00z", AT_0915_BEIJING),
        ("2026-11-30 09:15:00+08:00", AT_0915_BEIJING),
        ("2026-11-30T01:15:00.250Z", AT_0915_BEIJING + 250),
        ("2026-11-30T01:15:00.123456789Z", AT_0915_BEIJING + 123),
        ("2026-11-29T20:15:00-05:00", AT_0915_BEIJING),
        ("2026-11-30T01:15:00-00:00", AT_0915_BEIJING),
        // ISO 8601: minutes only, short and basic offsets, basic format, comma fractions.
        ("2026-11-30T09:15+08:00", AT_0915_BEIJING),
        ("2026-11-30T09:15:00+08", AT_0915_BEIJING),
        ("2026-11-30T09:15:00+0800", AT_0915_BEIJING),
        ("20261130T091500+0800", AT_0915_BEIJING),
        ("2026-11-30T01:15:00,5Z", AT_0915_BEIJING + 500),
        // No offset: Beijing time.
        ("2026-11-30T09:15:00", AT_0915_BEIJING),
        ("2026-11-30 09:15", AT_0915_BEIJING),
        ("  2026-11-30 09:15  ", AT_0915_BEIJING),
        ("2026-11-30", AT_0915_BEIJING - 9 * HOUR - 15 * 60 * SECOND),
        // A zone annotation: Beijing's names, or an offset.
        ("2026-11-30T09:15[Asia/Shanghai]", AT_0915_BEIJING),
        ("2026-11-30T10:15:00+09:00[Asia/Tokyo]", AT_0915_BEIJING),
        ("2026-11-30T10:15[+09:00]", AT_0915_BEIJING),
        // Leap day; the epoch.
        ("1970-01-01T00:00:00Z", 0),
    ];
    for (text, want) in cases {
        assert_eq!(parse_time(text), Ok(want), "{text}");
    }
    assert_eq!(
        parse_time("2024-02-29T08:00:00+08:00"),
        Ok(1_709_164_800_000)
    );
}

#[test]
fn refused_times_say_why() {
    let cases: [(&str, &str); 13] = [
        ("yesterday", "yesterday"),
        ("", "\"\""),
        ("2025-02-29T00:00:00Z", "2025-02-29"),
        ("2026-11-30T25:00:00Z", "25"),
        ("2026-11-30T09:61:00Z", "61"),
        ("2026-13-01T00:00:00Z", "13"),
        ("2026-11-30T09:15:00+25:00", "+25:00"),
        ("2026-11-30T09:15:00-15:00", "-15"),
        ("2026-11-30T09:15[Asia/Tokyo]", "offset of Asia/Tokyo"),
        ("30/11/2026 09:15", "30/11/2026"),
        ("2026-W49-1", "W49"),
        ("1796001300000", "1796001300000"),
        ("2026-11-30T09:15:00+08:00 trailing", "trailing"),
    ];
    for (text, named) in cases {
        let err = parse_time(text).expect_err(text).to_string();
        assert!(err.contains(named), "{text}: {err}");
        assert!(!err.contains('\n'), "{text}: one line, not {err}");
    }
}

#[test]
fn beijing_time_is_shown_through_the_asia_shanghai_zone() {
    let cases: [(i64, &str); 5] = [
        (AT_0915_BEIJING, "2026-11-30 09:15"),
        (0, "1970-01-01 08:00"),
        // 16:00 UTC is midnight in Beijing: the date turns.
        (1_796_054_400_000, "2026-12-01 00:00"),
        (AT_0915_BEIJING + 59 * SECOND, "2026-11-30 09:15"),
        // Far out of range: clamped to jiff's first instant (Beijing's local mean time then).
        (i64::MIN, "-9999-01-02 10:05"),
    ];
    for (ms, want) in cases {
        assert_eq!(format_beijing(ms), want, "{ms}");
    }
    assert_eq!(format_beijing(i64::MAX), format_beijing(i64::MAX - 1));
}

#[test]
fn the_history_window_counts_beijing_calendar_days() {
    let day = 24 * HOUR;
    let cases: [(i64, u32, i64); 4] = [
        (AT_0915_BEIJING, 0, AT_0915_BEIJING),
        (AT_0915_BEIJING, 1, AT_0915_BEIJING - day),
        (AT_0915_BEIJING, 90, AT_0915_BEIJING - 90 * day),
        (AT_0915_BEIJING, 3650, AT_0915_BEIJING - 3650 * day),
    ];
    for (now, days, want) in cases {
        assert_eq!(days_before(now, days), want, "{days} days");
    }
    // Never a panic at the ends of time.
    assert!(format_beijing(days_before(i64::MIN, 3650)).starts_with("-9999-01-02"));
    assert!(days_before(i64::MAX, 1) < i64::MAX);
}
