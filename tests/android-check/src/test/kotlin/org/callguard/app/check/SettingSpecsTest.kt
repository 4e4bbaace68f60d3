package org.callguard.app.check

// Proves that the settings screen covers every setting of the core, exactly once, with words,
// and reads each value from the typed Settings the way the core takes it back.

import org.callguard.app.ui.SettingKind
import org.callguard.app.ui.SettingSpecs
import org.callguard.app.ui.SettingsSection
import org.callguard.bridge.Action
import org.callguard.bridge.LanguageSetting
import org.callguard.bridge.Settings
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class SettingSpecsTest {
    private val settings = Settings(
        blockLookalike = true,
        blockReported = false,
        blockInternational = true,
        blockHidden = false,
        blockSuspicious = true,
        blockNonContacts = false,
        afterRefusalAction = Action.REJECT,
        repeatedCallMinutes = 3,
        bannerForUnknown = true,
        language = LanguageSetting.ZH,
        skipNotificationOnReject = false,
        skipCallLogOnReject = true,
        paused = false,
        historyEnabled = true,
        historyDays = 90,
        smsGuardMinutes = 10,
    )

    private fun snake(camel: String) = camel.replace(Regex("([A-Z])")) { "_" + it.value.lowercase() }

    @Test
    fun `every field of Settings is on the screen once`() {
        val fields = Settings::class.java.declaredFields.map { snake(it.name) }.toSet()
        val keys = SettingSpecs.ALL.map { it.key }
        assertEquals(keys.size, keys.toSet().size, "a setting is listed twice")
        assertEquals(fields - SettingSpecs.NOT_ON_ANDROID, keys.toSet())
        assertTrue(fields.containsAll(SettingSpecs.NOT_ON_ANDROID), "NOT_ON_ANDROID names a setting the core does not have")
    }

    @Test
    fun `the call-log switch Android ignores is not offered`() {
        assertEquals(null, SettingSpecs.find("skip_call_log_on_reject"))
        val strings = StringResources.english.strings.keys + StringResources.chinese.strings.keys
        assertTrue(strings.none { "skip_call_log" in it }, "words for a switch that is not there")
    }

    @Test
    fun `values read as the text the core takes back`() {
        val expected = mapOf(
            "block_lookalike" to "true",
            "block_reported" to "false",
            "after_refusal_action" to "reject",
            "repeated_call_minutes" to "3",
            "language" to "zh",
            "history_days" to "90",
            "sms_guard_minutes" to "10",
        )
        for ((key, value) in expected) assertEquals(value, SettingSpecs.valueOf(settings, key), key)
        for (spec in SettingSpecs.ALL) {
            val value = SettingSpecs.valueOf(settings, spec.key)
            when (spec.kind) {
                SettingKind.SWITCH -> assertTrue(value == "true" || value == "false", spec.key)
                SettingKind.NUMBER -> assertTrue(value.toIntOrNull() != null, spec.key)
                SettingKind.CHOICE -> assertTrue(spec.choices.any { it.value == value }, spec.key)
            }
        }
        assertThrows(IllegalArgumentException::class.java) { SettingSpecs.valueOf(settings, "no_such_key") }
    }

    @Test
    fun `choices are the core's codes`() {
        assertEquals(
            LanguageSetting.entries.map { it.code }.toSet(),
            SettingSpecs.find("language")!!.choices.map { it.value }.toSet(),
        )
        val refusal = SettingSpecs.find("after_refusal_action")!!.choices.map { it.value }
        assertEquals(listOf("silence", "reject"), refusal)
        refusal.forEach { assertTrue(Action.fromCode(it) != null) }
    }

    @Test
    fun `every setting has words in both languages, and pausing comes first`() {
        for (spec in SettingSpecs.ALL) {
            val ids = listOf(spec.title, spec.summary) + spec.choices.map { it.label }
            for (id in ids) {
                val name = StringResources.nameOf(id)
                assertTrue(StringResources.english[name].isNotBlank())
                assertTrue(StringResources.chinese[name].isNotBlank())
            }
            if (spec.kind == SettingKind.NUMBER) {
                assertTrue(spec.unit != 0, "${spec.key} has no unit")
                val unit = StringResources.pluralNameOf(spec.unit)
                assertTrue(StringResources.english.plurals.getValue(unit).keys.containsAll(setOf("one", "other")), unit)
                assertTrue(StringResources.chinese.plurals.getValue(unit).containsKey("other"), unit)
            }
        }
        assertEquals("paused", SettingSpecs.ALL.first().key)
        assertEquals(SettingsSection.PROTECTION, SettingSpecs.ALL.first().section)
        SettingsSection.entries.forEach { assertTrue(StringResources.english[StringResources.nameOf(it.title)].isNotBlank()) }
    }
}
