//! The import figure of docs/BENCHMARKS.md on its own: writes the seeded list of the full data
//! set (1,111,000 CSV rows) once, then times `Engine::import_file` into a fresh database, and
//! the export of everything back to CSV, over several runs; prints the median and every run.
//!
//! `cargo run --release -p callguard-bench --bin import-time -- [--quick] [--runs N] [--dir DIR]`

use std::path::PathBuf;
use std::time::{Duration, Instant};

use callguard_bench::{write_list, Sizes};
use callguard_core::Engine;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort_unstable();
    samples[samples.len() / 2]
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

    let mut imports = Vec::new();
    let mut exports = Vec::new();
    for _ in 0..runs {
        let db = dir.join("import.db");
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
        let engine = Engine::open(&db).expect("open");
        let t = Instant::now();
        engine.import_file(&list).expect("import");
        imports.push(t.elapsed());
        let t = Instant::now();
        engine.export_file(&dir.join("export.csv")).expect("export");
        exports.push(t.elapsed());
    }
    let all = |v: &[Duration]| v.iter().map(|d| secs(*d)).collect::<Vec<_>>().join(", ");
    println!(
        "| import of {rows} CSV rows, median of {runs} | {} ({}) | 1M rows ≤ 5 s |",
        secs(median(imports.clone())),
        all(&imports)
    );
    println!(
        "| export of every rule and report to CSV, median of {runs} | {} ({}) | |",
        secs(median(exports.clone())),
        all(&exports)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
