package org.callguard.app.ui

import android.app.Activity
import android.app.AlertDialog
import android.content.ActivityNotFoundException
import android.content.Intent
import android.graphics.Insets
import android.graphics.Rect
import android.os.Build
import android.text.format.DateUtils
import android.view.View
import android.view.ViewGroup
import android.view.WindowInsets
import android.widget.Toast
import org.callguard.app.R
import org.callguard.app.engine.EngineHolder
import org.callguard.app.engine.EngineProblem
import org.callguard.app.engine.Workers
import org.callguard.bridge.CallGuard

// What every CallGuard screen does the same way: content clear of the system bars, engine calls
// off the main thread, errors in a dialog, times in the phone's format.

/**
 * Keeps the screen's content out from under the status bar, the navigation bar, a display
 * cutout and the keyboard. With targetSdk 35+ Android draws every activity edge to edge on
 * Android 15+ (the window no longer fits the system bars for the app), so the root view of the
 * layout is padded by the insets the window reports, on top of its own padding. On older
 * Android the decor already keeps content clear and the reported insets are zero.
 */
internal fun Activity.fitSystemBars() {
    val root = requireViewById<ViewGroup>(android.R.id.content).getChildAt(0) ?: return
    SystemBars.padByInsets(root)
}

/** Window insets as padding, on every API level the app runs on. */
internal object SystemBars {
    /** Pads [view] by the insets it is given, keeping its own padding underneath. */
    fun padByInsets(view: View) {
        val own = Rect(view.paddingLeft, view.paddingTop, view.paddingRight, view.paddingBottom)
        view.setOnApplyWindowInsetsListener { v, insets ->
            val bars = barsOf(insets)
            v.setPadding(own.left + bars.left, own.top + bars.top, own.right + bars.right, own.bottom + bars.bottom)
            insets
        }
        view.requestApplyInsets()
    }

    /** The status and navigation bars, the cutout and the keyboard. */
    fun barsOf(insets: WindowInsets): Insets =
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.R) {
            insets.getInsets(WindowInsets.Type.systemBars() or WindowInsets.Type.displayCutout() or WindowInsets.Type.ime())
        } else {
            legacyBarsOf(insets)
        }

    // Android 10 has no WindowInsets.Type; its system-window insets include the keyboard.
    @Suppress("DEPRECATION")
    private fun legacyBarsOf(insets: WindowInsets): Insets = insets.systemWindowInsets
}

/** Runs [work] with the engine on the background thread and hands its result to [done] on the main thread. */
internal fun <T> Activity.withEngine(work: (CallGuard) -> T, done: (Result<T>) -> Unit) {
    val app = applicationContext
    Workers.io.execute {
        val result = runCatching { work(EngineHolder.get(app)) }
        runOnUiThread {
            if (!isFinishing && !isDestroyed) done(result)
        }
    }
}

/** Like [withEngine], showing a failure in a dialog and passing only a success on. */
internal fun <T> Activity.withEngineOrError(work: (CallGuard) -> T, done: (T) -> Unit) {
    withEngine(work) { result -> result.fold(done, ::showError) }
}

/** Tells the user what went wrong, in the engine's own words where it has some. */
internal fun Activity.showError(failure: Throwable) {
    AlertDialog.Builder(this)
        .setTitle(R.string.error_title)
        .setMessage(getString(R.string.error_message, EngineProblem.describe(this, failure)))
        .setPositiveButton(R.string.button_ok, null)
        .show()
}

/**
 * Starts [intent]; false when no screen takes it or the screen is protected (makers' settings
 * pages come and go; starting an explicit activity needs no package visibility).
 */
internal fun Activity.tryStart(intent: Intent): Boolean =
    try {
        startActivity(intent)
        true
    } catch (e: ActivityNotFoundException) {
        false
    } catch (e: SecurityException) {
        false
    }

/** A short confirmation. */
internal fun Activity.toast(text: CharSequence) {
    Toast.makeText(this, text, Toast.LENGTH_LONG).show()
}

/** A time as the phone shows dates and times. */
internal fun Activity.formatTime(millis: Long): String =
    DateUtils.formatDateTime(
        this,
        millis,
        DateUtils.FORMAT_SHOW_DATE or DateUtils.FORMAT_SHOW_TIME or DateUtils.FORMAT_SHOW_YEAR,
    )

/** A day as the phone shows dates. */
internal fun Activity.formatDay(millis: Long): String =
    DateUtils.formatDateTime(this, millis, DateUtils.FORMAT_SHOW_DATE or DateUtils.FORMAT_SHOW_YEAR)
