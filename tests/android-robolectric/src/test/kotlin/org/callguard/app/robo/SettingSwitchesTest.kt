package org.callguard.app.robo

import android.app.NotificationManager
import android.widget.Switch
import android.widget.TextView
import org.callguard.app.R
import org.callguard.app.banner.Channel
import org.callguard.app.ui.SettingKind
import org.callguard.app.ui.SettingSpecs
import org.callguard.app.ui.SettingsActivity
import org.callguard.bridge.CallGuard
import org.callguard.bridge.ReportCategory
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.ParameterizedRobolectricTestRunner
import org.robolectric.Robolectric

/** What the user can observe of one call: what Telecom was told, the banner, the history. */
data class Observed(val answer: TelecomAnswer, val shown: List<Shown>, val historySize: Int)

/**
 * Each switch on the settings screen, flipped by the user: the core's setting changes, and the
 * next call's decision with it. Two different callers of the same kind are used, because a
 * second call from one number within minutes passes a category block (on purpose).
 */
@RunWith(ParameterizedRobolectricTestRunner::class)
class SettingSwitchesTest(private val case: Case) : AppTest() {
    class Case(
        val key: String,
        val before: Caller,
        val after: Caller,
        /** What the user notices; it must go from [expectedBefore] to [expectedAfter]. */
        val what: String,
        val expectedBefore: Any,
        val expectedAfter: Any,
        val setup: (CallGuard) -> Unit = {},
        val observe: (Observed) -> Any,
    ) {
        override fun toString() = key
    }

    private lateinit var telecom: Telecom

    @After
    fun hangUp() {
        if (::telecom.isInitialized) telecom.unbind()
    }

    private fun observe(caller: Caller): Observed {
        app.getSystemService(NotificationManager::class.java)!!.cancelAll()
        val answer = telecom.ring(caller).answer
        return Observed(answer, app.shownNotifications(), engine().history(1000).size)
    }

    @Test
    fun `flipping the switch changes the setting and the next call`() {
        case.setup(engine())
        telecom = Telecom()
        val spec = checkNotNull(SettingSpecs.find(case.key))
        val initial = engine().setting(case.key)
        assertEquals(case.what + " before", case.expectedBefore, case.observe(observe(case.before)))

        val activity = Robolectric.buildActivity(SettingsActivity::class.java).setup().get()
        settle()
        val rows = activity.requireViewById<android.view.ViewGroup>(R.id.setting_rows)
        val switch = (0 until rows.childCount).map { rows.getChildAt(it) }
            .mapNotNull { it.findViewById<Switch>(R.id.setting_switch) }
            .single { it.text.toString() == string(spec.title) }
        assertEquals("the switch shows the core's value", initial == "true", switch.isChecked)
        switch.performClick()
        settle()
        assertEquals("the core holds the new value", (initial != "true").toString(), engine().setting(case.key))
        val redrawn = (0 until rows.childCount).map { rows.getChildAt(it) }
            .mapNotNull { it.findViewById<Switch>(R.id.setting_switch) }
            .single { it.text.toString() == string(spec.title) }
        assertEquals("the screen shows it after reloading", initial != "true", redrawn.isChecked)
        assertTrue(
            "the summary is shown",
            (redrawn.parent as android.view.View).requireViewById<TextView>(R.id.setting_summary).text.isNotBlank(),
        )

        assertEquals(case.what + " after", case.expectedAfter, case.observe(observe(case.after)))
    }

    companion object {
        private val rejected: (Observed) -> Any = { if (it.answer.disallow && it.answer.reject) "rejected" else if (it.answer.rings) "rings" else "silenced" }

        private val cases = listOf(
            Case("paused", Caller("13912345678"), Caller("13912345678"), "a blocked number", "rejected", "rings", setup = { it.block("13912345678") }, observe = rejected),
            Case("block_lookalike", Caller("01010086"), Caller("02110086"), "a carrier look-alike", "rings", "rejected", observe = rejected),
            Case(
                "block_reported", Caller("13812345678"), Caller("13812345679"), "a reported number", "rings", "rejected",
                setup = {
                    it.report("13812345678", ReportCategory.FRAUD)
                    it.report("13812345679", ReportCategory.FRAUD)
                },
                observe = rejected,
            ),
            Case("block_international", Caller("+442079460000"), Caller("+442079460001"), "a call from abroad", "rings", "rejected", observe = rejected),
            Case("block_hidden", Caller(null), Caller(null), "a hidden caller", "rings", "rejected", observe = rejected),
            Case("block_suspicious", Caller("4001234567"), Caller("4001234568"), "a 400 number (inbound only)", "rings", "rejected", observe = rejected),
            // Strict mode needs READ_CONTACTS and a lookup that answered (issue 11, item 1).
            Case(
                "block_non_contacts", Caller("13612345678"), Caller("13612345679"), "a stranger the contacts lookup did not find", "rings", "rejected",
                setup = { FakeContacts.install("13800138000") },
                observe = rejected,
            ),
            Case(
                "skip_notification_on_reject", Caller("13912345678"), Caller("13912345678"), "Android's missed-call notification for a rejected call", "skipped", "shown",
                setup = { it.block("13912345678") },
                observe = { if (it.answer.skipNotification) "skipped" else "shown" },
            ),
            Case(
                "banner_for_unknown", Caller("13612345678"), Caller("13612345679"), "a banner for an unknown number", "banner", "none",
                observe = { o -> if (o.shown.any { it.channel == Channel.RINGING.id }) "banner" else "none" },
            ),
            Case(
                "history_enabled", Caller("13612345678"), Caller("13612345679"), "the call in the history", 1, 1,
                observe = { it.historySize },
            ),
        )

        @JvmStatic
        @ParameterizedRobolectricTestRunner.Parameters(name = "{0}")
        fun cases(): List<Array<Any>> {
            val switches = SettingSpecs.ALL.filter { it.kind == SettingKind.SWITCH }.map { it.key }.toSet()
            check(cases.map { it.key }.toSet() == switches) {
                "every switch on the settings screen needs a flow here: switches $switches, flows ${cases.map { it.key }}"
            }
            return cases.map { arrayOf<Any>(it) }
        }
    }
}
