package org.callguard.app.sms

import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import android.provider.Telephony
import android.util.Log
import org.callguard.app.banner.NotificationContents
import org.callguard.app.banner.Notifier
import org.callguard.app.engine.EngineHolder
import org.callguard.app.engine.Workers
import org.callguard.app.screening.CallFacts
import java.util.Locale

/**
 * The optional SMS guard: hands each incoming SMS to the engine, which warns when a
 * verification code arrives soon after a suspicious call ("never give a verification code to
 * anyone"). Disabled in the manifest until the user turns it on; messages are checked on the
 * phone and never stored by the app.
 */
class SmsGuardReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        if (intent.action != Telephony.Sms.Intents.SMS_RECEIVED_ACTION) return
        val messages = try {
            Telephony.Sms.Intents.getMessagesFromIntent(intent).orEmpty().filterNotNull()
        } catch (e: RuntimeException) {
            Log.w(TAG, "unreadable SMS intent: " + e.javaClass.name)
            return
        }
        // A long SMS arrives in parts: join them per sender before checking.
        val bySender = linkedMapOf<String, StringBuilder>()
        for (message in messages) {
            val sender = message.originatingAddress.orEmpty()
            bySender.getOrPut(sender) { StringBuilder() }.append(message.messageBody.orEmpty())
        }
        // The time it reached the phone, comparable with the screened calls' times (the SMS
        // centre's own timestamp may be off).
        val receivedAt = System.currentTimeMillis()
        if (bySender.isEmpty()) return
        val app = context.applicationContext
        val pending = goAsync()
        Workers.runForReceiver(
            Workers.receivers,
            finish = pending::finish,
            onFailure = { failure -> Log.w(TAG, "SMS check failed: " + failure.javaClass.name) },
        ) {
            val engine = EngineHolder.get(app)
            val language = CallFacts.languageFor(engine.settings().language, Locale.getDefault())
            val notifier = Notifier(app)
            for ((sender, body) in bySender) {
                val verdict = engine.checkSms(sender, body.toString(), receivedAt, language)
                NotificationContents.smsWarning(verdict, sender, receivedAt)?.let(notifier::show)
            }
        }
    }

    private companion object {
        // Logs name what failed, never the sender or the text (DESIGN §8).
        const val TAG = "CallGuard"
    }
}
