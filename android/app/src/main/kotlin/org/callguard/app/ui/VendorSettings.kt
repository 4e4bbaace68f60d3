package org.callguard.app.ui

import android.app.Activity
import android.content.ActivityNotFoundException
import android.content.ComponentName
import android.content.Intent
import android.net.Uri
import android.provider.Settings

/** Opens the phone maker's autostart / battery screen for CallGuard, falling back to Android's own. */
object VendorSettings {
    /** Tries each of the [vendor]'s screens, then the app's details page; true if anything opened. */
    fun open(activity: Activity, vendor: Vendor): Boolean {
        for ((pkg, cls) in vendor.screens) {
            val intent = Intent()
                .setComponent(ComponentName(pkg, cls))
                // Read by MIUI's battery-saver screen to preselect the app.
                .putExtra("package_name", activity.packageName)
                .putExtra("package_label", activity.applicationInfo.loadLabel(activity.packageManager))
            if (tryStart(activity, intent)) return true
        }
        val details = Intent(Settings.ACTION_APPLICATION_DETAILS_SETTINGS, Uri.fromParts("package", activity.packageName, null))
        return tryStart(activity, details) || tryStart(activity, Intent(Settings.ACTION_IGNORE_BATTERY_OPTIMIZATION_SETTINGS))
    }

    // Starting an explicit activity needs no package visibility; a missing or protected screen throws.
    private fun tryStart(activity: Activity, intent: Intent): Boolean =
        try {
            activity.startActivity(intent)
            true
        } catch (e: ActivityNotFoundException) {
            false
        } catch (e: SecurityException) {
            false
        }
}
