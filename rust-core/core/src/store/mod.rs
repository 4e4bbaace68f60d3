//! The SQLite store (DESIGN §7): one connection initializer that owns the pragmas, the schema and
//! its migrations, and recovery from a corrupt file; then the queries the engine needs, each an
//! indexed lookup or a single transaction.

pub mod evidence;
pub mod rules;
pub mod schema;
pub mod transfer;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Duration;

use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::classify::{ReportCategory, ReportSummary, RuleEffect};
use crate::decision::{Action, Label, Reason};
use crate::directory::Carrier;
use crate::error::{Error, Result};
use crate::policy::Settings;
use rules::{Pattern, Rule, RuleKind, WildcardSet};

/// How much of the database file is memory-mapped (address space, not memory: only the pages
/// a lookup touches become resident).
const MMAP_BYTES: i64 = 256 << 20;

/// Schema versions above this are garbage in the header, not a newer CallGuard.
const MAX_PLAUSIBLE_VERSION: i64 = 1000;

/// How long a write waits for another connection's lock before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_millis(2000);

code_enum! {
    /// Who reported a number.
    pub enum ReportSource {
        /// The user, after a call.
        User = "user",
        /// An imported list.
        List = "list",
    }
}

/// One report against a number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The normalised number.
    pub number: String,
    /// Why it was reported.
    pub category: ReportCategory,
    /// Who reported it.
    pub source: ReportSource,
    /// The reporter's note.
    pub note: Option<String>,
    /// When, in ms since the epoch.
    pub reported_at: i64,
}

/// The user told a carrier to stop marketing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    /// Which carrier.
    pub carrier: Carrier,
    /// When, in ms since the epoch.
    pub refused_at: i64,
}

/// One screened call, as the history shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// When the call came, in ms since the epoch.
    pub time: i64,
    /// The normalised number ("" when hidden).
    pub number: String,
    /// What the call was.
    pub label: Label,
    /// What was done with it.
    pub action: Action,
    /// Why.
    pub reasons: Vec<Reason>,
    /// Where the number is registered, in the language asked for (see [`crate::location`]).
    #[serde(default)]
    pub location: Option<String>,
    /// For a mobile, the operator its range was issued to — a hint, numbers port.
    #[serde(default)]
    pub carrier_hint: Option<Carrier>,
}

/// A call kept as complaint evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceCall {
    /// The normalised number.
    pub number: String,
    /// When, in ms since the epoch.
    pub time: i64,
    /// What the call was.
    pub label: Label,
    /// The carrier involved, for marketing calls after a refusal.
    pub carrier: Option<Carrier>,
}

/// A recent call, as the SMS guard and the repeated-call window see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecentCall {
    /// The normalised number.
    pub number: String,
    /// When, in ms since the epoch.
    pub time: i64,
    /// What the call was.
    pub label: Label,
    /// The caller is a contact.
    pub is_contact: bool,
}

/// What opening the database found.
#[derive(Debug, Default)]
pub struct OpenNotes {
    /// Problems the user should hear about (a corrupt file moved aside, …).
    pub warnings: Vec<String>,
}

/// An open database.
pub struct Store {
    conn: Connection,
    /// Bit `n` is set when some prefix rule has `n` digits: a call probes only those lengths.
    prefix_lengths: u64,
    /// The wildcard rules, compiled: few by nature, so kept in memory.
    wildcards: WildcardSet,
}

impl Store {
    /// Opens (creating if needed) the database at `path`; a corrupt or unreadable file is moved
    /// aside as `<name>.corrupt-<ms>` and a fresh one started, which `notes` reports.
    pub fn open(path: &Path, notes: &mut OpenNotes) -> Result<Store> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| {
                Error::Storage(format!(
                    "cannot create the folder {}: {e}",
                    parent.display()
                ))
            })?;
        }
        match Self::open_and_init(path) {
            Err(e) if is_corruption(&e) => {
                let aside = quarantine(path)?;
                notes.warnings.push(format!(
                    "the database {} was unreadable ({}); it was moved to {} and a fresh one started",
                    path.display(),
                    e,
                    aside.display()
                ));
                Self::open_and_init(path).map_err(Error::from)
            }
            Err(InitError::Sql(e)) if is_read_only_place(&e) && path.is_file() => {
                let store = Self::open_read_only(path).map_err(|_| {
                    Error::Storage(format!("cannot open {}: {e}", path.display()))
                })?;
                notes.warnings.push(format!(
                    "{} is on a read-only location: calls are screened with your rules, but nothing can be changed or recorded",
                    path.display()
                ));
                Ok(store)
            }
            other => other.map_err(|e| match e {
                InitError::Sql(e) => Error::Storage(format!("cannot open {}: {e}", path.display())),
                InitError::Newer(v) => Error::Storage(format!(
                    "{} was written by a newer CallGuard (schema {v}, this one knows {}); update the app",
                    path.display(),
                    schema::CURRENT_VERSION
                )),
            }),
        }
    }

    /// Opens a private in-memory database.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        init(&conn).map_err(Error::from)?;
        Store::ready(conn).map_err(Error::from)
    }

    fn open_and_init(path: &Path) -> std::result::Result<Store, InitError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        init(&conn)?;
        startup_reads(&conn)?;
        Ok(Store::ready(conn)?)
    }

    /// Opens a database on a read-only filesystem, where SQLite cannot create the WAL's shared
    /// memory: immutable, so it reads the file as it is (a WAL not yet checkpointed is not seen).
    fn open_read_only(path: &Path) -> std::result::Result<Store, InitError> {
        let absolute = std::fs::canonicalize(path).map_err(|_| {
            InitError::Sql(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
                None,
            ))
        })?;
        let escaped: String = absolute
            .to_string_lossy()
            .chars()
            .map(|c| match c {
                '?' | '#' | '%' => format!("%{:02X}", c as u32),
                c => c.to_string(),
            })
            .collect();
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(format!("file:{escaped}?mode=ro&immutable=1"), flags)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version != schema::CURRENT_VERSION {
            // Nothing can be migrated in place; a different schema cannot be read safely.
            return Err(InitError::Newer(version));
        }
        conn.pragma_update(None, "temp_store", 2)?;
        startup_reads(&conn)?;
        Ok(Store::ready(conn)?)
    }

    /// Opens another connection on a database this process already opened (no recovery: the
    /// first connection did that), for long writes that must not hold the engine's connection.
    pub fn connect(path: &Path) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        init(&conn).map_err(Error::from)?;
        Ok(Store::ready(conn)?)
    }

    fn ready(conn: Connection) -> rusqlite::Result<Store> {
        let mut store = Store {
            conn,
            prefix_lengths: 0,
            wildcards: WildcardSet::default(),
        };
        store.refresh_rules()?;
        Ok(store)
    }

    /// Re-reads what this connection keeps in memory about the rules — which prefix lengths
    /// exist, and the compiled wildcards — after they changed here or on another connection.
    pub(crate) fn refresh_rules(&mut self) -> rusqlite::Result<()> {
        self.refresh_prefix_lengths()?;
        self.wildcards = self.load_wildcards()?;
        Ok(())
    }

    fn refresh_prefix_lengths(&mut self) -> rusqlite::Result<()> {
        // One index seek per possible length (the index is on `kind, length(pattern)`), so the
        // cost does not grow with the number of prefix rules.
        let mut stmt = self.conn.prepare(
            "SELECT EXISTS (SELECT 1 FROM pattern_rules WHERE kind = 'prefix' AND length(pattern) = ?1)",
        )?;
        let mut mask = 0u64;
        for n in 0..=rules::MAX_PATTERN_LEN {
            if stmt.query_row([n as i64], |r| r.get::<_, bool>(0))? {
                mask |= 1 << n;
            }
        }
        drop(stmt);
        self.prefix_lengths = mask;
        Ok(())
    }

    /// How long this connection's writes wait for another connection's lock.
    pub(crate) fn set_busy_timeout(&self, timeout: Duration) -> Result<()> {
        Ok(self.conn.busy_timeout(timeout)?)
    }

    /// The connection, for the modules of the store.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one transaction: all of it is stored, or none.
    pub fn transaction<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let tx = self.conn.transaction()?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    // --- settings -------------------------------------------------------------------------

    /// The stored settings over the defaults; unknown or broken rows are ignored.
    pub fn load_settings(&self) -> Result<Settings> {
        let mut settings = Settings::default();
        let mut stmt = self.conn.prepare("SELECT key, value FROM settings")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (key, value) = row?;
            let mut candidate = settings.clone();
            if candidate.set(&key, &value).is_ok() {
                settings = candidate;
            } else {
                log::warn!("ignoring stored setting {key}");
            }
        }
        Ok(settings)
    }

    /// Stores every setting.
    pub fn save_settings(&mut self, settings: &Settings) -> Result<()> {
        self.transaction(|tx| save_settings_in(tx, settings))
    }

    // --- rules ----------------------------------------------------------------------------

    /// Adds a rule or changes its effect and note; adding the same rule twice changes nothing.
    pub fn add_rule(
        &mut self,
        p: &Pattern,
        effect: RuleEffect,
        note: Option<&str>,
        at: i64,
    ) -> Result<Rule> {
        upsert_rule(&self.conn, p, effect, note, at)?;
        self.refresh_rules()?;
        self.rule(p)?
            .ok_or_else(|| Error::Storage("the rule was not stored".into()))
    }

    fn rule(&self, p: &Pattern) -> Result<Option<Rule>> {
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT pattern, kind, effect, note, created_at FROM {} WHERE pattern = ?1 AND kind = ?2",
                    table_of(p.kind)
                ),
                params![stored_pattern(p), p.kind.code()],
                rule_from_row,
            )
            .optional()?)
    }

    /// Removes the rule with this pattern; true if there was one.
    pub fn remove_rule(&mut self, p: &Pattern) -> Result<bool> {
        let n = self.conn.execute(
            &format!(
                "DELETE FROM {} WHERE pattern = ?1 AND kind = ?2",
                table_of(p.kind)
            ),
            params![stored_pattern(p), p.kind.code()],
        )?;
        self.refresh_rules()?;
        Ok(n > 0)
    }

    /// Every rule, newest first.
    pub fn rules(&self) -> Result<Vec<Rule>> {
        let mut stmt = self.conn.prepare(
            "SELECT pattern, kind, effect, note, created_at FROM pattern_rules
             UNION ALL SELECT pattern, kind, effect, note, created_at FROM rules
             ORDER BY created_at DESC, pattern",
        )?;
        let rows = stmt.query_map([], rule_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One page of the rules whose pattern starts with `filter`, in pattern order, and how many
    /// match in all: what a list screen shows of a million-rule list.
    pub fn rules_page(
        &self,
        filter: &str,
        offset: usize,
        limit: usize,
    ) -> Result<(u64, Vec<Rule>)> {
        let from: String = filter
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        // '~' sorts after every character a pattern holds (digits, '+', '?').
        let to = format!("{from}~");
        let total: i64 = self.conn.query_row(
            "SELECT (SELECT COUNT(*) FROM rules WHERE pattern >= ?1 AND pattern < ?2)
                  + (SELECT COUNT(*) FROM pattern_rules WHERE pattern >= ?1 AND pattern < ?2)",
            params![from, to],
            |r| r.get(0),
        )?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT pattern, kind, effect, note, created_at FROM rules WHERE pattern >= ?1 AND pattern < ?2
             UNION ALL
             SELECT pattern, kind, effect, note, created_at FROM pattern_rules WHERE pattern >= ?1 AND pattern < ?2
             ORDER BY pattern LIMIT ?3 OFFSET ?4",
        )?;
        let rows = stmt.query_map(
            params![from, to, limit as i64, offset as i64],
            rule_from_row,
        )?;
        Ok((total.max(0) as u64, rows.collect::<rusqlite::Result<_>>()?))
    }

    fn load_wildcards(&self) -> rusqlite::Result<WildcardSet> {
        let mut stmt = self
            .conn
            .prepare("SELECT pattern, effect FROM pattern_rules WHERE kind = 'wildcard'")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut pairs = Vec::new();
        for row in rows {
            let (pattern, effect) = row?;
            pairs.push((
                pattern,
                RuleEffect::from_code(&effect).unwrap_or(RuleEffect::Block),
            ));
        }
        Ok(WildcardSet::new(pairs))
    }

    /// The rule for a normalised number: a primary-key lookup for the exact rule, then one query
    /// probing only the prefix lengths that exist, then the compiled wildcards. An exact rule
    /// beats any prefix, a longer prefix a shorter, a prefix any wildcard; block beats allow.
    pub fn rule_effect(&self, number: &str) -> Result<Option<RuleEffect>> {
        if number.is_empty() || !number.is_ascii() {
            return Ok(None);
        }
        let exact: Option<String> = self
            .conn
            .prepare_cached("SELECT effect FROM rules WHERE pattern = ?1 AND kind = 'exact'")?
            .query_row([number], |r| r.get(0))
            .optional()?;
        if let Some(effect) = exact {
            return Ok(RuleEffect::from_code(&effect));
        }
        let prefixes: Vec<&str> = (0..=number.len().min(rules::MAX_PATTERN_LEN))
            .filter(|n| self.prefix_lengths & (1u64 << n) != 0)
            .map(|n| &number[..n])
            .collect();
        if prefixes.is_empty() {
            return Ok(self.wildcards.effect(number));
        }
        let mut stmt = self.conn.prepare_cached(prefix_query(prefixes.len()))?;
        let mut rows = stmt.query(rusqlite::params_from_iter(&prefixes))?;
        let mut best: Option<(usize, RuleEffect)> = None;
        while let Some(row) = rows.next()? {
            let len = row.get_ref(0)?.as_str().map_or(0, str::len);
            let effect = RuleEffect::from_code(row.get_ref(1)?.as_str().unwrap_or("block"))
                .unwrap_or(RuleEffect::Block);
            best = match best {
                Some((l, e)) if l > len || (l == len && e == RuleEffect::Block) => Some((l, e)),
                _ => Some((len, effect)),
            };
        }
        Ok(best
            .map(|(_, effect)| effect)
            .or_else(|| self.wildcards.effect(number)))
    }

    // --- reports --------------------------------------------------------------------------

    /// Records a report; the same report twice (same number, category, source and time) once.
    pub fn add_report(&self, r: &Report) -> Result<()> {
        insert_report(&self.conn, r)
    }

    /// All reports against a number, summed up.
    pub fn report_summary(&self, number: &str) -> Result<Option<ReportSummary>> {
        if number.is_empty() {
            return Ok(None);
        }
        // Plain rows summed here: a GROUP BY would sort in a temporary b-tree on every call.
        let mut stmt = self
            .conn
            .prepare_cached("SELECT category, source FROM reports WHERE number = ?1")?;
        let mut rows = stmt.query([number])?;
        let mut counts = Vec::new();
        while let Some(row) = rows.next()? {
            let category = row
                .get_ref(0)?
                .as_str()
                .ok()
                .and_then(ReportCategory::from_code);
            let by_user = row.get_ref(1)?.as_str().ok() == Some(ReportSource::User.code());
            if let Some(c) = category {
                counts.push((c, by_user, 1));
            }
        }
        Ok(ReportSummary::from_counts(counts))
    }

    /// Every report, oldest first.
    pub fn reports(&self) -> Result<Vec<Report>> {
        let mut stmt = self
            .conn
            .prepare("SELECT number, category, source, note, reported_at FROM reports ORDER BY reported_at, id")?;
        let rows = stmt.query_map([], report_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    // --- refusals -------------------------------------------------------------------------

    /// Records (or moves to `at`) the user's refusal of a carrier's marketing.
    pub fn refuse(&self, carrier: Carrier, at: i64) -> Result<Refusal> {
        self.conn.execute(
            "INSERT INTO refusals (carrier, refused_at) VALUES (?1, ?2)
             ON CONFLICT (carrier) DO UPDATE SET refused_at = excluded.refused_at",
            params![carrier.code(), at],
        )?;
        Ok(Refusal {
            carrier,
            refused_at: at,
        })
    }

    /// When the user refused this carrier's marketing, if they did.
    pub fn refusal(&self, carrier: Carrier) -> Result<Option<i64>> {
        Ok(self
            .conn
            .prepare_cached("SELECT refused_at FROM refusals WHERE carrier = ?1")?
            .query_row([carrier.code()], |r| r.get(0))
            .optional()?)
    }

    /// Every refusal.
    pub fn refusals(&self) -> Result<Vec<Refusal>> {
        let mut stmt = self
            .conn
            .prepare("SELECT carrier, refused_at FROM refusals ORDER BY refused_at")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (carrier, refused_at) = row?;
            if let Some(carrier) = Carrier::from_code(&carrier) {
                out.push(Refusal {
                    carrier,
                    refused_at,
                });
            }
        }
        Ok(out)
    }

    // --- calls ----------------------------------------------------------------------------

    /// The newest `limit` calls of the short-term memory, oldest first.
    pub fn recent_calls(&self, limit: usize) -> Result<Vec<RecentCall>> {
        let mut stmt = self.conn.prepare(
            "SELECT number, time, label, is_contact FROM
                 (SELECT * FROM recent_calls ORDER BY time DESC LIMIT ?1)
             ORDER BY time",
        )?;
        let rows = stmt.query_map([limit as i64], |r| {
            let label: String = r.get(2)?;
            Ok(RecentCall {
                number: r.get(0)?,
                time: r.get(1)?,
                label: Label::from_code(&label).unwrap_or(Label::Unknown),
                is_contact: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records screened calls in one transaction: in the short-term memory always (trimmed to
    /// each call's `keep_recent_ms`), in the history when it is on, and as evidence when asked.
    pub fn record_calls(&mut self, calls: &[CallRecord]) -> Result<()> {
        self.transaction(|tx| {
            // One trim per batch: the short-term memory reaches back from the newest call.
            if let Some(oldest_kept) = calls.iter().map(|c| c.time.saturating_sub(c.keep_recent_ms)).max() {
                tx.prepare_cached("DELETE FROM recent_calls WHERE time < ?1")?.execute([oldest_kept])?;
            }
            for call in calls {
                tx.prepare_cached("INSERT INTO recent_calls (number, time, label, is_contact) VALUES (?1, ?2, ?3, ?4)")?
                    .execute(params![call.number, call.time, call.label.code(), call.is_contact])?;
                if call.history {
                    let reasons: Vec<&str> = call.reasons.iter().map(|r| r.code()).collect();
                    tx.prepare_cached(
                        "INSERT INTO history (time, number, label, action, reasons) VALUES (?1, ?2, ?3, ?4, ?5)",
                    )?
                    .execute(params![call.time, call.number, call.label.code(), call.action.code(), reasons.join(",")])?;
                }
                if call.evidence {
                    insert_evidence(tx, &call.number, call.time, call.label, call.carrier)?;
                }
            }
            Ok(())
        })
    }

    /// Deletes history older than `before`.
    pub fn prune_history(&self, before: i64) -> Result<usize> {
        Ok(self
            .conn
            .execute("DELETE FROM history WHERE time < ?1", [before])?)
    }

    /// The newest `limit` history entries, newest first.
    pub fn history(&self, limit: usize) -> Result<Vec<HistoryEntry>> {
        let mut stmt = self.conn.prepare(
            "SELECT time, number, label, action, reasons FROM history ORDER BY time DESC, id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], |r| {
            let label: String = r.get(2)?;
            let action: String = r.get(3)?;
            let reasons: String = r.get(4)?;
            Ok(HistoryEntry {
                time: r.get(0)?,
                number: r.get(1)?,
                label: Label::from_code(&label).unwrap_or(Label::Unknown),
                action: Action::from_code(&action).unwrap_or(Action::Allow),
                reasons: reasons.split(',').filter_map(Reason::from_code).collect(),
                location: None,
                carrier_hint: None,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Copies a number's recent calls into the evidence, so a report made after the call keeps
    /// the call times 12321 asks for.
    pub fn keep_recent_as_evidence(&self, number: &str) -> Result<()> {
        self.conn.execute(
            "INSERT OR IGNORE INTO evidence_calls (number, time, label, carrier)
             SELECT number, time, label, NULL FROM recent_calls WHERE number = ?1
             UNION SELECT number, time, label, NULL FROM history WHERE number = ?1",
            [number],
        )?;
        Ok(())
    }
}

/// A screened call to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallRecord {
    /// The normalised number.
    pub number: String,
    /// When.
    pub time: i64,
    /// What it was.
    pub label: Label,
    /// What was done.
    pub action: Action,
    /// Why.
    pub reasons: Vec<Reason>,
    /// The caller is a contact.
    pub is_contact: bool,
    /// The carrier involved.
    pub carrier: Option<Carrier>,
    /// Write it to the history.
    pub history: bool,
    /// Keep it as complaint evidence.
    pub evidence: bool,
    /// How far back the short-term memory reaches.
    pub keep_recent_ms: i64,
}

// --- helpers shared with import -------------------------------------------------------------

pub(crate) fn stored_pattern(p: &Pattern) -> &str {
    match p.kind {
        RuleKind::Prefix => p.prefix_digits(),
        _ => &p.text,
    }
}

pub(crate) fn upsert_rule(
    conn: &Connection,
    p: &Pattern,
    effect: RuleEffect,
    note: Option<&str>,
    at: i64,
) -> Result<()> {
    let note = rules::check_note(note)?;
    let sql = match p.kind {
        RuleKind::Exact => {
            "INSERT INTO rules (pattern, kind, effect, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (pattern, kind) DO UPDATE SET effect = excluded.effect,
                 note = COALESCE(excluded.note, rules.note)"
        }
        RuleKind::Prefix | RuleKind::Wildcard => {
            "INSERT INTO pattern_rules (pattern, kind, effect, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (pattern, kind) DO UPDATE SET effect = excluded.effect,
                 note = COALESCE(excluded.note, pattern_rules.note)"
        }
    };
    conn.prepare_cached(sql)?.execute(params![
        stored_pattern(p),
        p.kind.code(),
        effect.code(),
        note,
        at
    ])?;
    Ok(())
}

pub(crate) fn insert_report(conn: &Connection, r: &Report) -> Result<()> {
    let note = rules::check_note(r.note.as_deref())?;
    conn.prepare_cached(
        "INSERT OR IGNORE INTO reports (number, category, source, note, reported_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![r.number, r.category.code(), r.source.code(), note, r.reported_at])?;
    Ok(())
}

pub(crate) fn insert_evidence(
    conn: &Connection,
    number: &str,
    time: i64,
    label: Label,
    carrier: Option<Carrier>,
) -> Result<()> {
    conn.prepare_cached("INSERT OR IGNORE INTO evidence_calls (number, time, label, carrier) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![number, time, label.code(), carrier.map(Carrier::code)])?;
    Ok(())
}

pub(crate) fn save_settings_in(conn: &Connection, settings: &Settings) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?;
    for (key, value) in settings.entries() {
        stmt.execute(params![key, value])?;
    }
    Ok(())
}

fn rule_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Rule> {
    let kind = RuleKind::from_code(&r.get::<_, String>(1)?).unwrap_or(RuleKind::Exact);
    let pattern: String = r.get(0)?;
    Ok(Rule {
        pattern: if kind == RuleKind::Prefix {
            format!("{pattern}*")
        } else {
            pattern
        },
        kind,
        effect: RuleEffect::from_code(&r.get::<_, String>(2)?).unwrap_or(RuleEffect::Block),
        note: r.get(3)?,
        created_at: r.get(4)?,
    })
}

fn report_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Report> {
    Ok(Report {
        number: r.get(0)?,
        category: ReportCategory::from_code(&r.get::<_, String>(1)?)
            .unwrap_or(ReportCategory::Other),
        source: ReportSource::from_code(&r.get::<_, String>(2)?).unwrap_or(ReportSource::List),
        note: r.get(3)?,
        reported_at: r.get(4)?,
    })
}

// --- the connection initializer --------------------------------------------------------------

enum InitError {
    Sql(rusqlite::Error),
    Newer(i64),
}

impl From<rusqlite::Error> for InitError {
    fn from(e: rusqlite::Error) -> Self {
        InitError::Sql(e)
    }
}

impl From<InitError> for Error {
    fn from(e: InitError) -> Self {
        match e {
            InitError::Sql(e) => e.into(),
            InitError::Newer(v) => Error::Storage(format!("the database has a newer schema ({v})")),
        }
    }
}

impl std::fmt::Display for InitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InitError::Sql(e) => write!(f, "{e}"),
            InitError::Newer(v) => write!(f, "schema version {v} is newer than this build"),
        }
    }
}

/// The one place that sets pragmas and brings the schema up to date.
fn init(conn: &Connection) -> std::result::Result<(), InitError> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Reading the header first turns "not a database" into an error here, not mid-call.
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if !(0..=MAX_PLAUSIBLE_VERSION).contains(&version) {
        // No release will ever get there: the header's version bytes are garbage.
        return Err(InitError::Sql(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
            Some(format!("impossible schema version {version}")),
        )));
    }
    if version > schema::CURRENT_VERSION {
        return Err(InitError::Newer(version));
    }
    conn.pragma_update(None, "foreign_keys", true)?;
    // temp_store=2 keeps temporary tables in memory: Android has no writable /tmp for SQLite.
    conn.pragma_update(None, "temp_store", 2)?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if mode != "wal" && mode != "memory" {
        log::warn!("journal mode is {mode}, not WAL");
    }
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // Every write by the call recorder's connection makes this one drop its page cache; with
    // the file memory-mapped, re-reading a page is a memory access, not a read() system call.
    conn.pragma_update(None, "mmap_size", MMAP_BYTES)?;
    for (i, migration) in schema::MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.unchecked_transaction()?;
        tx.execute_batch(migration)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// `SELECT pattern, effect … WHERE pattern IN (?1 … ?n)` over the prefix rules, one statement
/// text per count so each is prepared once and cached.
fn prefix_query(n: usize) -> &'static str {
    static QUERIES: LazyLock<Vec<String>> = LazyLock::new(|| {
        (0..=rules::MAX_PATTERN_LEN + 1)
            .map(|n| {
                let params: Vec<String> = (1..=n.max(1)).map(|i| format!("?{i}")).collect();
                format!(
                    "SELECT pattern, effect FROM pattern_rules WHERE kind = 'prefix' AND pattern IN ({})",
                    params.join(", ")
                )
            })
            .collect()
    });
    &QUERIES[n.min(rules::MAX_PATTERN_LEN + 1)]
}

/// The table a rule of this kind lives in.
fn table_of(kind: RuleKind) -> &'static str {
    match kind {
        RuleKind::Exact => "rules",
        RuleKind::Prefix | RuleKind::Wildcard => "pattern_rules",
    }
}

/// The reads an engine makes when it opens, made inside the corruption check, so a file that
/// is damaged where they look is moved aside rather than failing every open.
fn startup_reads(conn: &Connection) -> rusqlite::Result<()> {
    for sql in [
        "SELECT key, value FROM settings",
        "SELECT number, time, label, is_contact FROM recent_calls ORDER BY time DESC LIMIT 512",
        "SELECT effect FROM rules LIMIT 1",
        "SELECT category, source FROM reports LIMIT 1",
    ] {
        let mut stmt = conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        while rows.next()?.is_some() {}
    }
    Ok(())
}

/// Errors that mean the place is read-only (a read-only mount), not the file damaged.
fn is_read_only_place(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if matches!(f.code, ErrorCode::CannotOpen | ErrorCode::ReadOnly))
}

/// Errors that mean the file is damaged (not locked, not missing, not read-only).
fn is_corruption(e: &InitError) -> bool {
    match e {
        InitError::Sql(rusqlite::Error::SqliteFailure(f, message)) => {
            matches!(f.code, ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt)
                || message.as_deref().is_some_and(|m| {
                    m.contains("unsupported file format") || m.contains("malformed")
                })
        }
        _ => false,
    }
}

/// Moves a corrupt database and its WAL files aside; returns where it went.
fn quarantine(path: &Path) -> Result<PathBuf> {
    let stamp = crate::time::now_ms();
    let aside = PathBuf::from(format!("{}.corrupt-{stamp}", path.display()));
    std::fs::rename(path, &aside).map_err(|e| {
        Error::Storage(format!(
            "cannot move the corrupt database {} aside: {e}",
            path.display()
        ))
    })?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", path.display()));
        if side.exists() {
            let _ = std::fs::rename(&side, format!("{}{suffix}", aside.display()));
        }
    }
    Ok(aside)
}
