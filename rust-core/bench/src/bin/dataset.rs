//! Builds the benchmark data set in a database and writes the call mix to a file, for harnesses
//! outside Rust (the JVM's JNI round trip, tests/jvm-bridge/bench.sh) to screen the same calls
//! against the same data as the native benchmarks.
//!
//! `dataset --db PATH [--quick] [--calls N] --mix-out FILE`
//!
//! The mix file holds one number per line, exactly as `call_mix` made it: a hidden call is an
//! empty line, and numbers may hold spaces, `+`, `(`, `)` and `-`. The seeds are those of the
//! native benchmarks (data set 42, mix 7), so both screen the same calls.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use callguard_bench::{build, call_mix, Sizes};

/// The data set's seed, as in the native benchmarks.
const DATA_SEED: u64 = 42;
/// The call mix's seed, as in the native benchmarks.
const MIX_SEED: u64 = 7;

const USAGE: &str = "usage: dataset --db PATH [--quick] [--calls N] --mix-out FILE";

/// The parsed command line.
struct Args {
    db: PathBuf,
    quick: bool,
    calls: usize,
    mix_out: PathBuf,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut db = None;
    let mut quick = false;
    let mut calls = None;
    let mut mix_out = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{arg} needs a value"))
        };
        match arg.as_str() {
            "--db" => db = Some(PathBuf::from(value()?)),
            "--quick" => quick = true,
            "--calls" => {
                let text = value()?;
                let n: usize = text
                    .parse()
                    .map_err(|_| format!("--calls: not a number: {text}"))?;
                if n == 0 {
                    return Err("--calls must be at least 1".to_owned());
                }
                calls = Some(n);
            }
            "--mix-out" => mix_out = Some(PathBuf::from(value()?)),
            other => return Err(format!("unknown argument: {other}")),
        }
    }
    Ok(Args {
        db: db.ok_or("--db is required")?,
        quick,
        calls: calls.unwrap_or(if quick { 5_000 } else { 100_000 }),
        mix_out: mix_out.ok_or("--mix-out is required")?,
    })
}

fn write_mix(file: File, mix: &[String]) -> std::io::Result<()> {
    let mut out = BufWriter::new(file);
    for number in mix {
        debug_assert!(!number.contains(['\n', '\r']));
        writeln!(out, "{number}")?;
    }
    out.flush()
}

fn run(args: &Args) -> Result<(), String> {
    let sizes = if args.quick {
        Sizes::QUICK
    } else {
        Sizes::FULL
    };
    // Created first, so a bad path fails before the (long) build rather than after it.
    let mix_file = File::create(&args.mix_out)
        .map_err(|e| format!("cannot create {}: {e}", args.mix_out.display()))?;
    let t = Instant::now();
    let hits = build(&args.db, sizes, DATA_SEED)?;
    eprintln!(
        "dataset: {} data set ({} exact, {} prefix, {} wildcard rules, {} reports, {} history rows) built in {:.1} s at {}",
        if args.quick { "quick" } else { "full" },
        sizes.exact,
        sizes.prefix,
        sizes.wildcard,
        sizes.reports,
        sizes.history,
        t.elapsed().as_secs_f64(),
        args.db.display()
    );
    let mix = call_mix(&hits, args.calls, MIX_SEED);
    write_mix(mix_file, &mix)
        .map_err(|e| format!("cannot write {}: {e}", args.mix_out.display()))?;
    eprintln!(
        "dataset: {} calls written to {}",
        mix.len(),
        args.mix_out.display()
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args = match parse_args(&args) {
        Ok(args) => args,
        Err(e) => {
            eprintln!("dataset: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dataset: {e}");
            ExitCode::FAILURE
        }
    }
}
