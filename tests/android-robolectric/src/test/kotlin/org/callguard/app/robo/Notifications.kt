package org.callguard.app.robo

import android.app.Notification
import android.app.NotificationManager
import android.content.Context

/** One notification as the user sees it: its channel, texts and buttons. */
data class Shown(
    val id: Int,
    val channel: String,
    val title: String,
    val text: String,
    val bigText: String,
    val actions: List<String>,
    val notification: Notification,
) {
    /** The button titled [title], to press. */
    fun action(title: String): Notification.Action =
        notification.actions.orEmpty().firstOrNull { it.title.toString() == title }
            ?: error("no button \"$title\" on \"${this.title}\"; buttons: $actions")
}

/** The app's notifications on screen now, read from the real NotificationManager. */
fun Context.shownNotifications(): List<Shown> =
    getSystemService(NotificationManager::class.java)!!.activeNotifications.map { posted ->
        val n = posted.notification
        Shown(
            id = posted.id,
            channel = n.channelId,
            title = n.extras.getCharSequence(Notification.EXTRA_TITLE)?.toString().orEmpty(),
            text = n.extras.getCharSequence(Notification.EXTRA_TEXT)?.toString().orEmpty(),
            bigText = n.extras.getCharSequence(Notification.EXTRA_BIG_TEXT)?.toString().orEmpty(),
            actions = n.actions.orEmpty().map { it.title.toString() },
            notification = n,
        )
    }
