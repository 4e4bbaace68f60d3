//! Criterion benchmarks of the screening path on the seeded data set: warm decide and screen,
//! cold open + first decision, CSV import and export, batch throughput, and the peers'
//! approaches, and the caller-location lookup. `CALLGUARD_BENCH_FULL=1` uses the full data set of DESIGN §9 (1M exact rules …);
//! by default the quick one (a hundredth), so `cargo bench` finishes in minutes on two cores.
//! Percentiles and ratios are in `bench-report`; this gives criterion's confidence intervals.

use std::path::PathBuf;
use std::time::Duration;

use callguard_bench::peers::{LikeScan, LinearPrefixScan, PerCallRegex};
use callguard_bench::{build, call_mix, write_list, Sizes};
use callguard_core::{Action, Engine, ScreenRequest};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

fn data_set() -> (PathBuf, Vec<String>, Sizes) {
    let full = std::env::var("CALLGUARD_BENCH_FULL").is_ok_and(|v| v == "1");
    let sizes = if full { Sizes::FULL } else { Sizes::QUICK };
    let dir = std::env::temp_dir().join("callguard-criterion");
    std::fs::create_dir_all(&dir).expect("dir");
    let db = dir.join(if full { "full.db" } else { "quick.db" });
    let hits = build(&db, sizes, 42).expect("data set");
    (db, call_mix(&hits, 10_000, 7), sizes)
}

fn screening(c: &mut Criterion) {
    let (db, mix, sizes) = data_set();
    let engine = Engine::open(&db).expect("open");
    let mut calls = mix.iter().cycle();
    c.bench_function("warm decide (preview)", |b| {
        b.iter(|| {
            engine.preview(&ScreenRequest::number(
                calls.next().map_or("", String::as_str),
            ))
        })
    });
    c.bench_function("warm screen (decide + record)", |b| {
        b.iter(|| {
            engine.screen(&ScreenRequest::number(
                calls.next().map_or("", String::as_str),
            ))
        })
    });
    engine.flush().expect("flush");

    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Elements(1000));
    group.bench_function("1000 calls decided", |b| {
        b.iter(|| {
            for n in mix.iter().take(1000) {
                std::hint::black_box(engine.preview(&ScreenRequest::number(n.as_str())));
            }
        })
    });
    group.finish();
    drop(engine);

    let mut group = c.benchmark_group("cold");
    group.sample_size(20);
    group.bench_function("open + first decision", |b| {
        b.iter(|| {
            Engine::open(&db)
                .expect("open")
                .screen(&ScreenRequest::number("13800138000"))
        })
    });
    group.finish();

    let dir = db.parent().expect("dir").to_path_buf();
    let list = dir.join("import.csv");
    write_list(&list, sizes, 99).expect("list");
    let mut group = c.benchmark_group("lists");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("import CSV", |b| {
        b.iter_batched(
            || {
                let fresh = dir.join("import-target.db");
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", fresh.display()));
                }
                Engine::open(&fresh).expect("open")
            },
            |engine| engine.import_file(&list).expect("import"),
            BatchSize::PerIteration,
        )
    });
    let engine = Engine::open(&db).expect("open");
    group.bench_function("export CSV", |b| {
        b.iter(|| engine.export_file(&dir.join("export.csv")).expect("export"))
    });
    group.finish();

    let mut group = c.benchmark_group("peers");
    group.sample_size(10);
    let sample: Vec<&String> = mix.iter().take(20).collect();
    let linear = LinearPrefixScan::load(&db).expect("linear");
    group.bench_function("linear prefix scan (Saracroche), 20 calls", |b| {
        b.iter(|| sample.iter().filter(|n| linear.blocks(n)).count())
    });
    let like = LikeScan::build(&db, &dir.join("yacb.db")).expect("like");
    group.bench_function("SQL LIKE scan (YACB), 20 calls", |b| {
        b.iter(|| {
            sample
                .iter()
                .filter(|n| like.blocks(n).unwrap_or(false))
                .count()
        })
    });
    let regex = PerCallRegex::open(&db).expect("regex");
    group.bench_function("per-call regex reload (SpamBlocker), 20 calls", |b| {
        b.iter(|| {
            sample
                .iter()
                .filter(|n| regex.blocks(n).unwrap_or(false))
                .count()
        })
    });
    group.bench_function("CallGuard decide, 20 calls", |b| {
        b.iter(|| {
            sample
                .iter()
                .filter(|n| {
                    engine.preview(&ScreenRequest::number(n.as_str())).action == Action::Reject
                })
                .count()
        })
    });
    group.finish();
}

/// The caller-location step alone (issue 13), on numbers already parsed: one index into the
/// inflated prefix table (mobile) or the area-code array (landline), and a name copied out.
fn location(c: &mut Criterion) {
    use callguard_core::location::locate;
    use callguard_core::{normalize, Lang};
    let mobile = normalize("13800138000");
    let landline = normalize("0755 2345 6789");
    locate(&mut mobile.clone(), Lang::Zh); // load both tables first
    c.bench_function("location: locate a mobile", |b| {
        b.iter(|| {
            let mut n = mobile.clone();
            locate(&mut n, Lang::Zh);
            n
        })
    });
    c.bench_function("location: locate a landline", |b| {
        b.iter(|| {
            let mut n = landline.clone();
            locate(&mut n, Lang::En);
            n
        })
    });
}

criterion_group!(benches, screening, location);
criterion_main!(benches);
