// Proves that settings round-trip through the bridge: the typed defaults, every key changed as
// text and read back typed and as text, and the change still there after reopening.
package org.callguard.bridge

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Path

class SettingsRoundTripTest {
    @TempDir
    lateinit var dir: Path

    private val changed =
        mapOf(
            "block_lookalike" to "true",
            "block_reported" to "true",
            "block_international" to "true",
            "block_hidden" to "true",
            "block_suspicious" to "true",
            "block_non_contacts" to "true",
            "after_refusal_action" to "reject",
            "repeated_call_minutes" to "7",
            "banner_for_unknown" to "false",
            "language" to "en",
            "skip_notification_on_reject" to "false",
            "skip_call_log_on_reject" to "true",
            "paused" to "true",
            "history_enabled" to "false",
            "history_days" to "30",
            "sms_guard_minutes" to "15",
        )

    private val expected =
        Settings(
            blockLookalike = true,
            blockReported = true,
            blockInternational = true,
            blockHidden = true,
            blockSuspicious = true,
            blockNonContacts = true,
            afterRefusalAction = Action.REJECT,
            repeatedCallMinutes = 7,
            bannerForUnknown = false,
            language = LanguageSetting.EN,
            skipNotificationOnReject = false,
            skipCallLogOnReject = true,
            paused = true,
            historyEnabled = false,
            historyDays = 30,
            smsGuardMinutes = 15,
        )

    @Test
    fun `defaults are those of the design`() {
        openEngine(dir).use { engine ->
            val s = engine.settings()
            assertEquals(false, s.blockLookalike)
            assertEquals(false, s.blockNonContacts)
            assertEquals(Action.SILENCE, s.afterRefusalAction)
            assertEquals(3, s.repeatedCallMinutes)
            assertEquals(LanguageSetting.AUTO, s.language)
            assertEquals(false, s.paused)
            assertEquals("3", engine.setting("repeated_call_minutes"))
        }
    }

    @Test
    fun `every key set as text reads back typed and as text, and persists`() {
        openEngine(dir).use { engine ->
            for ((key, value) in changed) engine.setSetting(key, value)
            assertEquals(expected, engine.settings())
            for ((key, value) in changed) assertEquals(value, engine.setting(key), key)
        }
        openEngine(dir).use { reopened -> assertEquals(expected, reopened.settings()) }
    }
}
