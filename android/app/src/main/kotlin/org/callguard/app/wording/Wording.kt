package org.callguard.app.wording

import org.callguard.app.R
import org.callguard.bridge.Action
import org.callguard.bridge.Carrier
import org.callguard.bridge.Label
import org.callguard.bridge.Reason
import org.callguard.bridge.ReportCategory
import org.callguard.bridge.RuleEffect
import org.callguard.bridge.RuleKind

/**
 * The words for every code the engine can emit, as string resources. Each `when` is exhaustive,
 * so a new enum constant in the bridge does not compile until it has words here; the string
 * names follow `<kind>_<constant name in lower case>` and exist in English and Chinese
 * (WordingTest checks both).
 */
object Wording {
    /** The label, e.g. "Carrier lookalike". */
    fun label(label: Label): Int =
        when (label) {
            Label.HIDDEN -> R.string.label_hidden
            Label.EMERGENCY -> R.string.label_emergency
            Label.PUBLIC_SERVICE -> R.string.label_public_service
            Label.CARRIER_HOTLINE -> R.string.label_carrier_hotline
            Label.CARRIER_MARKETING -> R.string.label_carrier_marketing
            Label.CARRIER_LOOKALIKE -> R.string.label_carrier_lookalike
            Label.CONTACT -> R.string.label_contact
            Label.USER_BLOCKED -> R.string.label_user_blocked
            Label.USER_ALLOWED -> R.string.label_user_allowed
            Label.SUSPICIOUS_PLAN_OFFER -> R.string.label_suspicious_plan_offer
            Label.REPORTED -> R.string.label_reported
            Label.INTERNATIONAL -> R.string.label_international
            Label.SUSPICIOUS -> R.string.label_suspicious
            Label.SERVICE_NUMBER -> R.string.label_service_number
            Label.UNKNOWN -> R.string.label_unknown
        }

    /** One reason as a short sentence. */
    fun reason(reason: Reason): Int =
        when (reason) {
            Reason.PRESENTATION_RESTRICTED -> R.string.reason_presentation_restricted
            Reason.NO_NUMBER -> R.string.reason_no_number
            Reason.INVALID_NUMBER -> R.string.reason_invalid_number
            Reason.EMERGENCY_NUMBER -> R.string.reason_emergency_number
            Reason.PUBLIC_SERVICE_NUMBER -> R.string.reason_public_service_number
            Reason.ANTI_FRAUD_LINE -> R.string.reason_anti_fraud_line
            Reason.OFFICIAL_MARKETING_NUMBER -> R.string.reason_official_marketing_number
            Reason.OFFICIAL_HOTLINE_NUMBER -> R.string.reason_official_hotline_number
            Reason.COUNTRY_PREFIX_STRIPPED -> R.string.reason_country_prefix_stripped
            Reason.IP_PREFIX_STRIPPED -> R.string.reason_ip_prefix_stripped
            Reason.EXTRA_DIGITS_AFTER_CARRIER_CODE -> R.string.reason_extra_digits_after_carrier_code
            Reason.AREA_CODE_BEFORE_CARRIER_CODE -> R.string.reason_area_code_before_carrier_code
            Reason.PREFIX_BEFORE_CARRIER_CODE -> R.string.reason_prefix_before_carrier_code
            Reason.FOREIGN_COUNTRY_CODE -> R.string.reason_foreign_country_code
            Reason.INBOUND_ONLY_NUMBER -> R.string.reason_inbound_only_number
            Reason.SMS_ONLY_PORT -> R.string.reason_sms_only_port
            Reason.CALL_CENTRE_95 -> R.string.reason_call_centre_95
            Reason.SERVICE_LINE_95 -> R.string.reason_service_line_95
            Reason.MVNO_SERVICE_LINE -> R.string.reason_mvno_service_line
            Reason.IOT_NUMBER -> R.string.reason_iot_number
            Reason.MVNO_RANGE -> R.string.reason_mvno_range
            Reason.SATELLITE_RANGE -> R.string.reason_satellite_range
            Reason.IN_CONTACTS -> R.string.reason_in_contacts
            Reason.REPORTED_BY_USER -> R.string.reason_reported_by_user
            Reason.REPORTED_BY_LIST -> R.string.reason_reported_by_list
            Reason.USER_RULE -> R.string.reason_user_rule
            Reason.REFUSED_MARKETING -> R.string.reason_refused_marketing
            Reason.REPEATED_CALL_PASSTHROUGH -> R.string.reason_repeated_call_passthrough
            Reason.NEVER_BLOCK -> R.string.reason_never_block
            Reason.BLOCKED_BY_SETTING -> R.string.reason_blocked_by_setting
            Reason.STRICT_MODE -> R.string.reason_strict_mode
            Reason.CONTACTS_UNKNOWN -> R.string.reason_contacts_unknown
            Reason.PROTECTION_PAUSED -> R.string.reason_protection_paused
            Reason.CALLER_VERIFIED -> R.string.reason_caller_verified
            Reason.CALLER_VERIFICATION_FAILED -> R.string.reason_caller_verification_failed
            Reason.FAIL_OPEN -> R.string.reason_fail_open
        }

    /** What happened to the call: "Allowed", "Silenced", "Rejected". */
    fun action(action: Action): Int =
        when (action) {
            Action.ALLOW -> R.string.action_allow
            Action.SILENCE -> R.string.action_silence
            Action.REJECT -> R.string.action_reject
        }

    /** The carrier's name. */
    fun carrier(carrier: Carrier): Int =
        when (carrier) {
            Carrier.CHINA_MOBILE -> R.string.carrier_china_mobile
            Carrier.CHINA_UNICOM -> R.string.carrier_china_unicom
            Carrier.CHINA_TELECOM -> R.string.carrier_china_telecom
            Carrier.CHINA_BROADNET -> R.string.carrier_china_broadnet
        }

    /** What a reported caller wanted. */
    fun category(category: ReportCategory): Int =
        when (category) {
            ReportCategory.PLAN_OFFER -> R.string.category_plan_offer
            ReportCategory.SIM_OFFER -> R.string.category_sim_offer
            ReportCategory.CARRIER_IMPERSONATION -> R.string.category_carrier_impersonation
            ReportCategory.FRAUD -> R.string.category_fraud
            ReportCategory.HARASSMENT -> R.string.category_harassment
            ReportCategory.ADS -> R.string.category_ads
            ReportCategory.REAL_ESTATE -> R.string.category_real_estate
            ReportCategory.INSURANCE -> R.string.category_insurance
            ReportCategory.LOANS -> R.string.category_loans
            ReportCategory.DELIVERY -> R.string.category_delivery
            ReportCategory.OTHER -> R.string.category_other
        }

    /** "Block" or "Allow", for a rule. */
    fun effect(effect: RuleEffect): Int =
        when (effect) {
            RuleEffect.BLOCK -> R.string.rule_effect_block
            RuleEffect.ALLOW -> R.string.rule_effect_allow
        }

    /** How a rule's pattern matches. */
    fun ruleKind(kind: RuleKind): Int =
        when (kind) {
            RuleKind.EXACT -> R.string.rule_kind_exact
            RuleKind.PREFIX -> R.string.rule_kind_prefix
            RuleKind.WILDCARD -> R.string.rule_kind_wildcard
        }

    /** The reasons in words, one per line, for the history screen. */
    fun reasons(reasons: List<Reason>, text: TextSource): String =
        reasons.joinToString(separator = "\n") { "• " + text.get(reason(it)) }
}

/** Looks up a string resource by id: `Context::getString` on the phone, the XML files in tests. */
fun interface TextSource {
    /** The string [id], formatted with [args] like `Context.getString(id, args)`. */
    fun get(id: Int, vararg args: Any): String
}
