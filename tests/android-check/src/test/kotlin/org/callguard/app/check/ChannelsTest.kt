package org.callguard.app.check

// Proves the notification channels: the ringing banner pops up (high importance) but plays no
// sound and does not vibrate over the ringtone (NotificationChannel itself needs Android's
// natives: tests/android-robolectric checks the channels Android really holds); its old, noisy id is retired (a channel's sound
// cannot change once created); and the banner state the status screen shows reads the
// channel's importance, not only the app-wide switch.

import android.app.NotificationManager
import org.callguard.app.banner.BannerState
import org.callguard.app.banner.Channel
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File

class ChannelsTest {
    @Test
    fun `the ringing banner pops up but is silent, the SMS warning sounds, summaries are low`() {
        // Notifier.channelFor turns these into NotificationChannels (setSound(null, null),
        // enableVibration(false) when silent); the Robolectric suite checks the real channels.
        assertEquals(NotificationManager.IMPORTANCE_HIGH, Channel.RINGING.importance)
        assertTrue(Channel.RINGING.silent, "a sound would play over the ringtone")
        assertEquals(NotificationManager.IMPORTANCE_HIGH, Channel.SMS_WARNING.importance)
        assertFalse(Channel.SMS_WARNING.silent)
        assertEquals(NotificationManager.IMPORTANCE_LOW, Channel.SCREENED.importance)
    }

    @Test
    fun `silent channels get no sound and no vibration`() {
        val source = File(Repo.appSources, "org/callguard/app/banner/Notifier.kt").readText()
        val silent = source.substringAfter("if (channel.silent) {").substringBefore("}")
        assertTrue("setSound(null, null)" in silent && "enableVibration(false)" in silent, silent)
    }

    @Test
    fun `the old noisy ringing channel is retired under a new id`() {
        assertTrue("ringing_call" in Channel.RETIRED)
        assertFalse(Channel.entries.any { it.id in Channel.RETIRED }, "a live channel reuses a retired id")
        assertEquals(Channel.entries.size, Channel.entries.map { it.id }.toSet().size)
    }

    @Test
    fun `the banner state reads the channel, not only the app switch`() {
        val rows = listOf(
            Triple(true, NotificationManager.IMPORTANCE_HIGH, BannerState.SHOWN),
            Triple(true, NotificationManager.IMPORTANCE_MAX, BannerState.SHOWN),
            Triple(true, NotificationManager.IMPORTANCE_DEFAULT, BannerState.NOT_HEADS_UP),
            Triple(true, NotificationManager.IMPORTANCE_LOW, BannerState.NOT_HEADS_UP),
            Triple(true, NotificationManager.IMPORTANCE_NONE, BannerState.CHANNEL_OFF),
            Triple(false, NotificationManager.IMPORTANCE_HIGH, BannerState.NOTIFICATIONS_OFF),
        )
        for ((enabled, importance, expected) in rows) {
            assertEquals(expected, BannerState.of(enabled, importance), "enabled=$enabled importance=$importance")
        }
        assertEquals(BannerState.SHOWN, BannerState.of(true, null), "not created yet: created at high importance")
    }
}
