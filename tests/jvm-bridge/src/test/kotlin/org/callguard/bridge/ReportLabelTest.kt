// Proves that a report made through the bridge changes the next decision's label, reasons and,
// with "block reported" on, its action.
package org.callguard.bridge

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Path

class ReportLabelTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `a report turns an unknown number into a reported one`() {
        openEngine(dir).use { engine ->
            val number = "13800138000"
            assertEquals(Label.UNKNOWN, engine.screenNumber(number).label)

            engine.report(number, ReportCategory.HARASSMENT, note = "called at 3 am")
            val reported = engine.screenNumber(number, at = NOON + MINUTE)
            assertEquals(Label.REPORTED, reported.label)
            assertEquals("harassment", reported.category)
            assertTrue(Reason.REPORTED_BY_USER in reported.reasons, "${reported.reasons}")
            assertEquals(Action.ALLOW, reported.action)

            // Calls ten minutes apart, so the repeated-call window (3 min) does not let them through.
            engine.setSetting("block_reported", "true")
            val blocked = engine.screenNumber(number, at = NOON + 10 * MINUTE)
            assertEquals(Action.REJECT, blocked.action)
            assertTrue(Reason.BLOCKED_BY_SETTING in blocked.reasons, "${blocked.reasons}")

            // A second call within the window passes the category block (DESIGN §4).
            val again = engine.screenNumber(number, at = NOON + 11 * MINUTE)
            assertEquals(Action.ALLOW, again.action)
            assertTrue(Reason.REPEATED_CALL_PASSTHROUGH in again.reasons, "${again.reasons}")
        }
    }

    @Test
    fun `a plan or SIM offer report makes a suspicious plan offer`() {
        openEngine(dir).use { engine ->
            engine.report("+86 136 1234 5678", ReportCategory.SIM_OFFER)
            val decision = engine.screenNumber("13612345678")
            assertEquals(Label.SUSPICIOUS_PLAN_OFFER, decision.label)
            assertEquals(Risk.HIGH, decision.risk)
        }
    }
}
