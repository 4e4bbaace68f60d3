// Proves block, allow and unblock through the bridge: the rule objects returned and listed, and
// their effect on the next decision.
package org.callguard.bridge

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Path

class RulesTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `block, allow and unblock change the decision`() {
        openEngine(dir).use { engine ->
            val rule = engine.block("13900001111", note = "sales")
            assertEquals(RuleEffect.BLOCK, rule.effect)
            assertEquals(RuleKind.EXACT, rule.kind)
            assertEquals("sales", rule.note)
            assertTrue(rule.createdAt > 0)
            assertEquals(Label.USER_BLOCKED, engine.screenNumber("+86 139 0000 1111").label)
            assertEquals(Action.REJECT, engine.screenNumber("13900001111").action)

            assertEquals(RuleEffect.ALLOW, engine.allow("13900002222").effect)
            assertEquals(Label.USER_ALLOWED, engine.screenNumber("13900002222").label)
            assertEquals(setOf("13900001111", "13900002222"), engine.rules().map { it.pattern }.toSet())

            assertTrue(engine.unblock("13900001111"))
            assertFalse(engine.unblock("13900001111"))
            assertEquals(Label.UNKNOWN, engine.screenNumber("13900001111").label)
            assertEquals(listOf("13900002222"), engine.rules().map { it.pattern })
        }
    }

    @Test
    fun `a prefix rule blocks the whole range`() {
        openEngine(dir).use { engine ->
            assertEquals(RuleKind.PREFIX, engine.block("1700*").kind)
            val decision = engine.screenNumber("17001234567")
            assertEquals(Label.USER_BLOCKED, decision.label)
            assertTrue(Reason.USER_RULE in decision.reasons, "${decision.reasons}")
        }
    }
}
