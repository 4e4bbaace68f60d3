package org.callguard.app.check

// Proves that the app says "not a contact" only when a contacts lookup ran and answered: without
// READ_CONTACTS, or when the provider gives no cursor or throws, the status is unknown, and
// strict mode (which rejects only NOT_CONTACT) lets the call ring.

import org.callguard.app.screening.ContactLookup
import org.callguard.bridge.ContactStatus
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Test

class ContactLookupTest {
    private data class Case(
        val name: String,
        val permission: Boolean,
        val number: String?,
        val lookup: (String) -> Boolean?,
        val expected: ContactStatus,
    )

    private val cases = listOf(
        Case("found", true, "13800138000", { true }, ContactStatus.CONTACT),
        Case("looked up, not found", true, "13800138000", { false }, ContactStatus.NOT_CONTACT),
        Case("no READ_CONTACTS", false, "13800138000", { error("must not be asked") }, ContactStatus.UNKNOWN),
        Case("provider gave no cursor", true, "13800138000", { null }, ContactStatus.UNKNOWN),
        Case("permission revoked during the call", true, "13800138000", { throw SecurityException("revoked") }, ContactStatus.UNKNOWN),
        Case("provider failed", true, "13800138000", { throw IllegalStateException("database locked") }, ContactStatus.UNKNOWN),
        Case("no number can match no contact", true, "  ", { error("must not be asked") }, ContactStatus.NOT_CONTACT),
        Case("no handle, no permission", false, null, { error("must not be asked") }, ContactStatus.NOT_CONTACT),
    )

    @Test
    fun `each lookup outcome gets its status`() {
        for (case in cases) {
            assertEquals(case.expected, ContactLookup.status(case.permission, case.number, case.lookup), case.name)
        }
    }

    @Test
    fun `the number is looked up trimmed`() {
        var asked: String? = null
        ContactLookup.status(true, " 13800138000 ") { asked = it; false }
        assertEquals("13800138000", asked)
    }

    @Test
    fun `a failed lookup is never read as not a contact`() {
        val failures = listOf<(String) -> Boolean?>({ null }, { throw SecurityException() }, { throw RuntimeException() })
        for (failure in failures) {
            assertFalse(ContactLookup.status(true, "13800138000", failure) == ContactStatus.NOT_CONTACT)
        }
    }
}
