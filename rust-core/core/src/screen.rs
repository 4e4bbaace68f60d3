//! Screening one call, without storage: the request Android sends, and the pure function that
//! turns it — with what the store knows — into a [`Decision`]. Also the fail-open decision.

use serde::{Deserialize, Serialize};

use crate::banner;
use crate::classify::{classify, CallInfo, Knowledge, Presentation, Verification};
use crate::decision::{Action, Decision, Label, Reason, Risk};
use crate::location;
use crate::number::{parse, ParsedNumber};
use crate::policy::{decide as policy_decide, Settings};
use crate::words::Lang;

code_enum! {
    /// Whether the caller is in the user's contacts, as far as the phone could tell. Only a
    /// lookup that ran and answered says `not_contact`: strict mode rejects that, never
    /// `unknown` (no permission to read the contacts, a failed lookup, an old client).
    pub enum ContactStatus {
        /// A contacts lookup ran and found the caller.
        Contact = "contact",
        /// A contacts lookup ran and did not find the caller.
        NotContact = "not_contact",
        /// No lookup ran, or it failed: nobody knows.
        Unknown = "unknown",
    }
}

impl ContactStatus {
    /// `Contact` for true, `NotContact` for false: for callers whose lookup answered.
    pub fn known(is_contact: bool) -> Self {
        if is_contact {
            ContactStatus::Contact
        } else {
            ContactStatus::NotContact
        }
    }
}

/// What Android knows about an incoming call (DESIGN §6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScreenRequest {
    /// The number as presented; may be empty.
    pub number: String,
    /// How it was presented.
    pub presentation: Presentation,
    /// Whether the caller is in the user's contacts; `unknown` when the request does not say.
    pub contact: ContactStatus,
    /// When the call arrived, in milliseconds since the epoch; now if absent.
    pub time: Option<i64>,
    /// The network's caller-ID verification, where known.
    pub verification: Option<Verification>,
    /// The language for the banner; the user's setting if absent.
    pub lang: Option<Lang>,
}

impl Default for ScreenRequest {
    fn default() -> Self {
        ScreenRequest {
            number: String::new(),
            presentation: Presentation::Allowed,
            contact: ContactStatus::Unknown,
            time: None,
            verification: None,
            lang: None,
        }
    }
}

impl ScreenRequest {
    /// A request for `number`, presented normally, now; nobody looked it up in the contacts.
    pub fn number(number: impl Into<String>) -> Self {
        ScreenRequest {
            number: number.into(),
            ..Self::default()
        }
    }

    /// What the classifier needs from the request.
    pub fn call_info(&self) -> CallInfo {
        CallInfo {
            presentation: self.presentation,
            is_contact: self.contact == ContactStatus::Contact,
            verification: self.verification,
        }
    }
}

/// Decides a call from its parsed number, the store's knowledge and the settings.
pub fn decide(
    request: &ScreenRequest,
    parsed: &ParsedNumber,
    knowledge: &Knowledge,
    settings: &Settings,
    lang: Lang,
) -> Decision {
    let call = request.call_info();
    let classification = classify(parsed, &call, knowledge);
    let verdict = policy_decide(&classification, request.contact, knowledge, settings);
    // Where the number is from depends on the language, so it is filled in here, after the label.
    let mut number = parsed.number.clone();
    location::locate(&mut number, lang);
    let banner = banner::banner(&classification, &number, lang, settings.banner_for_unknown);
    let mut reasons = classification.reasons;
    reasons.extend(verdict.reasons);
    Decision {
        number,
        label: classification.label,
        carrier: classification.carrier,
        category: classification.category.map(|c| c.code().to_owned()),
        risk: classification.risk,
        reasons,
        action: verdict.action,
        skip_call_log: verdict.skip_call_log,
        skip_notification: verdict.skip_notification,
        banner,
    }
}

/// Decides by the built-in rules alone: no user data, default settings. What a call gets when
/// there is no store yet.
pub fn decide_builtin(request: &ScreenRequest, lang: Lang) -> Decision {
    decide(
        request,
        &parse(&request.number),
        &Knowledge::default(),
        &Settings::default(),
        lang,
    )
}

/// The decision when our own code failed: the built-in rules' label and banner, but always
/// `allow`, with the reason `fail_open`. A call is never rejected because of our fault.
pub fn fail_open(request: &ScreenRequest, lang: Lang) -> Decision {
    let attempt = std::panic::catch_unwind(|| decide_builtin(request, lang));
    let mut decision = attempt.unwrap_or_else(|_| minimal(request));
    decision.action = Action::Allow;
    decision.skip_call_log = false;
    decision.skip_notification = false;
    if !decision.reasons.contains(&Reason::FailOpen) {
        decision.reasons.push(Reason::FailOpen);
    }
    decision
}

/// A decision that needs no parsing at all, for when even the built-in rules failed.
fn minimal(request: &ScreenRequest) -> Decision {
    Decision {
        number: crate::number::Number {
            raw: request.number.chars().take(256).collect(),
            normalized: String::new(),
            e164: None,
            kind: crate::number::NumberKind::Invalid,
            country_code: None,
            area_code: None,
            carrier_hint: None,
            location: None,
            masked: crate::number::mask(&crate::number::display_digits(&request.number)),
        },
        label: Label::Unknown,
        carrier: None,
        category: None,
        risk: Risk::Low,
        reasons: Vec::new(),
        action: Action::Allow,
        skip_call_log: false,
        skip_notification: false,
        banner: None,
    }
}
