//! Import and export (DESIGN §7): CSV lists (`number_or_pattern,kind,category,note`) and plain
//! lists (one number or pattern a line) for sharing block lists and reports, and a JSON backup of
//! everything the user set up. An import is one transaction: one bad row and nothing is imported,
//! with the row's line number in the message. Files are read in UTF-8, UTF-16 or GBK
//! ([`text`]); CSV is read and written by the `csv` crate ([`list`]). Both directions report
//! their progress to a listener a few hundred times at most, whatever the file's size.

mod list;
pub mod text;

use std::fs::File;
use std::io::BufWriter;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use self::text::TextEncoding;
use super::rules::{Pattern, Rule, RuleKind};
use super::{
    insert_evidence, insert_report, save_settings_in, upsert_rule, EvidenceCall, Refusal, Report,
    Store,
};
use crate::error::{Error, Result};
use crate::number::{self, NumberKind};
use crate::policy::Settings;

/// The CSV header line.
pub const CSV_HEADER: &str = "number_or_pattern,kind,category,note";
/// SQLite's page cache during an import, in KiB (negative: a size, not a page count).
const IMPORT_CACHE_KIB: i64 = -64 * 1024;
/// What a JSON backup says it is.
const BACKUP_FORMAT: &str = "callguard-backup";
/// How many lines (import) or rows (export) pass between two calls of a progress listener.
const PROGRESS_EVERY: u64 = 4096;

/// How far an import or export has come: `done` lines of the file read (import) or rows
/// written (export), of `total` where it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Lines read or rows written so far.
    pub done: u64,
    /// All the lines or rows there are, where known (not for UTF-16 files).
    pub total: Option<u64>,
}

/// What hears an import's or export's progress; `Break` stops the work, and nothing is
/// imported (or no file is written).
pub type ProgressListener<'a> = dyn FnMut(Progress) -> ControlFlow<()> + 'a;

/// A listener that only lets the work go on.
pub fn no_progress(_: Progress) -> ControlFlow<()> {
    ControlFlow::Continue(())
}

/// Hands a listener the progress every [`PROGRESS_EVERY`] lines or rows, so a listener that
/// draws costs nothing measurable against the import.
pub(crate) struct Reporter<'a, 'l> {
    listener: &'a mut ProgressListener<'l>,
    total: Option<u64>,
    next: u64,
    work: &'static str,
}

impl<'a, 'l> Reporter<'a, 'l> {
    fn start(
        listener: &'a mut ProgressListener<'l>,
        total: Option<u64>,
        work: &'static str,
    ) -> Result<Self> {
        let mut reporter = Reporter {
            listener,
            total,
            next: PROGRESS_EVERY,
            work,
        };
        reporter.tell(0)?;
        Ok(reporter)
    }

    /// Notes that `done` lines or rows are through; an error when the listener says stop.
    #[inline]
    pub(crate) fn at(&mut self, done: u64) -> Result<()> {
        if done < self.next {
            return Ok(());
        }
        self.next = done + PROGRESS_EVERY;
        self.tell(done)
    }

    fn tell(&mut self, done: u64) -> Result<()> {
        let progress = Progress {
            done,
            total: self.total.map(|t| t.max(done)),
        };
        match (self.listener)(progress) {
            ControlFlow::Continue(()) => Ok(()),
            ControlFlow::Break(()) => Err(Error::InvalidInput(format!("{} cancelled", self.work))),
        }
    }

    /// Says that all of it is through (too late to stop).
    fn finish(self, done: u64) {
        let done = self.total.map_or(done, |t| t.max(done));
        let _ = (self.listener)(Progress {
            done,
            total: Some(done),
        });
    }
}

/// How much an import added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    /// Rules added or changed.
    pub rules: u64,
    /// Reports read.
    pub reports: u64,
    /// Refusals restored.
    pub refusals: u64,
    /// Settings restored.
    pub settings: u64,
    /// What kind of file it was.
    #[serde(default)]
    pub format: ImportFormat,
    /// What text encoding the file was read in (GBK when its bytes were not UTF-8).
    #[serde(default)]
    pub encoding: TextEncoding,
}

/// The kinds of file an import reads, by the file name's extension.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportFormat {
    /// `.csv`: `number_or_pattern,kind,category,note` rows, or one column of numbers to block.
    #[default]
    Csv,
    /// `.txt`: one number or pattern a line, each blocked.
    PlainList,
    /// `.json`: a CallGuard backup.
    Json,
}

/// How much an export wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportSummary {
    /// Rows (CSV) or items (JSON) written.
    pub rows: u64,
}

/// A JSON backup of everything the user set up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backup {
    /// Always "callguard-backup".
    pub format: String,
    /// The backup format's version.
    pub version: u32,
    /// Every setting.
    pub settings: Settings,
    /// Every rule.
    pub rules: Vec<Rule>,
    /// Every report.
    pub reports: Vec<Report>,
    /// Every refusal.
    pub refusals: Vec<Refusal>,
    /// Calls kept as complaint evidence.
    #[serde(default)]
    pub evidence_calls: Vec<EvidenceCall>,
}

fn format_of(path: &Path, import: bool) -> Result<ImportFormat> {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("csv") => Ok(ImportFormat::Csv),
        Some("json") => Ok(ImportFormat::Json),
        Some("txt") if import => Ok(ImportFormat::PlainList),
        _ if import => Err(Error::InvalidInput(format!(
            "{}: the file name must end in .csv, .txt or .json",
            path.display()
        ))),
        _ => Err(Error::InvalidInput(format!(
            "{}: the file name must end in .csv or .json",
            path.display()
        ))),
    }
}

/// Imports a .csv or .txt list or a .json backup; all of it, or nothing.
pub fn import(store: &mut Store, path: &Path, now: i64) -> Result<ImportSummary> {
    import_with_progress(store, path, now, &mut no_progress)
}

/// [`import`], telling `progress` how many of the file's lines are through.
pub fn import_with_progress(
    store: &mut Store,
    path: &Path,
    now: i64,
    progress: &mut ProgressListener<'_>,
) -> Result<ImportSummary> {
    let format = format_of(path, true)?;
    if path.is_dir() {
        return Err(Error::InvalidInput(format!(
            "{} is a folder, not a file",
            path.display()
        )));
    }
    let text = text::open(path)?;
    let encoding = text.encoding;
    let mut reporter = Reporter::start(progress, text.lines, "the import")?;
    // A big import inserts into a b-tree far larger than SQLite's default 2 MB page cache;
    // a larger cache for the length of the import saves rereading and rewriting the same pages.
    let cache: i64 = store
        .conn()
        .query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    store
        .conn()
        .pragma_update(None, "cache_size", IMPORT_CACHE_KIB)?;
    let imported = match format {
        ImportFormat::Csv | ImportFormat::PlainList => store.transaction(|tx| {
            let mut rows = list::Rows::new(tx, now, encoding == TextEncoding::Gbk)?;
            if format == ImportFormat::Csv {
                list::import_csv(&mut rows, text.reader, &mut reporter)?;
            } else {
                list::import_plain(&mut rows, text.reader, &mut reporter)?;
            }
            let added = rows.added();
            Ok(ImportSummary {
                rules: added.rules,
                reports: added.reports,
                ..ImportSummary::default()
            })
        }),
        ImportFormat::Json => match serde_json::from_reader::<_, Backup>(text.reader) {
            Ok(backup) => store.transaction(|tx| import_backup(tx, backup)),
            Err(e) => Err(Error::InvalidInput(format!(
                "{}: not a CallGuard backup: {e}",
                path.display()
            ))),
        },
    };
    store.conn().pragma_update(None, "cache_size", cache)?;
    let summary = ImportSummary {
        format,
        encoding,
        ..imported?
    };
    reporter.finish(0);
    store.refresh_rules()?;
    Ok(summary)
}

/// Puts the row's position on an input error. A storage error (locked, full, I/O) is not the
/// row's fault and stays a storage error — not "line 38171: disk I/O error" with the exit code
/// of bad input (found by fault injection, docs/RELIABILITY.md).
fn in_row(e: Error, row: impl FnOnce(String) -> Error) -> Error {
    match e {
        Error::InvalidInput(m) => row(m),
        storage @ Error::Storage(_) => storage,
    }
}

/// The normalised form of a number someone reports; patterns and non-numbers are refused.
pub fn reportable_number(input: &str) -> Result<String> {
    let n = number::normalize(input);
    if matches!(n.kind, NumberKind::Invalid | NumberKind::Hidden) {
        return Err(Error::InvalidInput(format!(
            "{:?} is not a phone number",
            input.trim()
        )));
    }
    Ok(n.normalized)
}

fn import_backup(tx: &rusqlite::Transaction<'_>, backup: Backup) -> Result<ImportSummary> {
    if backup.format != BACKUP_FORMAT || backup.version != 1 {
        return Err(Error::InvalidInput(format!(
            "not a CallGuard backup of a known version (format {:?}, version {})",
            backup.format, backup.version
        )));
    }
    // Settings pass through their own validation, so a hand-edited backup cannot store nonsense.
    let mut settings = Settings::default();
    for (key, value) in backup.settings.entries() {
        settings
            .set(key, &value)
            .map_err(|e| Error::InvalidInput(format!("settings.{key}: {e}")))?;
    }
    save_settings_in(tx, &settings)?;
    for (i, rule) in backup.rules.iter().enumerate() {
        let bad = |e: Error| in_row(e, |m| Error::InvalidInput(format!("rules[{i}]: {m}")));
        let pattern = Pattern::parse(&rule.pattern, true).map_err(bad)?;
        if pattern.kind != rule.kind
            || (rule.kind != RuleKind::Exact && pattern.text != rule.pattern)
        {
            return Err(bad(Error::InvalidInput(format!(
                "{:?} is not a {} pattern",
                rule.pattern, rule.kind
            ))));
        }
        upsert_rule(
            tx,
            &pattern,
            rule.effect,
            rule.note.as_deref(),
            rule.created_at,
        )
        .map_err(bad)?;
    }
    for (i, report) in backup.reports.iter().enumerate() {
        let number = reportable_number(&report.number)
            .map_err(|e| Error::InvalidInput(format!("reports[{i}]: {e}")))?;
        insert_report(
            tx,
            &Report {
                number,
                ..report.clone()
            },
        )
        .map_err(|e| in_row(e, |m| Error::InvalidInput(format!("reports[{i}]: {m}"))))?;
    }
    for r in &backup.refusals {
        tx.execute(
            "INSERT INTO refusals (carrier, refused_at) VALUES (?1, ?2)
             ON CONFLICT (carrier) DO UPDATE SET refused_at = excluded.refused_at",
            rusqlite::params![r.carrier.code(), r.refused_at],
        )?;
    }
    for call in &backup.evidence_calls {
        insert_evidence(tx, &call.number, call.time, call.label, call.carrier)?;
    }
    Ok(ImportSummary {
        rules: backup.rules.len() as u64,
        reports: backup.reports.len() as u64,
        refusals: backup.refusals.len() as u64,
        settings: Settings::KEYS.len() as u64,
        ..ImportSummary::default()
    })
}

/// Everything the user set up, as a backup.
pub fn backup(store: &Store) -> Result<Backup> {
    let mut stmt = store
        .conn()
        .prepare("SELECT number, time, label, carrier FROM evidence_calls ORDER BY time")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    let mut evidence_calls = Vec::new();
    for row in rows {
        let (number, time, label, carrier) = row?;
        evidence_calls.push(EvidenceCall {
            number,
            time,
            label: crate::decision::Label::from_code(&label)
                .unwrap_or(crate::decision::Label::Unknown),
            carrier: carrier
                .as_deref()
                .and_then(crate::directory::Carrier::from_code),
        });
    }
    Ok(Backup {
        format: BACKUP_FORMAT.into(),
        version: 1,
        settings: store.load_settings()?,
        rules: store.rules()?,
        reports: store.reports()?,
        refusals: store.refusals()?,
        evidence_calls,
    })
}

/// Exports to a .csv list (rules and reports) or a .json backup (everything), written to a
/// temporary file beside the target and renamed, so a failed export leaves no half file.
pub fn export(store: &Store, path: &Path) -> Result<ExportSummary> {
    export_with_progress(store, path, &mut no_progress)
}

/// [`export`], telling `progress` how many rows are written.
pub fn export_with_progress(
    store: &Store,
    path: &Path,
    progress: &mut ProgressListener<'_>,
) -> Result<ExportSummary> {
    let format = format_of(path, false)?;
    if path.is_dir() {
        return Err(Error::InvalidInput(format!(
            "{} is a folder, not a file",
            path.display()
        )));
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !parent.is_dir() {
        return Err(Error::InvalidInput(format!(
            "the folder {} does not exist",
            parent.display()
        )));
    }
    let tmp = PathBuf::from(format!("{}.partial", path.display()));
    let written = write_export(store, &tmp, format, progress);
    match written {
        Ok(rows) => {
            std::fs::rename(&tmp, path).map_err(|e| {
                Error::InvalidInput(format!("cannot write {}: {e}", path.display()))
            })?;
            Ok(ExportSummary { rows })
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

fn write_export(
    store: &Store,
    tmp: &Path,
    format: ImportFormat,
    progress: &mut ProgressListener<'_>,
) -> Result<u64> {
    let io =
        |e: std::io::Error| Error::InvalidInput(format!("cannot write {}: {e}", tmp.display()));
    let out = BufWriter::new(File::create(tmp).map_err(io)?);
    let (rows, out) = match format {
        ImportFormat::Json => {
            let b = backup(store)?;
            let items =
                (b.rules.len() + b.reports.len() + b.refusals.len() + b.evidence_calls.len())
                    as u64;
            let reporter = Reporter::start(progress, Some(items), "the export")?;
            let mut out = out;
            serde_json::to_writer_pretty(&mut out, &b)
                .map_err(|e| Error::Storage(e.to_string()))?;
            reporter.finish(items);
            (items, out)
        }
        ImportFormat::Csv | ImportFormat::PlainList => {
            let rules = store.rules()?;
            let reports = store.reports()?;
            let total = (rules.len() + reports.len()) as u64;
            let mut reporter = Reporter::start(progress, Some(total), "the export")?;
            let mut csv = list::CsvOut::new(out).map_err(io)?;
            for rule in &rules {
                let note = rule.note.as_deref().unwrap_or("");
                csv.row([rule.pattern.as_str(), rule.effect.code(), "", note])
                    .map_err(io)?;
                reporter.at(csv.rows())?;
            }
            for report in &reports {
                let note = report.note.as_deref().unwrap_or("");
                csv.row([
                    report.number.as_str(),
                    "report",
                    report.category.code(),
                    note,
                ])
                .map_err(io)?;
                reporter.at(csv.rows())?;
            }
            reporter.finish(csv.rows());
            (csv.rows(), csv.finish().map_err(io)?)
        }
    };
    out.into_inner()
        .map_err(|e| io(e.into_error()))?
        .sync_all()
        .map_err(io)?;
    Ok(rows)
}
