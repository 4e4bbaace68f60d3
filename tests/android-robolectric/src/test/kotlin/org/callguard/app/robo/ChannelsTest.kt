package org.callguard.app.robo

import android.app.NotificationChannel
import android.app.NotificationManager
import org.callguard.app.banner.BannerState
import org.callguard.app.banner.Channel
import org.callguard.app.banner.Notifier
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Test
import org.robolectric.Shadows.shadowOf

/**
 * The notification channels Android really holds after the app created them (issue 11, items 4
 * and 5): the ringing banner pops up but is silent and still, the old noisy channel is gone, and
 * the banner state follows the channel's importance as well as the app-wide switch.
 */
class ChannelsTest : AppTest() {
    private val manager: NotificationManager
        get() = checkNotNull(app.getSystemService(NotificationManager::class.java))

    @Test
    fun `the ringing banner channel pops up without sound or vibration`() {
        Notifier(app).ensureChannels()
        val ringing = manager.getNotificationChannel(Channel.RINGING.id)
        assertNotNull(ringing)
        assertEquals(NotificationManager.IMPORTANCE_HIGH, ringing.importance)
        assertNull("a sound would play over the ringtone", ringing.sound)
        assertFalse(ringing.shouldVibrate())
        val sms = manager.getNotificationChannel(Channel.SMS_WARNING.id)
        assertNotNull("the SMS warning keeps its sound", sms.sound)
    }

    @Test
    fun `the old ringing channel with the default sound is deleted`() {
        manager.createNotificationChannel(NotificationChannel("ringing_call", "old", NotificationManager.IMPORTANCE_HIGH))
        Notifier(app).ensureChannels()
        assertNull(manager.getNotificationChannel("ringing_call"))
        assertNotNull(manager.getNotificationChannel(Channel.RINGING.id))
    }

    @Test
    fun `the banner state reads the channel and the app switch`() {
        val notifier = Notifier(app)
        notifier.ensureChannels()
        assertEquals(BannerState.SHOWN, notifier.bannerState())
        manager.deleteNotificationChannel(Channel.RINGING.id)
        manager.createNotificationChannel(NotificationChannel(Channel.RINGING.id, "lowered", NotificationManager.IMPORTANCE_LOW))
        assertEquals(BannerState.NOT_HEADS_UP, notifier.bannerState())
        shadowOf(manager).setNotificationsEnabled(false)
        assertEquals(BannerState.NOTIFICATIONS_OFF, notifier.bannerState())
    }
}
