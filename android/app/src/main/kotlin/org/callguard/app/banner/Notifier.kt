package org.callguard.app.banner

import android.app.Notification
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import android.graphics.drawable.Icon
import android.net.Uri
import org.callguard.app.R
import org.callguard.app.ui.HistoryActivity

/**
 * Posts CallGuard's notifications: the channels, the heads-up banner with its actions, the
 * quiet summaries and the SMS warning. Every PendingIntent is immutable and explicit.
 */
class Notifier(context: Context) {
    private val context = context.applicationContext
    private val manager: NotificationManager =
        checkNotNull(this.context.getSystemService(NotificationManager::class.java)) { "no NotificationManager" }

    /** Creates (or renames, after a language change) the three channels; cheap to repeat. */
    fun ensureChannels() {
        val high = NotificationManager.IMPORTANCE_HIGH
        val low = NotificationManager.IMPORTANCE_LOW
        val channels = listOf(
            channel(Channel.RINGING, R.string.channel_ringing_name, R.string.channel_ringing_description, high),
            channel(Channel.SCREENED, R.string.channel_screened_name, R.string.channel_screened_description, low),
            channel(Channel.SMS_WARNING, R.string.channel_sms_name, R.string.channel_sms_description, high),
        )
        manager.createNotificationChannels(channels)
    }

    /** Whether the user lets CallGuard post notifications at all. */
    fun enabled(): Boolean = manager.areNotificationsEnabled()

    /** Shows [content]; returns the notification's id (one per channel and number, so a repeat call replaces it). */
    fun show(content: NotificationContent): Int {
        ensureChannels()
        val id = idFor(content.channel, content.number)
        val builder = Notification.Builder(context, content.channel.id)
            .setSmallIcon(R.drawable.ic_notification)
            .setContentTitle(content.title)
            .setContentText(content.text)
            .setSubText(content.subText)
            .setStyle(Notification.BigTextStyle().bigText(content.bigText))
            .setColor(content.color)
            .setWhen(content.timeMillis)
            .setShowWhen(true)
            .setCategory(Notification.CATEGORY_STATUS)
            // Texts carry masked numbers only, so the banner may show on the lock screen while it rings.
            .setVisibility(Notification.VISIBILITY_PUBLIC)
            .setAutoCancel(true)
            .setContentIntent(openHistory(id))
        for (action in content.actions) {
            val icon = Icon.createWithResource(context, R.drawable.ic_notification)
            val intent = actionIntent(action, content.number, id)
            builder.addAction(Notification.Action.Builder(icon, context.getString(action.title), intent).build())
        }
        manager.notify(id, builder.build())
        return id
    }

    /** Removes notification [id]. */
    fun cancel(id: Int) {
        manager.cancel(id)
    }

    private fun channel(channel: Channel, name: Int, description: Int, importance: Int) =
        NotificationChannel(channel.id, context.getString(name), importance).apply {
            this.description = context.getString(description)
            setShowBadge(channel != Channel.SCREENED)
        }

    private fun openHistory(id: Int): PendingIntent =
        PendingIntent.getActivity(
            context,
            id,
            Intent(context, HistoryActivity::class.java).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK),
            PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT,
        )

    private fun actionIntent(action: BannerAction, number: String, id: Int): PendingIntent {
        // The number goes in the data URI so that each number gets its own PendingIntent.
        val intent = Intent(context, BannerActionReceiver::class.java)
            .setAction(action.intentAction)
            .setData(Uri.fromParts("tel", number, null))
            .putExtra(BannerActionReceiver.EXTRA_NOTIFICATION_ID, id)
        return PendingIntent.getBroadcast(
            context,
            id,
            intent,
            PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT,
        )
    }

    companion object {
        /** A stable id per channel and number. */
        fun idFor(channel: Channel, number: String): Int =
            (channel.ordinal shl 28) or (number.hashCode() and 0x0FFFFFFF)
    }
}
