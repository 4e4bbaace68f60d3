package org.callguard.app.ui

import android.app.Activity
import android.content.Intent
import android.provider.Settings

/**
 * What follows the call-screening role request. `RoleManager.createRequestRoleIntent` comes back
 * with RESULT_OK when the role was granted and RESULT_CANCELED otherwise — also when no dialog was
 * shown at all: after a denial, AOSP PermissionController's role dialog offers "Don't ask again",
 * and from then on the request is denied at once, without UI. The app cannot tell the two apart,
 * so after any refusal it offers the way that always works: Android's default-apps settings,
 * where the role is listed under its system name ("Caller ID & spam app",
 * 来电显示和骚扰电话应用).
 */
object RoleRequest {
    /**
     * Whether to offer the default-apps settings once a role request came back: whenever the
     * role is still not held. The result code cannot tell a declined dialog from none shown
     * (both RESULT_CANCELED), so it is not consulted.
     */
    fun afterRequest(roleHeld: Boolean): Boolean = !roleHeld

    /** Opens Settings → Default apps, or Settings itself where a maker removed that page. */
    fun openDefaultApps(activity: Activity): Boolean =
        activity.tryStart(Intent(Settings.ACTION_MANAGE_DEFAULT_APPS_SETTINGS)) ||
            activity.tryStart(Intent(Settings.ACTION_SETTINGS))
}
