package org.callguard.app.ui

import android.app.Activity
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
            if (activity.tryStart(intent)) return true
        }
        val details = Intent(Settings.ACTION_APPLICATION_DETAILS_SETTINGS, Uri.fromParts("package", activity.packageName, null))
        return activity.tryStart(details) || activity.tryStart(Intent(Settings.ACTION_IGNORE_BATTERY_OPTIMIZATION_SETTINGS))
    }
}
