// Shared fixtures: a fresh engine over a database in a temporary directory, and short helpers.
package org.callguard.bridge

import java.nio.file.Path

/** A fixed time (2025-11-30 10:33:20 Beijing time) so decisions do not depend on the clock. */
const val NOON: Long = 1_764_470_000_000L

/** One minute in milliseconds. */
const val MINUTE: Long = 60_000L

/** Opens a new engine over `callguard.db` in [dir]. */
fun openEngine(dir: Path): CallGuard = CallGuard.open(dir.resolve("callguard.db").toString())

/** Screens [number] as an ordinary, presented, non-contact call at [at]. */
fun CallGuard.screenNumber(
    number: String,
    isContact: Boolean = false,
    at: Long = NOON,
): Decision = screen(ScreenRequest(number = number, isContact = isContact, timeMillis = at, language = Language.EN))
