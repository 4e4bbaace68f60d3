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

    /**
     * Creates (or renames, after a language change) the three channels and deletes the retired
     * ones; cheap to repeat. Importance, sound and vibration only apply when a channel is first
     * created: after that they are the user's.
     */
    fun ensureChannels() {
        for (id in Channel.RETIRED) {
            if (manager.getNotificationChannel(id) != null) manager.deleteNotificationChannel(id)
        }
        val channels = Channel.entries.map { channel ->
            channelFor(channel, context.getString(nameOf(channel)), context.getString(descriptionOf(channel)))
        }
        manager.createNotificationChannels(channels)
    }

    /** Whether the user lets CallGuard post notifications at all. */
    fun enabled(): Boolean = manager.areNotificationsEnabled()

    /** Whether the ringing banner can pop up: notifications on, and its channel not lowered. */
    fun bannerState(): BannerState =
        BannerState.of(manager.areNotificationsEnabled(), manager.getNotificationChannel(Channel.RINGING.id)?.importance)

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
        for ((action, title) in content.actions.zip(content.actionTitles)) {
            val icon = Icon.createWithResource(context, R.drawable.ic_notification)
            val intent = actionIntent(action, content.number, content.shownNumber, id)
            builder.addAction(Notification.Action.Builder(icon, title, intent).build())
        }
        manager.notify(id, builder.build())
        return id
    }

    /** Removes notification [id]. */
    fun cancel(id: Int) {
        manager.cancel(id)
    }


    private fun openHistory(id: Int): PendingIntent =
        PendingIntent.getActivity(
            context,
            id,
            Intent(context, HistoryActivity::class.java).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK),
            PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT,
        )

    private fun actionIntent(action: BannerAction, number: String, shown: String, id: Int): PendingIntent {
        // The number goes in the data URI so that each number gets its own PendingIntent.
        val intent = Intent(context, BannerActionReceiver::class.java)
            .setAction(action.intentAction)
            .setData(Uri.fromParts("tel", number, null))
            .putExtra(BannerActionReceiver.EXTRA_NOTIFICATION_ID, id)
            .putExtra(BannerActionReceiver.EXTRA_SHOWN_NUMBER, shown)
        return PendingIntent.getBroadcast(
            context,
            id,
            intent,
            PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT,
        )
    }

    companion object {
        /**
         * The Android channel for [channel]: its importance, and for a silent one no sound and
         * no vibration (`setSound(null, null)`, `enableVibration(false)`).
         */
        fun channelFor(channel: Channel, name: String, description: String): NotificationChannel =
            NotificationChannel(channel.id, name, channel.importance).apply {
                this.description = description
                setShowBadge(channel != Channel.SCREENED)
                if (channel.silent) {
                    setSound(null, null)
                    enableVibration(false)
                }
            }

        /** The channel's name in the phone's language. */
        fun nameOf(channel: Channel): Int =
            when (channel) {
                Channel.RINGING -> R.string.channel_ringing_name
                Channel.SCREENED -> R.string.channel_screened_name
                Channel.SMS_WARNING -> R.string.channel_sms_name
            }

        private fun descriptionOf(channel: Channel): Int =
            when (channel) {
                Channel.RINGING -> R.string.channel_ringing_description
                Channel.SCREENED -> R.string.channel_screened_description
                Channel.SMS_WARNING -> R.string.channel_sms_description
            }

        /** A stable id per channel and number. */
        fun idFor(channel: Channel, number: String): Int =
            (channel.ordinal shl 28) or (number.hashCode() and 0x0FFFFFFF)
    }
}
