//! The benchmark report of docs/BENCHMARKS.md: builds the seeded data set, then measures warm
//! screening (p50/p99), cold open + first decision and peak RSS (in fresh processes), import,
//! export, batch throughput, and the peers' approaches on the same numbers, with ratios.
//! Prints Markdown. `--quick` runs the same steps on a hundredth of the data in under a minute.
//!
//! `cargo run --release -p callguard-bench --bin bench-report -- [--quick] [--dir DIR]`

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use callguard_bench::peers::{LikeScan, LinearPrefixScan, PerCallRegex};
use callguard_bench::{build, call_mix, Sizes};
use callguard_core::{Engine, ScreenRequest};

/// Latency figures of one measured operation.
struct Stats {
    n: usize,
    p50: Duration,
    p99: Duration,
    max: Duration,
    mean: Duration,
}

impl Stats {
    fn of(mut samples: Vec<Duration>) -> Stats {
        samples.sort_unstable();
        let at = |p: f64| samples[((samples.len() as f64 - 1.0) * p).round() as usize];
        let total: Duration = samples.iter().sum();
        Stats {
            n: samples.len(),
            p50: at(0.5),
            p99: at(0.99),
            max: *samples.last().unwrap_or(&Duration::ZERO),
            mean: total / samples.len().max(1) as u32,
        }
    }
}

fn us(d: Duration) -> String {
    format!("{:.1} µs", d.as_nanos() as f64 / 1000.0)
}

fn time_each<T>(items: &[String], mut f: impl FnMut(&str) -> T) -> Stats {
    Stats::of(
        items
            .iter()
            .map(|n| {
                let t = Instant::now();
                std::hint::black_box(f(n));
                t.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--quick");
    let dir = args
        .iter()
        .position(|a| a == "--dir")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("callguard-bench"));
    std::fs::create_dir_all(&dir).expect("bench dir");
    let (sizes, calls, label) = if quick {
        (Sizes::QUICK, 5_000, "quick")
    } else {
        (Sizes::FULL, 100_000, "full")
    };
    let db = dir.join(format!("{label}.db"));

    let started = Instant::now();
    let hits = build(&db, sizes, 42).expect("data set");
    let import_time = started.elapsed();
    let mix = call_mix(&hits, calls, 7);
    let engine = Engine::open(&db).expect("open");

    // Warm: a first pass fills SQLite's page cache and the CPU caches; then every call is timed.
    for n in mix.iter().take(calls / 10) {
        engine.preview(&ScreenRequest::number(n.as_str()));
    }
    let decide = time_each(&mix, |n| engine.preview(&ScreenRequest::number(n)));
    let screen = time_each(&mix, |n| engine.screen(&ScreenRequest::number(n)));
    engine.flush().expect("recorded");
    // Calls 10 ms apart: the thread sleeps between calls, as a phone's does, so each call starts
    // with caches partly cold; the recorder writes in the gaps. The same for decide alone shows
    // how much of that is the sleep rather than the recording.
    let spaced = |record: bool| {
        Stats::of(
            mix[..mix.len() / 50]
                .iter()
                .map(|n| {
                    std::thread::sleep(Duration::from_millis(10));
                    let request = ScreenRequest::number(n.as_str());
                    let t = Instant::now();
                    std::hint::black_box(if record {
                        engine.screen(&request)
                    } else {
                        engine.preview(&request)
                    });
                    t.elapsed()
                })
                .collect(),
        )
    };
    let paced = spaced(true);
    let paced_decide = spaced(false);
    engine.flush().expect("recorded");

    let t = Instant::now();
    let exported = engine
        .export_file(&dir.join("export.csv"))
        .expect("export")
        .rows;
    let export_time = t.elapsed();
    drop(engine);

    let batch_file = dir.join("batch.txt");
    std::fs::write(&batch_file, mix.join("\n") + "\n").expect("batch file");
    let batch_time = run_batch(&db, &batch_file);

    let (cold, rss_full) = cold_runs(&db, if quick { 5 } else { 21 });
    let empty = dir.join("empty.db");
    let _ = std::fs::remove_file(&empty);
    let (cold_empty, rss_empty) = cold_runs(&empty, if quick { 3 } else { 11 });

    println!("## Results ({label} data set: {} exact, {} prefix, {} wildcard rules, {} reports, {} history rows)\n",
        sizes.exact, sizes.prefix, sizes.wildcard, sizes.reports, sizes.history);
    println!("| measure | result | target |\n|---|---|---|");
    println!(
        "| warm decide (`Engine::preview`), {} calls | p50 {}, p99 {}, max {} | p99 ≤ 20 µs |",
        decide.n,
        us(decide.p50),
        us(decide.p99),
        us(decide.max)
    );
    println!("| warm screen (`Engine::screen`: decide + queue the record) | p50 {}, p99 {}, max {} | p99 ≤ 20 µs |", us(screen.p50), us(screen.p99), us(screen.max));
    println!(
        "| screen, calls 10 ms apart (thread sleeps in between), {} calls | p50 {}, p99 {}, max {} | |",
        paced.n,
        us(paced.p50),
        us(paced.p99),
        us(paced.max)
    );
    println!(
        "| decide, calls 10 ms apart (thread sleeps in between), {} calls | p50 {}, p99 {}, max {} | |",
        paced_decide.n,
        us(paced_decide.p50),
        us(paced_decide.p99),
        us(paced_decide.max)
    );
    println!(
        "| cold open + first decision (fresh process, median of {}) | {} | ≤ 10 ms |",
        cold.n,
        us(cold.p50)
    );
    println!(
        "| cold open + first decision, empty database | {} | |",
        us(cold_empty.p50)
    );
    println!(
        "| peak RSS, cold screen | {} kB ({} kB with an empty database) | ≤ 32 MB |",
        rss_full, rss_empty
    );
    println!(
        "| build: import of {} CSV rows (+ history) | {:.2} s | 1M rows ≤ 5 s |",
        sizes.exact + sizes.prefix + sizes.wildcard + sizes.reports,
        import_time.as_secs_f64()
    );
    println!(
        "| export of {exported} rows to CSV | {:.2} s | |",
        export_time.as_secs_f64()
    );
    println!(
        "| `callguard screen-batch`, {} numbers | {:.2} s ({:.0} calls/s) | |",
        mix.len(),
        batch_time.as_secs_f64(),
        mix.len() as f64 / batch_time.as_secs_f64()
    );

    location_costs(&db, quick);
    peers(&db, &dir, &mix, quick);
}

/// The caller-location table (issue 13): its size compiled in and as an APK would compress it,
/// the cost of its first lookups in a fresh process, warm lookups, and what it adds to RSS.
fn location_costs(db: &Path, quick: bool) {
    let facts = callguard_core::location::data_facts();
    let text = facts.text.len();
    let packed = facts.mobile_packed_bytes;
    let deflated = |bytes: &[u8]| miniz_oxide::deflate::compress_to_vec(bytes, 9).len();
    let text_deflated = deflated(facts.text.as_bytes());
    let out = Command::new(sibling("location-probe"))
        .arg(if quick { "10000" } else { "100000" })
        .output()
        .expect("location-probe (build it with cargo build --release -p callguard-bench)");
    let text_out = String::from_utf8_lossy(&out.stdout);
    let f: Vec<u64> = text_out
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    let [first_area, first_mobile, p50, p99, rss_before, rss_after] = f[..] else {
        panic!("location-probe printed {text_out:?}");
    };
    let (cold_landline, _) = cold_runs_for(db, "075523456789", if quick { 5 } else { 21 });
    println!("\n## Caller location (号段归属地)\n");
    println!("| measure | result |\n|---|---|");
    println!(
        "| table compiled into the library | {} B: `location.txt` {} B + `location-mobile.bin` {} B (inflates to {} B) |",
        text + packed,
        text,
        packed,
        facts.mobile_inflated_bytes
    );
    println!(
        "| table deflated (as a compressed APK entry would hold it) | {} B ({} B + the already-deflated {} B) |",
        text_deflated + packed,
        text_deflated,
        packed
    );
    println!(
        "| first area-code lookup in a fresh process (parses `location.txt`) | {first_area} µs |"
    );
    println!("| first mobile lookup in a fresh process (inflates its three-digit block) | {first_mobile} µs |");
    println!("| warm `location::locate`, one number (p50 / p99) | {p50} ns / {p99} ns |");
    println!(
        "| peak RSS of the probe before any lookup / after every block is inflated | {rss_before} kB / {rss_after} kB |"
    );
    println!(
        "| cold open + first decision of a landline (no mobile table inflated; median) | {} |",
        us(cold_landline.p50)
    );
}

/// Runs the CLI's `screen-batch` over the mix, output discarded.
fn run_batch(db: &Path, input: &Path) -> Duration {
    let exe = sibling("callguard");
    let t = Instant::now();
    let status = Command::new(&exe)
        .args(["--db"])
        .arg(db)
        .args(["screen-batch"])
        .arg(input)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run {}: {e} (build it with cargo build --release -p callguard-cli)",
                exe.display()
            )
        });
    assert!(status.success(), "screen-batch failed");
    t.elapsed()
}

/// A binary built beside this one.
fn sibling(name: &str) -> PathBuf {
    let me = std::env::current_exe().expect("current exe");
    me.with_file_name(name)
}

/// Runs `cold-screen` in fresh processes; returns the open+first-decision times and peak RSS.
fn cold_runs(db: &Path, runs: usize) -> (Stats, u64) {
    cold_runs_for(db, "13800138000", runs)
}

/// [`cold_runs`] with the first call from `number`.
fn cold_runs_for(db: &Path, number: &str, runs: usize) -> (Stats, u64) {
    let exe = sibling("cold-screen");
    let mut times = Vec::new();
    let mut rss = 0;
    for _ in 0..runs {
        let out = Command::new(&exe)
            .arg(db)
            .arg(number)
            .output()
            .expect("cold-screen");
        let text = String::from_utf8_lossy(&out.stdout);
        let mut fields = text.split_whitespace();
        let micros: u64 = fields
            .next()
            .and_then(|f| f.parse().ok())
            .expect("cold-screen output");
        rss = rss.max(fields.next().and_then(|f| f.parse().ok()).unwrap_or(0));
        times.push(Duration::from_micros(micros));
    }
    (Stats::of(times), rss)
}

/// One peer's answer to "does a rule block this number?".
type PeerLookup<'a> = Box<dyn Fn(&str) -> bool + 'a>;

/// The peers' approaches against CallGuard's lookup on the same numbers.
fn peers(db: &Path, dir: &Path, mix: &[String], quick: bool) {
    let engine = Engine::open(db).expect("open");
    // Consecutive calls of the mix, so every kind of call (hits, misses, carriers …) is in each sample.
    let sample = |n: usize| mix.iter().take(n).cloned().collect::<Vec<_>>();
    let scale = if quick { 1 } else { 2 };
    let regex = PerCallRegex::open(db).expect("regex peer");
    let like = LikeScan::build(db, &dir.join("yacb.db")).expect("like peer");
    let linear = LinearPrefixScan::load(db).expect("linear peer");
    let rows: Vec<(&str, Vec<String>, PeerLookup)> = vec![
        (
            "per-call rule reload + regex compilation (SpamBlocker)",
            sample(20 * scale),
            Box::new(|n| regex.blocks(n).unwrap_or(false)),
        ),
        (
            "SQL `LIKE` scan (YACB)",
            sample(40 * scale),
            Box::new(|n| like.blocks(n).unwrap_or(false)),
        ),
        (
            "linear prefix scan (Saracroche)",
            sample(400 * scale),
            Box::new(|n| linear.blocks(n)),
        ),
    ];
    println!("\n## CallGuard against the peers' approaches (same data, same numbers)\n");
    println!("| approach | calls | mean | p50 | CallGuard decide p50 on the same calls | ratio (mean) |\n|---|---|---|---|---|---|");
    for (name, numbers, blocks) in rows {
        for n in numbers.iter().take(2) {
            blocks(n);
            engine.preview(&ScreenRequest::number(n.as_str()));
        }
        let peer = time_each(&numbers, |n| blocks(n));
        let ours = time_each(&numbers, |n| engine.preview(&ScreenRequest::number(n)));
        let ratio = peer.mean.as_nanos() as f64 / ours.mean.as_nanos().max(1) as f64;
        println!(
            "| {name} | {} | {} | {} | {} | {:.1}× |",
            peer.n,
            us(peer.mean),
            us(peer.p50),
            us(ours.p50),
            ratio
        );
    }
}
