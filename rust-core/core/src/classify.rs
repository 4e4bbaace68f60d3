//! The classifier: exactly one label per call, by the precedence of DESIGN §3, with its risk and
//! the reasons behind it. Pure: what the store knows arrives as [`Knowledge`].

use serde::{Deserialize, Serialize};

use crate::decision::{Label, Reason, Risk};
use crate::directory::{Carrier, NumberRole};
use crate::number::{NumberKind, ParsedNumber, Special};

code_enum! {
    /// How Android presented the caller (`TelecomManager.PRESENTATION_*`).
    pub enum Presentation {
        /// The number is shown.
        Allowed = "allowed",
        /// The caller withheld it.
        Restricted = "restricted",
        /// The network does not know it.
        Unknown = "unknown",
        /// A payphone.
        Payphone = "payphone",
        /// Not available.
        Unavailable = "unavailable",
    }
}

code_enum! {
    /// The network's caller-ID verification (`Connection.VERIFICATION_STATUS_*`, API 30+).
    pub enum Verification {
        /// The network did not verify the number.
        NotVerified = "not_verified",
        /// The number passed verification.
        Passed = "passed",
        /// The number failed verification: probably spoofed.
        Failed = "failed",
    }
}

code_enum! {
    /// Why a number was reported (by the user, or by an imported list).
    pub enum ReportCategory {
        /// Offered a phone plan, upgrade, data or points.
        PlanOffer = "plan_offer",
        /// Offered a SIM card.
        SimOffer = "sim_offer",
        /// Pretended to be a carrier.
        CarrierImpersonation = "carrier_impersonation",
        /// Fraud.
        Fraud = "fraud",
        /// Harassment.
        Harassment = "harassment",
        /// Advertising.
        Ads = "ads",
        /// Real-estate sales.
        RealEstate = "real_estate",
        /// Insurance sales.
        Insurance = "insurance",
        /// Loans.
        Loans = "loans",
        /// Deliveries and couriers.
        Delivery = "delivery",
        /// Anything else.
        Other = "other",
    }
}

impl ReportCategory {
    /// The categories that make a number `suspicious_plan_offer` rather than `reported`.
    pub fn is_plan_offer(self) -> bool {
        matches!(
            self,
            Self::PlanOffer | Self::SimOffer | Self::CarrierImpersonation
        )
    }
}

code_enum! {
    /// What a user rule does.
    pub enum RuleEffect {
        /// Reject the call.
        Block = "block",
        /// Let the call ring.
        Allow = "allow",
    }
}

/// All reports against one number, summed up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportSummary {
    /// The category that decides the label: a plan/SIM offer first, then fraud, then the most
    /// reported one.
    pub category: ReportCategory,
    /// How many reports in all.
    pub count: u32,
    /// At least one report came from the user.
    pub by_user: bool,
    /// At least one report came from an imported list.
    pub by_list: bool,
}

impl ReportSummary {
    /// Sums `(category, from_user, count)` rows; `None` when there are none.
    pub fn from_counts(
        rows: impl IntoIterator<Item = (ReportCategory, bool, u32)>,
    ) -> Option<Self> {
        let mut per_category = [0u32; ReportCategory::ALL.len()];
        let (mut by_user, mut by_list, mut total) = (false, false, 0u32);
        for (category, from_user, count) in rows {
            if count == 0 {
                continue;
            }
            per_category[category as usize] = per_category[category as usize].saturating_add(count);
            total = total.saturating_add(count);
            by_user |= from_user;
            by_list |= !from_user;
        }
        let count_of = |c: ReportCategory| per_category[c as usize];
        let category = ReportCategory::ALL
            .iter()
            .copied()
            .filter(|c| count_of(*c) > 0)
            .max_by_key(|c| (c.is_plan_offer(), *c == ReportCategory::Fraud, count_of(*c)))?;
        Some(ReportSummary {
            category,
            count: total,
            by_user,
            by_list,
        })
    }
}

/// What the user's own data says about the caller, looked up by the engine.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Knowledge {
    /// The user rule the number matches, block winning over allow.
    pub rule: Option<RuleEffect>,
    /// Reports against the number.
    pub report: Option<ReportSummary>,
    /// The user refused marketing from the carrier whose marketing number this is.
    pub refused_marketing: bool,
    /// The same number called within the repeated-call window.
    pub repeated: bool,
}

/// What Android says about the call itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallInfo {
    /// How the caller was presented.
    pub presentation: Presentation,
    /// The caller is in the user's contacts.
    pub is_contact: bool,
    /// The network's caller-ID verification, where known.
    pub verification: Option<Verification>,
}

/// The classifier's answer: one label, its risk and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    /// What the call is.
    pub label: Label,
    /// The carrier involved, if any.
    pub carrier: Option<Carrier>,
    /// The report category behind `reported` / `suspicious_plan_offer`.
    pub category: Option<ReportCategory>,
    /// How many reports stand against the number (0 unless reported).
    pub report_count: u32,
    /// How dangerous the caller probably is.
    pub risk: Risk,
    /// Why.
    pub reasons: Vec<Reason>,
}

/// Labels one call.
pub fn classify(parsed: &ParsedNumber, call: &CallInfo, knowledge: &Knowledge) -> Classification {
    let mut reasons = parsed.notes.clone();
    let mut carrier = None;
    let mut category = None;
    let label = if call.presentation != Presentation::Allowed {
        reasons.push(Reason::PresentationRestricted);
        Label::Hidden
    } else if parsed.number.kind == NumberKind::Hidden {
        reasons.push(Reason::NoNumber);
        Label::Hidden
    } else {
        match by_number(parsed, call, &mut reasons, &mut carrier) {
            Some(label) => label,
            None => by_knowledge(parsed, call, knowledge, &mut reasons, &mut category),
        }
    };
    match call.verification {
        Some(Verification::Passed) => reasons.push(Reason::CallerVerified),
        Some(Verification::Failed) if !reasons.contains(&Reason::CallerVerificationFailed) => {
            reasons.push(Reason::CallerVerificationFailed)
        }
        _ => {}
    }
    let risk = risk_of(label, category);
    let report_count = if category.is_some() {
        knowledge.report.map_or(0, |r| r.count)
    } else {
        0
    };
    Classification {
        label,
        carrier,
        category,
        report_count,
        risk,
        reasons,
    }
}

/// The labels that the number alone decides: emergency, public service, carrier, look-alike.
fn by_number(
    parsed: &ParsedNumber,
    call: &CallInfo,
    reasons: &mut Vec<Reason>,
    carrier: &mut Option<Carrier>,
) -> Option<Label> {
    let (label, reason) = match parsed.special {
        Special::Emergency => (Label::Emergency, Reason::EmergencyNumber),
        Special::PublicService => (Label::PublicService, Reason::PublicServiceNumber),
        Special::AntiFraudLine => (Label::PublicService, Reason::AntiFraudLine),
        // A carrier number that the network says is spoofed must never be called official.
        Special::Official(c) if call.verification == Some(Verification::Failed) => {
            *carrier = Some(c.carrier);
            (Label::CarrierLookalike, Reason::CallerVerificationFailed)
        }
        Special::Official(c) => {
            *carrier = Some(c.carrier);
            match c.role {
                NumberRole::Hotline => (Label::CarrierHotline, Reason::OfficialHotlineNumber),
                NumberRole::Marketing => (Label::CarrierMarketing, Reason::OfficialMarketingNumber),
            }
        }
        Special::Lookalike(c, why) => {
            *carrier = Some(c);
            (Label::CarrierLookalike, why)
        }
        _ => return None,
    };
    reasons.push(reason);
    Some(label)
}

/// The labels that depend on the user's data, then the number's range.
fn by_knowledge(
    parsed: &ParsedNumber,
    call: &CallInfo,
    knowledge: &Knowledge,
    reasons: &mut Vec<Reason>,
    category: &mut Option<ReportCategory>,
) -> Label {
    if call.is_contact {
        reasons.push(Reason::InContacts);
        return Label::Contact;
    }
    if let Some(effect) = knowledge.rule {
        reasons.push(Reason::UserRule);
        return match effect {
            RuleEffect::Block => Label::UserBlocked,
            RuleEffect::Allow => Label::UserAllowed,
        };
    }
    if let Some(report) = knowledge.report {
        if report.by_user {
            reasons.push(Reason::ReportedByUser);
        }
        if report.by_list {
            reasons.push(Reason::ReportedByList);
        }
        *category = Some(report.category);
        return if report.category.is_plan_offer() {
            Label::SuspiciousPlanOffer
        } else {
            Label::Reported
        };
    }
    let by_range = match (parsed.number.kind, parsed.special) {
        (NumberKind::International, _) => return Label::International,
        (NumberKind::SharedCost | NumberKind::TollFree, _) => {
            (Label::Suspicious, Reason::InboundOnlyNumber)
        }
        (NumberKind::SmsPort, _) => (Label::Suspicious, Reason::SmsOnlyPort),
        (NumberKind::Iot, _) => (Label::Suspicious, Reason::IotNumber),
        (_, Special::CallCentre95) => (Label::Suspicious, Reason::CallCentre95),
        (_, Special::ServiceLine95) => (Label::ServiceNumber, Reason::ServiceLine95),
        (_, Special::MvnoServiceLine) => (Label::ServiceNumber, Reason::MvnoServiceLine),
        (NumberKind::Invalid, _) => (Label::Unknown, Reason::InvalidNumber),
        _ => return Label::Unknown,
    };
    reasons.push(by_range.1);
    by_range.0
}

/// The risk of each label (DESIGN §3); fraud reports are high.
fn risk_of(label: Label, category: Option<ReportCategory>) -> Risk {
    match label {
        Label::Emergency | Label::PublicService | Label::Contact | Label::UserAllowed => Risk::None,
        Label::CarrierHotline | Label::CarrierMarketing | Label::ServiceNumber | Label::Unknown => {
            Risk::Low
        }
        Label::Reported if category == Some(ReportCategory::Fraud) => Risk::High,
        Label::Hidden | Label::Reported | Label::International | Label::Suspicious => Risk::Medium,
        Label::CarrierLookalike | Label::UserBlocked | Label::SuspiciousPlanOffer => Risk::High,
    }
}
