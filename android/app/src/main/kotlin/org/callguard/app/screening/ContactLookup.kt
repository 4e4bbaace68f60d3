package org.callguard.app.screening

import org.callguard.bridge.ContactStatus

/**
 * Whether a caller is a contact, told only as far as it is known. Strict mode rejects
 * [ContactStatus.NOT_CONTACT] alone, so "not a contact" must come from a lookup that ran and
 * answered; everything else is [ContactStatus.UNKNOWN] and the call rings.
 *
 * Android's part (AOSP Telecom, `CallScreeningServiceFilter.startFilterLookup`): a screening app
 * without READ_CONTACTS is not bound at all for a caller Telecom found in the contacts, so those
 * calls ring without CallGuard seeing them; with READ_CONTACTS it is bound for every call and must
 * tell contacts apart itself. Telecom's own lookup can time out, so a call reaching CallGuard
 * without the permission is not proof of a stranger.
 */
object ContactLookup {
    /**
     * The contact status of [number]. [hasPermission] is READ_CONTACTS; [lookup] asks the
     * contacts provider and returns null when it could not answer (no provider, no cursor).
     */
    fun status(hasPermission: Boolean, number: String?, lookup: (String) -> Boolean?): ContactStatus {
        val digits = number?.trim().orEmpty()
        // A call without a number can match no contact: that answer needs no lookup.
        if (digits.isEmpty()) return ContactStatus.NOT_CONTACT
        if (!hasPermission) return ContactStatus.UNKNOWN
        val found = try {
            lookup(digits)
        } catch (e: RuntimeException) {
            // SecurityException (permission revoked meanwhile), SQLite errors, a provider that died.
            null
        }
        return when (found) {
            true -> ContactStatus.CONTACT
            false -> ContactStatus.NOT_CONTACT
            null -> ContactStatus.UNKNOWN
        }
    }
}
