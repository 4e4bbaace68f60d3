package org.callguard.app.check

// Proves that counted words agree with their number: every English text with a count is a
// <plurals> with "one" and "other" ("1 day", "3 days"), Chinese has its single "other" form,
// both take the same arguments, and no plain English string puts a bare %d before a noun.

import org.callguard.app.R
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class PluralsTest {
    private val en = StringResources.english
    private val zh = StringResources.chinese
    private val placeholder = Regex("""%(\d+\$)?[sdf]""")

    @Test
    fun `both languages have the same plurals, and every R plurals is in both`() {
        assertEquals(en.plurals.keys, zh.plurals.keys)
        assertEquals(R.plurals::class.java.fields.map { it.name }.toSet(), en.plurals.keys)
        assertTrue(setOf("unit_days", "unit_minutes", "export_done", "rules_showing").all { it in en.plurals.keys })
    }

    @Test
    fun `English has one and other, Chinese other, all with the same arguments`() {
        for ((name, forms) in en.plurals) {
            assertEquals(setOf("one", "other"), forms.keys, name)
            val args = placeholder.findAll(forms.getValue("other")).map { it.value }.sorted().toList()
            assertEquals(args, placeholder.findAll(forms.getValue("one")).map { it.value }.sorted().toList(), name)
            val chinese = zh.plurals.getValue(name)
            assertEquals(setOf("other"), chinese.keys, name)
            assertEquals(args, placeholder.findAll(chinese.getValue("other")).map { it.value }.sorted().toList(), name)
        }
    }

    @Test
    fun `one day is not one days`() {
        assertEquals("%1\$d day", en.plurals.getValue("unit_days").getValue("one"))
        assertEquals("%1\$d minute", en.plurals.getValue("unit_minutes").getValue("one"))
        assertEquals("Exported %1\$d row.", en.plurals.getValue("export_done").getValue("one"))
    }

    @Test
    fun `no plain English string counts with a bare number`() {
        // "%1$d rules": a count before a word belongs in <plurals>.
        val counted = Regex("""%(\d+\$)?d [a-z]""")
        val offenders = en.strings.filterValues { counted.containsMatchIn(it) }.keys
        assertEquals(emptySet<String>(), offenders)
    }
}
