//! Import and export (DESIGN §7): CSV lists (`number_or_pattern,kind,category,note`) for sharing
//! block lists and reports, and a JSON backup of everything the user set up. An import is one
//! transaction: one bad row and nothing is imported, with the row's line number in the message.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::rules::{Pattern, Rule, RuleKind};
use super::{
    insert_evidence, insert_report, save_settings_in, upsert_rule, EvidenceCall, Refusal, Report,
    ReportSource, Store,
};
use crate::classify::{ReportCategory, RuleEffect};
use crate::error::{Error, Result};
use crate::number::{self, NumberKind};
use crate::policy::Settings;

/// The CSV header line.
pub const CSV_HEADER: &str = "number_or_pattern,kind,category,note";
/// SQLite's page cache during an import, in KiB (negative: a size, not a page count).
const IMPORT_CACHE_KIB: i64 = -64 * 1024;
/// What a JSON backup says it is.
const BACKUP_FORMAT: &str = "callguard-backup";

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

enum Format {
    Csv,
    Json,
}

fn format_of(path: &Path) -> Result<Format> {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("csv") => Ok(Format::Csv),
        Some("json") => Ok(Format::Json),
        _ => Err(Error::InvalidInput(format!(
            "{}: the file name must end in .csv or .json",
            path.display()
        ))),
    }
}

/// Imports a .csv list or a .json backup; all of it, or nothing.
pub fn import(store: &mut Store, path: &Path, now: i64) -> Result<ImportSummary> {
    let format = format_of(path)?;
    if path.is_dir() {
        return Err(Error::InvalidInput(format!(
            "{} is a folder, not a file",
            path.display()
        )));
    }
    let file = File::open(path)
        .map_err(|e| Error::InvalidInput(format!("cannot read {}: {e}", path.display())))?;
    // A big import inserts into a b-tree far larger than SQLite's default 2 MB page cache;
    // a larger cache for the length of the import saves rereading and rewriting the same pages.
    let cache: i64 = store
        .conn()
        .query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    store
        .conn()
        .pragma_update(None, "cache_size", IMPORT_CACHE_KIB)?;
    let imported = match format {
        Format::Csv => store.transaction(|tx| import_csv(tx, BufReader::new(file), now)),
        Format::Json => match serde_json::from_reader::<_, Backup>(BufReader::new(file)) {
            Ok(backup) => store.transaction(|tx| import_backup(tx, backup)),
            Err(e) => Err(Error::InvalidInput(format!(
                "{}: not a CallGuard backup: {e}",
                path.display()
            ))),
        },
    };
    store.conn().pragma_update(None, "cache_size", cache)?;
    let summary = imported?;
    store.refresh_rules()?;
    Ok(summary)
}

fn import_csv(
    tx: &rusqlite::Transaction<'_>,
    reader: impl BufRead,
    now: i64,
) -> Result<ImportSummary> {
    let mut summary = ImportSummary::default();
    let mut list_report_exists = tx.prepare(
        "SELECT 1 FROM reports WHERE number = ?1 AND category = ?2 AND source = 'list' LIMIT 1",
    )?;
    let mut records = CsvRecords {
        lines: reader.lines(),
        line: 0,
    };
    while let Some((line, record)) = records.next_record()? {
        let fields = record.map_err(|e| Error::InvalidInput(format!("line {line}: {e}")))?;
        if line == 1 && fields.join(",").trim().eq_ignore_ascii_case(CSV_HEADER) {
            continue;
        }
        let bad = |msg: String| Error::InvalidInput(format!("line {line}: {msg}"));
        if fields.len() < 2 || fields.len() > 4 {
            return Err(bad(format!(
                "expected {CSV_HEADER}, found {} field(s)",
                fields.len()
            )));
        }
        let field = |i: usize| fields.get(i).map(|s| s.trim()).filter(|s| !s.is_empty());
        let category = match field(2) {
            Some(c) => Some(
                ReportCategory::from_code(c)
                    .ok_or_else(|| bad(format!("unknown category {c:?}")))?,
            ),
            None => None,
        };
        let note = field(3);
        match fields[1].trim() {
            kind @ ("block" | "allow") => {
                let pattern = Pattern::parse(&fields[0], false).map_err(|e| bad(e.to_string()))?;
                let effect = RuleEffect::from_code(kind).unwrap_or(RuleEffect::Block);
                upsert_rule(tx, &pattern, effect, note, now).map_err(|e| in_row(e, bad))?;
                summary.rules += 1;
            }
            "report" => {
                let category = category.ok_or_else(|| bad("a report needs a category".into()))?;
                let number = reportable_number(&fields[0]).map_err(|e| bad(e.to_string()))?;
                if !list_report_exists.exists(rusqlite::params![number, category.code()])? {
                    let report = Report {
                        number,
                        category,
                        source: ReportSource::List,
                        note: note.map(str::to_owned),
                        reported_at: now,
                    };
                    insert_report(tx, &report).map_err(|e| in_row(e, bad))?;
                }
                summary.reports += 1;
            }
            other => {
                return Err(bad(format!(
                    "kind must be block, allow or report, not {other:?}"
                )))
            }
        }
    }
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
    let format = format_of(path)?;
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
    let written = write_export(store, &tmp, format);
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

fn write_export(store: &Store, tmp: &Path, format: Format) -> Result<u64> {
    let io =
        |e: std::io::Error| Error::InvalidInput(format!("cannot write {}: {e}", tmp.display()));
    let mut out = BufWriter::new(File::create(tmp).map_err(io)?);
    let rows = match format {
        Format::Json => {
            let b = backup(store)?;
            serde_json::to_writer_pretty(&mut out, &b)
                .map_err(|e| Error::Storage(e.to_string()))?;
            (b.rules.len() + b.reports.len() + b.refusals.len() + b.evidence_calls.len()) as u64
        }
        Format::Csv => {
            writeln!(out, "{CSV_HEADER}").map_err(io)?;
            let mut rows = 0;
            for rule in store.rules()? {
                let fields = [
                    rule.pattern.as_str(),
                    rule.effect.code(),
                    "",
                    rule.note.as_deref().unwrap_or(""),
                ];
                writeln!(out, "{}", csv_line(&fields)).map_err(io)?;
                rows += 1;
            }
            for report in store.reports()? {
                let fields = [
                    report.number.as_str(),
                    "report",
                    report.category.code(),
                    report.note.as_deref().unwrap_or(""),
                ];
                writeln!(out, "{}", csv_line(&fields)).map_err(io)?;
                rows += 1;
            }
            rows
        }
    };
    out.into_inner()
        .map_err(|e| io(e.into_error()))?
        .sync_all()
        .map_err(io)?;
    Ok(rows)
}

/// One CSV line, quoting fields that need it (RFC 4180).
fn csv_line(fields: &[&str]) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                (*f).to_owned()
            }
        })
        .collect();
    quoted.join(",")
}

/// Reads RFC 4180 records from lines: quoted fields may hold commas, `""` and newlines.
struct CsvRecords<L> {
    lines: L,
    line: usize,
}

/// The longest record an import accepts; a 10 MB note is an error, not a memory spike.
const MAX_RECORD_BYTES: usize = 64 * 1024;

impl<L: Iterator<Item = std::io::Result<String>>> CsvRecords<L> {
    /// The next non-blank, non-comment record with the line it starts on.
    #[allow(clippy::type_complexity)]
    fn next_record(&mut self) -> Result<Option<(usize, std::result::Result<Vec<String>, String>)>> {
        loop {
            let Some(first) = self.next_line()? else {
                return Ok(None);
            };
            let start = self.line;
            if first.trim().is_empty() || first.trim_start().starts_with('#') {
                continue;
            }
            let mut text = first;
            while quotes_open(&text) {
                if text.len() > MAX_RECORD_BYTES {
                    return Ok(Some((
                        start,
                        Err(format!("record longer than {MAX_RECORD_BYTES} bytes")),
                    )));
                }
                match self.next_line()? {
                    Some(more) => {
                        text.push('\n');
                        text.push_str(&more);
                    }
                    None => return Ok(Some((start, Err("unclosed quote".into())))),
                }
            }
            if text.len() > MAX_RECORD_BYTES {
                return Ok(Some((
                    start,
                    Err(format!("record longer than {MAX_RECORD_BYTES} bytes")),
                )));
            }
            return Ok(Some((start, split_record(&text))));
        }
    }

    fn next_line(&mut self) -> Result<Option<String>> {
        match self.lines.next() {
            None => Ok(None),
            Some(Ok(l)) => {
                self.line += 1;
                Ok(Some(l.strip_suffix('\r').map(str::to_owned).unwrap_or(l)))
            }
            Some(Err(e)) => Err(Error::InvalidInput(format!(
                "line {}: cannot read: {e}",
                self.line + 1
            ))),
        }
    }
}

fn quotes_open(text: &str) -> bool {
    text.bytes().filter(|b| *b == b'"').count() % 2 == 1
}

fn split_record(text: &str) -> std::result::Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (false, '"') if at_start => quoted = true,
            (false, '"') => return Err("a quote inside an unquoted field".into()),
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => {
                quoted = false;
                if !matches!(chars.peek(), None | Some(',')) {
                    return Err("text after a closing quote".into());
                }
            }
            (false, ',') => {
                fields.push(std::mem::take(&mut field));
                at_start = true;
                continue;
            }
            (_, c) => field.push(c),
        }
        at_start = false;
    }
    fields.push(field);
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_round_trip_through_quoting() {
        let fields = [
            "13800138000",
            "block",
            "",
            "said \"hi\", then, hung up\nagain",
        ];
        let line = csv_line(&fields);
        assert_eq!(
            split_record(&line).unwrap(),
            fields.map(str::to_owned).to_vec()
        );
    }

    #[test]
    fn malformed_csv_records_are_errors() {
        for bad in ["a\"b,block", "\"a\"b,block"] {
            assert!(split_record(bad).is_err(), "{bad}");
        }
    }
}
