//! The vocabulary every part shares: labels, reasons, risks, actions, and the decision object
//! of DESIGN §6 that the CLI prints and the JNI bridge hands to Kotlin.
//!
//! Keep in sync with the Kotlin enums in `android/bridge/src/main/kotlin/org/callguard/bridge/Model.kt`:
//! every snake_case code here must decode there.

use serde::{Deserialize, Serialize};

use crate::directory::Carrier;
use crate::number::Number;

code_enum! {
    /// What a call is: exactly one per call, chosen by the precedence of DESIGN §3.
    pub enum Label {
        /// Presentation not allowed, or no number at all.
        Hidden = "hidden",
        /// 110 119 120 122 112 999.
        Emergency = "emergency",
        /// Five-digit 12xxx lines and the 96110 anti-fraud line.
        PublicService = "public_service",
        /// Exactly 10000, 10086, 10010 or 10099.
        CarrierHotline = "carrier_hotline",
        /// Exactly 10001, 10085 or 10016.
        CarrierMarketing = "carrier_marketing",
        /// Looks like a carrier number but is not one of the seven exactly.
        CarrierLookalike = "carrier_lookalike",
        /// In the user's contacts.
        Contact = "contact",
        /// Matches a user block rule.
        UserBlocked = "user_blocked",
        /// Matches a user allow rule.
        UserAllowed = "user_allowed",
        /// Reported as offering a plan, SIM card, upgrade, data or points.
        SuspiciousPlanOffer = "suspicious_plan_offer",
        /// Reported in another category.
        Reported = "reported",
        /// A country code other than 86.
        International = "international",
        /// Inbound-only 400/800, call-centre 95, 106 SMS port, IoT number.
        Suspicious = "suspicious",
        /// A company's 95 service line or an MVNO's customer-service line.
        ServiceNumber = "service_number",
        /// Anything else.
        Unknown = "unknown",
    }
}

impl Label {
    /// Emergency and public-service calls are never silenced or rejected, whatever the settings.
    pub fn is_never_blocked(self) -> bool {
        matches!(self, Label::Emergency | Label::PublicService)
    }

    /// Labels whose banner must warn never to share a verification code (DESIGN §5).
    pub fn needs_code_warning(self) -> bool {
        matches!(
            self,
            Label::CarrierHotline
                | Label::CarrierMarketing
                | Label::CarrierLookalike
                | Label::SuspiciousPlanOffer
                | Label::Reported
                | Label::International
                | Label::Suspicious
                | Label::Hidden
        )
    }
}

code_enum! {
    /// Why a decision came out as it did: stable snake_case codes, several per decision.
    pub enum Reason {
        /// Presentation was restricted, unknown, payphone or unavailable.
        PresentationRestricted = "presentation_restricted",
        /// No number was presented.
        NoNumber = "no_number",
        /// The string could not be read as a phone number.
        InvalidNumber = "invalid_number",
        /// An emergency number.
        EmergencyNumber = "emergency_number",
        /// A 12xxx public-service line.
        PublicServiceNumber = "public_service_number",
        /// The 96110 police anti-fraud line, with or without an area code.
        AntiFraudLine = "anti_fraud_line",
        /// One of the three official marketing numbers.
        OfficialMarketingNumber = "official_marketing_number",
        /// One of the four carrier hotlines.
        OfficialHotlineNumber = "official_hotline_number",
        /// "+86", "0086" or a bare "86" was removed.
        CountryPrefixStripped = "country_prefix_stripped",
        /// An IP-dialling prefix (12593, 17951, 179xx, 10193) was removed.
        IpPrefixStripped = "ip_prefix_stripped",
        /// A carrier code followed by more digits (100861, 10086999).
        ExtraDigitsAfterCarrierCode = "extra_digits_after_carrier_code",
        /// A carrier code behind an area code or a leading 0 (01010086, 010016).
        AreaCodeBeforeCarrierCode = "area_code_before_carrier_code",
        /// A carrier code behind an IP-dialling or other prefix (17951 10086).
        PrefixBeforeCarrierCode = "prefix_before_carrier_code",
        /// A carrier code behind a foreign country code (+44 10086).
        ForeignCountryCode = "foreign_country_code",
        /// A 400/800 number, which only receives calls.
        InboundOnlyNumber = "inbound_only_number",
        /// A 106 SMS port, which never places voice calls.
        SmsOnlyPort = "sms_only_port",
        /// A 95 number of a call-centre range.
        CallCentre95 = "call_centre_95",
        /// A 953/955/956 company service line.
        ServiceLine95 = "service_line_95",
        /// A 1002x–1006x MVNO customer-service line.
        MvnoServiceLine = "mvno_service_line",
        /// A data-only IoT number.
        IotNumber = "iot_number",
        /// A mobile number in a virtual-operator range.
        MvnoRange = "mvno_range",
        /// A mobile number in a satellite range.
        SatelliteRange = "satellite_range",
        /// The caller is in the user's contacts.
        InContacts = "in_contacts",
        /// The user reported this number.
        ReportedByUser = "reported_by_user",
        /// An imported list reported this number.
        ReportedByList = "reported_by_list",
        /// A user rule matched.
        UserRule = "user_rule",
        /// The user told this carrier to stop marketing.
        RefusedMarketing = "refused_marketing",
        /// A second call inside the repeated-call window passed a category block.
        RepeatedCallPassthrough = "repeated_call_passthrough",
        /// The label may never be silenced or rejected.
        NeverBlock = "never_block",
        /// A category block in the settings applied.
        BlockedBySetting = "blocked_by_setting",
        /// Strict mode: every non-contact is blocked.
        StrictMode = "strict_mode",
        /// Strict mode is on, but nobody could tell whether the caller is a contact: the call rings.
        ContactsUnknown = "contacts_unknown",
        /// Protection is paused: everything rings.
        ProtectionPaused = "protection_paused",
        /// The network says the caller ID was verified (STIR/SHAKEN).
        CallerVerified = "caller_verified",
        /// The network says caller-ID verification failed.
        CallerVerificationFailed = "caller_verification_failed",
        /// Our own failure: the call was allowed rather than risk a wrong rejection.
        FailOpen = "fail_open",
    }
}

code_enum! {
    /// How dangerous the caller probably is.
    pub enum Risk {
        /// Emergency, public service, contacts, allowed numbers.
        None = "none",
        /// Carriers' own numbers, service lines, unknown callers.
        Low = "low",
        /// Hidden, reported, international, suspicious ranges.
        Medium = "medium",
        /// Look-alikes, plan/SIM offers, fraud, blocked numbers.
        High = "high",
    }
}

code_enum! {
    /// What Android should do with the call.
    pub enum Action {
        /// Let it ring.
        Allow = "allow",
        /// Keep the call but do not ring.
        Silence = "silence",
        /// Disallow and reject the call.
        Reject = "reject",
    }
}

code_enum! {
    /// How the banner should look.
    pub enum Severity {
        /// Neutral information (official numbers, contacts, service lines).
        Info = "info",
        /// Be careful (hidden, international, suspicious ranges, reported).
        Warning = "warning",
        /// Very likely a scam or unwanted (look-alikes, plan/SIM offers, fraud, blocked).
        Danger = "danger",
    }
}

/// The incoming-call banner: what the phone shows while it rings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Banner {
    /// One short line.
    pub title: String,
    /// What the call is, with the number masked.
    pub body: String,
    /// The safety advice (verification codes, official numbers), if any.
    pub warning: Option<String>,
    /// How the banner should look.
    pub severity: Severity,
}

/// The whole answer for one call: the JSON object of DESIGN §6.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// The number as read and normalised.
    pub number: Number,
    /// What the call is.
    pub label: Label,
    /// The carrier involved (official numbers, look-alikes, refusals), if any.
    pub carrier: Option<Carrier>,
    /// The report category behind a `reported` or `suspicious_plan_offer` label, if any.
    pub category: Option<String>,
    /// How dangerous the caller probably is.
    pub risk: Risk,
    /// Why, as stable codes.
    pub reasons: Vec<Reason>,
    /// What to do with the call.
    pub action: Action,
    /// Ask to keep the call out of the call log (`skip_call_log_on_reject`). A request, not a
    /// fact: Android ignores it for every screening app but the carrier's, and the Android app
    /// does not pass it on.
    pub skip_call_log: bool,
    /// Show no missed-call notification.
    pub skip_notification: bool,
    /// The banner to show, or null when none is wanted.
    pub banner: Option<Banner>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reason_codes_of_design_section_3_exist() {
        let documented = [
            "official_marketing_number",
            "country_prefix_stripped",
            "ip_prefix_stripped",
            "extra_digits_after_carrier_code",
            "area_code_before_carrier_code",
            "foreign_country_code",
            "inbound_only_number",
            "sms_only_port",
            "call_centre_95",
            "iot_number",
            "mvno_range",
            "reported_by_user",
            "reported_by_list",
            "user_rule",
            "refused_marketing",
            "repeated_call_passthrough",
            "never_block",
        ];
        for code in documented {
            assert!(Reason::from_code(code).is_some(), "{code}");
        }
    }

    #[test]
    fn codes_are_snake_case_and_round_trip_through_json() {
        for r in Reason::ALL {
            let json = serde_json::to_string(r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.code()));
            assert!(r
                .code()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'));
            assert!(!r.code().contains("__") && !r.code().ends_with('_'));
        }
        for l in Label::ALL {
            assert_eq!(Label::from_code(l.code()), Some(*l));
        }
    }
}
