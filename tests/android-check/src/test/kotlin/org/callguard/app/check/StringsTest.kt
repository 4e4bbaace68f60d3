package org.callguard.app.check

// Proves that English and Simplified Chinese are both complete: the same keys, no empty
// string, the same format arguments, and Chinese text where it should be Chinese.

import org.callguard.app.R
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class StringsTest {
    private val en = StringResources.english.strings
    private val zh = StringResources.chinese.strings

    // Strings that are the same in both languages on purpose (format-only, names of languages).
    private val sameInBoth = setOf(
        "notification_screened_text",
        "error_message",
        "refusal_carrier",
        "history_label_action",
        "choice_language_zh",
        "choice_language_en",
    )

    @Test
    fun `both files have exactly the same keys`() {
        assertEquals(emptySet<String>(), en.keys - zh.keys, "missing in values-zh-rCN")
        assertEquals(emptySet<String>(), zh.keys - en.keys, "missing in values")
        assertTrue(en.size > 150, "only ${en.size} strings")
    }

    @Test
    fun `every R string is in both files`() {
        val names = R.string::class.java.fields.map { it.name }.toSet()
        assertEquals(en.keys, names)
    }

    @Test
    fun `no string is blank`() {
        for ((key, value) in en) assertTrue(value.isNotBlank(), "values/$key")
        for ((key, value) in zh) assertTrue(value.isNotBlank(), "values-zh-rCN/$key")
    }

    @Test
    fun `both languages take the same format arguments`() {
        val placeholder = Regex("""%(\d+\$)?[sdf]""")
        for ((key, value) in en) {
            val english = placeholder.findAll(value).map { it.value }.sorted().toList()
            val chinese = placeholder.findAll(zh.getValue(key)).map { it.value }.sorted().toList()
            assertEquals(english, chinese, key)
            if (english.size > 1) assertTrue(english.all { '$' in it }, "$key: several arguments need positions")
        }
    }

    @Test
    fun `the Chinese file is translated`() {
        val han = Regex("\\p{IsHan}")
        val untranslated = zh.filter { (key, value) -> key !in sameInBoth && !han.containsMatchIn(value) }.keys
        assertEquals(emptySet<String>(), untranslated, "no Chinese characters")
        val copied = en.filter { (key, value) -> key !in sameInBoth && zh[key] == value }.keys
        assertEquals(emptySet<String>(), copied, "same text as English")
    }

    @Test
    fun `every verification-code advice is in both languages`() {
        assertTrue(en.getValue("sms_guard_summary").contains("never give a code to anyone"))
        assertTrue(zh.getValue("sms_guard_summary").contains("验证码"))
    }
}
