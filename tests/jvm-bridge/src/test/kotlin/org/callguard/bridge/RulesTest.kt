// Proves block, allow and unblock through the bridge: the rule objects returned and listed, and
// their effect on the next decision.
package org.callguard.bridge

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
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
    fun `a long list is read a page at a time, narrowed by its first digits`() {
        openEngine(dir).use { engine ->
            for (i in 0 until 30) engine.block("1390000%04d".format(i))
            engine.block("170*")
            val first = engine.rulePage(limit = 10)
            assertEquals(31L, first.total)
            assertEquals((0 until 10).map { "1390000%04d".format(it) }, first.rules.map { it.pattern })
            assertEquals(listOf("13900000010"), engine.rulePage(offset = 10, limit = 1).rules.map { it.pattern })
            assertEquals(listOf("170*"), engine.rulePage(filter = "17").rules.map { it.pattern })
            assertEquals(0L, engine.rulePage(filter = "188").total)
            assertThrows<IllegalArgumentException> { engine.rulePage(offset = -1) }
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
