package org.callguard.app.robo

import android.app.AlertDialog
import android.app.NotificationManager
import android.content.DialogInterface
import android.content.Intent
import android.view.ViewGroup
import android.widget.Button
import android.widget.TextView
import org.callguard.app.R
import org.callguard.app.banner.Channel
import org.callguard.app.ui.SettingsActivity
import org.callguard.bridge.Action
import org.callguard.bridge.Carrier
import org.callguard.bridge.Reason
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Test
import org.robolectric.Robolectric
import org.robolectric.Shadows.shadowOf
import org.robolectric.shadows.ShadowAlertDialog

/**
 * "I refused marketing" and the settings chosen from a list: what the user records and picks
 * on the settings screen decides the next call, and the refused carrier's calls become
 * evidence for a complaint to 12300.
 */
class RefusalAndChoicesTest : CallTest() {
    private lateinit var activity: SettingsActivity

    @Before
    fun open() {
        activity = Robolectric.buildActivity(SettingsActivity::class.java).setup().get()
        settle()
    }

    private fun ring(number: String): TelecomAnswer {
        app.getSystemService(NotificationManager::class.java)!!.cancelAll()
        return telecom.ring(Caller(number)).answer
    }

    private fun refusalRow(carrier: Int, number: String): ViewGroup {
        val rows = activity.requireViewById<ViewGroup>(R.id.refusal_rows)
        val title = string(R.string.refusal_carrier, string(carrier), number)
        return (0 until rows.childCount).map { rows.getChildAt(it) as ViewGroup }
            .single { it.requireViewById<TextView>(R.id.refusal_carrier).text.toString() == title }
    }

    private fun settingRow(title: Int): ViewGroup {
        val rows = activity.requireViewById<ViewGroup>(R.id.setting_rows)
        return (0 until rows.childCount).map { rows.getChildAt(it) }.filterIsInstance<ViewGroup>()
            .single { row -> row.findViewById<TextView>(R.id.setting_title)?.text?.toString() == string(title) }
    }

    private fun latestDialog(): AlertDialog = checkNotNull(ShadowAlertDialog.getLatestAlertDialog()) { "no dialog" }

    @Test
    fun `I refused China Mobile - the next 10085 call is silenced and is 12300 evidence`() {
        assertTrue(ring("10085").rings)
        val row = refusalRow(R.string.carrier_china_mobile, "10085")
        assertEquals(string(R.string.refusal_none), row.requireViewById<TextView>(R.id.refusal_state).text.toString())
        row.requireViewById<Button>(R.id.refusal_button).performClick()
        latestDialog().getButton(DialogInterface.BUTTON_POSITIVE).performClick()
        settle()
        val recorded = refusalRow(R.string.carrier_china_mobile, "10085").requireViewById<TextView>(R.id.refusal_state).text.toString()
        assertTrue(recorded, recorded != string(R.string.refusal_none))
        assertEquals(listOf(Carrier.CHINA_MOBILE), engine().refusals().map { it.carrier })

        val answer = ring("10085")
        assertTrue("silenced, still reaches the call log: $answer", answer.silence && !answer.disallow)
        val summary = app.shownNotifications().single()
        assertEquals(Channel.SCREENED.id, summary.channel)
        assertEquals(string(R.string.notification_screened_silenced), summary.title)
        assertTrue(Reason.REFUSED_MARKETING in engine().history(1).single().reasons)
        // Other carriers' marketing still rings.
        assertTrue(ring("10016").rings)

        activity.requireViewById<Button>(R.id.evidence_button).performClick()
        settle()
        val chooser = shadowOf(activity).nextStartedActivity
        assertEquals(Intent.ACTION_CHOOSER, chooser.action)
        @Suppress("DEPRECATION")
        val send = chooser.getParcelableExtra<Intent>(Intent.EXTRA_INTENT)!!
        assertEquals(Intent.ACTION_SEND, send.action)
        val evidence = send.getStringExtra(Intent.EXTRA_TEXT).orEmpty()
        assertTrue(evidence, evidence.contains("10085") && evidence.contains("12300"))
    }

    @Test
    fun `after a refusal, choosing reject makes the next 10085 call rejected`() {
        engine().refuseMarketing(Carrier.CHINA_MOBILE)
        settingRow(R.string.setting_after_refusal_action).performClick()
        val dialog = latestDialog()
        assertEquals(listOf(R.string.choice_silence, R.string.choice_reject).map(::string), (0 until dialog.listView.adapter.count).map { dialog.listView.adapter.getItem(it).toString() })
        shadowOf(dialog).clickOnItem(1)
        settle()
        assertEquals("reject", engine().setting("after_refusal_action"))
        assertEquals(string(R.string.choice_reject), settingRow(R.string.setting_after_refusal_action).requireViewById<TextView>(R.id.setting_value).text.toString())
        val answer = ring("10085")
        assertTrue(answer.disallow && answer.reject)
        assertEquals(Action.REJECT, engine().history(1).single().action)
    }

    @Test
    fun `choosing Chinese for banners gives a Chinese banner on an English phone`() {
        settingRow(R.string.setting_language).performClick()
        shadowOf(latestDialog()).clickOnItem(1)
        settle()
        assertEquals("zh", engine().setting("language"))
        ring("10085")
        val banner = app.shownNotifications().single()
        assertTrue(banner.title, banner.title.contains("中国移动"))
    }

    @Test
    fun `a number setting is typed in a dialog and kept by the core`() {
        settingRow(R.string.setting_repeated_call_minutes).performClick()
        val dialog = latestDialog()
        val input = shadowOf(dialog).view as android.widget.EditText
        input.setText("7")
        dialog.getButton(DialogInterface.BUTTON_POSITIVE).performClick()
        settle()
        assertEquals("7", engine().setting("repeated_call_minutes"))
        assertEquals(plural(R.plurals.unit_minutes, 7), settingRow(R.string.setting_repeated_call_minutes).requireViewById<TextView>(R.id.setting_value).text.toString())
    }

    @Test
    fun `a value the core refuses is explained and nothing changes`() {
        val before = engine().setting("history_days")
        settingRow(R.string.setting_history_days).performClick()
        val dialog = latestDialog()
        (shadowOf(dialog).view as android.widget.EditText).setText("0")
        dialog.getButton(DialogInterface.BUTTON_POSITIVE).performClick()
        settle()
        val error = latestDialog()
        assertTrue("an error is shown", error !== dialog && error.isShowing)
        assertEquals(before, engine().setting("history_days"))
    }

    @Test
    fun `every title on the settings screen is drawn alike, switch, choice or refusal`() {
        val rows = activity.requireViewById<ViewGroup>(R.id.setting_rows)
        val switches = (0 until rows.childCount).mapNotNull { rows.getChildAt(it).findViewById<android.widget.Switch>(R.id.setting_switch) }
        val choices = (0 until rows.childCount).mapNotNull { rows.getChildAt(it).findViewById<TextView>(R.id.setting_title) }
        val refusals = activity.requireViewById<ViewGroup>(R.id.refusal_rows).let { r ->
            (0 until r.childCount).map { r.getChildAt(it).requireViewById<TextView>(R.id.refusal_carrier) }
        }
        assertTrue("switches, choices and refusals on screen", switches.isNotEmpty() && choices.isNotEmpty() && refusals.isNotEmpty())
        val titles = switches + choices + refusals
        val looks = titles.map { Triple(it.currentTextColor, it.textSize, it.typeface?.style) }.toSet()
        assertEquals("one colour, size and style for every title: ${titles.map { "${it.text}: ${Integer.toHexString(it.currentTextColor)} ${it.textSize} ${it.typeface?.style}" }}", 1, looks.size)
    }
}
