//! The benchmark data set: a deterministic, seeded generator of the lists a heavy user keeps
//! (DESIGN §9: 1M exact rules, 10k prefix rules, 1k wildcard patterns, 100k reports, 100k history
//! rows) and of a realistic mix of calls to screen, plus the peers' approaches to compare against.

pub mod peers;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use callguard_core::{Engine, ReportCategory};

/// The size of a data set.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    /// Exact-number block/allow rules.
    pub exact: usize,
    /// Prefix rules (`1703*`).
    pub prefix: usize,
    /// Wildcard patterns (`0755????????`).
    pub wildcard: usize,
    /// Reports against numbers.
    pub reports: usize,
    /// Screened calls in the history.
    pub history: usize,
}

impl Sizes {
    /// The full data set of DESIGN §9.
    pub const FULL: Sizes = Sizes {
        exact: 1_000_000,
        prefix: 10_000,
        wildcard: 1_000,
        reports: 100_000,
        history: 100_000,
    };
    /// A small one for CI's quick mode: same shapes, a hundredth of the rows.
    pub const QUICK: Sizes = Sizes {
        exact: 10_000,
        prefix: 100,
        wildcard: 10,
        reports: 1_000,
        history: 1_000,
    };
}

/// xorshift64*: tiny, fast and deterministic; the data set only needs to be reproducible.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced, xorshift needs a non-zero state).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// One element of a slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// Mobile prefixes the generator draws from.
const MOBILE_PREFIXES: [&str; 12] = [
    "130", "133", "135", "138", "139", "150", "158", "170", "176", "180", "186", "199",
];

/// The `i`th generated mobile number of a seeded sequence: 11 digits, unique per `i`.
pub fn mobile(rng: &mut Rng) -> String {
    format!(
        "{}{:08}",
        rng.pick(&MOBILE_PREFIXES),
        rng.below(100_000_000)
    )
}

/// The numbers the data set uses, kept so the call mix can hit them.
#[derive(Debug, Default, Clone)]
pub struct Hits {
    /// Numbers with an exact rule.
    pub exact: Vec<String>,
    /// Numbers under a prefix rule.
    pub prefix: Vec<String>,
    /// Numbers matching a wildcard.
    pub wildcard: Vec<String>,
    /// Reported numbers.
    pub reported: Vec<String>,
}

/// Writes the rules and reports as one CSV list (`number_or_pattern,kind,category,note`).
pub fn write_list(path: &Path, sizes: Sizes, seed: u64) -> std::io::Result<Hits> {
    let mut rng = Rng::new(seed);
    let mut out = BufWriter::new(File::create(path)?);
    writeln!(out, "number_or_pattern,kind,category,note")?;
    let mut hits = Hits::default();
    for i in 0..sizes.exact {
        let n = mobile(&mut rng);
        let kind = if i % 10 == 0 { "allow" } else { "block" };
        writeln!(out, "{n},{kind},,")?;
        if i % 97 == 0 {
            hits.exact.push(n);
        }
    }
    for i in 0..sizes.prefix {
        // Seven-digit prefixes: a mobile prefix and the first four subscriber digits.
        let p = format!("{}{:04}", rng.pick(&MOBILE_PREFIXES), rng.below(10_000));
        writeln!(out, "{p}*,block,,")?;
        if i % 7 == 0 {
            hits.prefix.push(format!("{p}{:04}", rng.below(10_000)));
        }
    }
    for _ in 0..sizes.wildcard {
        // Three-digit area code, a fixed local exchange, four free digits.
        let area = 300 + rng.below(700);
        let exchange = 2000 + rng.below(8000);
        writeln!(out, "0{area}{exchange}????,block,,")?;
        hits.wildcard
            .push(format!("0{area}{exchange}{:04}", rng.below(10_000)));
    }
    for i in 0..sizes.reports {
        let n = mobile(&mut rng);
        let category = rng.pick(ReportCategory::ALL).code();
        writeln!(out, "{n},report,{category},")?;
        if i % 11 == 0 {
            hits.reported.push(n);
        }
    }
    out.flush()?;
    Ok(hits)
}

/// Adds `n` history rows (and their short-term memory) straight into the database, spread over
/// the last 30 days.
pub fn add_history(db: &Path, n: usize, seed: u64, now_ms: i64) -> rusqlite::Result<()> {
    let mut rng = Rng::new(seed ^ 0x5eed);
    let mut conn = rusqlite::Connection::open(db)?;
    let tx = conn.transaction()?;
    {
        let mut stmt = tx.prepare("INSERT INTO history (time, number, label, action, reasons) VALUES (?1, ?2, 'unknown', 'allow', '')")?;
        for _ in 0..n {
            let t = now_ms - rng.below(30 * 86_400_000) as i64;
            stmt.execute(rusqlite::params![t, mobile(&mut rng)])?;
        }
    }
    tx.commit()
}

/// Builds the whole data set in a database at `db` (replacing it); returns the numbers to hit.
pub fn build(db: &Path, sizes: Sizes, seed: u64) -> Result<Hits, String> {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let csv = db.with_extension("list.csv");
    let hits = write_list(&csv, sizes, seed).map_err(|e| e.to_string())?;
    let engine = Engine::open(db).map_err(|e| e.to_string())?;
    engine.import_file(&csv).map_err(|e| e.to_string())?;
    drop(engine);
    add_history(db, sizes.history, seed, callguard_core::time::now_ms())
        .map_err(|e| e.to_string())?;
    let _ = std::fs::remove_file(&csv);
    Ok(hits)
}

/// A realistic mix of calls: rule hits and misses, carrier numbers and look-alikes, landlines,
/// international and hidden calls.
pub fn call_mix(hits: &Hits, n: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed ^ 0xca11);
    let fixed = [
        "10085",
        "+86 10086",
        "10001",
        "100861",
        "01010086",
        "+44 10086",
        "4001234567",
        "95588",
        "110",
        "+44 20 7946 0958",
        "(010) 6552-9988",
        "0755-2345-6789",
        "",
    ];
    (0..n)
        .map(|i| match i % 20 {
            0..=5 if !hits.exact.is_empty() => rng.pick(&hits.exact).clone(),
            6..=7 if !hits.prefix.is_empty() => rng.pick(&hits.prefix).clone(),
            8 if !hits.wildcard.is_empty() => rng.pick(&hits.wildcard).clone(),
            9..=10 if !hits.reported.is_empty() => rng.pick(&hits.reported).clone(),
            11..=14 => (*rng.pick(&fixed)).to_owned(),
            _ => mobile(&mut rng),
        })
        .collect()
}

/// Peak resident set size of this process in kB, from /proc (Linux and Android); 0 elsewhere.
pub fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}
