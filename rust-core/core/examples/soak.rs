//! Soak (issue 7, docs/RELIABILITY.md): eight threads screen calls for as long as asked while a
//! writer imports lists, changes settings, reports numbers and adds and removes rules, all on
//! one engine over a real database file. Fails (exit 1) on any error, any wrong decision, any
//! fail-open, or a thread that stops making progress (a deadlock); prints counts and latency
//! percentiles.
//!
//! `cargo run --release -p callguard-core --example soak -- --seconds 60` (the full run);
//! `--threads N` changes the number of screening threads. CI runs a short debug one.

use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use callguard_core::{
    Action, Engine, Label, Lang, Reason, ReportCategory, RuleEffect, ScreenRequest,
};

/// A log-linear latency histogram: 16 buckets per power of two of nanoseconds (~6% wide).
#[derive(Clone)]
struct Histogram {
    buckets: Vec<u64>,
    max: u64,
    count: u64,
}

impl Histogram {
    fn new() -> Histogram {
        Histogram {
            buckets: vec![0; 64 * 16],
            max: 0,
            count: 0,
        }
    }

    fn index(ns: u64) -> usize {
        if ns < 16 {
            return ns as usize;
        }
        let log = 63 - ns.leading_zeros() as usize;
        let sub = ((ns >> (log - 4)) & 15) as usize;
        log * 16 + sub
    }

    fn upper(index: usize) -> u64 {
        if index < 16 {
            return index as u64;
        }
        let (log, sub) = (index / 16, (index % 16) as u64);
        ((16 + sub + 1) << (log - 4)) - 1
    }

    fn record(&mut self, d: Duration) {
        let ns = d.as_nanos().min(u128::from(u64::MAX)) as u64;
        self.buckets[Self::index(ns)] += 1;
        self.max = self.max.max(ns);
        self.count += 1;
    }

    fn merge(&mut self, other: &Histogram) {
        for (a, b) in self.buckets.iter_mut().zip(&other.buckets) {
            *a += b;
        }
        self.max = self.max.max(other.max);
        self.count += other.count;
    }

    fn percentile(&self, p: f64) -> Duration {
        let target = ((self.count as f64) * p / 100.0).ceil().max(1.0) as u64;
        let mut seen = 0;
        for (i, n) in self.buckets.iter().enumerate() {
            seen += n;
            if seen >= target {
                return Duration::from_nanos(Self::upper(i).min(self.max));
            }
        }
        Duration::from_nanos(self.max)
    }

    fn summary(&self) -> String {
        format!(
            "n={} p50={:?} p90={:?} p99={:?} p99.9={:?} max={:?}",
            self.count,
            self.percentile(50.0),
            self.percentile(90.0),
            self.percentile(99.0),
            self.percentile(99.9),
            Duration::from_nanos(self.max)
        )
    }
}

/// The calls the screeners cycle through, with what each must be labelled (None: anything).
const CALLS: &[(&str, Option<Label>)] = &[
    ("13800138000", Some(Label::UserBlocked)),
    ("+86 138 0013 8000", Some(Label::UserBlocked)),
    ("17012345678", Some(Label::UserBlocked)),
    ("10085", Some(Label::CarrierMarketing)),
    ("10086", Some(Label::CarrierHotline)),
    ("100861", Some(Label::CarrierLookalike)),
    ("+44 10086", Some(Label::CarrierLookalike)),
    ("110", Some(Label::Emergency)),
    ("0571-96110", Some(Label::PublicService)),
    ("13912345678", Some(Label::SuspiciousPlanOffer)),
    ("+1 415 555 0100", Some(Label::International)),
    ("4008108888", Some(Label::Suspicious)),
    ("", Some(Label::Hidden)),
    ("not a number", None),
    ("15000000000", None),
];

struct Args {
    seconds: u64,
    threads: usize,
}

fn args() -> Args {
    let mut args = Args {
        seconds: 60,
        threads: 8,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().and_then(|v| v.parse::<u64>().ok());
        match (flag.as_str(), value) {
            ("--seconds", Some(v)) => args.seconds = v,
            ("--threads", Some(v)) => args.threads = v as usize,
            _ => {
                eprintln!("usage: soak [--seconds N] [--threads N]");
                std::process::exit(2);
            }
        }
    }
    args
}

fn fail(message: String) -> ! {
    eprintln!("SOAK FAILED: {message}");
    std::process::exit(1);
}

/// A database like a heavy user's: 100,000 imported block rules, reports, patterns.
fn seed(engine: &Engine, dir: &Path) {
    let csv = dir.join("seed.csv");
    let mut text = String::from("number_or_pattern,kind,category,note\n");
    for i in 0..100_000 {
        text.push_str(&format!("1580000{i:04},block,,seed\n"));
    }
    for i in 0..10_000 {
        text.push_str(&format!("1360000{i:04},report,ads,\n"));
    }
    fs::write(&csv, text).unwrap();
    engine.import_file(&csv).unwrap();
    engine
        .add_rule("13800138000", RuleEffect::Block, None, false)
        .unwrap();
    engine
        .add_rule("170*", RuleEffect::Block, None, false)
        .unwrap();
    engine
        .add_rule("0755????????", RuleEffect::Allow, None, false)
        .unwrap();
    engine
        .report("13912345678", ReportCategory::PlanOffer, None, 0)
        .unwrap();
}

fn main() {
    let args = args();
    let dir = tempfile::tempdir().unwrap();
    let engine = Arc::new(Engine::open(&dir.path().join("callguard.db")).unwrap());
    seed(&engine, dir.path());
    println!(
        "soak: {} screening threads + 1 writer for {} s on {}",
        args.threads,
        args.seconds,
        dir.path().display()
    );

    let stop = Arc::new(AtomicBool::new(false));
    let progress: Arc<Vec<AtomicU64>> =
        Arc::new((0..=args.threads).map(|_| AtomicU64::new(0)).collect());
    let started = Instant::now();

    let screeners: Vec<_> = (0..args.threads)
        .map(|t| {
            let (engine, stop, progress) = (engine.clone(), stop.clone(), progress.clone());
            thread::spawn(move || {
                let mut latency = Histogram::new();
                let mut i = t;
                while !stop.load(Ordering::Relaxed) {
                    let (number, want) = CALLS[i % CALLS.len()];
                    let request = ScreenRequest {
                        lang: Some(if i.is_multiple_of(2) {
                            Lang::Zh
                        } else {
                            Lang::En
                        }),
                        ..ScreenRequest::number(number)
                    };
                    let begun = Instant::now();
                    let d = engine.screen(&request);
                    latency.record(begun.elapsed());
                    if d.reasons.contains(&Reason::FailOpen) {
                        fail(format!("{number:?} failed open: {d:?}"));
                    }
                    if want.is_some_and(|want| d.label != want) {
                        fail(format!("{number:?} was {} (expected {want:?})", d.label));
                    }
                    if d.label == Label::UserBlocked && d.action != Action::Reject
                        || d.label.is_never_blocked() && d.action != Action::Allow
                    {
                        fail(format!("{number:?}: {} → {}", d.label, d.action));
                    }
                    i += 1;
                    progress[t].fetch_add(1, Ordering::Relaxed);
                }
                latency
            })
        })
        .collect();

    let writer = {
        let (engine, stop, progress) = (engine.clone(), stop.clone(), progress.clone());
        let dir = dir.path().to_path_buf();
        let slot = args.threads;
        thread::spawn(move || {
            let mut ops: Vec<(&str, Histogram)> = ["import", "setting", "report", "rule", "export"]
                .iter()
                .map(|k| (*k, Histogram::new()))
                .collect();
            let mut i = 0u64;
            while !stop.load(Ordering::Relaxed) {
                let kind = (i % 5) as usize;
                let begun = Instant::now();
                let result = match kind {
                    0 => {
                        let csv = dir.join("batch.csv");
                        let mut text = String::new();
                        for j in 0..200 {
                            text.push_str(&format!("1870{:03}{j:04},block,,batch {i}\n", i % 1000));
                        }
                        text.push_str(&format!("1330000{:04},report,fraud,\n", i % 10_000));
                        fs::write(&csv, text).unwrap();
                        engine.import_file(&csv).map(|_| ())
                    }
                    1 => engine
                        .set_setting(
                            "block_lookalike",
                            if i.is_multiple_of(2) { "true" } else { "false" },
                        )
                        .and_then(|_| {
                            engine.set_setting("repeated_call_minutes", &(i % 10).to_string())
                        }),
                    2 => engine.report(
                        &format!("1350000{:04}", i % 10_000),
                        ReportCategory::Harassment,
                        Some("soak"),
                        i as i64,
                    ),
                    3 => {
                        let pattern = format!("1990000{:04}", i % 10_000);
                        engine
                            .add_rule(&pattern, RuleEffect::Block, None, false)
                            .and_then(|_| engine.remove_rule(&pattern).map(|_| ()))
                    }
                    _ => engine.export_file(&dir.join("backup.json")).map(|_| ()),
                };
                ops[kind].1.record(begun.elapsed());
                if let Err(e) = result {
                    fail(format!("writer {}: {e}", ops[kind].0));
                }
                i += 1;
                progress[slot].fetch_add(1, Ordering::Relaxed);
            }
            ops
        })
    };

    // The watchdog: every thread must make progress every few seconds, or it is stuck.
    let deadline = started + Duration::from_secs(args.seconds);
    let mut last: Vec<u64> = progress.iter().map(|p| p.load(Ordering::Relaxed)).collect();
    let mut last_move = vec![Instant::now(); last.len()];
    while Instant::now() < deadline {
        thread::sleep(Duration::from_millis(250));
        for (i, p) in progress.iter().enumerate() {
            let now = p.load(Ordering::Relaxed);
            if now != last[i] {
                last[i] = now;
                last_move[i] = Instant::now();
            } else if last_move[i].elapsed() > Duration::from_secs(15) {
                fail(format!("thread {i} made no progress for 15 s: deadlock?"));
            }
        }
    }
    stop.store(true, Ordering::Relaxed);

    let mut screening = Histogram::new();
    for s in screeners {
        screening.merge(
            &s.join()
                .unwrap_or_else(|_| fail("a screener panicked".into())),
        );
    }
    let ops = writer
        .join()
        .unwrap_or_else(|_| fail("the writer panicked".into()));
    if let Err(e) = engine.flush() {
        fail(format!("recording calls: {e}"));
    }
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "screened {} calls in {elapsed:.1} s ({:.0}/s), no error, no fail-open, no wrong label",
        screening.count,
        screening.count as f64 / elapsed
    );
    println!("screen latency: {}", screening.summary());
    let writes: u64 = ops.iter().map(|(_, h)| h.count).sum();
    println!("writer: {writes} operations, none failed");
    for (kind, h) in &ops {
        println!("  {kind:<8} {}", h.summary());
    }
    println!(
        "history rows kept: {}",
        engine.history(1_000_000).map(|h| h.len()).unwrap_or(0)
    );
}
