//! Lists: a CSV (`number_or_pattern,kind,category,note`, read and written by the `csv` crate)
//! and a plain list (one number or pattern a line, as other blockers export them). Every row is
//! checked as it is written into the import's transaction; the first bad one names its line.

use std::io::{BufRead, BufReader, Read, Write};

use super::{Reporter, CSV_HEADER};
use crate::classify::{ReportCategory, RuleEffect};
use crate::error::{Error, Result};
use crate::store::rules::Pattern;
use crate::store::{insert_report, upsert_rule, Report, ReportSource};

/// The longest record an import accepts; a 10 MB note is an error, not a stored note.
const MAX_RECORD_BYTES: usize = 64 * 1024;

/// What the rows of a list added.
#[derive(Debug, Default)]
pub(super) struct Added {
    pub rules: u64,
    pub reports: u64,
}

/// Writes one checked row at a time into the import's transaction.
pub(super) struct Rows<'t> {
    tx: &'t rusqlite::Transaction<'t>,
    list_report_exists: rusqlite::Statement<'t>,
    now: i64,
    /// The file was decoded from GBK: a replacement character marks bytes GBK does not have.
    gbk: bool,
    added: Added,
}

impl<'t> Rows<'t> {
    pub(super) fn new(tx: &'t rusqlite::Transaction<'t>, now: i64, gbk: bool) -> Result<Self> {
        Ok(Rows {
            tx,
            list_report_exists: tx.prepare(
                "SELECT 1 FROM reports WHERE number = ?1 AND category = ?2 AND source = 'list' LIMIT 1",
            )?,
            now,
            gbk,
            added: Added::default(),
        })
    }

    pub(super) fn added(self) -> Added {
        self.added
    }

    /// Adds one row of `number_or_pattern, kind[, category[, note]]`.
    fn add(&mut self, line: u64, fields: &[&str]) -> Result<()> {
        let bad = |msg: String| Error::InvalidInput(format!("line {line}: {msg}"));
        if self.gbk && fields.iter().any(|f| f.contains('\u{FFFD}')) {
            return Err(bad("bytes that are neither UTF-8 nor GBK text".into()));
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
                let pattern = Pattern::parse(fields[0], false).map_err(|e| bad(e.to_string()))?;
                let effect = RuleEffect::from_code(kind).unwrap_or(RuleEffect::Block);
                upsert_rule(self.tx, &pattern, effect, note, self.now)
                    .map_err(|e| super::in_row(e, bad))?;
                self.added.rules += 1;
            }
            "report" => {
                let category = category.ok_or_else(|| bad("a report needs a category".into()))?;
                let number = super::reportable_number(fields[0]).map_err(|e| bad(e.to_string()))?;
                if !self
                    .list_report_exists
                    .exists(rusqlite::params![number, category.code()])?
                {
                    let report = Report {
                        number,
                        category,
                        source: ReportSource::List,
                        note: note.map(str::to_owned),
                        reported_at: self.now,
                    };
                    insert_report(self.tx, &report).map_err(|e| super::in_row(e, bad))?;
                }
                self.added.reports += 1;
            }
            other => {
                return Err(bad(format!(
                    "kind must be block, allow or report, not {other:?}"
                )))
            }
        }
        Ok(())
    }
}

/// How the rows of a CSV are laid out, decided by its first row that is not a header.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// `number_or_pattern,kind,category,note`, the last two optional.
    Columns,
    /// One number or pattern a row, each blocked: a one-column list from another tool.
    OneColumn,
}

/// Reads a CSV list: quoted fields (with commas, `""` and line breaks), CRLF or LF, a header
/// row or none, `#` comment lines and blank lines.
pub(super) fn import_csv(
    rows: &mut Rows<'_>,
    text: impl Read,
    report: &mut Reporter<'_, '_>,
) -> Result<()> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        // LF ends a record; the CR of a CRLF stays at the end of the last field and is trimmed
        // with the field's spaces. So every record but one at the end of the file consumes its
        // line end as it is read, and the line it starts on can be counted back (below).
        .terminator(csv::Terminator::Any(b'\n'))
        .buffer_capacity(256 * 1024)
        .from_reader(Tally {
            inner: text,
            quotes: 0,
            hit_end: false,
        });
    let mut record = csv::StringRecord::new();
    let mut layout = None;
    let mut first = true;
    // The line of the last record when one of its fields runs over a line break.
    let mut multiline = None;
    loop {
        reader.get_mut().hit_end = false;
        let more = reader
            .read_record(&mut record)
            .map_err(|e| csv_error(e, reader.position().line()))?;
        if !more {
            break;
        }
        // The csv crate puts a record at the line its reading began, before the blank and
        // comment lines it skips; count back from the end instead: the lines read, less those
        // inside the record's fields and the line end that closed it.
        let inside = record
            .iter()
            .map(|f| f.matches('\n').count() as u64)
            .sum::<u64>();
        let closed_by_line_end = u64::from(!reader.get_ref().hit_end);
        let line = reader
            .position()
            .line()
            .saturating_sub(inside + closed_by_line_end)
            .max(1);
        report.at(line)?;
        multiline = record.iter().any(|f| f.contains('\n')).then_some(line);
        let first_field = record.get(0).unwrap_or("");
        if record.iter().all(|f| f.trim().is_empty()) || first_field.trim_start().starts_with('#') {
            continue;
        }
        if record.as_slice().len() > MAX_RECORD_BYTES {
            return Err(Error::InvalidInput(format!(
                "line {line}: record longer than {MAX_RECORD_BYTES} bytes"
            )));
        }
        if std::mem::take(&mut first) && is_header(first_field) {
            continue;
        }
        let layout = *layout.get_or_insert(if record.len() == 1 {
            Layout::OneColumn
        } else {
            Layout::Columns
        });
        let mut fields = [""; 4];
        match (layout, record.len()) {
            (Layout::OneColumn, 1) => rows.add(line, &[first_field, "block"])?,
            (Layout::Columns, n @ 2..=4) => {
                for (slot, field) in fields.iter_mut().zip(record.iter()) {
                    *slot = field;
                }
                rows.add(line, &fields[..n])?;
            }
            (_, n) => {
                let open_quote = record.iter().any(|f| f.contains('\n'));
                return Err(Error::InvalidInput(format!(
                    "line {line}: expected {}, found {n} field(s){}",
                    match layout {
                        Layout::Columns => CSV_HEADER,
                        Layout::OneColumn => "one number or pattern, as on the lines before",
                    },
                    if open_quote {
                        " (is a quote left open?)"
                    } else {
                        ""
                    }
                )));
            }
        }
    }
    // The csv crate ends a quoted field left open at the end of the file, so such a field
    // swallows every row after it. An odd number of quotes in the file, with the last record
    // running over lines, is that.
    if let (Some(line), true) = (multiline, reader.get_ref().quotes % 2 == 1) {
        return Err(Error::InvalidInput(format!(
            "line {line}: a quote is left open, so the rest of the file would be one field"
        )));
    }
    Ok(())
}

/// Counts the quote characters read through it, and notes when the end of the text is hit.
struct Tally<R> {
    inner: R,
    quotes: u64,
    hit_end: bool,
}

impl<R: Read> Read for Tally<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.quotes += buf[..n].iter().filter(|b| **b == b'"').count() as u64;
        self.hit_end |= n == 0 && !buf.is_empty();
        Ok(n)
    }
}

/// A first row whose first field holds no digit is a header: a number or pattern always does.
fn is_header(first_field: &str) -> bool {
    !first_field.chars().any(char::is_numeric)
}

fn csv_error(e: csv::Error, line: u64) -> Error {
    let line = e.position().map_or(line, csv::Position::line);
    match e.into_kind() {
        csv::ErrorKind::Utf8 { .. } => Error::InvalidInput(format!("line {line}: not UTF-8 text")),
        csv::ErrorKind::Io(e) => Error::InvalidInput(format!("line {line}: cannot read: {e}")),
        other => Error::InvalidInput(format!("line {line}: {other:?}")),
    }
}

/// Reads a plain list: one number or pattern a line, each becoming a block rule (what the
/// blocker it came from did with it). Blank lines and `#` comments are skipped.
pub(super) fn import_plain(
    rows: &mut Rows<'_>,
    text: impl Read,
    report: &mut Reporter<'_, '_>,
) -> Result<()> {
    let mut lines = BufReader::with_capacity(256 * 1024, text);
    let mut line = String::new();
    let mut number = 0;
    loop {
        line.clear();
        number += 1;
        let read = lines
            .read_line(&mut line)
            .map_err(|e| Error::InvalidInput(format!("line {number}: cannot read: {e}")))?;
        if read == 0 {
            break;
        }
        report.at(number)?;
        let entry = line.trim();
        if entry.is_empty() || entry.starts_with('#') {
            continue;
        }
        if entry.len() > MAX_RECORD_BYTES {
            return Err(Error::InvalidInput(format!(
                "line {number}: line longer than {MAX_RECORD_BYTES} bytes"
            )));
        }
        rows.add(number, &[entry, "block"])?;
    }
    Ok(())
}

/// Writes rows as a CSV list that spreadsheet programs open as they should: UTF-8 with a
/// byte-order mark (without it, Excel on Chinese Windows reads the notes as GBK), CRLF line
/// ends, a header, and fields quoted where they need it.
pub(super) struct CsvOut<W: Write> {
    writer: csv::Writer<W>,
    rows: u64,
}

impl<W: Write> CsvOut<W> {
    pub(super) fn new(mut out: W) -> std::io::Result<Self> {
        out.write_all("\u{feff}".as_bytes())?;
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        writer.write_record(CSV_HEADER.split(','))?;
        Ok(CsvOut { writer, rows: 0 })
    }

    /// Writes one row.
    pub(super) fn row(&mut self, fields: [&str; 4]) -> std::io::Result<()> {
        self.writer.write_record(fields)?;
        self.rows += 1;
        Ok(())
    }

    /// How many rows were written.
    pub(super) fn rows(&self) -> u64 {
        self.rows
    }

    /// Flushes and hands back the output.
    pub(super) fn finish(self) -> std::io::Result<W> {
        self.writer.into_inner().map_err(|e| e.into_error())
    }
}
