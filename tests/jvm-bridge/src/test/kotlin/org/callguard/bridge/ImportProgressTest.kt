// Proves import and export progress through the bridge: the listener hears 0 first and the whole
// last, on the calling thread; returning false cancels with CancellationException and changes
// nothing; an exception thrown by the listener reaches the caller as it is and changes nothing;
// a GBK list is decoded and the summary says so.
package org.callguard.bridge

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.nio.charset.Charset
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.CancellationException

class ImportProgressTest {
    @TempDir
    lateinit var dir: Path

    /** A list of [rows] block rules, one a line, after a header. */
    private fun bigList(rows: Int): Path {
        val text = StringBuilder("number_or_pattern,kind,category,note\n")
        for (i in 0 until rows) text.append("1").append(3_000_000_000L + i).append(",block,,\n")
        return dir.resolve("big.csv").also { Files.writeString(it, text) }
    }

    @Test
    fun `the listener hears the import from zero to every line, on the calling thread`() {
        openEngine(dir.resolve("db").also(Files::createDirectories)).use { engine ->
            val heard = mutableListOf<Pair<Long, Long>>()
            val threads = mutableSetOf<Thread>()
            val summary =
                engine.importFile(bigList(20_000).toString()) { done, total ->
                    heard += done to total
                    threads += Thread.currentThread()
                    true
                }
            assertEquals(20_000, summary.rules)
            assertEquals(0L to 20_001L, heard.first())
            assertEquals(20_001L to 20_001L, heard.last())
            assertTrue(heard.zipWithNext().all { (a, b) -> a.first <= b.first }, "$heard")
            assertTrue(heard.size in 4..10, "${heard.size} calls")
            assertEquals(setOf(Thread.currentThread()), threads)

            val exported = mutableListOf<Pair<Long, Long>>()
            val rows = engine.exportFile(dir.resolve("out.csv").toString()) { done, total -> exported.add(done to total) }.rows
            assertEquals(rows.toLong() to rows.toLong(), exported.last())
        }
    }

    @Test
    fun `returning false cancels the import and changes nothing`() {
        openEngine(dir.resolve("db").also(Files::createDirectories)).use { engine ->
            engine.block("13800138000")
            val list = bigList(10_000).toString()
            var calls = 0
            val e =
                assertThrows<CancellationException> {
                    engine.importFile(list) { _, _ -> ++calls < 2 }
                }
            assertEquals("the import cancelled", e.message)
            assertEquals(2, calls)
            assertEquals(listOf("13800138000"), engine.rules().map { it.pattern })
            val out = dir.resolve("out.json")
            assertThrows<CancellationException> { engine.exportFile(out.toString()) { _, _ -> false } }
            assertFalse(Files.exists(out))
        }
    }

    @Test
    fun `an exception thrown by the listener reaches the caller and changes nothing`() {
        openEngine(dir.resolve("db").also(Files::createDirectories)).use { engine ->
            val boom = IllegalStateException("the screen went away")
            val thrown =
                assertThrows<IllegalStateException> {
                    engine.importFile(bigList(10_000).toString()) { done, _ -> if (done > 0) throw boom else true }
                }
            assertSame(boom, thrown)
            assertEquals(emptyList<Rule>(), engine.rules())
            // The engine is still usable after the exception crossed.
            assertEquals(Label.CARRIER_MARKETING, engine.screenNumber("10085").label)
        }
    }

    @Test
    fun `a GBK list from Excel is decoded and the summary says so`() {
        openEngine(dir.resolve("db").also(Files::createDirectories)).use { engine ->
            val gbk = Charset.forName("GBK")
            val csv = dir.resolve("excel.csv")
            Files.write(csv, "号码,类型,分类,备注\r\n13912345678,block,,推销宽带\r\n".toByteArray(gbk))
            val summary = engine.importFile(csv.toString())
            assertEquals(ImportSummary(rules = 1, reports = 0, refusals = 0, settings = 0, encoding = TextEncoding.GBK), summary)
            assertEquals("推销宽带", engine.rules().single().note)

            val txt = dir.resolve("blocked.txt").also { Files.writeString(it, "13800138000\n170*\n") }
            assertEquals(ImportFormat.PLAIN_LIST, engine.importFile(txt.toString()).format)
            assertEquals(Label.USER_BLOCKED, engine.screenNumber("17012345678").label)
        }
    }
}
