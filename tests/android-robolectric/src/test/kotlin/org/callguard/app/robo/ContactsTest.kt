package org.callguard.app.robo

import org.callguard.bridge.Label
import org.callguard.bridge.Reason
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Test

/**
 * Strict mode through the real Telecom binder (issue 11, item 1): a caller is rejected for not
 * being a contact only when READ_CONTACTS is held and the contacts provider answered "no". No
 * permission, or a failing provider, leaves the status unknown, and the call rings with the
 * reason contacts_unknown.
 */
class ContactsTest : CallTest() {
    @Before
    fun strictMode() {
        engine().setSetting("block_non_contacts", "true")
    }

    @After
    fun forgetContacts() {
        FakeContacts.numbers = emptySet()
        FakeContacts.broken = false
    }

    private fun lastReasons() = engine().history(1).single().reasons

    @Test
    fun `without READ_CONTACTS nobody is rejected for not being a contact`() {
        val call = telecom.ring(Caller("13612345678"))
        assertTrue("rings", call.answer.rings)
        assertTrue(lastReasons().toString(), Reason.CONTACTS_UNKNOWN in lastReasons())
    }

    @Test
    fun `with READ_CONTACTS a stranger the lookup did not find is rejected`() {
        FakeContacts.install("13800138000")
        val call = telecom.ring(Caller("13612345678"))
        assertTrue("rejected", call.answer.disallow && call.answer.reject)
        assertTrue(lastReasons().toString(), Reason.STRICT_MODE in lastReasons())
    }

    @Test
    fun `with READ_CONTACTS a contact rings and is labelled a contact`() {
        FakeContacts.install("13800138000")
        val call = telecom.ring(Caller("13800138000"))
        assertTrue("rings", call.answer.rings)
        assertEquals(Label.CONTACT, engine().history(1).single().label)
    }

    @Test
    fun `a failing contacts lookup never reads as not a contact`() {
        FakeContacts.install("13800138000", broken = true)
        val call = telecom.ring(Caller("13800138000"))
        assertTrue("rings", call.answer.rings)
        assertTrue(lastReasons().toString(), Reason.CONTACTS_UNKNOWN in lastReasons())
    }
}
