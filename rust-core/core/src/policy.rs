//! The policy: the user's settings (DESIGN §4) and the pure function from a classification to
//! what Android should do — allow, silence or reject, and whether to skip the log and notification.

use serde::{Deserialize, Serialize};

use crate::classify::{Classification, Knowledge, RuleEffect};
use crate::decision::{Action, Label, Reason};
use crate::error::Error;
use crate::screen::ContactStatus;

code_enum! {
    /// The language the user picked for banners and evidence.
    pub enum LanguageSetting {
        /// Follow the phone.
        Auto = "auto",
        /// Simplified Chinese.
        Zh = "zh",
        /// English.
        En = "en",
    }
}

code_enum! {
    /// What happens to calls from a carrier's marketing number after the user refused marketing.
    pub enum RefusalAction {
        /// Keep the call but do not ring.
        Silence = "silence",
        /// Reject it.
        Reject = "reject",
    }
}

/// Everything the user can change, with the defaults of DESIGN §4: every call rings except
/// numbers the user blocked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Reject carrier look-alikes.
    pub block_lookalike: bool,
    /// Reject reported numbers (plan/SIM offers included).
    pub block_reported: bool,
    /// Reject calls from abroad.
    pub block_international: bool,
    /// Reject hidden numbers.
    pub block_hidden: bool,
    /// Reject suspicious ranges (400/800, call-centre 95, 106, IoT).
    pub block_suspicious: bool,
    /// Strict mode: reject everyone a contacts lookup did not find (and no rule allows). A caller
    /// whose contact status is unknown is never rejected by it.
    pub block_non_contacts: bool,
    /// What to do with a carrier's marketing calls after the user refused them.
    pub after_refusal_action: RefusalAction,
    /// A second call within this many minutes passes a category block (0 = off).
    pub repeated_call_minutes: u32,
    /// Show a banner for unknown numbers and service lines too.
    pub banner_for_unknown: bool,
    /// Banner and evidence language.
    pub language: LanguageSetting,
    /// Show no missed-call notification for rejected calls.
    pub skip_notification_on_reject: bool,
    /// Ask the platform to keep rejected calls out of its call log. Android honours this only for
    /// the carrier's screening app (CallResponse.Builder.setSkipCallLog: "Only the carrier and
    /// system call screening apps can use this parameter"); any other app's rejected calls are
    /// logged as blocked whatever it asks, so the Android app neither offers nor sends it. Kept
    /// for backups and for platforms that honour it.
    pub skip_call_log_on_reject: bool,
    /// Protection paused: everything rings.
    pub paused: bool,
    /// Keep a history of screened calls.
    pub history_enabled: bool,
    /// How many days of history to keep.
    pub history_days: u32,
    /// Warn about a code SMS arriving this many minutes after a risky call (0 = off).
    pub sms_guard_minutes: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            block_lookalike: false,
            block_reported: false,
            block_international: false,
            block_hidden: false,
            block_suspicious: false,
            block_non_contacts: false,
            after_refusal_action: RefusalAction::Silence,
            repeated_call_minutes: 3,
            banner_for_unknown: true,
            language: LanguageSetting::Auto,
            skip_notification_on_reject: true,
            skip_call_log_on_reject: false,
            paused: false,
            history_enabled: true,
            history_days: 90,
            sms_guard_minutes: 10,
        }
    }
}

/// The inclusive bounds of the numeric settings.
const NUMERIC_BOUNDS: [(&str, u32, u32); 3] = [
    ("repeated_call_minutes", 0, 60),
    ("history_days", 1, 3650),
    ("sms_guard_minutes", 0, 120),
];

impl Settings {
    /// Every key, in the order `settings list` shows them.
    pub const KEYS: [&'static str; 16] = [
        "block_lookalike",
        "block_reported",
        "block_international",
        "block_hidden",
        "block_suspicious",
        "block_non_contacts",
        "after_refusal_action",
        "repeated_call_minutes",
        "banner_for_unknown",
        "language",
        "skip_notification_on_reject",
        "skip_call_log_on_reject",
        "paused",
        "history_enabled",
        "history_days",
        "sms_guard_minutes",
    ];

    /// Every key with its value as text, in [`Settings::KEYS`] order.
    pub fn entries(&self) -> Vec<(&'static str, String)> {
        let json = serde_json::to_value(self).unwrap_or_default();
        Self::KEYS
            .iter()
            .map(|k| (*k, text_of(&json[*k])))
            .collect()
    }

    /// The value of `key` as text.
    pub fn get(&self, key: &str) -> Result<String, Error> {
        let key = Self::known_key(key)?;
        Ok(text_of(
            &serde_json::to_value(self).unwrap_or_default()[key],
        ))
    }

    /// Sets `key` from its text form; an unknown key or a bad value changes nothing.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), Error> {
        let key = Self::known_key(key)?;
        let mut json =
            serde_json::to_value(&*self).map_err(|e| Error::InvalidInput(e.to_string()))?;
        let current = &json[key];
        let new = if current.is_boolean() {
            serde_json::Value::Bool(parse_bool(value).ok_or_else(|| {
                Error::InvalidInput(format!("{key} takes true or false, not {value:?}"))
            })?)
        } else if current.is_number() {
            let (_, min, max) = NUMERIC_BOUNDS
                .iter()
                .find(|(k, _, _)| *k == key)
                .copied()
                .unwrap_or((key, 0, 0));
            match value.trim().parse::<u32>() {
                Ok(n) if (min..=max).contains(&n) => serde_json::Value::from(n),
                _ => {
                    return Err(Error::InvalidInput(format!(
                        "{key} takes a whole number from {min} to {max}, not {value:?}"
                    )))
                }
            }
        } else {
            serde_json::Value::String(value.trim().to_owned())
        };
        json[key] = new;
        *self = serde_json::from_value(json).map_err(|_| {
            let choices = match key {
                "language" => "auto, zh or en",
                _ => "silence or reject",
            };
            Error::InvalidInput(format!("{key} takes {choices}, not {value:?}"))
        })?;
        Ok(())
    }

    fn known_key(key: &str) -> Result<&'static str, Error> {
        Self::KEYS
            .iter()
            .copied()
            .find(|k| *k == key)
            .ok_or_else(|| {
                Error::InvalidInput(format!(
                    "unknown setting {key:?}; known: {}",
                    Self::KEYS.join(", ")
                ))
            })
    }
}

fn text_of(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn parse_bool(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "on" | "yes" | "1" => Some(true),
        "false" | "off" | "no" | "0" => Some(false),
        _ => None,
    }
}

/// What to do with the call, and the reasons the policy added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// Allow, silence or reject.
    pub action: Action,
    /// Keep the call out of the call log.
    pub skip_call_log: bool,
    /// Show no missed-call notification.
    pub skip_notification: bool,
    /// Reasons to add to the classification's.
    pub reasons: Vec<Reason>,
}

/// Decides the action for a classified call. Emergency and public-service calls always ring.
pub fn decide(c: &Classification, contact: ContactStatus, k: &Knowledge, s: &Settings) -> Verdict {
    let (action, reason) = action_for(c, contact, k, s);
    let reasons = reason
        .into_iter()
        .filter(|r| !c.reasons.contains(r))
        .collect();
    let rejected = action == Action::Reject;
    Verdict {
        action,
        skip_call_log: rejected && s.skip_call_log_on_reject,
        skip_notification: rejected && s.skip_notification_on_reject,
        reasons,
    }
}

fn action_for(
    c: &Classification,
    contact: ContactStatus,
    k: &Knowledge,
    s: &Settings,
) -> (Action, Option<Reason>) {
    if c.label.is_never_blocked() {
        return (Action::Allow, Some(Reason::NeverBlock));
    }
    if s.paused {
        return (Action::Allow, Some(Reason::ProtectionPaused));
    }
    // User rules change the action for every other label, contacts and carriers included.
    match k.rule {
        Some(RuleEffect::Block) => return (Action::Reject, Some(Reason::UserRule)),
        Some(RuleEffect::Allow) => return (Action::Allow, Some(Reason::UserRule)),
        None => {}
    }
    if c.label == Label::CarrierMarketing && k.refused_marketing {
        let action = match s.after_refusal_action {
            RefusalAction::Silence => Action::Silence,
            RefusalAction::Reject => Action::Reject,
        };
        return (action, Some(Reason::RefusedMarketing));
    }
    if c.label == Label::Contact {
        return (Action::Allow, None);
    }
    let category_block = match c.label {
        Label::CarrierLookalike => s.block_lookalike,
        Label::SuspiciousPlanOffer | Label::Reported => s.block_reported,
        Label::International => s.block_international,
        Label::Hidden => s.block_hidden,
        Label::Suspicious => s.block_suspicious,
        _ => false,
    };
    let block = if category_block {
        Some(Reason::BlockedBySetting)
    } else if s.block_non_contacts {
        match contact {
            ContactStatus::NotContact => Some(Reason::StrictMode),
            // Nobody could tell whether this is a contact: strict mode must not guess.
            ContactStatus::Unknown => return (Action::Allow, Some(Reason::ContactsUnknown)),
            ContactStatus::Contact => None,
        }
    } else {
        None
    };
    match block {
        // Someone calling again at once may really need the user; a category block lets them through.
        Some(_) if k.repeated && s.repeated_call_minutes > 0 => {
            (Action::Allow, Some(Reason::RepeatedCallPassthrough))
        }
        Some(reason) => (Action::Reject, Some(reason)),
        None => (Action::Allow, None),
    }
}
