// Proves, through the real library, that strict mode rejects a caller only when a contacts
// lookup ran and answered "not a contact": an unknown contact status (no READ_CONTACTS, a
// failed lookup) lets the call ring and says why.
package org.callguard.bridge

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Path

class StrictModeTest {
    @TempDir
    lateinit var dir: Path

    private data class Row(val contact: ContactStatus, val action: Action, val label: Label, val reason: Reason?)

    private val rows =
        listOf(
            Row(ContactStatus.CONTACT, Action.ALLOW, Label.CONTACT, Reason.IN_CONTACTS),
            Row(ContactStatus.NOT_CONTACT, Action.REJECT, Label.UNKNOWN, Reason.STRICT_MODE),
            Row(ContactStatus.UNKNOWN, Action.ALLOW, Label.UNKNOWN, Reason.CONTACTS_UNKNOWN),
        )

    @Test
    fun `strict mode rejects only callers a lookup did not find`() {
        openEngine(dir).use { engine ->
            engine.setSetting("block_non_contacts", "true")
            rows.forEachIndexed { i, row ->
                // A different number each time, so no repeated-call passthrough interferes.
                val decision = engine.screenNumber("1380013800$i", contact = row.contact, at = NOON + i * 10 * MINUTE)
                assertEquals(row.action, decision.action, row.toString())
                assertEquals(row.label, decision.label, row.toString())
                row.reason?.let { assertTrue(it in decision.reasons, "$row: ${decision.reasons}") }
            }
        }
    }

    @Test
    fun `without strict mode an unknown contact status changes nothing`() {
        openEngine(dir).use { engine ->
            val decision = engine.screenNumber("13800138000", contact = ContactStatus.UNKNOWN)
            assertEquals(Action.ALLOW, decision.action)
            assertFalse(Reason.CONTACTS_UNKNOWN in decision.reasons, decision.reasons.toString())
        }
    }
}
