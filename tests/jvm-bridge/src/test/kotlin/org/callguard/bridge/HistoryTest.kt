// Proves that screened calls come back through the bridge as history, newest first, and that
// turning history off stops recording.
package org.callguard.bridge

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Path

class HistoryTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `screened calls are listed newest first`() {
        val now = System.currentTimeMillis()
        openEngine(dir).use { engine ->
            engine.block("13900001111")
            engine.screenNumber("10086", at = now - 3 * MINUTE)
            engine.screenNumber("+86 139 0000 1111", at = now - 2 * MINUTE)
            engine.screenNumber("100861", at = now - MINUTE)

            val history = engine.history(limit = 2)
            assertEquals(listOf("100861", "13900001111"), history.map { it.number })
            assertEquals(listOf(Label.CARRIER_LOOKALIKE, Label.USER_BLOCKED), history.map { it.label })
            assertEquals(Action.REJECT, history[1].action)
            assertEquals(listOf(now - MINUTE, now - 2 * MINUTE), history.map { it.timeMillis })
            assertEquals(3, engine.history().size)
            assertThrows<IllegalArgumentException> { engine.history(-1) }

            engine.setSetting("history_enabled", "false")
            engine.screenNumber("95588", at = now)
            assertEquals(3, engine.history().size)
        }
    }
}
