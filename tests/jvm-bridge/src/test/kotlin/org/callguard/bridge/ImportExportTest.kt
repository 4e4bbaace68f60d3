// Proves import and export of files through the bridge: a CSV list changes the decisions, a bad
// one changes nothing, and a JSON backup restores the same state in a fresh database.
package org.callguard.bridge

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path

class ImportExportTest {
    @TempDir
    lateinit var dir: Path

    private val list =
        """
        number_or_pattern,kind,category,note
        13900001111,block,,spam caller
        1700*,block,,
        13700001111,allow,,
        13612345678,report,plan_offer,sim card
        13512345678,report,fraud,
        """.trimIndent()

    @Test
    fun `a CSV list changes the decisions`() {
        openEngine(dir.resolve("a").also(Files::createDirectories)).use { engine ->
            val csv = dir.resolve("list.csv").also { Files.writeString(it, list) }
            assertEquals(ImportSummary(rules = 3, reports = 2, refusals = 0, settings = 0), engine.importFile(csv.toString()))
            assertEquals(Label.USER_BLOCKED, engine.screenNumber("13900001111").label)
            assertEquals(Label.USER_BLOCKED, engine.screenNumber("17001234567").label)
            assertEquals(Label.USER_ALLOWED, engine.screenNumber("13700001111").label)
            val offer = engine.screenNumber("13612345678")
            assertEquals(Label.SUSPICIOUS_PLAN_OFFER, offer.label)
            assertTrue(Reason.REPORTED_BY_LIST in offer.reasons, "${offer.reasons}")
            assertEquals(Label.REPORTED, engine.screenNumber("13512345678").label)
        }
    }

    @Test
    fun `a bad file is IllegalArgumentException and changes nothing`() {
        openEngine(dir.resolve("a").also(Files::createDirectories)).use { engine ->
            val bad = dir.resolve("bad.csv").also { Files.writeString(it, "13900001111,block,,\n13900002222,frobnicate,,\n") }
            val e = assertThrows<IllegalArgumentException> { engine.importFile(bad.toString()) }
            assertTrue(e.message!!.contains("line 2"), e.message)
            assertEquals(emptyList<Rule>(), engine.rules())
            assertThrows<IllegalArgumentException> { engine.importFile(dir.resolve("missing.csv").toString()) }
            assertThrows<IllegalArgumentException> { engine.importFile(dir.resolve("list.txt").toString()) }
        }
    }

    @Test
    fun `a JSON backup restores the same state`() {
        val backup = dir.resolve("backup.json")
        val numbers = listOf("13900001111", "17001234567", "13700001111", "13612345678", "13512345678", "10085")
        val before =
            openEngine(dir.resolve("a").also(Files::createDirectories)).use { engine ->
                engine.importFile(dir.resolve("list.csv").also { Files.writeString(it, list) }.toString())
                engine.setSetting("block_lookalike", "true")
                engine.setSetting("language", "en")
                engine.refuseMarketing(Carrier.CHINA_TELECOM)
                assertTrue(engine.exportFile(backup.toString()).rows > 0)
                State(engine.settings(), engine.rules().toSet(), engine.refusals(), numbers.map { engine.screenNumber(it).label })
            }
        openEngine(dir.resolve("b").also(Files::createDirectories)).use { fresh ->
            val summary = fresh.importFile(backup.toString())
            assertEquals(3, summary.rules)
            assertEquals(1, summary.refusals)
            assertEquals(
                before,
                State(fresh.settings(), fresh.rules().toSet(), fresh.refusals(), numbers.map { fresh.screenNumber(it).label }),
            )
        }
    }

    private data class State(
        val settings: Settings,
        val rules: Set<Rule>,
        val refusals: List<Refusal>,
        val labels: List<Label>,
    )
}
