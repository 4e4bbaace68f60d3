package org.callguard.app.engine

import android.content.Context
import org.callguard.app.R
import org.callguard.bridge.CallGuardException

/**
 * Why the engine could not answer, in words a user can act on. The status screen shows these
 * instead of an exception's text ("Could not initialize class …" means nothing to a user, and
 * the storage error's text is English whatever the phone's language).
 */
enum class EngineProblem(
    /** The status screen's sentence: what is wrong, what still happens, what to do. */
    val statusText: Int,
    /** The short form, after "a call rang unscreened: CallGuard …". */
    val shortText: Int,
) {
    /** The native library is absent or built for another ABI: only a reinstall helps. */
    MISSING_ENGINE(R.string.problem_missing_engine, R.string.problem_missing_engine_short),

    /** The database could not be opened, read or written (full storage, a locked file). */
    DATABASE(R.string.problem_database, R.string.problem_database_short),

    /** Anything else: a bug of ours, caught and failed open. */
    INTERNAL(R.string.problem_internal, R.string.problem_internal_short),
    ;

    companion object {
        /** The problem behind [failure]. */
        fun of(failure: Throwable): EngineProblem =
            when (failure) {
                // UnsatisfiedLinkError at the first load, NoClassDefFoundError after it (the
                // class stays broken), ExceptionInInitializerError around either.
                is LinkageError -> MISSING_ENGINE
                is CallGuardException -> DATABASE
                else -> INTERNAL
            }

        /**
         * What to tell the user about a failed action: the engine's own words for bad input or a
         * storage error ("line 3: …"), otherwise the problem's short form — never a class name.
         */
        fun describe(
            context: Context,
            failure: Throwable,
        ): String {
            val own = (failure as? IllegalArgumentException ?: failure as? CallGuardException)?.message
            return own?.takeIf { it.isNotBlank() } ?: context.getString(of(failure).shortText)
        }

        /** The problem with this [name], or [INTERNAL] for a name an older version wrote. */
        fun named(name: String?): EngineProblem = entries.firstOrNull { it.name == name } ?: INTERNAL
    }
}
