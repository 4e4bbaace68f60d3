package org.callguard.app.robo

import android.app.NotificationManager
import org.callguard.app.R
import org.callguard.app.banner.Channel
import org.callguard.bridge.Action
import org.callguard.bridge.Label
import org.callguard.bridge.Reason
import org.callguard.bridge.ReportCategory
import org.callguard.bridge.RuleEffect
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Test
import org.robolectric.shadows.ShadowToast

/**
 * After the call: the banner's buttons go through their real PendingIntents to the real
 * BannerActionReceiver (delivered by the framework from the manifest), and the next call from
 * that number gets what the user asked for.
 */
class AfterTheCallTest : CallTest() {
    private fun ringAndShow(number: String): Pair<TelecomAnswer, Shown> {
        app.getSystemService(NotificationManager::class.java)!!.cancelAll()
        val answer = telecom.ring(Caller(number)).answer
        return answer to app.shownNotifications().single()
    }

    /** Presses [button] on [shown] and waits for the receiver's confirmation. */
    private fun press(shown: Shown, button: Int): String {
        val before = ShadowToast.shownToastCount()
        shown.action(string(button)).actionIntent.send()
        waitUntil("the receiver confirmed") { ShadowToast.shownToastCount() > before }
        return ShadowToast.getTextOfLatestToast()
    }

    @Test
    fun `offered a plan - report and block - and the next call from that number is rejected`() {
        val number = "01010086"
        val (first, banner) = ringAndShow(number)
        assertTrue(first.rings)
        assertEquals(Channel.RINGING.id, banner.channel)

        val confirmation = press(banner, R.string.notification_action_report_plan)
        // The number as the banner showed it: a carrier code behind an area code is no one's
        // line, so it stays whole, its area code set apart.
        assertEquals(string(R.string.notification_done_reported, "010 10086"), confirmation)
        assertTrue("the banner is gone", app.shownNotifications().none { it.id == banner.id })
        val rule = engine().rules().single()
        assertEquals(number, rule.pattern)
        assertEquals(RuleEffect.BLOCK, rule.effect)

        val (second, summary) = ringAndShow(number)
        assertTrue("rejected: $second", second.disallow && second.reject)
        assertEquals(Channel.SCREENED.id, summary.channel)
        // Still labelled a look-alike (the stronger fact), rejected because of the user's rule.
        val last = engine().history(1).single()
        assertEquals(Action.REJECT, last.action)
        assertTrue(last.reasons.toString(), Reason.USER_RULE in last.reasons)
    }

    @Test
    fun `a reported plan offer is kept as a report, so it warns even after the block is lifted`() {
        val number = "13812345678"
        val (_, banner) = ringAndShow(number)
        press(banner, R.string.notification_action_report_plan)
        engine().unblock(number)
        val (answer, next) = ringAndShow(number)
        assertTrue(answer.rings)
        assertEquals(Label.SUSPICIOUS_PLAN_OFFER, engine().history(1).single().label)
        assertTrue(next.bigText, next.bigText.contains("138****5678"))
    }

    @Test
    fun `mark safe on a rejected call's summary - the next call rings`() {
        val number = "13912345678"
        engine().block(number)
        val (rejected, summary) = ringAndShow(number)
        assertTrue(rejected.disallow)

        val confirmation = press(summary, R.string.notification_action_mark_safe)
        assertEquals(string(R.string.notification_done_marked_safe, "139****5678"), confirmation)

        app.getSystemService(NotificationManager::class.java)!!.cancelAll()
        val next = telecom.ring(Caller(number)).answer
        assertTrue("rings after mark safe: $next", next.rings)
        assertEquals(Label.USER_ALLOWED, engine().history(1).single().label)
        assertEquals(RuleEffect.ALLOW, engine().rules().single().effect)
    }

    @Test
    fun `block from the banner - the next call is rejected, and no report is filed`() {
        val number = "17012345678"
        engine().report(number, ReportCategory.FRAUD)
        val (first, banner) = ringAndShow(number)
        assertTrue(first.rings)
        val confirmation = press(banner, R.string.notification_action_block)
        assertEquals(string(R.string.notification_done_blocked, "170****5678"), confirmation)
        val (second, _) = ringAndShow(number)
        assertTrue(second.disallow && second.reject)
        assertFalse(engine().rules().isEmpty())
    }
}
