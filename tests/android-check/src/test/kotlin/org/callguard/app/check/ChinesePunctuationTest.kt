package org.callguard.app.check

// Proves that Chinese text uses full-width punctuation: no ASCII : , ? ! ; ( ) next to a Chinese
// character or Chinese punctuation, in the app's values-zh-rCN strings and plurals and in the
// Rust core's Chinese words (words.rs, banner.rs), which the app shows in banners and history.
// ASCII stays where it belongs: inside numbers and patterns ("170????1234", "12:30").

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import java.io.File

class ChinesePunctuationTest {
    private val chinese = """\p{IsHan}\u3000-\u303F\uFF00-\uFFEF“”‘’…"""
    private val adjacent = Regex("""[$chinese][:,?!;()]|[:,?!;()][$chinese]""")

    // In a Chinese sentence, ASCII punctuation is wrong anywhere but inside a number or a pattern.
    private val numberOrPattern = Regex("""[0-9][0-9*?]*[*?][0-9*?]*|\d+:\d+""")
    private val asciiPunctuation = Regex("""[:,?!;()]""")

    private fun problems(texts: Map<String, String>): Map<String, String> =
        texts.filter { (_, text) ->
            val han = Regex("""\p{IsHan}""").containsMatchIn(text)
            adjacent.containsMatchIn(text) || han && asciiPunctuation.containsMatchIn(text.replace(numberOrPattern, ""))
        }

    @Test
    fun `values-zh-rCN strings use full-width punctuation`() {
        assertEquals(emptyMap<String, String>(), problems(StringResources.chinese.strings))
    }

    @Test
    fun `values-zh-rCN plurals use full-width punctuation`() {
        val items = StringResources.chinese.plurals.flatMap { (name, forms) -> forms.map { (q, text) -> "$name/$q" to text } }.toMap()
        assertEquals(emptyMap<String, String>(), problems(items))
    }

    @Test
    fun `the core's Chinese words use full-width punctuation`() {
        val literal = Regex(""""((?:[^"\\]|\\.)*)"""")
        val sources = listOf("rust-core/core/src/words.rs", "rust-core/core/src/banner.rs")
        val texts = sources.flatMap { path ->
            File(Repo.root, path).readLines().withIndex()
                .filter { (_, line) -> !line.trimStart().startsWith("//") }
                .flatMap { (i, line) -> literal.findAll(line).map { "$path:${i + 1}" to it.groupValues[1] } }
        }.filter { (_, text) -> Regex("""\p{IsHan}""").containsMatchIn(text) }.toMap()
        assertEquals(true, texts.size > 50, "found only ${texts.size} Chinese literals: did the files move?")
        assertEquals(emptyMap<String, String>(), problems(texts))
    }

    @Test
    fun `the check catches what it should`() {
        val bad = mapOf("a" to "保存失败:%1\$s", "b" to "号码(12xxx)", "c" to "%1\$s,%2\$s 来电", "d" to "删除?")
        assertEquals(bad.keys, problems(bad).keys)
        val good = mapOf("a" to "保存失败：%1\$s", "b" to "13800138000、400* 或 170????1234", "c" to "MIUI / HyperOS", "d" to "12:30 来电")
        assertEquals(emptyMap<String, String>(), problems(good))
    }
}
