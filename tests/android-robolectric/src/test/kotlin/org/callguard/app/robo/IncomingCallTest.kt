package org.callguard.app.robo

import android.app.NotificationManager
import android.telecom.TelecomManager
import org.callguard.app.R
import org.callguard.app.banner.Channel
import org.callguard.app.banner.NotificationContents
import org.callguard.bridge.Label
import org.callguard.bridge.Reason
import org.callguard.bridge.ReportCategory
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Test
import org.robolectric.annotation.Config

/**
 * A call arrives: Telecom binds the real CallGuardScreeningService and hands it the call; the
 * app asks the real engine and answers exactly once, and the user sees the banner (or the quiet
 * summary of a silenced or rejected call) on the right channel, with the right words and buttons.
 */
class IncomingCallTest : CallTest() {
    private val buttons = listOf(R.string.notification_action_report_plan, R.string.notification_action_block, R.string.notification_action_mark_safe)

    /** Rings [caller]; checks the one answer came in time and returns it with what the user sees. */
    private fun ring(caller: Caller): Pair<TelecomAnswer, List<Shown>> {
        app.getSystemService(NotificationManager::class.java)!!.cancelAll()
        val call = telecom.ring(caller)
        val answer = call.answer
        // Telecom gives a screening app about 5 s; the app's own budget is 1 s.
        assertTrue("answered in ${call.millis} ms", call.millis < 5_000)
        val response = checkNotNull(call.response) { "respondToCall was not called" }
        // What Telecom got is what the app built.
        assertEquals(response.disallowCall, answer.disallow)
        assertEquals(response.silenceCall, answer.silence)
        return answer to app.shownNotifications()
    }

    private fun assertRings(answer: TelecomAnswer) {
        assertTrue("the call rings: $answer", answer.rings)
        assertFalse(answer.reject || answer.skipCallLog || answer.skipNotification)
    }

    /** The one banner of a ringing call: on the heads-up channel, with the never-share-a-code warning. */
    private fun banner(shown: List<Shown>): Shown {
        assertEquals("one notification: $shown", 1, shown.size)
        val banner = shown.single()
        assertEquals(Channel.RINGING.id, banner.channel)
        assertTrue(banner.title.isNotBlank() && banner.text.isNotBlank())
        assertTrue("expanded text starts with the body", banner.bigText.startsWith(banner.text))
        return banner
    }

    private fun assertWarnsAboutCodes(banner: Shown) {
        assertTrue("never-share-a-code warning in: ${banner.bigText}", banner.bigText.contains("verification code"))
    }

    /** No text the user sees holds [number] in full (DESIGN §5: masked numbers only). */
    private fun assertNumberHidden(shown: Shown, number: String) {
        for (text in listOf(shown.title, shown.text, shown.bigText)) assertFalse("full number in \"$text\"", text.contains(number))
    }

    @Test
    fun `10085, China Mobile's marketing number, rings with its banner`() {
        val (answer, shown) = ring(Caller("10085"))
        assertRings(answer)
        val banner = banner(shown)
        assertTrue(banner.title, banner.title.contains("China Mobile") && banner.title.contains("10085"))
        assertWarnsAboutCodes(banner)
        assertEquals(buttons.map(::string), banner.actions)
        assertEquals(NotificationContents.COLOR_INFO, banner.notification.color)
    }

    @Test
    @Config(qualifiers = "zh-rCN")
    fun `10085 on a Chinese phone gets a Chinese banner`() {
        val (answer, shown) = ring(Caller("10085"))
        assertRings(answer)
        val banner = banner(shown)
        assertTrue(banner.title, banner.title.contains("中国移动") && banner.title.contains("10085"))
        assertTrue(banner.bigText, banner.bigText.contains("验证码"))
        assertEquals(buttons.map(::string), banner.actions)
        assertTrue("Chinese buttons", banner.actions.all { title -> title.any { it.code in 0x4E00..0x9FFF } })
    }

    @Test
    fun `a carrier look-alike rings with a red warning naming the official numbers`() {
        val (answer, shown) = ring(Caller("01010086"))
        assertRings(answer)
        val banner = banner(shown)
        assertTrue(banner.title, banner.title.contains("look-alike"))
        assertWarnsAboutCodes(banner)
        assertTrue(banner.bigText, listOf("10001", "10085", "10016").all { banner.bigText.contains(it) })
        assertEquals(NotificationContents.COLOR_DANGER, banner.notification.color)
        assertEquals(buttons.map(::string), banner.actions)
    }

    @Test
    fun `a number the user reported as a plan or SIM offer rings with a masked warning`() {
        engine().report("13812345678", ReportCategory.SIM_OFFER)
        val (answer, shown) = ring(Caller("13812345678"))
        assertRings(answer)
        val banner = banner(shown)
        assertWarnsAboutCodes(banner)
        assertTrue(banner.bigText, banner.bigText.contains("138****5678"))
        assertNumberHidden(banner, "13812345678")
        assertEquals(NotificationContents.COLOR_DANGER, banner.notification.color)
    }

    @Test
    fun `a blocked number is rejected and summarised quietly`() {
        engine().block("13912345678")
        val (answer, shown) = ring(Caller("13912345678"))
        assertTrue(answer.disallow && answer.reject && !answer.silence)
        assertEquals(1, shown.size)
        val summary = shown.single()
        assertEquals(Channel.SCREENED.id, summary.channel)
        assertEquals(string(R.string.notification_screened_rejected), summary.title)
        // Where the number is registered and whose range it is follow (issue 13): 139-1234 is Changzhou.
        assertEquals(
            string(R.string.notification_screened_text, "139****5678", string(R.string.label_user_blocked)) +
                " · Changzhou, Jiangsu · Range: China Mobile",
            summary.text,
        )
        assertNumberHidden(summary, "13912345678")
        // Already blocked: report or mark safe, no second "Block".
        assertEquals(listOf(R.string.notification_action_report_plan, R.string.notification_action_mark_safe).map(::string), summary.actions)
        assertEquals(Label.USER_BLOCKED, engine().history(1).single().label)
    }

    @Test
    fun `an emergency number rings, even when the user blocked it, with no button to block it`() {
        engine().block("110", force = true)
        val (answer, shown) = ring(Caller("110"))
        assertRings(answer)
        val banner = banner(shown)
        assertTrue(banner.title, banner.title.contains("110"))
        assertTrue("no buttons on an emergency call", banner.actions.isEmpty())
    }

    @Test
    fun `a hidden caller rings with a warning and nothing to block`() {
        val (answer, shown) = ring(Caller(null))
        assertRings(answer)
        val banner = banner(shown)
        assertEquals("Hidden number", banner.title)
        assertWarnsAboutCodes(banner)
        assertTrue(banner.actions.isEmpty())
        assertEquals(Label.HIDDEN, engine().history(1).single().label)
    }

    @Test
    fun `a payphone or unavailable number is not mistaken for a normal caller`() {
        val (answer, _) = ring(Caller(null, presentation = TelecomManager.PRESENTATION_UNAVAILABLE))
        assertRings(answer)
        assertEquals(Label.HIDDEN, engine().history(1).single().label)
    }

    @Test
    fun `while protection is paused a blocked number rings`() {
        engine().block("13912345678")
        engine().setSetting("paused", "true")
        val (answer, shown) = ring(Caller("13912345678"))
        assertRings(answer)
        assertTrue("no rejected-call summary: $shown", shown.none { it.channel == Channel.SCREENED.id })
        val last = engine().history(1).single()
        assertTrue(last.reasons.toString(), Reason.PROTECTION_PAUSED in last.reasons)
    }
}
