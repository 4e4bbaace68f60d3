package org.callguard.app.robo

import android.app.Activity
import android.app.NotificationManager
import android.app.role.RoleManager
import android.graphics.Bitmap
import android.os.SystemClock
import android.view.View
import android.view.ViewGroup
import android.view.WindowInsets
import android.widget.LinearLayout
import android.widget.ScrollView
import android.widget.TextView
import org.callguard.app.R
import org.callguard.app.banner.Channel
import org.callguard.app.ui.HistoryActivity
import org.callguard.app.ui.RulesActivity
import org.callguard.app.ui.SettingsActivity
import org.callguard.app.ui.StatusActivity
import org.callguard.bridge.Carrier
import org.callguard.bridge.Language
import org.callguard.bridge.ReportCategory
import org.junit.Assert.assertEquals
import org.junit.Before
import org.junit.Test
import org.robolectric.Robolectric
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config
import java.io.File
import java.time.Instant

/**
 * Every screen, rendered as on a 1080 × 2400, 420 dpi phone (Android 16, the target SDK) and
 * saved as PNG for the store listing (run.sh --update-screenshots copies them into
 * fastlane/metadata/android). A screen fails when it throws, renders blank, or shows a raw
 * resource name, a placeholder, cut-off text or (in Chinese) untranslated words — never on
 * pixel differences.
 */
abstract class ScreenshotsTest(private val folder: String, private val chinese: Boolean) : AppTest() {
    private val out: File
        get() = File(System.getProperty("callguard.screenshots") ?: "target/screenshots", folder)

    private fun note(en: String, zh: String) = if (chinese) zh else en

    @Before
    fun realClock() {
        // The framework's clock (Robolectric's) to the real time the app stamps calls with, so
        // a notification does not say "in 57 years".
        SystemClock.setCurrentTimeMillis(Instant.now().toEpochMilli())
    }

    private fun save(name: String, root: View, bitmap: Bitmap) {
        val problems = ScreenCheck.problems(
            root,
            bitmap,
            chinese,
            coveredTop = ScreenCheck.barsBottom(root, Phone.statusBarPx(app)),
            coveredBottom = Phone.navigationBarPx(app),
        )
        ScreenCheck.save(bitmap, File(out, "$name.png"))
        assertEquals("$folder/$name.png", emptyList<String>(), problems)
    }

    private fun shoot(name: String, activity: Activity) {
        settle()
        save(name, activity.window.decorView, Phone.window(activity))
    }

    private fun dark() {
        RuntimeEnvironment.setQualifiers("+night")
    }

    /** A few real calls through the real screening service, so history and status have content. */
    private fun someCalls() {
        val engine = engine()
        engine.block("13912345678")
        engine.report("13812345678", ReportCategory.SIM_OFFER)
        val telecom = Telecom()
        for (number in listOf("4001234567", "13912345678", null, "13812345678", "10085", "01010086")) telecom.ring(Caller(number))
        telecom.unbind()
        app.getSystemService(NotificationManager::class.java)!!.cancelAll()
    }

    private fun ready() {
        shadowOf(app.getSystemService(RoleManager::class.java)).apply {
            addAvailableRole(RoleManager.ROLE_CALL_SCREENING)
            addHeldRole(RoleManager.ROLE_CALL_SCREENING)
        }
    }

    @Test
    fun `01 onboarding`() {
        shadowOf(app.getSystemService(RoleManager::class.java)).addAvailableRole(RoleManager.ROLE_CALL_SCREENING)
        shadowOf(app.getSystemService(NotificationManager::class.java)).setNotificationsEnabled(false)
        shoot("01_onboarding", Robolectric.buildActivity(StatusActivity::class.java).setup().get())
    }

    @Test
    fun `02 status`() {
        ready()
        someCalls()
        shoot("02_status", Robolectric.buildActivity(StatusActivity::class.java).setup().get())
    }

    @Test
    fun `03 settings`() {
        shoot("03_settings", Robolectric.buildActivity(SettingsActivity::class.java).setup().get())
    }

    @Test
    fun `04 refusals and evidence`() {
        engine().refuseMarketing(Carrier.CHINA_MOBILE)
        val activity = Robolectric.buildActivity(SettingsActivity::class.java).setup().get()
        settle()
        // Scrolled to the end: the refusals, the lists and the user's data.
        val scroll = activity.requireViewById<ViewGroup>(android.R.id.content).getChildAt(0) as ScrollView
        Phone.window(activity)
        scroll.fullScroll(View.FOCUS_DOWN)
        shoot("04_refusals", activity)
    }

    @Test
    fun `05 rules`() {
        val engine = engine()
        engine.block("400*", note = note("all 400 numbers", "所有 400 号码"))
        engine.block("17012345678", note = note("offered a SIM card", "推销手机卡"))
        engine.block("0755????????", note = note("Shenzhen sales calls", "深圳推销电话"))
        engine.allow("13800138000", note = note("my bank", "我的银行"))
        engine.allow("95588")
        shoot("05_rules", Robolectric.buildActivity(RulesActivity::class.java).setup().get())
    }

    @Test
    fun `06 history`() {
        someCalls()
        shoot("06_history", Robolectric.buildActivity(HistoryActivity::class.java).setup().get())
    }

    @Test
    fun `07 evidence`() {
        // The complaint evidence is handed to Android's share sheet as text; shown here as the
        // app's own words on a page, the closest faithful view of what the user sends.
        engine().refuseMarketing(Carrier.CHINA_MOBILE)
        val telecom = Telecom()
        telecom.ring(Caller("10085"))
        telecom.unbind()
        val evidence = engine().evidence(if (chinese) Language.ZH else Language.EN).text
        val activity = Robolectric.buildActivity(Activity::class.java).setup().get()
        activity.setTheme(R.style.Theme_CallGuard)
        activity.title = activity.getString(R.string.evidence_subject)
        val pad = Phone.dp(activity, 16)
        val page = LinearLayout(activity).apply {
            orientation = LinearLayout.VERTICAL
            setPadding(pad, pad, pad, pad)
            addView(TextView(activity).apply { text = evidence; setTextIsSelectable(true) })
            setOnApplyWindowInsetsListener { view, insets ->
                val bars = insets.getInsets(WindowInsets.Type.systemBars())
                view.setPadding(pad, pad + bars.top, pad, pad + bars.bottom)
                insets
            }
        }
        activity.setContentView(ScrollView(activity).apply { addView(page) })
        shoot("07_evidence", activity)
    }

    private fun banner(name: String, number: String) {
        val telecom = Telecom()
        telecom.ring(Caller(number))
        telecom.unbind()
        val shown = app.shownNotifications().single { it.channel == Channel.RINGING.id }
        val bitmap = Phone.headsUp(app, shown.notification)
        ScreenCheck.save(bitmap, File(out, "$name.png"))
        // The template's own views, re-applied for the checks.
        val views = Phone.template(app, shown.notification).createBigContentView().apply(app, android.widget.FrameLayout(app))
        views.measure(View.MeasureSpec.makeMeasureSpec(Phone.WIDTH - Phone.dp(app, 16), View.MeasureSpec.EXACTLY), View.MeasureSpec.UNSPECIFIED)
        views.layout(0, 0, views.measuredWidth, views.measuredHeight)
        assertEquals("$folder/$name.png", emptyList<String>(), ScreenCheck.problems(views, bitmap, chinese).filterNot { it.startsWith("cut off") })
    }

    @Test
    fun `08 banner for a carrier look-alike`() = banner("08_banner_lookalike", "01010086")

    @Test
    fun `09 banner for 10085`() = banner("09_banner_10085", "10085")

    @Test
    fun `10 status, dark`() {
        ready()
        someCalls()
        dark()
        shoot("10_status_dark", Robolectric.buildActivity(StatusActivity::class.java).setup().get())
    }

    @Test
    fun `11 settings, dark`() {
        dark()
        shoot("11_settings_dark", Robolectric.buildActivity(SettingsActivity::class.java).setup().get())
    }

    @Test
    fun `12 banner for a carrier look-alike, dark`() {
        dark()
        banner("12_banner_lookalike_dark", "01010086")
    }
}

/** The English listing. */
@Config(sdk = [36], qualifiers = "en-rUS-w411dp-h914dp-420dpi")
class EnglishScreenshotsTest : ScreenshotsTest("en-US", chinese = false)

/** The Simplified Chinese listing. */
@Config(sdk = [36], qualifiers = "zh-rCN-w411dp-h914dp-420dpi")
class ChineseScreenshotsTest : ScreenshotsTest("zh-CN", chinese = true)
