package org.callguard.app.banner

import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import android.os.Handler
import android.os.Looper
import android.util.Log
import android.widget.Toast
import org.callguard.app.R
import org.callguard.app.engine.EngineHolder
import org.callguard.app.engine.EngineProblem
import org.callguard.app.engine.Workers
import org.callguard.bridge.ReportCategory

/**
 * Handles the banner's buttons after a call: report a plan / SIM offer and block, block, or mark
 * safe. Not exported: only CallGuard's own immutable PendingIntents reach it.
 */
class BannerActionReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        val action = BannerAction.fromIntentAction(intent.action) ?: return
        val number = intent.data?.schemeSpecificPart?.takeIf { it.isNotEmpty() } ?: return
        val notificationId = intent.getIntExtra(EXTRA_NOTIFICATION_ID, 0)
        // The engine's masked form, put there with the number; never the number itself.
        val shown = intent.getStringExtra(EXTRA_SHOWN_NUMBER)?.takeIf { it.isNotEmpty() }
            ?: context.getString(R.string.notification_this_number)
        val app = context.applicationContext
        val pending = goAsync()
        val main = Handler(Looper.getMainLooper())
        fun tell(message: String) = main.post { Toast.makeText(app, message, Toast.LENGTH_LONG).show() }
        Workers.runForReceiver(
            Workers.receivers,
            finish = pending::finish,
            onFailure = { failure ->
                // The bridge throws AssertionError for a native panic: caught here like any other.
                Log.w(TAG, "banner action failed: " + failure.javaClass.name)
                tell(app.getString(R.string.notification_action_failed, EngineProblem.describe(app, failure)))
            },
        ) {
            val message = perform(app, action, number, shown)
            Notifier(app).cancel(notificationId)
            tell(message)
        }
    }

    private fun perform(context: Context, action: BannerAction, number: String, shown: String): String {
        val engine = EngineHolder.get(context)
        return when (action) {
            BannerAction.REPORT_PLAN_OFFER -> {
                engine.report(number, ReportCategory.PLAN_OFFER)
                engine.block(number)
                context.getString(R.string.notification_done_reported, shown)
            }
            BannerAction.BLOCK -> {
                engine.block(number)
                context.getString(R.string.notification_done_blocked, shown)
            }
            BannerAction.MARK_SAFE -> {
                engine.allow(number)
                context.getString(R.string.notification_done_marked_safe, shown)
            }
        }
    }

    companion object {
        /** The id of the notification whose button was pressed, to remove it. */
        const val EXTRA_NOTIFICATION_ID = "org.callguard.app.extra.NOTIFICATION_ID"

        /** The number as the notification showed it (masked by the engine), for the reply. */
        const val EXTRA_SHOWN_NUMBER = "org.callguard.app.extra.SHOWN_NUMBER"

        // Logs name what failed, never the number (DESIGN §8).
        private const val TAG = "CallGuard"
    }
}
