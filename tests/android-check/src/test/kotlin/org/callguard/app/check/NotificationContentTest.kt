package org.callguard.app.check

// Proves what the banner and the summaries show: the engine's texts with the verification-code
// warning, a colour per severity, masked numbers, and the actions that make sense per label.

import org.callguard.app.banner.BannerAction
import org.callguard.app.banner.Channel
import org.callguard.app.banner.NotificationContents
import org.callguard.app.screening.ResponsePlan
import org.callguard.bridge.Action
import org.callguard.bridge.Carrier
import org.callguard.bridge.Label
import org.callguard.bridge.Severity
import org.callguard.bridge.SmsVerdict
import org.callguard.bridge.SmsWarning
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.CsvSource
import org.junit.jupiter.params.provider.EnumSource

class NotificationContentTest {
    private val texts = StringResources.english.texts()
    private val chinese = StringResources.chinese.texts()

    private fun plan(action: Action) = ResponsePlan.forDecision(Decisions.of(action = action))

    @Test
    fun `the ringing banner shows title, body and the verification-code warning`() {
        val decision = Decisions.of(label = Label.CARRIER_LOOKALIKE, banner = Decisions.banner(Severity.DANGER))
        val content = NotificationContents.ringing(decision, ResponsePlan.ALLOW, 42, texts)!!
        assertEquals(Channel.RINGING, content.channel)
        assertEquals("Fake carrier number", content.title)
        assertEquals("138****8000 is not 10086.", content.text)
        assertEquals("138****8000 is not 10086.\n\nNever give a verification code to anyone.", content.bigText)
        assertEquals(NotificationContents.COLOR_DANGER, content.color)
        assertEquals(42, content.timeMillis)
        assertEquals("13800138000", content.number)
        assertEquals(listOf(BannerAction.REPORT_PLAN_OFFER, BannerAction.BLOCK, BannerAction.MARK_SAFE), content.actions)
        assertEquals(content.actions.map { texts.get(it.title) }, content.actionTitles)
    }

    @Test
    fun `a Chinese banner gets Chinese buttons and summary, whatever the phone's language`() {
        // The engine wrote the banner in Chinese (the app's language setting); the phone may be
        // in English. Every other word of the notification comes from the same language.
        val banner = Decisions.banner(Severity.DANGER).copy(title = "冒充运营商的号码", body = "138****8000 不是 10086。", warning = "任何时候都不要把验证码告诉任何人。")
        val ringing = NotificationContents.ringing(Decisions.of(label = Label.CARRIER_LOOKALIKE, banner = banner), ResponsePlan.ALLOW, 0, chinese)!!
        val han = Regex("\\p{IsHan}")
        assertTrue(ringing.actionTitles.all { han.containsMatchIn(it) }, ringing.actionTitles.toString())
        val rejected = Decisions.of(label = Label.CARRIER_LOOKALIKE, action = Action.REJECT, banner = banner)
        val summary = NotificationContents.screened(rejected, plan(Action.REJECT), 0, chinese)!!
        for (words in listOf(summary.title, summary.text, summary.bigText) + summary.actionTitles) {
            assertTrue(han.containsMatchIn(words), words)
            assertFalse(Regex("[A-Za-z]{3,}").containsMatchIn(words.replace("CallGuard", "")), "English in: $words")
        }
    }

    @Test
    fun `a banner without a warning expands to its body`() {
        val decision = Decisions.of(label = Label.CARRIER_HOTLINE, banner = Decisions.banner(Severity.INFO, warning = null))
        assertEquals("138****8000 is not 10086.", NotificationContents.ringing(decision, ResponsePlan.ALLOW, 0, texts)!!.bigText)
    }

    @ParameterizedTest
    @EnumSource(Severity::class)
    fun `each severity has its own colour`(severity: Severity) {
        val others = Severity.entries.filter { it != severity }.map(NotificationContents::colorOf)
        assertFalse(NotificationContents.colorOf(severity) in others)
        assertNotEquals(NotificationContents.COLOR_NEUTRAL, NotificationContents.colorOf(severity))
        assertEquals(0xFF, NotificationContents.colorOf(severity) ushr 24, "opaque")
    }

    @Test
    fun `no banner from the engine means no heads-up`() {
        assertNull(NotificationContents.ringing(Decisions.of(banner = null), ResponsePlan.ALLOW, 0, texts))
    }

    @ParameterizedTest
    @EnumSource(value = Action::class, names = ["SILENCE", "REJECT"])
    fun `silenced and rejected calls get a quiet summary instead of a heads-up`(action: Action) {
        val decision = Decisions.of(label = Label.CARRIER_LOOKALIKE, action = action, banner = Decisions.banner())
        val plan = plan(action)
        assertNull(NotificationContents.ringing(decision, plan, 0, texts))
        val summary = NotificationContents.screened(decision, plan, 7, texts)!!
        assertEquals(Channel.SCREENED, summary.channel)
        assertEquals(if (action == Action.REJECT) "Rejected a call" else "Silenced a call", summary.title)
        assertEquals("138****8000 · Fake carrier number", summary.text)
        assertTrue(summary.bigText.endsWith("Never give a verification code to anyone."))
        assertFalse(summary.text.contains("13800138000"), "full number shown")
        val blocked = summary.actions.contains(BannerAction.BLOCK)
        assertEquals(action == Action.SILENCE, blocked, "block is offered only for a call that was not rejected")
    }

    @Test
    fun `the summary is in the language it is given`() {
        val decision = Decisions.of(label = Label.SUSPICIOUS, action = Action.REJECT)
        val summary = NotificationContents.screened(decision, plan(Action.REJECT), 0, chinese)!!
        assertEquals("已拒接一个来电", summary.title)
        assertEquals("138****8000 · 可疑号码", summary.text)
        assertEquals(NotificationContents.COLOR_NEUTRAL, summary.color)
    }

    @Test
    fun `the banner and the summary say where the caller is from, and whose range it is`() {
        val located = Decisions.of(label = Label.SUSPICIOUS, action = Action.REJECT, banner = Decisions.banner()).let {
            it.copy(number = it.number.copy(location = "广东省深圳市", carrierHint = Carrier.CHINA_MOBILE))
        }
        val summary = NotificationContents.screened(located, plan(Action.REJECT), 0, chinese)!!
        assertEquals("138****8000 · 可疑号码 · 广东省深圳市 · 号段：中国移动", summary.text)
        assertEquals("广东省深圳市", summary.subText)
        val english = located.copy(number = located.number.copy(location = "Shenzhen, Guangdong"))
        assertEquals(
            "138****8000 · Suspicious · Shenzhen, Guangdong · Range: China Mobile",
            NotificationContents.screened(english, plan(Action.REJECT), 0, texts)!!.text,
        )
        val ringing = NotificationContents.ringing(english.copy(action = Action.ALLOW), ResponsePlan.ALLOW, 0, texts)!!
        assertEquals("Shenzhen, Guangdong", ringing.subText)
        // Unknown places add nothing.
        val nowhere = Decisions.of(label = Label.SUSPICIOUS, action = Action.REJECT)
        assertEquals("138****8000 · 可疑号码", NotificationContents.screened(nowhere, plan(Action.REJECT), 0, chinese)!!.text)
    }

    @Test
    fun `a hidden caller is named as such and offers no action`() {
        val decision = Decisions.of(label = Label.HIDDEN, action = Action.REJECT, number = "")
        val summary = NotificationContents.screened(decision, plan(Action.REJECT), 0, texts)!!
        assertEquals("Hidden number", summary.text)
        assertTrue(summary.actions.isEmpty())
    }

    @Test
    fun `a call that rang gets no summary`() {
        assertNull(NotificationContents.screened(Decisions.of(), ResponsePlan.ALLOW, 0, texts))
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
        "EMERGENCY, ''",
        "PUBLIC_SERVICE, ''",
        "HIDDEN, ''",
        "USER_BLOCKED, REPORT_PLAN_OFFER MARK_SAFE",
        "USER_ALLOWED, REPORT_PLAN_OFFER BLOCK",
        "CONTACT, REPORT_PLAN_OFFER BLOCK",
        "CARRIER_MARKETING, REPORT_PLAN_OFFER BLOCK MARK_SAFE",
        "SUSPICIOUS_PLAN_OFFER, REPORT_PLAN_OFFER BLOCK MARK_SAFE",
        "UNKNOWN, REPORT_PLAN_OFFER BLOCK MARK_SAFE",
    )
    fun `actions offered per label`(label: Label, expected: String) {
        val actions = NotificationContents.actionsFor(Decisions.of(label = label))
        assertEquals(expected.split(" ").filter { it.isNotEmpty() }.map(BannerAction::valueOf), actions)
    }

    @Test
    fun `every banner action has its words and a distinct intent action`() {
        for (action in BannerAction.entries) {
            assertTrue(texts.get(action.title).isNotBlank())
            assertTrue(chinese.get(action.title).isNotBlank())
            assertEquals(action, BannerAction.fromIntentAction(action.intentAction))
        }
        assertEquals("Report offer", texts.get(BannerAction.REPORT_PLAN_OFFER.title))
        assertEquals("举报推销", chinese.get(BannerAction.REPORT_PLAN_OFFER.title))
    }

    @Test
    fun `button words fit a three-button notification`() {
        // Three actions share one row of the expanded notification: longer words are cut off.
        for (action in BannerAction.entries) {
            assertTrue(texts.get(action.title).length <= 14, texts.get(action.title))
            assertTrue(chinese.get(action.title).length <= 6, chinese.get(action.title))
        }
        assertNull(BannerAction.fromIntentAction("android.intent.action.MAIN"))
    }

    @Test
    fun `an SMS warning is a high-priority notification, and no warning means none`() {
        val warning = SmsWarning("Do not share this code", "A suspicious call came 2 minutes ago.", Severity.DANGER)
        val verdict = SmsVerdict(isCode = true, codeLength = 6, senderName = null, warning = warning)
        val content = NotificationContents.smsWarning(verdict, "1069012345", 5)!!
        assertEquals(Channel.SMS_WARNING, content.channel)
        assertEquals("Do not share this code", content.title)
        assertEquals(NotificationContents.COLOR_DANGER, content.color)
        assertTrue(content.actions.isEmpty())
        assertNull(NotificationContents.smsWarning(SmsVerdict(true, 6, null, null), "1069012345", 5))
    }

    @ParameterizedTest(name = "{0} shown as {1}")
    @CsvSource(
        "075512345678, 0755****5678",
        "12345678, ****5678",
        "+447911123456, +447*****3456",
    )
    fun `the summary and the buttons' reply show the engine's masked number, never the full one`(number: String, masked: String) {
        val decision = Decisions.of(label = Label.SUSPICIOUS, action = Action.SILENCE, number = number, masked = masked)
        val summary = NotificationContents.screened(decision, plan(Action.SILENCE), 0, texts)!!
        assertEquals("$masked · Suspicious", summary.text)
        assertEquals(masked, summary.shownNumber)
        assertEquals(number, summary.number, "the actions still act on the whole number")
        assertFalse(summary.text.contains(number) || summary.bigText.contains(number), "full number shown")
    }
}
