package org.callguard.app.robo

import android.Manifest
import android.app.NotificationManager
import android.content.ComponentName
import android.content.Intent
import android.content.pm.PackageManager
import android.provider.Telephony
import android.widget.Switch
import org.callguard.app.R
import org.callguard.app.banner.Channel
import org.callguard.app.engine.Workers
import org.callguard.app.sms.SmsGuardReceiver
import org.callguard.app.ui.SettingsActivity
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import org.robolectric.Robolectric
import org.robolectric.Shadows.shadowOf
import java.io.ByteArrayOutputStream
import java.util.concurrent.TimeUnit

/**
 * The SMS guard: switched on in Settings (asking for RECEIVE_SMS), an SMS_RECEIVED broadcast
 * with a verification code soon after a risky call raises the warning; switched off, the
 * receiver is disabled and nothing happens.
 */
class SmsGuardFlowTest : AppTest() {
    private fun receiverState(): Int =
        app.packageManager.getComponentEnabledSetting(ComponentName(app, SmsGuardReceiver::class.java))

    private fun smsSwitch(activity: SettingsActivity): Switch = activity.requireViewById(R.id.sms_guard_switch)

    /** A risky call first: the SMS guard warns only about codes that follow one. */
    private fun riskyCall() {
        val telecom = Telecom()
        assertTrue(telecom.ring(Caller("01010086")).answer.rings)
        telecom.unbind()
        app.getSystemService(NotificationManager::class.java)!!.cancelAll()
    }

    /**
     * The phone delivers an SMS from [sender]: SMS_RECEIVED with a GSM PDU. The system sends it
     * to the receivers PackageManager resolves, which leaves out disabled components; Robolectric's
     * broadcast delivery does not check that, so the resolution is done here, as the system does.
     */
    private fun deliverSms(sender: String, body: String) {
        val intent = Intent(Telephony.Sms.Intents.SMS_RECEIVED_ACTION)
            .putExtra("pdus", arrayOf<Any>(Pdu.deliver(sender, body)))
            .putExtra("format", "3gpp")
        val receivers = app.packageManager.queryBroadcastReceivers(intent, 0).map { it.activityInfo.name }
        if (SmsGuardReceiver::class.java.name in receivers) {
            app.sendBroadcast(Intent(intent).setClass(app, SmsGuardReceiver::class.java))
        }
        settle()
        Workers.io.submit {}.get(10, TimeUnit.SECONDS)
        settle()
    }

    @Test
    fun `on - a verification code after a risky call raises the warning`() {
        assertEquals("off until the user turns it on", PackageManager.COMPONENT_ENABLED_STATE_DEFAULT, receiverState())
        val activity = Robolectric.buildActivity(SettingsActivity::class.java).setup().get()
        settle()
        assertTrue(!smsSwitch(activity).isChecked)
        smsSwitch(activity).performClick()
        val asked = shadowOf(activity).lastRequestedPermission
        assertEquals(listOf(Manifest.permission.RECEIVE_SMS), asked.requestedPermissions.toList())
        shadowOf(app).grantPermissions(Manifest.permission.RECEIVE_SMS)
        activity.onRequestPermissionsResult(asked.requestCode, asked.requestedPermissions, intArrayOf(PackageManager.PERMISSION_GRANTED))
        assertEquals(PackageManager.COMPONENT_ENABLED_STATE_ENABLED, receiverState())
        assertTrue(smsSwitch(activity).isChecked)

        riskyCall()
        deliverSms("1069012345", "【某银行】您的验证码是 483920，5分钟内有效，请勿泄露给他人。")
        val warning = app.shownNotifications().single()
        assertEquals(Channel.SMS_WARNING.id, warning.channel)
        assertTrue(warning.title.isNotBlank())
        assertTrue(warning.bigText, warning.bigText.contains("code"))
    }

    @Test
    fun `off - the receiver is disabled and the same SMS raises nothing`() {
        shadowOf(app).grantPermissions(Manifest.permission.RECEIVE_SMS)
        val activity = Robolectric.buildActivity(SettingsActivity::class.java).setup().get()
        settle()
        smsSwitch(activity).performClick()
        assertEquals(PackageManager.COMPONENT_ENABLED_STATE_ENABLED, receiverState())
        smsSwitch(activity).performClick()
        assertEquals(PackageManager.COMPONENT_ENABLED_STATE_DISABLED, receiverState())

        riskyCall()
        deliverSms("1069012345", "【某银行】您的验证码是 483920，5分钟内有效，请勿泄露给他人。")
        assertEquals(emptyList<Shown>(), app.shownNotifications())
    }

    @Test
    fun `refusing the SMS permission leaves the guard off and says why`() {
        val activity = Robolectric.buildActivity(SettingsActivity::class.java).setup().get()
        settle()
        smsSwitch(activity).performClick()
        val asked = shadowOf(activity).lastRequestedPermission
        activity.onRequestPermissionsResult(asked.requestCode, asked.requestedPermissions, intArrayOf(PackageManager.PERMISSION_DENIED))
        assertTrue(!smsSwitch(activity).isChecked)
        assertEquals(PackageManager.COMPONENT_ENABLED_STATE_DISABLED, receiverState())
        assertEquals(string(R.string.sms_permission_denied), org.robolectric.shadows.ShadowToast.getTextOfLatestToast())
    }
}

/** GSM 03.40 SMS-DELIVER PDUs, as the radio hands them to Android. */
object Pdu {
    /** One SMS-DELIVER PDU from [sender] with [body] in UCS-2 (at most 70 characters). */
    fun deliver(sender: String, body: String): ByteArray {
        require(body.length <= 70) { "one UCS-2 part holds 70 characters" }
        val out = ByteArrayOutputStream()
        out.write(0x00) // no SMSC address
        out.write(0x04) // SMS-DELIVER, no more messages
        val digits = sender.filter { it.isDigit() }
        out.write(digits.length)
        out.write(0x81) // unknown numbering, ISDN/telephone plan
        out.write(semiOctets(digits))
        out.write(0x00) // protocol identifier
        out.write(0x08) // UCS-2
        out.write(semiOctets("62120112000000".let { it.substring(0, 12) + "00" })) // 2026-12-01 12:00:00, UTC
        val text = body.toByteArray(Charsets.UTF_16BE)
        out.write(text.size)
        out.write(text)
        return out.toByteArray()
    }

    private fun semiOctets(digits: String): ByteArray {
        val padded = if (digits.length % 2 == 1) digits + "F" else digits
        return ByteArray(padded.length / 2) { i ->
            val low = padded[2 * i].digitToInt(16)
            val high = padded[2 * i + 1].digitToInt(16)
            ((high shl 4) or low).toByte()
        }
    }
}
