package org.callguard.app.check

// Proves how a ringing call's details become the engine's request: presentation and
// verification constants match the framework's, numbers pass through, languages resolve.

import android.telecom.Connection
import android.telecom.TelecomManager
import org.callguard.app.screening.CallFacts
import org.callguard.bridge.ContactStatus
import org.callguard.bridge.Language
import org.callguard.bridge.LanguageSetting
import org.callguard.bridge.Presentation
import org.callguard.bridge.Verification
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Test
import java.util.Locale

class CallFactsTest {
    // The framework's constants are compile-time constants, inlined here by the Kotlin compiler
    // from android-all's class files (initialising those classes on a JVM would need natives).
    @Test
    fun `presentation constants are the framework's`() {
        assertEquals(TelecomManager.PRESENTATION_ALLOWED, CallFacts.PRESENTATION_ALLOWED)
        assertEquals(TelecomManager.PRESENTATION_RESTRICTED, CallFacts.PRESENTATION_RESTRICTED)
        assertEquals(TelecomManager.PRESENTATION_UNKNOWN, CallFacts.PRESENTATION_UNKNOWN)
        assertEquals(TelecomManager.PRESENTATION_PAYPHONE, CallFacts.PRESENTATION_PAYPHONE)
        assertEquals(TelecomManager.PRESENTATION_UNAVAILABLE, CallFacts.PRESENTATION_UNAVAILABLE)
    }

    @Test
    fun `verification constants are the framework's`() {
        assertEquals(Connection.VERIFICATION_STATUS_NOT_VERIFIED, CallFacts.VERIFICATION_NOT_VERIFIED)
        assertEquals(Connection.VERIFICATION_STATUS_PASSED, CallFacts.VERIFICATION_PASSED)
        assertEquals(Connection.VERIFICATION_STATUS_FAILED, CallFacts.VERIFICATION_FAILED)
    }

    @Test
    fun `presentations map one to one and anything else is unknown`() {
        assertEquals(Presentation.ALLOWED, CallFacts.presentationOf(CallFacts.PRESENTATION_ALLOWED))
        assertEquals(Presentation.RESTRICTED, CallFacts.presentationOf(CallFacts.PRESENTATION_RESTRICTED))
        assertEquals(Presentation.UNKNOWN, CallFacts.presentationOf(CallFacts.PRESENTATION_UNKNOWN))
        assertEquals(Presentation.PAYPHONE, CallFacts.presentationOf(CallFacts.PRESENTATION_PAYPHONE))
        assertEquals(Presentation.UNAVAILABLE, CallFacts.presentationOf(CallFacts.PRESENTATION_UNAVAILABLE))
        assertEquals(Presentation.UNKNOWN, CallFacts.presentationOf(0))
        assertEquals(Presentation.UNKNOWN, CallFacts.presentationOf(99))
    }

    @Test
    fun `verification statuses map and unknown values are left out`() {
        assertEquals(Verification.NOT_VERIFIED, CallFacts.verificationOf(CallFacts.VERIFICATION_NOT_VERIFIED))
        assertEquals(Verification.PASSED, CallFacts.verificationOf(CallFacts.VERIFICATION_PASSED))
        assertEquals(Verification.FAILED, CallFacts.verificationOf(CallFacts.VERIFICATION_FAILED))
        assertNull(CallFacts.verificationOf(7))
    }

    @Test
    fun `the request carries what Android told us`() {
        val facts = CallFacts(
            number = " +86 138 0013 8000 ",
            handlePresentation = CallFacts.PRESENTATION_ALLOWED,
            verificationStatus = CallFacts.VERIFICATION_FAILED,
            contact = ContactStatus.CONTACT,
            timeMillis = 1_764_470_000_000,
        )
        val request = facts.toRequest(Language.ZH)
        assertEquals("+86 138 0013 8000", request.number)
        assertEquals(Presentation.ALLOWED, request.presentation)
        assertEquals(Verification.FAILED, request.verification)
        assertEquals(ContactStatus.CONTACT, request.contact)
        assertEquals(1_764_470_000_000, request.timeMillis)
        assertEquals(Language.ZH, request.language)
    }

    @Test
    fun `a call without a handle or before API 30 still makes a request`() {
        val request = CallFacts(null, CallFacts.PRESENTATION_RESTRICTED, null, ContactStatus.NOT_CONTACT, 0).toRequest(Language.EN)
        assertEquals("", request.number)
        assertEquals(Presentation.RESTRICTED, request.presentation)
        assertNull(request.verification)
    }

    @Test
    fun `banner language follows the setting, or the phone when it is auto`() {
        assertEquals(Language.ZH, CallFacts.languageFor(LanguageSetting.ZH, Locale.US))
        assertEquals(Language.EN, CallFacts.languageFor(LanguageSetting.EN, Locale.SIMPLIFIED_CHINESE))
        assertEquals(Language.ZH, CallFacts.languageFor(LanguageSetting.AUTO, Locale.SIMPLIFIED_CHINESE))
        assertEquals(Language.ZH, CallFacts.languageFor(LanguageSetting.AUTO, Locale.forLanguageTag("zh-Hans-CN")))
        assertEquals(Language.EN, CallFacts.languageFor(LanguageSetting.AUTO, Locale.GERMANY))
    }
}
