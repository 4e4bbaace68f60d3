package org.callguard.app.screening

import android.content.Context
import org.callguard.app.engine.EngineProblem
import java.io.File
import java.io.IOException

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

    /** One unscreened call: when, why, and for [Cause.ERROR] what kind of problem it was. */
    data class Incident(val timeMillis: Long, val cause: Cause, val problem: EngineProblem?)

    /** Not a setting (those live in the core): a note in the app's no-backup folder. */
    private const val FILE_NAME = "last_unscreened_call"

    /** Remembers that the call that came at [timeMillis] rang unscreened. */
    fun record(context: Context, timeMillis: Long, cause: Cause, error: Throwable?) {
        try {
            val file = file(context)
            val next = File(file.path + ".new")
            next.writeText(listOf(timeMillis.toString(), cause.name, error?.let { EngineProblem.of(it).name }.orEmpty()).joinToString("\n"))
            if (!next.renameTo(file)) next.delete()
        } catch (e: IOException) {
            // Only the status screen's note is lost; the call already rang.
        }
    }

    /** The last unscreened call, or null when there was none (or the note cannot be read). */
    fun last(context: Context): Incident? {
        val lines = try {
            file(context).takeIf { it.isFile }?.readLines() ?: return null
        } catch (e: IOException) {
            return null
        }
        val time = lines.getOrNull(0)?.toLongOrNull() ?: return null
        val cause = Cause.entries.firstOrNull { it.name == lines.getOrNull(1) } ?: return null
        val problem = if (cause == Cause.ERROR) EngineProblem.named(lines.getOrNull(2)) else null
        return Incident(time, cause, problem)
    }

    private fun file(context: Context) = File(context.applicationContext.noBackupFilesDir, FILE_NAME)
}
