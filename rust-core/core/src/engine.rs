//! The engine: one handle on a database that screens calls with everything the user set up, and
//! carries out the user's commands. `Send + Sync`: share it as `Arc<Engine>`. Screening never
//! fails — on any error or panic it answers from the built-in rules and allows the call.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use serde::{Deserialize, Serialize};

use crate::classify::{Knowledge, ReportCategory, RuleEffect};
use crate::decision::{Decision, Label, Severity};
use crate::directory::{Carrier, NumberRole};
use crate::error::{Error, Result};
use crate::number::{mask, parse, NumberKind, Special};
use crate::policy::Settings;
use crate::recent::RecentCalls;
use crate::recorder::Recorder;
use crate::screen::ContactStatus;
use crate::screen::{decide, fail_open, ScreenRequest};
use crate::sms;
use crate::store::evidence::{self, Evidence};
use crate::store::rules::{Pattern, Rule};
use crate::store::transfer::{self, ExportSummary, ImportSummary};
use crate::store::{
    CallRecord, HistoryEntry, OpenNotes, RecentCall, Refusal, Report, ReportSource, Store,
};
use crate::time::now_ms;
use crate::words::Lang;

/// How often (in recorded calls) old history is pruned.
const PRUNE_EVERY: u32 = 256;

/// The most rules one page returns.
const MAX_PAGE: usize = 1000;

/// A page of rules, and how many rules match in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulePage {
    /// How many rules match the filter.
    pub total: u64,
    /// This page of them.
    pub rules: Vec<Rule>,
}

/// The SMS guard's answer for one message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmsVerdict {
    /// The message carries a verification code.
    pub is_code: bool,
    /// The code's length.
    pub code_length: Option<u8>,
    /// The company in 【…】.
    pub sender_name: Option<String>,
    /// The warning to raise, if any.
    pub warning: Option<SmsWarning>,
}

/// A warning about a code that someone may be about to ask for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmsWarning {
    /// One short line.
    pub title: String,
    /// What happened and what to do.
    pub body: String,
    /// `danger` after a risky call, `warning` after any other stranger's call.
    pub severity: Severity,
}

/// CallGuard's engine on one database.
pub struct Engine {
    /// The one connection; the recorder borrows it when screening is idle.
    store: Arc<Mutex<Store>>,
    settings: RwLock<Settings>,
    recent: Mutex<RecentCalls>,
    /// Writes screened calls off the call path.
    recorder: Recorder,
    /// The database file (`None` in memory), for the long operations' own connections.
    path: Option<PathBuf>,
    warnings: Vec<String>,
    /// Calls screened and queued, counted to prune the history every so often.
    recorded: AtomicU32,
}

impl Engine {
    /// Opens the database at `path`, creating it with defaults on first use.
    pub fn open(path: &Path) -> Result<Engine> {
        let mut notes = OpenNotes::default();
        let store = Store::open(path, &mut notes)?;
        Self::from_store(store, Some(path.to_owned()), notes.warnings)
    }

    /// An engine on a private in-memory database.
    pub fn open_in_memory() -> Result<Engine> {
        Self::from_store(Store::open_in_memory()?, None, Vec::new())
    }

    fn from_store(store: Store, path: Option<PathBuf>, warnings: Vec<String>) -> Result<Engine> {
        let settings = store.load_settings()?;
        // The table is trimmed to the window on every write; the newest calls are all we keep.
        let recent = RecentCalls::new(store.recent_calls(crate::recent::MAX_CALLS)?);
        let store = Arc::new(Mutex::new(store));
        let recorder = Recorder::start(store.clone())?;
        let engine = Engine {
            store,
            settings: RwLock::new(settings),
            recent: Mutex::new(recent),
            recorder,
            path,
            warnings,
            recorded: AtomicU32::new(0),
        };
        engine.prune_history();
        Ok(engine)
    }

    /// Problems found on opening (a corrupt database moved aside, …).
    pub fn warnings(&self) -> Vec<String> {
        self.warnings.clone()
    }

    fn store(&self) -> MutexGuard<'_, Store> {
        // A panic while holding the lock leaves a consistent SQLite connection behind (every
        // write is a transaction), so a poisoned lock is safe to take over.
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The current settings.
    pub fn settings(&self) -> Settings {
        self.settings
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// The language to write in: the request's, else the setting's, else the phone's `locale`.
    pub fn language(&self, requested: Option<Lang>, locale: Option<&str>) -> Lang {
        requested.unwrap_or_else(|| Lang::resolve(self.settings().language, locale))
    }

    /// Screens one call and records it. Never fails: on our own error it allows the call.
    pub fn screen(&self, request: &ScreenRequest) -> Decision {
        self.screen_reporting(request).0
    }

    /// Screens and records one call, and says what went wrong, if anything: a failure to decide
    /// (the call was then allowed by the built-in rules). The call is only queued for recording;
    /// [`Engine::flush`] says whether the write succeeded.
    pub fn screen_reporting(&self, request: &ScreenRequest) -> (Decision, Option<String>) {
        self.screen_inner(request, true)
    }

    /// Decides a call exactly as [`Engine::screen`] would, without recording it (bulk
    /// classification, previews).
    pub fn preview(&self, request: &ScreenRequest) -> Decision {
        self.screen_inner(request, false).0
    }

    fn screen_inner(&self, request: &ScreenRequest, record: bool) -> (Decision, Option<String>) {
        let lang = request
            .lang
            .unwrap_or_else(|| Lang::resolve(self.settings().language, None));
        match catch_unwind(AssertUnwindSafe(|| self.try_screen(request, lang, record))) {
            Ok(Ok((decision, problem))) => (decision, problem),
            Ok(Err(e)) => {
                log::error!("screening failed, allowing the call: {e}");
                (
                    fail_open(request, lang),
                    Some(format!("{e}; the call was decided by the built-in rules")),
                )
            }
            Err(_) => {
                log::error!("screening panicked, allowing the call");
                (
                    fail_open(request, lang),
                    Some("internal error; the call was decided by the built-in rules".into()),
                )
            }
        }
    }

    fn try_screen(
        &self,
        request: &ScreenRequest,
        lang: Lang,
        record: bool,
    ) -> Result<(Decision, Option<String>)> {
        let parsed = parse(&request.number);
        let settings = self.settings();
        let time = request.time.unwrap_or_else(now_ms);
        let number = parsed.number.normalized.as_str();
        let knowable = !number.is_empty() && parsed.number.kind != NumberKind::Invalid;
        let store = self.store();
        let mut knowledge = Knowledge::default();
        if knowable {
            knowledge.rule = store.rule_effect(number)?;
            knowledge.report = store.report_summary(number)?;
            if settings.repeated_call_minutes > 0 {
                let window = i64::from(settings.repeated_call_minutes) * 60_000;
                knowledge.repeated =
                    self.recent()
                        .called_between(number, time.saturating_sub(window), time);
            }
        }
        if let Special::Official(c) = parsed.special {
            if c.role == NumberRole::Marketing {
                knowledge.refused_marketing =
                    store.refusal(c.carrier)?.is_some_and(|at| at <= time);
            }
        }
        let decision = decide(request, &parsed, &knowledge, &settings, lang);
        if !record {
            return Ok((decision, None));
        }
        drop(store);
        let evidence = knowledge.refused_marketing && decision.label == Label::CarrierMarketing
            || matches!(decision.label, Label::SuspiciousPlanOffer | Label::Reported)
                && knowledge.report.is_some_and(|r| r.by_user);
        let keep_recent_ms = i64::from(
            settings
                .repeated_call_minutes
                .max(settings.sms_guard_minutes),
        ) * 60_000;
        let call = RecentCall {
            number: number.to_owned(),
            time,
            label: decision.label,
            is_contact: request.contact == ContactStatus::Contact,
        };
        self.recent().remember(call, keep_recent_ms);
        let record = CallRecord {
            number: number.to_owned(),
            time,
            label: decision.label,
            action: decision.action,
            reasons: decision.reasons.clone(),
            is_contact: request.contact == ContactStatus::Contact,
            carrier: decision
                .carrier
                .filter(|_| decision.label == Label::CarrierMarketing),
            history: settings.history_enabled,
            evidence,
            keep_recent_ms,
        };
        log::debug!(
            "screened {} as {} → {}",
            mask(number),
            decision.label,
            decision.action
        );
        // Queued, not written: the decision stands even if the call cannot be recorded (a locked
        // or full database); `flush` reports that.
        self.recorder.record(record);
        self.count_recorded_call();
        Ok((decision, None))
    }

    /// Flushes before a read that must see every call; a failed write was already logged.
    fn flush_quietly(&self) {
        if let Err(e) = self.flush() {
            log::warn!("{e}");
        }
    }

    fn recent(&self) -> MutexGuard<'_, RecentCalls> {
        self.recent.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Waits until every screened call so far is written; says why if a write failed since the
    /// last flush. Reads of history and evidence, imports and exports flush first.
    pub fn flush(&self) -> Result<()> {
        self.recorder.flush()
    }

    fn count_recorded_call(&self) {
        let n = self
            .recorded
            .fetch_add(1, Ordering::Relaxed)
            .wrapping_add(1);
        if n.is_multiple_of(PRUNE_EVERY) {
            self.prune_history();
        }
    }

    /// Asks the recorder to drop history older than `history_days` when screening is idle, so
    /// opening never waits on another process's lock for it.
    fn prune_history(&self) {
        let days = i64::from(self.settings().history_days);
        self.recorder
            .prune(now_ms().saturating_sub(days * 86_400_000));
    }

    /// Reports a number; reports by the user also keep its recent calls as evidence.
    pub fn report(
        &self,
        number: &str,
        category: ReportCategory,
        note: Option<&str>,
        at_ms: i64,
    ) -> Result<()> {
        let number = transfer::reportable_number(number)?;
        // The calls it made must be on disk to be copied into the evidence.
        self.flush_quietly();
        let store = self.store();
        store.add_report(&Report {
            number: number.clone(),
            category,
            source: ReportSource::User,
            note: note.map(str::to_owned),
            reported_at: at_ms,
        })?;
        store.keep_recent_as_evidence(&number)
    }

    /// Adds a block or allow rule (`force` for one that would match every number).
    pub fn add_rule(
        &self,
        pattern: &str,
        effect: RuleEffect,
        note: Option<&str>,
        force: bool,
    ) -> Result<Rule> {
        let pattern = Pattern::parse(pattern, force)?;
        self.store().add_rule(&pattern, effect, note, now_ms())
    }

    /// Removes the rule with this pattern, whatever its effect; true if there was one.
    pub fn remove_rule(&self, pattern: &str) -> Result<bool> {
        let pattern = Pattern::parse(pattern, true)?;
        self.store().remove_rule(&pattern)
    }

    /// Every rule, newest first.
    pub fn rules(&self) -> Result<Vec<Rule>> {
        self.store().rules()
    }

    /// One page of the rules whose pattern starts with `filter` (digits), in pattern order,
    /// with how many match in all. At most 1000 rules a page.
    pub fn rules_page(&self, filter: &str, offset: usize, limit: usize) -> Result<RulePage> {
        let (total, rules) = self
            .store()
            .rules_page(filter, offset, limit.min(MAX_PAGE))?;
        Ok(RulePage { total, rules })
    }

    /// Records that the user told `carrier` to stop marketing, at `at_ms`.
    pub fn refuse_marketing(&self, carrier: Carrier, at_ms: i64) -> Result<Refusal> {
        if carrier.marketing_number().is_none() {
            return Err(Error::InvalidInput(format!(
                "{} has announced no marketing number, so there is nothing to refuse",
                carrier.name_en()
            )));
        }
        self.store().refuse(carrier, at_ms)
    }

    /// Every refusal.
    pub fn refusals(&self) -> Result<Vec<Refusal>> {
        self.store().refusals()
    }

    /// One setting as text.
    pub fn setting(&self, key: &str) -> Result<String> {
        self.settings().get(key)
    }

    /// Changes one setting; an unknown key or bad value changes nothing.
    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        let mut settings = self.settings.write().unwrap_or_else(|p| p.into_inner());
        let mut changed = settings.clone();
        changed.set(key, value)?;
        self.store().save_settings(&changed)?;
        *settings = changed;
        Ok(())
    }

    /// The newest `limit` screened calls, newest first.
    pub fn history(&self, limit: usize) -> Result<Vec<HistoryEntry>> {
        self.flush_quietly();
        self.store().history(limit)
    }

    /// Imports a .csv list or .json backup: all of it or nothing.
    pub fn import_file(&self, path: &Path) -> Result<ImportSummary> {
        self.flush_quietly();
        // A big import takes seconds: on a connection of its own, calls keep being screened
        // (from the state before the import) while it runs.
        let summary = match &self.path {
            Some(db) => transfer::import(&mut Store::connect(db)?, path, now_ms())?,
            None => transfer::import(&mut self.store(), path, now_ms())?,
        };
        self.store().refresh_rules().map_err(Error::from)?;
        let settings = self.store().load_settings()?;
        *self.settings.write().unwrap_or_else(|p| p.into_inner()) = settings;
        Ok(summary)
    }

    /// Exports to a .csv list or a .json backup.
    pub fn export_file(&self, path: &Path) -> Result<ExportSummary> {
        self.flush_quietly();
        match &self.path {
            Some(db) => transfer::export(&Store::connect(db)?, path),
            None => transfer::export(&self.store(), path),
        }
    }

    /// The complaint evidence, worded in `lang`.
    pub fn evidence(&self, lang: Lang) -> Result<Evidence> {
        self.flush_quietly();
        evidence::gather(&self.store(), lang)
    }

    /// Reads an SMS and warns when it carries a code shortly after a call from a stranger.
    pub fn check_sms(&self, sender: &str, body: &str, at_ms: i64, lang: Lang) -> SmsVerdict {
        let code = sms::detect(sender, body);
        let minutes = self.settings().sms_guard_minutes;
        let call = if code.is_code && minutes > 0 {
            let since = at_ms.saturating_sub(i64::from(minutes) * 60_000);
            self.recent().latest_stranger(since, at_ms).cloned()
        } else {
            None
        };
        let warning = call.map(|call| {
            let risky = matches!(
                call.label,
                Label::CarrierLookalike
                    | Label::SuspiciousPlanOffer
                    | Label::Reported
                    | Label::Suspicious
                    | Label::International
                    | Label::CarrierMarketing
                    | Label::Hidden
            );
            let ago = (at_ms.saturating_sub(call.time).max(0) / 60_000).max(1);
            let who = if call.number.is_empty() { lang.pick("隐藏号码", "a hidden number").to_owned() } else { mask(&call.number) };
            let what = crate::words::label(call.label).get(lang);
            SmsWarning {
                title: lang.pick("有人可能会向您索要这个验证码", "Someone may ask you for this code").to_owned(),
                body: match lang {
                    Lang::Zh => format!(
                        "{ago} 分钟前 {who}（{what}）给您来电，现在您收到了验证码。运营商从不索要验证码，不要告诉任何人。"
                    ),
                    Lang::En => format!(
                        "{who} ({what}) called you {ago} min ago, and now a verification code has arrived. Carriers never ask for codes; do not share it."
                    ),
                },
                severity: if risky { Severity::Danger } else { Severity::Warning },
            }
        });
        SmsVerdict {
            is_code: code.is_code,
            code_length: code.code_length,
            sender_name: code.sender_name,
            warning,
        }
    }
}
