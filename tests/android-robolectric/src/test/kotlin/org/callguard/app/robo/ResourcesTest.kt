package org.callguard.app.robo

import org.callguard.app.R
import org.junit.Assert.assertEquals
import org.junit.Test
import org.robolectric.annotation.Config

/**
 * The app's resources as Android resolves them from the linked APK (issue 11, item 11): every
 * Chinese string and plural uses full-width punctuation, and English counts agree.
 */
class ResourcesTest : AppTest() {
    private val chinese = """\p{IsHan}\u3000-\u303F\uFF00-\uFFEF“”"""
    private val adjacent = Regex("""[$chinese][:,?!;()]|[:,?!;()][$chinese]""")

    @Test
    @Config(qualifiers = "zh-rCN")
    fun `every Chinese string has full-width punctuation next to Chinese`() {
        val bad = R.string::class.java.fields
            .map { it.name to app.getString(it.getInt(null)) }
            .filter { (_, text) -> adjacent.containsMatchIn(text) }
        assertEquals(emptyList<Pair<String, String>>(), bad)
        val plurals = R.plurals::class.java.fields
            .map { it.name to app.resources.getQuantityString(it.getInt(null), 2, 2, 2) }
            .filter { (_, text) -> adjacent.containsMatchIn(text) }
        assertEquals(emptyList<Pair<String, String>>(), plurals)
        assertEquals("举报推销", app.getString(R.string.notification_action_report_plan))
    }

    @Test
    fun `English counts agree with their number`() {
        val res = app.resources
        assertEquals("1 day", res.getQuantityString(R.plurals.unit_days, 1, 1))
        assertEquals("90 days", res.getQuantityString(R.plurals.unit_days, 90, 90))
        assertEquals("1 minute", res.getQuantityString(R.plurals.unit_minutes, 1, 1))
        assertEquals("Exported 1 row.", res.getQuantityString(R.plurals.export_done, 1, 1))
    }
}
