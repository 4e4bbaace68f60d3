//! The import figure of docs/BENCHMARKS.md on its own: writes the seeded list of the full data
//! set (1,111,000 CSV rows) once, then times `Engine::import_file` into a fresh database without
//! a progress listener and with one (what the CLI's bar and the app's notification cost), and
//! the export of everything back to CSV, over several runs, alternating so both see the same
//! machine; prints the median and every run, in wall time and in this process's CPU time (user +
//! system, from /proc: what a busy shared machine's other work does not inflate).
//!
//! `cargo run --release -p callguard-bench --bin import-time -- [--quick] [--runs N] [--dir DIR]
//! [--only plain|progress]` (`--only` runs one kind of import and no export, for counting
//! instructions under valgrind on a machine too busy for timings to mean much).

use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use callguard_bench::{write_list, Sizes};
use callguard_core::Engine;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort_unstable();
    samples.get(samples.len() / 2).copied().unwrap_or_default()
}

/// This process's CPU time so far (user + system), from /proc/self/stat; zero elsewhere.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses): utime is the 12th, stime the 13th.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let ticks: u64 = after
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|f| f.parse::<u64>().ok())
        .sum();
    // The kernel's USER_HZ is 100 on every Linux this runs on.
    Duration::from_millis(ticks * 10)
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--quick");
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
    };
    let runs: usize = value("--runs")
        .map(|r| r.parse().expect("--runs takes a number"))
        .unwrap_or(3)
        .max(1);
    let dir = value("--dir")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("callguard-import-time"));
    std::fs::create_dir_all(&dir).expect("bench dir");
    let sizes = if quick { Sizes::QUICK } else { Sizes::FULL };
    let list = dir.join("list.csv");
    write_list(&list, sizes, 42).expect("list");
    let rows = sizes.exact + sizes.prefix + sizes.wildcard + sizes.reports;
    let only = value("--only").map(String::as_str);

    let mut imports = Vec::new();
    let mut with_progress = Vec::new();
    let (mut imports_cpu, mut with_progress_cpu) = (Vec::new(), Vec::new());
    let mut exports = Vec::new();
    let mut calls = 0u64;
    for _ in 0..runs {
        for listen in [false, true] {
            if only.is_some_and(|o| o != if listen { "progress" } else { "plain" }) {
                continue;
            }
            let db = dir.join("import.db");
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
            }
            let engine = Engine::open(&db).expect("open");
            let t = Instant::now();
            let cpu = cpu_time();
            if listen {
                // What a bar does with each report: keep the latest for the next frame.
                let last = AtomicU64::new(0);
                calls = 0;
                engine
                    .import_file_with_progress(&list, &mut |p| {
                        calls += 1;
                        last.store(p.done, Ordering::Relaxed);
                        ControlFlow::Continue(())
                    })
                    .expect("import");
                with_progress.push(t.elapsed());
                with_progress_cpu.push(cpu_time() - cpu);
                std::hint::black_box(last.load(Ordering::Relaxed));
            } else {
                engine.import_file(&list).expect("import");
                imports.push(t.elapsed());
                imports_cpu.push(cpu_time() - cpu);
                if only.is_some() {
                    continue;
                }
                let t = Instant::now();
                engine.export_file(&dir.join("export.csv")).expect("export");
                exports.push(t.elapsed());
            }
        }
    }
    let all = |v: &[Duration]| v.iter().map(|d| secs(*d)).collect::<Vec<_>>().join(", ");
    println!(
        "| import of {rows} CSV rows, median of {runs} | {} ({}); CPU {} ({}) | 1M rows ≤ 5 s |",
        secs(median(imports.clone())),
        all(&imports),
        secs(median(imports_cpu.clone())),
        all(&imports_cpu)
    );
    println!(
        "| the same with a progress listener ({calls} calls), median of {runs} | {} ({}); CPU {} ({}) | 1M rows ≤ 5 s |",
        secs(median(with_progress.clone())),
        all(&with_progress),
        secs(median(with_progress_cpu.clone())),
        all(&with_progress_cpu)
    );
    println!(
        "| export of every rule and report to CSV, median of {runs} | {} ({}) | |",
        secs(median(exports.clone())),
        all(&exports)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
