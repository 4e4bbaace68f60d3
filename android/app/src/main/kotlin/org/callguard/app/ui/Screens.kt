package org.callguard.app.ui

import android.app.Activity
import android.app.AlertDialog
import android.text.format.DateUtils
import android.widget.Toast
import org.callguard.app.R
import org.callguard.app.engine.EngineHolder
import org.callguard.app.engine.Workers
import org.callguard.bridge.CallGuard

// What every CallGuard screen does the same way: engine calls off the main thread, errors in
// a dialog, times in the phone's format.

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
        .setMessage(getString(R.string.error_message, failure.message ?: failure.javaClass.simpleName))
        .setPositiveButton(R.string.button_ok, null)
        .show()
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
