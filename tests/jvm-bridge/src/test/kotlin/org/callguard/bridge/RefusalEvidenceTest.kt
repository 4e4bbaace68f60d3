// Proves that a marketing refusal made through the bridge silences that carrier's marketing
// number and that the calls after it come back as complaint evidence.
package org.callguard.bridge

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Path

class RefusalEvidenceTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `a refusal silences marketing and the calls become evidence`() {
        openEngine(dir).use { engine ->
            val refusal = engine.refuseMarketing(Carrier.CHINA_MOBILE)
            assertEquals(Carrier.CHINA_MOBILE, refusal.carrier)
            assertEquals(listOf(refusal), engine.refusals())

            val later = refusal.refusedAt + 60_000
            val call = engine.screenNumber("10085", at = later)
            assertEquals(Label.CARRIER_MARKETING, call.label)
            assertEquals(Action.SILENCE, call.action)
            assertTrue(Reason.REFUSED_MARKETING in call.reasons, "${call.reasons}")
            // Another carrier's marketing number still rings.
            assertEquals(Action.ALLOW, engine.screenNumber("10001", at = later).action)

            val evidence = engine.evidence(Language.EN)
            val mobile = evidence.refusals.single { it.carrier == Carrier.CHINA_MOBILE }
            assertEquals(refusal.refusedAt, mobile.refusedAt)
            assertEquals(listOf(later), mobile.calls.map { it.timeMillis })
            assertEquals("10085", mobile.calls.single().number)
            assertTrue(evidence.text.contains("10085"), evidence.text)
            assertTrue(engine.evidence(Language.ZH).text.isNotBlank())
        }
    }

    @Test
    fun `reported numbers appear in the evidence with their calls`() {
        openEngine(dir).use { engine ->
            engine.report("13512345678", ReportCategory.FRAUD)
            engine.screenNumber("13512345678", at = NOON)
            val reported = engine.evidence(Language.EN).reported.single()
            assertEquals(ReportCategory.FRAUD, reported.category)
            assertEquals(1, reported.count)
            assertEquals(listOf(NOON), reported.callTimes)
        }
    }
}
