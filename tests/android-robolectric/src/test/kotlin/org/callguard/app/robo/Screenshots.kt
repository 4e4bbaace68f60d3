package org.callguard.app.robo

import android.app.Activity
import android.app.Notification
import android.content.Context
import android.content.res.Configuration
import android.graphics.Bitmap
import android.graphics.Canvas
import android.graphics.Color
import android.graphics.Insets
import android.graphics.Paint
import android.graphics.RectF
import android.graphics.Typeface
import android.view.View
import android.view.ViewGroup
import android.view.WindowInsets
import android.widget.FrameLayout
import android.widget.TextView
import java.io.File

/**
 * Renders what a phone shows into a PNG: the app's window (decor view, action bar and all) on a
 * 1080 × 2400 px, 420 dpi screen, with the status bar and the gesture navigation bar drawn over
 * it where a phone draws them, and the matching insets handed to the window first — so content
 * the app lets slide under a system bar is hidden in the picture, as on the phone.
 */
object Phone {
    const val WIDTH = 1080
    const val HEIGHT = 2400

    /** Status bar: 24 dp plus the camera cut-out margin, as on a recent 420 dpi phone. */
    fun statusBarPx(context: Context) = dp(context, 32)

    /** Gesture navigation bar. */
    fun navigationBarPx(context: Context) = dp(context, 24)

    fun dp(context: Context, dp: Int) = (dp * context.resources.displayMetrics.density + 0.5f).toInt()

    fun isNight(context: Context) =
        context.resources.configuration.uiMode and Configuration.UI_MODE_NIGHT_MASK == Configuration.UI_MODE_NIGHT_YES

    /** The activity's whole window as the phone shows it. */
    fun window(activity: Activity): Bitmap {
        val decor = activity.window.decorView
        val insets = WindowInsets.Builder()
            .setInsets(WindowInsets.Type.statusBars(), Insets.of(0, statusBarPx(activity), 0, 0))
            .setInsets(WindowInsets.Type.navigationBars(), Insets.of(0, 0, 0, navigationBarPx(activity)))
            .setInsetsIgnoringVisibility(WindowInsets.Type.statusBars(), Insets.of(0, statusBarPx(activity), 0, 0))
            .setInsetsIgnoringVisibility(WindowInsets.Type.navigationBars(), Insets.of(0, 0, 0, navigationBarPx(activity)))
            .build()
        decor.dispatchApplyWindowInsets(insets)
        return draw(decor, activity, background = null, lightStatusBar = wantsDarkIcons(activity))
    }

    /** Whether the window asks for dark status-bar icons (a light status bar). */
    private fun wantsDarkIcons(activity: Activity): Boolean {
        val controller = activity.window.insetsController
        if (controller != null) {
            return controller.systemBarsAppearance and android.view.WindowInsetsController.APPEARANCE_LIGHT_STATUS_BARS != 0
        }
        @Suppress("DEPRECATION")
        return activity.window.decorView.systemUiVisibility and View.SYSTEM_UI_FLAG_LIGHT_STATUS_BAR != 0
    }

    /**
     * A heads-up notification as SystemUI shows it over a ringing call: the notification's own
     * RemoteViews (the expanded template, as a heads-up is shown when pulled down) applied into
     * a card at the top of the screen.
     */
    fun headsUp(context: Context, notification: Notification): Bitmap {
        val builder = template(context, notification)
        val remote = builder.createBigContentView() ?: builder.createHeadsUpContentView() ?: builder.createContentView()
        val margin = dp(context, 8)
        val screen = FrameLayout(context)
        val card = FrameLayout(context)
        val applied = remote.apply(context, card)
        card.addView(applied, FrameLayout.LayoutParams(ViewGroup.LayoutParams.MATCH_PARENT, ViewGroup.LayoutParams.WRAP_CONTENT))
        val night = isNight(context)
        card.background = android.graphics.drawable.GradientDrawable().apply {
            cornerRadius = dp(context, 24).toFloat()
            setColor(if (night) Color.rgb(0x2B, 0x2D, 0x31) else Color.rgb(0xF8, 0xF9, 0xFB))
        }
        card.clipToOutline = true
        screen.addView(
            card,
            FrameLayout.LayoutParams(ViewGroup.LayoutParams.MATCH_PARENT, ViewGroup.LayoutParams.WRAP_CONTENT).apply {
                setMargins(margin, statusBarPx(context) + margin, margin, 0)
            },
        )
        val wallpaper = if (night) Color.rgb(0x10, 0x14, 0x1C) else Color.rgb(0x5B, 0x6B, 0x84)
        return draw(screen, context, background = wallpaper, lightStatusBar = false)
    }

    /**
     * The notification's template as SystemUI builds it, with the small icon handed over already
     * drawn (the same vector, rasterised at its 24 dp size). SDK 36's template resolves a resource
     * icon through ImageDecoder first, and Robolectric's native ImageDecoder reading the compiled
     * vector XML as an image asset crashed the JVM now and then (SIGSEGV in memcpy under
     * `ShadowNativeImageDecoder.createFromAsset`); on a phone that decode fails cleanly and the
     * template falls back to `Icon.loadDrawable`, which is what this does up front.
     */
    fun template(context: Context, notification: Notification): Notification.Builder {
        val builder = Notification.Builder.recoverBuilder(context, notification)
        val icon = notification.smallIcon ?: return builder
        val drawable = icon.loadDrawable(context) ?: return builder
        val size = dp(context, 24)
        val bitmap = Bitmap.createBitmap(size, size, Bitmap.Config.ARGB_8888)
        drawable.setBounds(0, 0, size, size)
        drawable.draw(Canvas(bitmap))
        return builder.setSmallIcon(android.graphics.drawable.Icon.createWithBitmap(bitmap))
    }

    private fun draw(root: View, context: Context, background: Int?, lightStatusBar: Boolean): Bitmap {
        root.measure(
            View.MeasureSpec.makeMeasureSpec(WIDTH, View.MeasureSpec.EXACTLY),
            View.MeasureSpec.makeMeasureSpec(HEIGHT, View.MeasureSpec.EXACTLY),
        )
        root.layout(0, 0, WIDTH, HEIGHT)
        val bitmap = Bitmap.createBitmap(WIDTH, HEIGHT, Bitmap.Config.ARGB_8888)
        val canvas = Canvas(bitmap)
        if (background != null) canvas.drawColor(background)
        root.draw(canvas)
        drawSystemBars(canvas, context, darkIcons = lightStatusBar, darkHandle = background == null && !isNight(context))
        return bitmap
    }

    /**
     * The status bar (time, signal, battery; dark icons when the window asks for a light status
     * bar) and the gesture handle (dark over a light screen), drawn as the system does over the app.
     */
    private fun drawSystemBars(canvas: Canvas, context: Context, darkIcons: Boolean, darkHandle: Boolean) {
        val dark = Color.rgb(0x1F, 0x1F, 0x1F)
        val ink = if (darkIcons) dark else Color.WHITE
        val status = statusBarPx(context).toFloat()
        val paint = Paint(Paint.ANTI_ALIAS_FLAG).apply {
            color = ink
            textSize = dp(context, 14).toFloat()
            typeface = Typeface.create(Typeface.DEFAULT, Typeface.BOLD)
        }
        val baseline = status / 2 + paint.textSize / 3
        canvas.drawText("12:30", dp(context, 20).toFloat(), baseline, paint)
        // Signal bars and a battery on the right.
        val right = WIDTH - dp(context, 20).toFloat()
        val unit = dp(context, 3).toFloat()
        val batteryWidth = unit * 7
        val batteryTop = status / 2 - unit * 2
        canvas.drawRoundRect(RectF(right - batteryWidth, batteryTop, right, batteryTop + unit * 4), unit / 2, unit / 2, paint)
        for (i in 0 until 4) {
            val x = right - batteryWidth - unit * 3 - (3 - i) * unit * 1.6f
            canvas.drawRect(x, status / 2 + unit * 2 - unit * (i + 1), x + unit, status / 2 + unit * 2, paint)
        }
        val handle = Paint(Paint.ANTI_ALIAS_FLAG).apply { color = if (darkHandle) dark else Color.WHITE }
        val handleWidth = dp(context, 108).toFloat()
        val y = HEIGHT - navigationBarPx(context) / 2f
        canvas.drawRoundRect(
            RectF(WIDTH / 2f - handleWidth / 2, y - unit / 2 - 1, WIDTH / 2f + handleWidth / 2, y + unit / 2 + 1),
            unit,
            unit,
            handle,
        )
    }
}

/** What makes a rendered screen unfit to show, found in its views and pixels. */
object ScreenCheck {
    /** Words that are allowed to stay Latin in Chinese: names, codes, numbers. */
    private val LATIN_ALLOWED = Regex("""^[\d\s*+#·.,:;()\-/%?…→&@]*$|CallGuard|MIUI|HyperOS|EMUI|HarmonyOS|MagicOS|ColorOS|OriginOS|Funtouch|IP|SIM|SMS|CSV|JSON|IoT""")
    private val RAW = Regex("""@string/|@\w+/|\bR\.string\b|%\d\$[sd]|%[sd]\b|\bnull\b|\bfalse\b|\btrue\b|^[a-z]+(_[a-z0-9]+)+$""")

    /**
     * Every problem of [root] rendered into [bitmap]; empty when fit to show. [coveredTop] and
     * [coveredBottom] are the pixels the status bar and action bar, and the navigation bar,
     * cover: text there cannot be read.
     */
    fun problems(root: View, bitmap: Bitmap, chinese: Boolean, coveredTop: Int = 0, coveredBottom: Int = 0): List<String> = buildList {
        if (distinctColors(bitmap) < 8) add("the screen is blank")
        for (text in visibleTexts(root)) {
            if (isCovered(text, bitmap, coveredTop, coveredBottom)) add("under a system bar or the action bar: \"${text.text}\"")
            val shown = text.text.toString()
            if (RAW.containsMatchIn(shown)) add("raw resource or placeholder in \"$shown\"")
            if (chinese && Regex("[A-Za-z]{3,}\\s+[A-Za-z]{2,}").containsMatchIn(shown.replace(LATIN_ALLOWED, ""))) {
                add("untranslated in Chinese: \"$shown\"")
            }
            val layout = text.layout
            if (layout != null && (0 until layout.lineCount).any { layout.getEllipsisCount(it) > 0 }) add("cut off: \"$shown\"")
        }
        for (image in visibleImages(root)) {
            if (isCovered(image, bitmap, coveredTop, coveredBottom)) add("under a system bar or the action bar: image ${image.contentDescription}")
        }
    }

    /**
     * Whether a visible part of [view] lies under the status bar or action bar, or under the
     * navigation bar. Content scrolled up under the bars is fine while the list can scroll back;
     * content under the gesture bar is fine while the list can scroll further — not at its end.
     */
    private fun isCovered(view: View, bitmap: Bitmap, coveredTop: Int, coveredBottom: Int): Boolean {
        if (isInBar(view)) return false
        val seen = android.graphics.Rect()
        if (!view.getGlobalVisibleRect(seen) || seen.isEmpty) return false
        val scroller = scroller(view)
        val underTop = seen.top < coveredTop && scroller?.canScrollVertically(-1) != true
        val underBottom = seen.bottom > bitmap.height - coveredBottom && scroller?.canScrollVertically(1) != true
        return underTop || underBottom
    }

    /** The nearest scrolling container around [view], or null. */
    private fun scroller(view: View): View? {
        var parent = view.parent
        while (parent is View) {
            if (parent is android.widget.ScrollView || parent is android.widget.AbsListView) return parent
            parent = parent.parent
        }
        return null
    }

    private fun visibleImages(root: View): List<android.widget.ImageView> {
        val found = mutableListOf<android.widget.ImageView>()
        fun walk(view: View) {
            if (view.visibility != View.VISIBLE) return
            if (view is android.widget.ImageView && view.drawable != null && view.contentDescription != null) found += view
            if (view is ViewGroup) for (i in 0 until view.childCount) walk(view.getChildAt(i))
        }
        walk(root)
        return found
    }

    /** Whether [view] is part of the action bar itself. */
    private fun isInBar(view: View): Boolean {
        var parent = view.parent
        while (parent is View) {
            if (parent.javaClass.simpleName == "ActionBarContainer") return true
            parent = parent.parent
        }
        return false
    }

    /** The bottom of the action bar (or of the status bar when there is none), in window pixels. */
    fun barsBottom(root: View, statusBar: Int): Int {
        val bar = root.findViewById<View>(root.resources.getIdentifier("action_bar_container", "id", "android"))
        if (bar == null || bar.visibility != View.VISIBLE || bar.height == 0) return statusBar
        val at = IntArray(2)
        bar.getLocationInWindow(at)
        return maxOf(statusBar, at[1] + bar.height)
    }

    /** The TextViews (and Buttons, Switches) a user can see, with text. */
    fun visibleTexts(root: View): List<TextView> {
        val found = mutableListOf<TextView>()
        fun walk(view: View) {
            if (view.visibility != View.VISIBLE) return
            if (view is TextView && view.text.isNotEmpty()) found += view
            if (view is ViewGroup) for (i in 0 until view.childCount) walk(view.getChildAt(i))
        }
        walk(root)
        return found
    }

    private fun distinctColors(bitmap: Bitmap): Int {
        val seen = HashSet<Int>()
        for (y in 0 until bitmap.height step 7) for (x in 0 until bitmap.width step 7) {
            seen += bitmap.getPixel(x, y)
            if (seen.size > 64) return seen.size
        }
        return seen.size
    }

    fun save(bitmap: Bitmap, file: File) {
        file.parentFile!!.mkdirs()
        file.outputStream().use { bitmap.compress(Bitmap.CompressFormat.PNG, 100, it) }
    }
}
