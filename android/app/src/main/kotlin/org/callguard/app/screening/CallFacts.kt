package org.callguard.app.screening

import org.callguard.bridge.ContactStatus
import org.callguard.bridge.Language
import org.callguard.bridge.LanguageSetting
import org.callguard.bridge.Presentation
import org.callguard.bridge.ScreenRequest
import org.callguard.bridge.Verification
import java.util.Locale

/**
 * What the app knows about a ringing call, in plain values, and how it becomes the engine's
 * [ScreenRequest]. The Android glue (CallGuardScreeningService) only reads `Call.Details`;
 * everything that can be decided without a phone is decided here.
 */
data class CallFacts(
    /** `handle.schemeSpecificPart`, or null when the call has no handle. */
    val number: String?,
    /** `Call.Details.getHandlePresentation()`. */
    val handlePresentation: Int,
    /** `Call.Details.getCallerNumberVerificationStatus()` on API 30+, else null. */
    val verificationStatus: Int?,
    /** What the contacts lookup answered ([ContactLookup]). */
    val contact: ContactStatus,
    val timeMillis: Long,
) {
    /** The request for the engine, with banners in [language]. */
    fun toRequest(language: Language): ScreenRequest =
        ScreenRequest(
            number = number?.trim().orEmpty(),
            presentation = presentationOf(handlePresentation),
            contact = contact,
            timeMillis = timeMillis,
            verification = verificationStatus?.let(::verificationOf),
            language = language,
        )

    companion object {
        // android.telecom.TelecomManager.PRESENTATION_* (ScreenRequestTest checks them against
        // the framework jar).
        const val PRESENTATION_ALLOWED = 1
        const val PRESENTATION_RESTRICTED = 2
        const val PRESENTATION_UNKNOWN = 3
        const val PRESENTATION_PAYPHONE = 4
        const val PRESENTATION_UNAVAILABLE = 5

        // android.telecom.Connection.VERIFICATION_STATUS_* (API 30).
        const val VERIFICATION_NOT_VERIFIED = 0
        const val VERIFICATION_PASSED = 1
        const val VERIFICATION_FAILED = 2

        /** Android's presentation constant as the engine's; an unknown value is treated as unknown. */
        fun presentationOf(value: Int): Presentation =
            when (value) {
                PRESENTATION_ALLOWED -> Presentation.ALLOWED
                PRESENTATION_RESTRICTED -> Presentation.RESTRICTED
                PRESENTATION_PAYPHONE -> Presentation.PAYPHONE
                PRESENTATION_UNAVAILABLE -> Presentation.UNAVAILABLE
                else -> Presentation.UNKNOWN
            }

        /** Android's caller-verification status as the engine's, or null for a value we do not know. */
        fun verificationOf(value: Int): Verification? =
            when (value) {
                VERIFICATION_NOT_VERIFIED -> Verification.NOT_VERIFIED
                VERIFICATION_PASSED -> Verification.PASSED
                VERIFICATION_FAILED -> Verification.FAILED
                else -> null
            }

        /** The language for banners: the user's setting, or the phone's when it is "auto". */
        fun languageFor(setting: LanguageSetting, phone: Locale): Language =
            when (setting) {
                LanguageSetting.ZH -> Language.ZH
                LanguageSetting.EN -> Language.EN
                LanguageSetting.AUTO -> if (phone.language == "zh") Language.ZH else Language.EN
            }
    }
}
