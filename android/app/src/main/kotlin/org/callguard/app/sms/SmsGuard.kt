package org.callguard.app.sms

import android.Manifest
import android.content.ComponentName
import android.content.Context
import android.content.pm.PackageManager

/**
 * The SMS guard's on/off switch. The state lives where Android keeps it — whether the
 * [SmsGuardReceiver] component is enabled — not in a preference: the receiver is disabled in
 * the manifest and only the user's switch in Settings enables it.
 */
object SmsGuard {
    /** Whether the receiver is enabled (and so gets SMS once the permission is granted). */
    fun isOn(context: Context): Boolean =
        context.packageManager.getComponentEnabledSetting(component(context)) ==
            PackageManager.COMPONENT_ENABLED_STATE_ENABLED

    /** Whether the user granted RECEIVE_SMS. */
    fun hasPermission(context: Context): Boolean =
        context.checkSelfPermission(Manifest.permission.RECEIVE_SMS) == PackageManager.PERMISSION_GRANTED

    /** Turns the receiver on or off. */
    fun set(context: Context, on: Boolean) {
        val state = if (on) {
            PackageManager.COMPONENT_ENABLED_STATE_ENABLED
        } else {
            PackageManager.COMPONENT_ENABLED_STATE_DISABLED
        }
        context.packageManager.setComponentEnabledSetting(component(context), state, PackageManager.DONT_KILL_APP)
    }

    private fun component(context: Context) = ComponentName(context, SmsGuardReceiver::class.java)
}
