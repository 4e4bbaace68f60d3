package org.callguard.app.screening

import android.Manifest
import android.content.pm.PackageManager
import android.net.Uri
import android.os.Build
import android.os.Handler
import android.os.Looper
import android.provider.BaseColumns
import android.provider.ContactsContract
import android.telecom.Call
import android.telecom.CallScreeningService
import android.util.Log
import org.callguard.app.banner.NotificationContents
import org.callguard.app.banner.Notifier
import org.callguard.app.engine.EngineHolder
import org.callguard.app.engine.Workers
import org.callguard.app.wording.textsIn
import org.callguard.bridge.Decision
import org.callguard.bridge.Language
import org.callguard.bridge.LanguageSetting
import java.util.Locale
import java.util.concurrent.atomic.AtomicReference

/**
 * Where every incoming call enters CallGuard. Android binds this service (we hold the
 * call-screening role) for each incoming call — from contacts too only when we hold
 * READ_CONTACTS (see [ContactLookup]); it reads the
 * call's details, asks the engine on a worker thread, and answers within 1 s — with the
 * engine's decision, or with "allow" after any exception or when the budget runs out.
 */
class CallGuardScreeningService : CallScreeningService() {
    private val main = Handler(Looper.getMainLooper())
    private val race = ScreeningRace(Workers.screening, Workers.timer)

    override fun onScreenCall(callDetails: Call.Details) {
        // Android answers outgoing calls itself and ignores our response; nothing to decide.
        if (callDetails.callDirection != Call.Details.DIRECTION_INCOMING) return
        val receivedAt = System.currentTimeMillis()
        // The language the engine words this call's banner in, so the rest of the notification
        // (title, summary, buttons) can follow it; the phone's until the engine was asked.
        val language = AtomicReference(CallFacts.languageFor(LanguageSetting.AUTO, Locale.getDefault()))
        race.start(
            decide = { decide(callDetails, receivedAt, language) },
            respond = { outcome -> main.post { respond(callDetails, outcome, receivedAt, language.get()) } },
            onLateDecision = { decision -> main.post { showBanner(decision, ResponsePlan.ALLOW, receivedAt, language.get()) } },
        )
    }

    private fun decide(details: Call.Details, receivedAt: Long, chosen: AtomicReference<Language>): Decision {
        val engine = EngineHolder.get(this)
        val number = details.handle?.schemeSpecificPart
        val hasContacts = checkSelfPermission(Manifest.permission.READ_CONTACTS) == PackageManager.PERMISSION_GRANTED
        val facts = CallFacts(
            number = number,
            handlePresentation = details.handlePresentation,
            verificationStatus = verificationStatus(details),
            contact = ContactLookup.status(hasContacts, number, ::inContacts),
            timeMillis = receivedAt,
        )
        val language = CallFacts.languageFor(engine.settings().language, Locale.getDefault())
        chosen.set(language)
        return engine.screen(facts.toRequest(language))
    }

    private fun respond(details: Call.Details, outcome: ScreeningOutcome, receivedAt: Long, language: Language) {
        val plan = outcome.plan
        try {
            respondToCall(details, plan.toCallResponse())
        } catch (e: RuntimeException) {
            // The call proceeds when Telecom hears nothing; never let this take the process down.
            Log.w(TAG, "respondToCall failed: " + e.javaClass.name)
        }
        when {
            outcome.timedOut -> {
                Log.w(TAG, "engine did not answer within the budget; call allowed")
                FailOpenRecord.record(this, receivedAt, FailOpenRecord.Cause.TIMEOUT, null)
            }
            outcome.failure != null -> {
                Log.w(TAG, "screening failed, call allowed: " + outcome.failure.javaClass.name)
                FailOpenRecord.record(this, receivedAt, FailOpenRecord.Cause.ERROR, outcome.failure)
            }
        }
        outcome.decision?.let { showBanner(it, plan, receivedAt, language) }
    }

    private fun showBanner(decision: Decision, plan: ResponsePlan, receivedAt: Long, language: Language) {
        try {
            val notifier = Notifier(this)
            val text = textsIn(language)
            NotificationContents.ringing(decision, plan, receivedAt, text)?.let(notifier::show)
            NotificationContents.screened(decision, plan, receivedAt, text)?.let(notifier::show)
        } catch (e: RuntimeException) {
            Log.w(TAG, "could not show the banner: " + e.javaClass.name)
        }
    }

    private fun verificationStatus(details: Call.Details): Int? =
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.R) details.callerNumberVerificationStatus else null

    /** Asks the contacts provider whether [number] is a contact; null when it gave no cursor. */
    private fun inContacts(number: String): Boolean? {
        val uri = Uri.withAppendedPath(ContactsContract.PhoneLookup.CONTENT_FILTER_URI, Uri.encode(number))
        return contentResolver.query(uri, arrayOf(BaseColumns._ID), null, null, null)?.use { it.moveToFirst() }
    }

    private companion object {
        // Logs name what failed, never the number: exception messages may quote it (DESIGN §8).
        const val TAG = "CallGuard"
    }
}
