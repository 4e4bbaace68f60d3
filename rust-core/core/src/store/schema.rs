//! The schema as forward migrations keyed on `PRAGMA user_version`: a database at version N runs
//! migrations N+1.. in one transaction each, keeping its data. Never edit a released migration;
//! add a new one.

/// The migrations, in order; migration `i` brings a database to version `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: settings, rules, reports, refusals, history.
    "CREATE TABLE settings (
         key   TEXT PRIMARY KEY,
         value TEXT NOT NULL
     ) WITHOUT ROWID;
     CREATE TABLE rules (
         pattern    TEXT NOT NULL,
         kind       TEXT NOT NULL CHECK (kind IN ('exact', 'prefix', 'wildcard')),
         effect     TEXT NOT NULL CHECK (effect IN ('block', 'allow')),
         note       TEXT,
         created_at INTEGER NOT NULL,
         PRIMARY KEY (pattern, kind)
     ) WITHOUT ROWID;
     CREATE TABLE reports (
         id          INTEGER PRIMARY KEY,
         number      TEXT NOT NULL,
         category    TEXT NOT NULL,
         source      TEXT NOT NULL CHECK (source IN ('user', 'list')),
         note        TEXT,
         reported_at INTEGER NOT NULL
     );
     CREATE INDEX reports_by_number ON reports (number);
     CREATE TABLE refusals (
         carrier    TEXT PRIMARY KEY,
         refused_at INTEGER NOT NULL
     ) WITHOUT ROWID;
     CREATE TABLE history (
         id      INTEGER PRIMARY KEY,
         time    INTEGER NOT NULL,
         number  TEXT NOT NULL,
         label   TEXT NOT NULL,
         action  TEXT NOT NULL,
         reasons TEXT NOT NULL
     );
     CREATE INDEX history_by_time ON history (time);",
    // 2: short-term call memory for repeated-call passthrough and the SMS guard, complaint
    // evidence kept apart from the (optional) history, and idempotent re-imports of reports.
    "CREATE INDEX history_by_number ON history (number, time);
     CREATE TABLE recent_calls (
         number     TEXT NOT NULL,
         time       INTEGER NOT NULL,
         label      TEXT NOT NULL,
         is_contact INTEGER NOT NULL
     );
     CREATE INDEX recent_calls_by_number ON recent_calls (number, time);
     CREATE INDEX recent_calls_by_time ON recent_calls (time);
     CREATE TABLE evidence_calls (
         number  TEXT NOT NULL,
         time    INTEGER NOT NULL,
         label   TEXT NOT NULL,
         carrier TEXT,
         PRIMARY KEY (number, time)
     ) WITHOUT ROWID;
     CREATE INDEX evidence_calls_by_carrier ON evidence_calls (carrier, time);
     DELETE FROM reports WHERE id NOT IN (
         SELECT MIN(id) FROM reports GROUP BY number, category, source, reported_at);
     CREATE UNIQUE INDEX reports_unique ON reports (number, category, source, reported_at);",
    // 3: prefix and wildcard rules move to a small table of their own, so opening the database
    // reads them without touching the million exact rules, and a call probes only the prefix
    // lengths that exist.
    "CREATE TABLE pattern_rules (
         pattern    TEXT NOT NULL,
         kind       TEXT NOT NULL CHECK (kind IN ('prefix', 'wildcard')),
         effect     TEXT NOT NULL CHECK (effect IN ('block', 'allow')),
         note       TEXT,
         created_at INTEGER NOT NULL,
         PRIMARY KEY (pattern, kind)
     ) WITHOUT ROWID;
     CREATE INDEX pattern_rules_by_length ON pattern_rules (kind, length(pattern));
     INSERT INTO pattern_rules (pattern, kind, effect, note, created_at)
         SELECT pattern, kind, effect, note, created_at FROM rules WHERE kind <> 'exact';
     DELETE FROM rules WHERE kind <> 'exact';",
];

/// The schema version this build writes.
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;
