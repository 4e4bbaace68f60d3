package org.callguard.app.robo

import android.app.Notification
import android.app.NotificationManager
import org.callguard.app.banner.NotificationContents
import org.callguard.app.banner.Notifier
import org.callguard.app.screening.ResponsePlan
import org.callguard.app.wording.textsIn
import org.callguard.bridge.ContactStatus
import org.callguard.bridge.Language
import org.callguard.bridge.ScreenRequest
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Test
import org.robolectric.Shadows.shadowOf
import java.util.Locale

/**
 * One language per notification (issue 11, item 12): on an English phone with CallGuard set to
 * Chinese, the engine writes the banner in Chinese, and the title, summary and buttons the app
 * adds are Chinese too — the real engine's decision, the real Notifier, the notification as
 * Android holds it.
 */
class NotificationLanguageTest : AppTest() {
    private val han = Regex("\\p{IsHan}")
    private val englishWord = Regex("[A-Za-z]{3,}")

    private fun posted(): List<Notification> =
        shadowOf(app.getSystemService(NotificationManager::class.java)).allNotifications

    private fun assertChinese(what: String, text: CharSequence?) {
        val words = text?.toString().orEmpty()
        assertTrue("$what: $words", han.containsMatchIn(words))
        assertFalse("$what has English: $words", englishWord.containsMatchIn(words.replace("CallGuard", "")))
    }

    @Test
    fun `a Chinese banner rings with Chinese buttons on an English phone`() {
        assertEquals("en", Locale.getDefault().language)
        val decision = engine().screen(ScreenRequest(number = "100861", contact = ContactStatus.NOT_CONTACT, language = Language.ZH))
        val plan = ResponsePlan.forDecision(decision)
        val content = NotificationContents.ringing(decision, plan, System.currentTimeMillis(), app.textsIn(Language.ZH))!!
        Notifier(app).show(content)
        val notification = posted().single()
        assertChinese("title", notification.extras.getCharSequence(Notification.EXTRA_TITLE))
        assertEquals(3, notification.actions.size)
        notification.actions.forEach { assertChinese("button", it.title) }
    }

    @Test
    fun `a rejected call's summary is in the banner's language`() {
        engine().setSetting("block_lookalike", "true")
        val decision = engine().screen(ScreenRequest(number = "100861", contact = ContactStatus.NOT_CONTACT, language = Language.ZH))
        val plan = ResponsePlan.forDecision(decision)
        assertTrue(plan.disallow)
        val content = NotificationContents.screened(decision, plan, System.currentTimeMillis(), app.textsIn(Language.ZH))!!
        Notifier(app).show(content)
        val notification = posted().single()
        assertChinese("title", notification.extras.getCharSequence(Notification.EXTRA_TITLE))
        assertChinese("text", notification.extras.getCharSequence(Notification.EXTRA_TEXT))
        notification.actions.forEach { assertChinese("button", it.title) }
    }

    @Test
    fun `an English banner gets English buttons`() {
        val decision = engine().screen(ScreenRequest(number = "100861", contact = ContactStatus.NOT_CONTACT, language = Language.EN))
        val content = NotificationContents.ringing(decision, ResponsePlan.forDecision(decision), 0, app.textsIn(Language.EN))!!
        Notifier(app).show(content)
        val notification = posted().single()
        notification.actions.forEach { assertFalse(it.title.toString(), han.containsMatchIn(it.title)) }
    }
}
