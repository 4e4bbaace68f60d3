package org.callguard.app.check

// Proves rules about the app's Kotlin sources that no compiler checks: immutable
// PendingIntents, no network code, no second copy of the settings, no AndroidX, and the
// style of imports.

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File

class SourceRulesTest {
    private val sources: Map<File, String> = Repo.kotlinSources().associateWith { it.readText() }

    private val comment = Regex("""^\s*(//|/?\*)""")

    /** Code lines (comments left out) that match [pattern]. */
    private fun offenders(pattern: Regex): List<String> =
        sources.flatMap { (file, text) ->
            text.lines().mapIndexedNotNull { i, line ->
                if (!comment.containsMatchIn(line) && pattern.containsMatchIn(line)) "${file.name}:${i + 1}: ${line.trim()}" else null
            }
        }

    /** The text of the call that starts at [open] (the index of its opening parenthesis). */
    private fun callText(text: String, open: Int): String {
        var depth = 0
        for (i in open until text.length) {
            when (text[i]) {
                '(' -> depth++
                ')' -> if (--depth == 0) return text.substring(open, i + 1)
            }
        }
        error("unbalanced call")
    }

    @Test
    fun `every PendingIntent is immutable`() {
        val creation = Regex("""PendingIntent\.get(Activity|Activities|Broadcast|Service|ForegroundService)\s*\(""")
        var count = 0
        for ((file, text) in sources) {
            for (match in creation.findAll(text)) {
                count++
                val call = callText(text, match.range.last)
                assertTrue("FLAG_IMMUTABLE" in call, "${file.name}: ${match.value} without FLAG_IMMUTABLE")
            }
        }
        assertTrue(count >= 2, "found only $count PendingIntent creations")
        assertEquals(emptyList<String>(), offenders(Regex("FLAG_MUTABLE")))
    }

    @Test
    fun `no network code`() {
        val network = Regex("""java\.net\.|HttpURLConnection|javax\.net|android\.net\.http|okhttp|WebView""")
        assertEquals(emptyList<String>(), offenders(network))
    }

    @Test
    fun `settings live in the core, not in SharedPreferences`() {
        assertEquals(emptyList<String>(), offenders(Regex("""SharedPreferences|getPreferences|PreferenceManager""")))
    }

    @Test
    fun `framework APIs only`() {
        assertEquals(emptyList<String>(), offenders(Regex("""^import (androidx|com\.google)\.""")))
    }

    @Test
    fun `no wildcard imports`() {
        assertEquals(emptyList<String>(), offenders(Regex("""^import .*\.\*$""")))
    }

    @Test
    fun `logs never print a phone number`() {
        // A log line is a fixed text, at most with the failure's class name: no templates, no
        // exception (its message may quote the number), so nothing of a call or an SMS leaks.
        val logCall = Regex("""Log\.[vdiwe]\(""")
        val allowed = Regex("""Log\.[vdiwe]\(TAG, "[^"$]*"( \+ [\w.]+\.javaClass\.name)?\)""")
        val calls = offenders(logCall)
        assertTrue(calls.isNotEmpty())
        assertEquals(emptyList<String>(), calls.filter { !allowed.containsMatchIn(it) })
    }
}
