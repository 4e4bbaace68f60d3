package org.callguard.app.ui

import org.callguard.app.R
import org.callguard.bridge.Settings

/** How a setting is edited. */
enum class SettingKind { SWITCH, NUMBER, CHOICE }

/** The groups of the settings screen, in order. */
enum class SettingsSection(val title: Int) {
    PROTECTION(R.string.section_protection),
    BLOCKING(R.string.section_blocking),
    BANNER(R.string.section_banner),
    HISTORY(R.string.section_history),
    SMS(R.string.section_sms),
}

/** One choice of a [SettingKind.CHOICE] setting: the engine's value and its words. */
data class SettingChoice(val value: String, val label: Int)

/**
 * One engine setting on the settings screen: its key in the core (contract.md, "Settings"),
 * how it is edited and its words. The value always comes from the core and goes back to it.
 */
data class SettingSpec(
    val key: String,
    val kind: SettingKind,
    val section: SettingsSection,
    val title: Int,
    val summary: Int,
    val choices: List<SettingChoice> = emptyList(),
    /** For [SettingKind.NUMBER]: the unit's words, a plurals resource ("1 minute", "3 minutes"). */
    val unit: Int = 0,
)

/** Every setting the core has, in screen order. SettingSpecsTest checks it against [Settings]. */
object SettingSpecs {
    val ALL: List<SettingSpec> = listOf(
        switch(
            "paused",
            SettingsSection.PROTECTION,
            R.string.setting_paused,
            R.string.setting_paused_summary,
        ),
        switch(
            "block_lookalike",
            SettingsSection.BLOCKING,
            R.string.setting_block_lookalike,
            R.string.setting_block_lookalike_summary,
        ),
        switch(
            "block_reported",
            SettingsSection.BLOCKING,
            R.string.setting_block_reported,
            R.string.setting_block_reported_summary,
        ),
        switch(
            "block_international",
            SettingsSection.BLOCKING,
            R.string.setting_block_international,
            R.string.setting_block_international_summary,
        ),
        switch(
            "block_hidden",
            SettingsSection.BLOCKING,
            R.string.setting_block_hidden,
            R.string.setting_block_hidden_summary,
        ),
        switch(
            "block_suspicious",
            SettingsSection.BLOCKING,
            R.string.setting_block_suspicious,
            R.string.setting_block_suspicious_summary,
        ),
        switch(
            "block_non_contacts",
            SettingsSection.BLOCKING,
            R.string.setting_block_non_contacts,
            R.string.setting_block_non_contacts_summary,
        ),
        choice(
            "after_refusal_action",
            SettingsSection.BLOCKING,
            R.string.setting_after_refusal_action,
            R.string.setting_after_refusal_action_summary,
            listOf(
                SettingChoice("silence", R.string.choice_silence),
                SettingChoice("reject", R.string.choice_reject),
            ),
        ),
        number(
            "repeated_call_minutes",
            SettingsSection.BLOCKING,
            R.string.setting_repeated_call_minutes,
            R.string.setting_repeated_call_minutes_summary,
            R.plurals.unit_minutes,
        ),
        switch(
            "skip_notification_on_reject",
            SettingsSection.BLOCKING,
            R.string.setting_skip_notification_on_reject,
            R.string.setting_skip_notification_on_reject_summary,
        ),
        switch(
            "banner_for_unknown",
            SettingsSection.BANNER,
            R.string.setting_banner_for_unknown,
            R.string.setting_banner_for_unknown_summary,
        ),
        choice(
            "language",
            SettingsSection.BANNER,
            R.string.setting_language,
            R.string.setting_language_summary,
            listOf(
                SettingChoice("auto", R.string.choice_language_auto),
                SettingChoice("zh", R.string.choice_language_zh),
                SettingChoice("en", R.string.choice_language_en),
            ),
        ),
        switch(
            "history_enabled",
            SettingsSection.HISTORY,
            R.string.setting_history_enabled,
            R.string.setting_history_enabled_summary,
        ),
        number(
            "history_days",
            SettingsSection.HISTORY,
            R.string.setting_history_days,
            R.string.setting_history_days_summary,
            R.plurals.unit_days,
        ),
        number(
            "sms_guard_minutes",
            SettingsSection.SMS,
            R.string.setting_sms_guard_minutes,
            R.string.setting_sms_guard_minutes_summary,
            R.plurals.unit_minutes,
        ),
    )

    /**
     * Core settings the app does not offer, and why. `skip_call_log_on_reject`: Android ignores
     * `CallResponse.Builder.setSkipCallLog` for every screening app but the carrier's, and logs
     * each call CallGuard rejects as a blocked call whatever it asks; a switch for it would lie.
     */
    val NOT_ON_ANDROID: Set<String> = setOf("skip_call_log_on_reject")

    /** The spec for [key], or null. */
    fun find(key: String): SettingSpec? = ALL.firstOrNull { it.key == key }

    /** The current value of [key] as the text the core takes back ("true", "3", "reject"). */
    fun valueOf(settings: Settings, key: String): String =
        when (key) {
            "block_lookalike" -> settings.blockLookalike.toString()
            "block_reported" -> settings.blockReported.toString()
            "block_international" -> settings.blockInternational.toString()
            "block_hidden" -> settings.blockHidden.toString()
            "block_suspicious" -> settings.blockSuspicious.toString()
            "block_non_contacts" -> settings.blockNonContacts.toString()
            "after_refusal_action" -> settings.afterRefusalAction.code
            "repeated_call_minutes" -> settings.repeatedCallMinutes.toString()
            "banner_for_unknown" -> settings.bannerForUnknown.toString()
            "language" -> settings.language.code
            "skip_notification_on_reject" -> settings.skipNotificationOnReject.toString()
            "paused" -> settings.paused.toString()
            "history_enabled" -> settings.historyEnabled.toString()
            "history_days" -> settings.historyDays.toString()
            "sms_guard_minutes" -> settings.smsGuardMinutes.toString()
            else -> throw IllegalArgumentException("unknown setting: $key")
        }

    private fun switch(key: String, section: SettingsSection, title: Int, summary: Int) =
        SettingSpec(key, SettingKind.SWITCH, section, title, summary)

    private fun number(key: String, section: SettingsSection, title: Int, summary: Int, unit: Int) =
        SettingSpec(key, SettingKind.NUMBER, section, title, summary, unit = unit)

    private fun choice(key: String, section: SettingsSection, title: Int, summary: Int, choices: List<SettingChoice>) =
        SettingSpec(key, SettingKind.CHOICE, section, title, summary, choices = choices)
}
