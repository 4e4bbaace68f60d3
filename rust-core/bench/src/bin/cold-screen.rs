//! One cold screening, as when Android starts the process for a single call: open the database,
//! decide one call, and report the time taken and the process's peak resident memory.
//!
//! `cold-screen DB NUMBER` prints `open+first µs, peak RSS kB`; run it in a fresh process each time.

use std::time::Instant;

use callguard_bench::peak_rss_kb;
use callguard_core::{Engine, ScreenRequest};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(db), Some(number)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: cold-screen DB NUMBER");
        std::process::exit(2);
    };
    let t = Instant::now();
    let engine = Engine::open(std::path::Path::new(db)).expect("open");
    let decision = engine.screen(&ScreenRequest::number(number.as_str()));
    let elapsed = t.elapsed();
    drop(engine);
    println!(
        "{} {} {}",
        elapsed.as_micros(),
        peak_rss_kb(),
        decision.label
    );
}
