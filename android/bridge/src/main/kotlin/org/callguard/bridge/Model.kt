package org.callguard.bridge

// The engine's vocabulary and answers, as Kotlin types. Every enum crosses the bridge as a
// stable snake_case code; keep each in sync with the Rust enum named on it (the JVM suite's
// EveryCodeDecodesTest fails when a code the Rust side can emit is missing here).

/** What a call is: exactly one per call. Keep in sync with `Label` in rust-core/core/src/decision.rs. */
enum class Label(
    val code: String,
) {
    HIDDEN("hidden"),
    EMERGENCY("emergency"),
    PUBLIC_SERVICE("public_service"),
    CARRIER_HOTLINE("carrier_hotline"),
    CARRIER_MARKETING("carrier_marketing"),
    CARRIER_LOOKALIKE("carrier_lookalike"),
    CONTACT("contact"),
    USER_BLOCKED("user_blocked"),
    USER_ALLOWED("user_allowed"),
    SUSPICIOUS_PLAN_OFFER("suspicious_plan_offer"),
    REPORTED("reported"),
    INTERNATIONAL("international"),
    SUSPICIOUS("suspicious"),
    SERVICE_NUMBER("service_number"),
    UNKNOWN("unknown"),
    ;

    companion object {
        /** The label with this code, or null. */
        fun fromCode(code: String): Label? = entries.firstOrNull { it.code == code }
    }
}

/** Why a decision came out as it did. Keep in sync with `Reason` in rust-core/core/src/decision.rs. */
enum class Reason(
    val code: String,
) {
    PRESENTATION_RESTRICTED("presentation_restricted"),
    NO_NUMBER("no_number"),
    INVALID_NUMBER("invalid_number"),
    EMERGENCY_NUMBER("emergency_number"),
    PUBLIC_SERVICE_NUMBER("public_service_number"),
    ANTI_FRAUD_LINE("anti_fraud_line"),
    OFFICIAL_MARKETING_NUMBER("official_marketing_number"),
    OFFICIAL_HOTLINE_NUMBER("official_hotline_number"),
    COUNTRY_PREFIX_STRIPPED("country_prefix_stripped"),
    IP_PREFIX_STRIPPED("ip_prefix_stripped"),
    DIALLING_SUFFIX_REMOVED("dialling_suffix_removed"),
    INVISIBLE_CHARACTERS_REMOVED("invisible_characters_removed"),
    TRUNK_ZERO_REMOVED("trunk_zero_removed"),
    WITHHELD_NUMBER_TEXT("withheld_number_text"),
    EXTRA_DIGITS_AFTER_CARRIER_CODE("extra_digits_after_carrier_code"),
    AREA_CODE_BEFORE_CARRIER_CODE("area_code_before_carrier_code"),
    PREFIX_BEFORE_CARRIER_CODE("prefix_before_carrier_code"),
    FOREIGN_COUNTRY_CODE("foreign_country_code"),
    INBOUND_ONLY_NUMBER("inbound_only_number"),
    SMS_ONLY_PORT("sms_only_port"),
    CALL_CENTRE_95("call_centre_95"),
    SERVICE_LINE_95("service_line_95"),
    MVNO_SERVICE_LINE("mvno_service_line"),
    IOT_NUMBER("iot_number"),
    MVNO_RANGE("mvno_range"),
    SATELLITE_RANGE("satellite_range"),
    IN_CONTACTS("in_contacts"),
    REPORTED_BY_USER("reported_by_user"),
    REPORTED_BY_LIST("reported_by_list"),
    USER_RULE("user_rule"),
    REFUSED_MARKETING("refused_marketing"),
    REPEATED_CALL_PASSTHROUGH("repeated_call_passthrough"),
    NEVER_BLOCK("never_block"),
    BLOCKED_BY_SETTING("blocked_by_setting"),
    STRICT_MODE("strict_mode"),
    CONTACTS_UNKNOWN("contacts_unknown"),
    PROTECTION_PAUSED("protection_paused"),
    CALLER_VERIFIED("caller_verified"),
    CALLER_VERIFICATION_FAILED("caller_verification_failed"),
    FAIL_OPEN("fail_open"),
    ;

    companion object {
        /** The reason with this code, or null. */
        fun fromCode(code: String): Reason? = entries.firstOrNull { it.code == code }
    }
}

/** How dangerous the caller probably is. Keep in sync with `Risk` in rust-core/core/src/decision.rs. */
enum class Risk(
    val code: String,
) {
    NONE("none"),
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high"),
    ;

    companion object {
        /** The risk with this code, or null. */
        fun fromCode(code: String): Risk? = entries.firstOrNull { it.code == code }
    }
}

/** What Android should do with the call. Keep in sync with `Action` in rust-core/core/src/decision.rs. */
enum class Action(
    val code: String,
) {
    ALLOW("allow"),
    SILENCE("silence"),
    REJECT("reject"),
    ;

    companion object {
        /** The action with this code, or null. */
        fun fromCode(code: String): Action? = entries.firstOrNull { it.code == code }
    }
}

/** How a banner or warning should look. Keep in sync with `Severity` in rust-core/core/src/decision.rs. */
enum class Severity(
    val code: String,
) {
    INFO("info"),
    WARNING("warning"),
    DANGER("danger"),
    ;

    companion object {
        /** The severity with this code, or null. */
        fun fromCode(code: String): Severity? = entries.firstOrNull { it.code == code }
    }
}

/** What sort of number it is. Keep in sync with `NumberKind` in rust-core/core/src/number.rs. */
enum class NumberKind(
    val code: String,
) {
    MOBILE("mobile"),
    LANDLINE("landline"),
    TOLL_FREE("toll_free"),
    SHARED_COST("shared_cost"),
    SHORT_CODE("short_code"),
    SMS_PORT("sms_port"),
    IOT("iot"),
    INTERNATIONAL("international"),
    HIDDEN("hidden"),
    INVALID("invalid"),
    ;

    companion object {
        /** The kind with this code, or null. */
        fun fromCode(code: String): NumberKind? = entries.firstOrNull { it.code == code }
    }
}

/** A mainland-China network operator. Keep in sync with `Carrier` in rust-core/core/src/directory.rs. */
enum class Carrier(
    val code: String,
) {
    CHINA_MOBILE("china_mobile"),
    CHINA_UNICOM("china_unicom"),
    CHINA_TELECOM("china_telecom"),
    CHINA_BROADNET("china_broadnet"),
    ;

    companion object {
        /** The carrier with this code, or null. */
        fun fromCode(code: String): Carrier? = entries.firstOrNull { it.code == code }
    }
}

/** How Android presented the caller. Keep in sync with `Presentation` in rust-core/core. */
enum class Presentation(
    val code: String,
) {
    ALLOWED("allowed"),
    RESTRICTED("restricted"),
    UNKNOWN("unknown"),
    PAYPHONE("payphone"),
    UNAVAILABLE("unavailable"),
    ;

    companion object {
        /** The presentation with this code, or null. */
        fun fromCode(code: String): Presentation? = entries.firstOrNull { it.code == code }
    }
}

/** The network's caller-ID verification status. Keep in sync with `Verification` in rust-core/core. */
enum class Verification(
    val code: String,
) {
    PASSED("passed"),
    FAILED("failed"),
    NOT_VERIFIED("not_verified"),
    ;

    companion object {
        /** The verification status with this code, or null. */
        fun fromCode(code: String): Verification? = entries.firstOrNull { it.code == code }
    }
}

/** What a reported caller wanted. Keep in sync with `ReportCategory` in rust-core/core. */
enum class ReportCategory(
    val code: String,
) {
    PLAN_OFFER("plan_offer"),
    SIM_OFFER("sim_offer"),
    CARRIER_IMPERSONATION("carrier_impersonation"),
    FRAUD("fraud"),
    HARASSMENT("harassment"),
    ADS("ads"),
    REAL_ESTATE("real_estate"),
    INSURANCE("insurance"),
    LOANS("loans"),
    DELIVERY("delivery"),
    OTHER("other"),
    ;

    companion object {
        /** The category with this code, or null. */
        fun fromCode(code: String): ReportCategory? = entries.firstOrNull { it.code == code }
    }
}

/** Whether a rule blocks or allows. Keep in sync with `RuleEffect` in rust-core/core. */
enum class RuleEffect(
    val code: String,
) {
    BLOCK("block"),
    ALLOW("allow"),
    ;

    companion object {
        /** The effect with this code, or null. */
        fun fromCode(code: String): RuleEffect? = entries.firstOrNull { it.code == code }
    }
}

/** How a rule's pattern matches. Keep in sync with `RuleKind` in rust-core/core. */
enum class RuleKind(
    val code: String,
) {
    EXACT("exact"),
    PREFIX("prefix"),
    WILDCARD("wildcard"),
    ;

    companion object {
        /** The rule kind with this code, or null. */
        fun fromCode(code: String): RuleKind? = entries.firstOrNull { it.code == code }
    }
}

/** A language the engine writes banners and evidence in. Keep in sync with `Lang` in rust-core/core. */
enum class Language(
    val code: String,
) {
    ZH("zh"),
    EN("en"),
    ;

    companion object {
        /** The language with this code, or null. */
        fun fromCode(code: String): Language? = entries.firstOrNull { it.code == code }
    }
}

/** The language setting: a [Language], or AUTO to follow the phone. Keep in sync with rust-core/core. */
enum class LanguageSetting(
    val code: String,
) {
    AUTO("auto"),
    ZH("zh"),
    EN("en"),
    ;

    companion object {
        /** The language setting with this code, or null. */
        fun fromCode(code: String): LanguageSetting? = entries.firstOrNull { it.code == code }
    }
}

/**
 * A number as read and normalised by the engine. [location] is where it is registered, in the
 * request's language ("广东省深圳市" / "Shenzhen, Guangdong"), null where the data does not say;
 * [carrierHint] is the operator that issued a mobile's range — a hint, numbers port.
 */
data class PhoneNumber(
    val raw: String,
    val normalized: String,
    val e164: String?,
    val kind: NumberKind,
    val countryCode: String?,
    val areaCode: String?,
    val carrierHint: Carrier?,
    val location: String? = null,
    /**
     * The number as banners and notifications show it, decided by the engine: service numbers
     * whole ("0755 110"), personal numbers masked ("138****8000", "0755****6789").
     */
    val masked: String = "",
)

/** The incoming-call banner; numbers in it are already masked. */
data class Banner(
    val title: String,
    val body: String,
    val warning: String?,
    val severity: Severity,
)

/** The engine's whole answer for one call, shaped like Android's `CallResponse`. */
data class Decision(
    val number: PhoneNumber,
    val label: Label,
    val carrier: Carrier?,
    val category: String?,
    val risk: Risk,
    val reasons: List<Reason>,
    val action: Action,
    val skipCallLog: Boolean,
    val skipNotification: Boolean,
    val banner: Banner?,
)

/**
 * Whether the caller is in the user's contacts, as far as the phone could tell. Keep in sync with
 * `ContactStatus` in rust-core/core/src/screen.rs. Strict mode rejects only [NOT_CONTACT]: a
 * lookup that ran and did not find the caller; [UNKNOWN] (no permission, a failed lookup) rings.
 */
enum class ContactStatus(
    val code: String,
) {
    CONTACT("contact"),
    NOT_CONTACT("not_contact"),
    UNKNOWN("unknown"),
    ;

    companion object {
        /** The status with this code, or null. */
        fun fromCode(code: String): ContactStatus? = entries.firstOrNull { it.code == code }
    }
}

/** One incoming call to decide. */
data class ScreenRequest(
    val number: String,
    val presentation: Presentation = Presentation.ALLOWED,
    val contact: ContactStatus = ContactStatus.UNKNOWN,
    val timeMillis: Long = System.currentTimeMillis(),
    val verification: Verification? = null,
    val language: Language? = null,
)

/** Every user setting, typed; [CallGuard.setSetting] takes the snake_case key of each. */
data class Settings(
    val blockLookalike: Boolean,
    val blockReported: Boolean,
    val blockInternational: Boolean,
    val blockHidden: Boolean,
    val blockSuspicious: Boolean,
    val blockNonContacts: Boolean,
    val afterRefusalAction: Action,
    val repeatedCallMinutes: Int,
    val bannerForUnknown: Boolean,
    val language: LanguageSetting,
    val skipNotificationOnReject: Boolean,
    val skipCallLogOnReject: Boolean,
    val paused: Boolean,
    val historyEnabled: Boolean,
    val historyDays: Int,
    val smsGuardMinutes: Int,
)

/** A user rule: an exact number, a prefix ("400*") or a wildcard pattern. */
data class Rule(
    val pattern: String,
    val kind: RuleKind,
    val effect: RuleEffect,
    val note: String?,
    val createdAt: Long,
)

/** A page of [rules], and how many rules match the filter in all ([total]). */
data class RulePage(
    val total: Long,
    val rules: List<Rule>,
)

/** The user told [carrier] to stop marketing at [refusedAt] (ms since the epoch). */
data class Refusal(
    val carrier: Carrier,
    val refusedAt: Long,
)

/**
 * One screened call; [number] is the normalised number, [location] where it is registered and
 * [carrierHint] the operator that issued a mobile's range (null where unknown).
 */
data class HistoryEntry(
    val timeMillis: Long,
    val number: String,
    val label: Label,
    val action: Action,
    val reasons: List<Reason>,
    val location: String? = null,
    val carrierHint: Carrier? = null,
)

/** Material for a 12300 / 12321 complaint, with the complaint [text] in the asked language. */
data class Evidence(
    val refusals: List<RefusalEvidence>,
    val reported: List<ReportedEvidence>,
    val text: String,
)

/** A refusal and the marketing calls that came after it. */
data class RefusalEvidence(
    val carrier: Carrier,
    val refusedAt: Long,
    val calls: List<EvidenceCall>,
)

/** One call kept as evidence. */
data class EvidenceCall(
    val timeMillis: Long,
    val number: String,
)

/** A reported number, how often it was reported, and when it called. */
data class ReportedEvidence(
    val number: String,
    val category: ReportCategory,
    val count: Int,
    val callTimes: List<Long>,
)

/** The SMS guard's verdict on one message. */
data class SmsVerdict(
    val isCode: Boolean,
    val codeLength: Int?,
    val senderName: String?,
    val warning: SmsWarning?,
)

/** The warning to show over a verification-code SMS that followed a suspicious call. */
data class SmsWarning(
    val title: String,
    val body: String,
    val severity: Severity,
)

/** What an import added, by table, and how the file was read. */
data class ImportSummary(
    val rules: Int,
    val reports: Int,
    val refusals: Int,
    val settings: Int,
    val format: ImportFormat = ImportFormat.CSV,
    val encoding: TextEncoding = TextEncoding.UTF_8,
)

/** The kinds of file an import reads. Keep in sync with `ImportFormat` in rust-core/core/src/store/transfer.rs. */
enum class ImportFormat(
    val code: String,
) {
    /** `number_or_pattern,kind,category,note` rows, or one column of numbers to block. */
    CSV("csv"),

    /** One number or pattern a line, each blocked. */
    PLAIN_LIST("plain_list"),

    /** A CallGuard backup. */
    JSON("json"),
    ;

    companion object {
        /** The format with this code, or null. */
        fun fromCode(code: String): ImportFormat? = entries.firstOrNull { it.code == code }
    }
}

/** The text encoding an imported file was read in. Keep in sync with `TextEncoding` in rust-core/core/src/store/transfer/text.rs. */
enum class TextEncoding(
    val code: String,
    val displayName: String,
) {
    UTF_8("utf-8", "UTF-8"),
    UTF_16LE("utf-16le", "UTF-16LE"),
    UTF_16BE("utf-16be", "UTF-16BE"),

    /** The bytes were not UTF-8: read as GBK, what Excel on Chinese Windows writes. */
    GBK("gbk", "GBK"),
    ;

    companion object {
        /** The encoding with this code, or null. */
        fun fromCode(code: String): TextEncoding? = entries.firstOrNull { it.code == code }
    }
}

/** How many rows an export wrote. */
data class ExportSummary(
    val rows: Int,
)
