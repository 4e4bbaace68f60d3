// Shared fixtures: a fresh engine over a database in a temporary directory, and short helpers.
package org.callguard.bridge

import java.nio.file.Path

/** A fixed time (2025-11-30 10:33:20 Beijing time) so decisions do not depend on the clock. */
const val NOON: Long = 1_764_470_000_000L

/** One minute in milliseconds. */
const val MINUTE: Long = 60_000L

/** Opens a new engine over `callguard.db` in [dir]. */
fun openEngine(dir: Path): CallGuard = CallGuard.open(dir.resolve("callguard.db").toString())

/** Screens [number] as an ordinary, presented call at [at], from someone a contacts lookup did not find. */
fun CallGuard.screenNumber(
    number: String,
    contact: ContactStatus = ContactStatus.NOT_CONTACT,
    at: Long = NOON,
): Decision = screen(ScreenRequest(number = number, contact = contact, timeMillis = at, language = Language.EN))
