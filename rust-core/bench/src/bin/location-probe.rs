//! What the caller-location table costs, in a fresh process: the first landline lookup (parses
//! the text table), the first mobile lookup (inflates its three-digit block), warm lookups
//! (`location::locate` on one number each, over every block), and peak RSS before and after.
//!
//! `location-probe [CALLS]` prints one line: `first_area_us first_mobile_us warm_p50_ns
//! warm_p99_ns rss_before_kb rss_after_kb`. bench-report runs it and formats the figures.

use std::time::{Duration, Instant};

use callguard_bench::peak_rss_kb;
use callguard_core::location::{self, area_place};
use callguard_core::{normalize, Lang};

fn main() {
    let calls: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    // Numbers parsed up front: the warm figure is the location step alone.
    let numbers: Vec<_> = (0..calls)
        .map(|i| {
            // A spread of mobile prefixes (covered and not) and landlines, deterministic.
            let x = (i as u64).wrapping_mul(2_654_435_761) % 700_000 + 1_300_000;
            if i % 4 == 3 {
                normalize(&format!("0755{:08}", 20_000_000 + x))
            } else {
                normalize(&format!("{x}{:04}", i % 10_000))
            }
        })
        .collect();
    // Allocated up front, so the RSS difference is the tables alone.
    let mut samples = vec![Duration::ZERO; numbers.len()];
    let rss_before = peak_rss_kb();

    let t = Instant::now();
    std::hint::black_box(area_place("0755", Lang::Zh));
    let first_area = t.elapsed();
    let t = Instant::now();
    std::hint::black_box(location::mobile_place("13800138000", Lang::Zh));
    let first_mobile = t.elapsed();

    for (i, n) in numbers.iter().enumerate() {
        let mut n = n.clone();
        let lang = if i % 2 == 0 { Lang::Zh } else { Lang::En };
        let t = Instant::now();
        location::locate(&mut n, lang);
        samples[i] = t.elapsed();
        std::hint::black_box(n);
    }
    // The numbers spread over every block, so by now the whole prefix table is inflated.
    let rss_after = peak_rss_kb();
    samples.sort_unstable();
    let at = |p: f64| samples[((samples.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "{} {} {} {} {} {}",
        first_area.as_micros(),
        first_mobile.as_micros(),
        at(0.5).as_nanos(),
        at(0.99).as_nanos(),
        rss_before,
        rss_after
    );
}
