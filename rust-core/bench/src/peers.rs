//! The peers' approaches to the same question — "does a user rule match this number?" — built
//! faithfully on the same data, so one run can compare them with CallGuard's. Each answers only
//! the rule lookup (less work than CallGuard's full decision), which favours the peers.
//!
//! - SpamBlocker (Kotlin): on every call, reads its number rules from SQLite and compiles each
//!   rule's regex again before matching.
//! - YACB (Yet Another Call Blocker): stores patterns with SQL wildcards and asks SQLite
//!   `WHERE ? LIKE pattern`, which no index can serve: a scan of every rule per call.
//! - Saracroche: keeps its blocked prefixes in a list and walks it with `startsWith`.

use std::path::Path;

use regex::Regex;
use rusqlite::{Connection, OptionalExtension};

/// SpamBlocker's approach: reload the pattern rules and compile their regexes on every call.
pub struct PerCallRegex {
    conn: Connection,
}

impl PerCallRegex {
    /// Opens the CallGuard database the data set was built in.
    pub fn open(db: &Path) -> rusqlite::Result<Self> {
        Ok(PerCallRegex {
            conn: Connection::open(db)?,
        })
    }

    /// Whether a rule blocks `number`: exact rules by query (SpamBlocker keeps those as regexes
    /// too; we spare it that), then every prefix and wildcard rule reloaded and compiled.
    pub fn blocks(&self, number: &str) -> rusqlite::Result<bool> {
        let exact: Option<String> = self
            .conn
            .prepare_cached("SELECT effect FROM rules WHERE pattern = ?1")?
            .query_row([number], |r| r.get(0))
            .optional()?;
        if let Some(effect) = exact {
            return Ok(effect == "block");
        }
        let mut stmt = self
            .conn
            .prepare("SELECT pattern, kind, effect FROM pattern_rules")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let pattern: String = row.get(0)?;
            let regex = match row.get::<_, String>(1)?.as_str() {
                "prefix" => format!("^{}", regex::escape(pattern.trim_end_matches('*'))),
                _ => format!(
                    "^{}$",
                    regex::escape(&pattern)
                        .replace("\\?", "\\d")
                        .replace("\\*", ".*")
                ),
            };
            if Regex::new(&regex).is_ok_and(|r| r.is_match(number)) {
                return Ok(row.get::<_, String>(2)? == "block");
            }
        }
        Ok(false)
    }
}

/// YACB's approach: every rule as a SQL LIKE pattern, matched by a scan.
pub struct LikeScan {
    conn: Connection,
}

impl LikeScan {
    /// Copies every rule of the CallGuard database into a YACB-style table of LIKE patterns.
    pub fn build(db: &Path, scratch: &Path) -> rusqlite::Result<Self> {
        let _ = std::fs::remove_file(scratch);
        let conn = Connection::open(scratch)?;
        conn.execute_batch(&format!(
            "ATTACH DATABASE '{}' AS cg;
             CREATE TABLE blacklist (pattern TEXT NOT NULL, allow INTEGER NOT NULL);
             INSERT INTO blacklist SELECT pattern, effect = 'allow' FROM cg.rules;
             INSERT INTO blacklist SELECT replace(replace(pattern, '?', '_'), '*', '%') ||
                 CASE kind WHEN 'prefix' THEN '%' ELSE '' END, effect = 'allow' FROM cg.pattern_rules;
             DETACH DATABASE cg;",
            db.display().to_string().replace('\'', "''")
        ))?;
        Ok(LikeScan { conn })
    }

    /// Whether a rule blocks `number`.
    pub fn blocks(&self, number: &str) -> rusqlite::Result<bool> {
        let allow: Option<bool> = self
            .conn
            .prepare_cached("SELECT allow FROM blacklist WHERE ?1 LIKE pattern LIMIT 1")?
            .query_row([number], |r| r.get(0))
            .optional()?;
        Ok(allow == Some(false))
    }
}

/// Saracroche's approach: all rules as prefixes in one list, walked in order.
pub struct LinearPrefixScan {
    prefixes: Vec<(String, bool)>,
}

impl LinearPrefixScan {
    /// Loads every rule as a prefix (an exact number is a prefix of its full length; a wildcard
    /// contributes the digits before its first `?`, as a prefix list can hold nothing finer).
    pub fn load(db: &Path) -> rusqlite::Result<Self> {
        let conn = Connection::open(db)?;
        let mut prefixes = Vec::new();
        let mut stmt = conn.prepare(
            "SELECT pattern, effect FROM rules UNION ALL SELECT pattern, effect FROM pattern_rules",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let pattern: String = row.get(0)?;
            let literal = pattern.split(['?', '*']).next().unwrap_or("").to_owned();
            prefixes.push((literal, row.get::<_, String>(1)? == "block"));
        }
        Ok(LinearPrefixScan { prefixes })
    }

    /// Whether a rule blocks `number`: the first prefix in the list that matches decides.
    pub fn blocks(&self, number: &str) -> bool {
        self.prefixes
            .iter()
            .find(|(p, _)| number.starts_with(p.as_str()))
            .is_some_and(|(_, block)| *block)
    }
}
