//! Logging through the `log` facade: to logcat on Android, nowhere unless the host installs a
//! logger. No log line holds a full phone number: numbers go through [`masked`].

/// Sends `log` records to logcat (tag "CallGuard") on Android; does nothing elsewhere.
/// Cheap to call on every `open`: it initialises once.
pub fn init() {
    #[cfg(target_os = "android")]
    android_logger::init_once(
        android_logger::Config::default()
            .with_tag("CallGuard")
            .with_max_level(log::LevelFilter::Info),
    );
}

/// A number as it may appear in a log line: the first three and last four characters of
/// anything of seven or more ("138****8000"), short codes whole.
pub fn masked(number: &str) -> String {
    callguard_core::mask(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_mobile_numbers_never_reach_a_log_line() {
        let line = masked("13800138000");
        assert!(!line.contains("13800138000"), "{line}");
        assert!(line.starts_with("138") && line.ends_with("8000"), "{line}");
    }

    #[test]
    fn short_codes_stay_readable() {
        assert_eq!(masked("10086"), "10086");
    }
}
