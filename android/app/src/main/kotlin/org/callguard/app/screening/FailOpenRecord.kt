package org.callguard.app.screening

import android.content.Context

/**
 * The last call that rang unscreened because CallGuard failed or did not decide within the
 * budget (DESIGN §8), kept so the status screen can say what went wrong. Only the time and the
 * kind of failure are kept, never the number.
 */
object FailOpenRecord {
    /** Why a call rang unscreened. */
    enum class Cause {
        /** The engine did not answer within the budget. */
        TIMEOUT,

        /** The engine (or reading the call) threw. */
        ERROR,
    }

    /** One unscreened call: when, why, and for [Cause.ERROR] the failure's class name. */
    data class Incident(val timeMillis: Long, val cause: Cause, val error: String?)

    private const val PREFERENCES = "fail_open"
    private const val TIME = "time"
    private const val CAUSE = "cause"
    private const val ERROR = "error"

    /** Remembers that the call that came at [timeMillis] rang unscreened. */
    fun record(context: Context, timeMillis: Long, cause: Cause, error: Throwable?) {
        preferences(context).edit()
            .putLong(TIME, timeMillis)
            .putString(CAUSE, cause.name)
            .putString(ERROR, error?.javaClass?.simpleName)
            .apply()
    }

    /** The last unscreened call, or null when there was none. */
    fun last(context: Context): Incident? {
        val stored = preferences(context)
        val cause = stored.getString(CAUSE, null)?.let { name -> Cause.entries.firstOrNull { it.name == name } } ?: return null
        return Incident(stored.getLong(TIME, 0), cause, stored.getString(ERROR, null))
    }

    private fun preferences(context: Context) = context.applicationContext.getSharedPreferences(PREFERENCES, Context.MODE_PRIVATE)
}
