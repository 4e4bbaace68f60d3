//! Warm screening latency on the data set: p50, p99 and max of `Engine::screen` (decide and
//! record) and `Engine::preview` (decide only), one call at a time.
//!
//! `cargo run --release -p callguard-bench --bin screen-latency -- [--quick] [--db PATH] [--calls N]`

use std::path::PathBuf;
use std::time::Instant;

use callguard_bench::{build, call_mix, Sizes};
use callguard_core::{Engine, ScreenRequest};

fn percentile(sorted: &[u64], p: f64) -> u64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--quick");
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let db = flag("--db").map(PathBuf::from).unwrap_or_else(|| {
        std::env::temp_dir().join(if quick {
            "cg-bench-quick.db"
        } else {
            "cg-bench-full.db"
        })
    });
    let calls: usize = flag("--calls")
        .and_then(|n| n.parse().ok())
        .unwrap_or(if quick { 5_000 } else { 100_000 });
    let sizes = if quick { Sizes::QUICK } else { Sizes::FULL };
    let t = Instant::now();
    let hits = build(&db, sizes, 42).expect("data set");
    eprintln!(
        "data set built in {:.1} s at {}",
        t.elapsed().as_secs_f64(),
        db.display()
    );
    let engine = Engine::open(&db).expect("open");
    let mix = call_mix(&hits, calls, 7);
    {
        let lang = callguard_core::Lang::Zh;
        let t = Instant::now();
        for n in &mix {
            std::hint::black_box(callguard_core::screen::decide_builtin(
                &ScreenRequest::number(n.as_str()),
                lang,
            ));
        }
        println!(
            "decide_builtin (no store)  mean {:.1} µs",
            t.elapsed().as_nanos() as f64 / mix.len() as f64 / 1000.0
        );
        let t = Instant::now();
        for n in &mix {
            std::hint::black_box(callguard_core::number::parse(n));
        }
        println!(
            "parse                      mean {:.1} µs",
            t.elapsed().as_nanos() as f64 / mix.len() as f64 / 1000.0
        );
    }
    for (name, record) in [
        ("preview (decide only)", false),
        ("screen (decide + record)", true),
    ] {
        for n in mix.iter().take(1000) {
            let r = ScreenRequest::number(n.as_str());
            if record {
                engine.screen(&r)
            } else {
                engine.preview(&r)
            };
        }
        let mut ns: Vec<u64> = mix
            .iter()
            .map(|n| {
                let r = ScreenRequest::number(n.as_str());
                let t = Instant::now();
                let d = if record {
                    engine.screen(&r)
                } else {
                    engine.preview(&r)
                };
                let elapsed = t.elapsed().as_nanos() as u64;
                std::hint::black_box(d);
                elapsed
            })
            .collect();
        ns.sort_unstable();
        println!(
            "{name:<26} calls {:>7}  p50 {:>6.1} µs  p99 {:>6.1} µs  max {:>8.1} µs",
            ns.len(),
            percentile(&ns, 0.50) as f64 / 1000.0,
            percentile(&ns, 0.99) as f64 / 1000.0,
            *ns.last().unwrap_or(&0) as f64 / 1000.0
        );
    }
}
