package org.callguard.app.robo

import android.Manifest
import android.app.Activity
import android.app.NotificationManager
import android.app.role.RoleManager
import android.content.pm.PackageManager
import android.os.Build
import android.provider.Settings
import android.view.View
import android.widget.Button
import android.widget.TextView
import org.callguard.app.R
import org.callguard.app.banner.Channel
import org.callguard.app.engine.EngineHolder
import org.callguard.app.ui.StatusActivity
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.robolectric.Robolectric
import org.robolectric.Shadows.shadowOf
import org.robolectric.android.controller.ActivityController
import org.robolectric.shadows.ShadowRoleManager

/**
 * First start: the status screen, the call-screening role (granted, denied, and the system no
 * longer showing its dialog), the notification permission on Android 13+, and what the screen
 * shows after each.
 */
class FirstStartTest : AppTest() {
    private val roles: ShadowRoleManager
        get() = shadowOf(app.getSystemService(RoleManager::class.java))

    private fun open(): ActivityController<StatusActivity> {
        roles.addAvailableRole(RoleManager.ROLE_CALL_SCREENING)
        val controller = Robolectric.buildActivity(StatusActivity::class.java).setup()
        settle()
        return controller
    }

    private fun Activity.text(id: Int): String = requireViewById<TextView>(id).text.toString()

    private fun Activity.visible(id: Int): Boolean = requireViewById<View>(id).visibility == View.VISIBLE

    /** Taps "Make CallGuard the call-screening app" and answers Android's role dialog with [resultCode]. */
    private fun requestRole(activity: StatusActivity, grant: Boolean, resultCode: Int) {
        activity.requireViewById<Button>(R.id.role_button).performClick()
        val request = shadowOf(activity).nextStartedActivityForResult
        assertNotNull("the role button starts Android's role request", request)
        assertEquals(RoleManager::class.java.name.let { "android.app.role.action.REQUEST_ROLE" }, request.intent.action)
        assertEquals(RoleManager.ROLE_CALL_SCREENING, request.intent.getStringExtra("android.intent.extra.ROLE_NAME"))
        if (grant) roles.addHeldRole(RoleManager.ROLE_CALL_SCREENING)
        shadowOf(activity).receiveResult(request.intent, resultCode, null)
        settle()
    }

    @Test
    fun `a new user sees what is missing, and no call yet`() {
        val activity = open().get()
        assertEquals(string(R.string.status_role_missing), activity.text(R.id.role_status))
        assertTrue(activity.visible(R.id.role_button))
        assertEquals(string(R.string.status_contacts_off), activity.text(R.id.contacts_status))
        assertEquals(string(R.string.status_no_calls), activity.text(R.id.last_call))
        assertTrue("no problem to report", !activity.visible(R.id.engine_status))
        assertTrue("the database is created in the app's files dir", EngineHolder.databaseFile(app).isFile)
        // The channels exist from the first start, so the user can tune them before any call.
        val channels = app.getSystemService(NotificationManager::class.java)!!.notificationChannels.map { it.id }
        assertEquals(Channel.entries.map { it.id }.toSet(), channels.toSet())
    }

    @Test
    fun `granting the role shows that CallGuard screens calls`() {
        val activity = open().get()
        requestRole(activity, grant = true, resultCode = Activity.RESULT_OK)
        assertEquals(string(R.string.status_role_held), activity.text(R.id.role_status))
        assertTrue("no button once the role is held", !activity.visible(R.id.role_button))
    }

    @Test
    fun `denying the role keeps the request on screen`() {
        val activity = open().get()
        requestRole(activity, grant = false, resultCode = Activity.RESULT_CANCELED)
        assertEquals(string(R.string.status_role_missing), activity.text(R.id.role_status))
        assertTrue(activity.visible(R.id.role_button))
    }

    @Test
    fun `when the system no longer shows the role dialog the user still has a way`() {
        val activity = open().get()
        // After repeated denials Android answers RESULT_CANCELED at once, without a dialog.
        requestRole(activity, grant = false, resultCode = Activity.RESULT_CANCELED)
        requestRole(activity, grant = false, resultCode = Activity.RESULT_CANCELED)
        assertEquals(string(R.string.status_role_missing), activity.text(R.id.role_status))
        assertTrue(activity.visible(R.id.role_button))
    }

    @Test
    fun `a phone without the role says so and offers no button`() {
        val activity = Robolectric.buildActivity(StatusActivity::class.java).setup().get()
        settle()
        assertEquals(string(R.string.status_role_unavailable), activity.text(R.id.role_status))
        assertTrue(!activity.visible(R.id.role_button))
    }

    @Test
    fun `notifications switched off are asked for, then shown as allowed`() {
        val manager = shadowOf(app.getSystemService(NotificationManager::class.java))
        manager.setNotificationsEnabled(false)
        val controller = open()
        val activity = controller.get()
        assertEquals(string(R.string.status_notifications_off), activity.text(R.id.notification_status))
        assertTrue(activity.visible(R.id.notification_button))
        activity.requireViewById<Button>(R.id.notification_button).performClick()
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) {
            // Android 13+: the runtime permission, asked once.
            val asked = shadowOf(activity).lastRequestedPermission
            assertNotNull("POST_NOTIFICATIONS is requested", asked)
            assertEquals(listOf(Manifest.permission.POST_NOTIFICATIONS), asked.requestedPermissions.toList())
            shadowOf(app).grantPermissions(Manifest.permission.POST_NOTIFICATIONS)
            manager.setNotificationsEnabled(true)
            activity.onRequestPermissionsResult(asked.requestCode, asked.requestedPermissions, intArrayOf(PackageManager.PERMISSION_GRANTED))
        } else {
            // Before 13 there is no permission: only the app's notification settings can help.
            val started = shadowOf(activity).nextStartedActivity
            assertEquals(Settings.ACTION_APP_NOTIFICATION_SETTINGS, started.action)
            assertEquals(app.packageName, started.getStringExtra(Settings.EXTRA_APP_PACKAGE))
            manager.setNotificationsEnabled(true)
            controller.pause().resume()
        }
        settle()
        assertEquals(string(R.string.status_notifications_on), activity.text(R.id.notification_status))
        assertTrue(!activity.visible(R.id.notification_button))
    }

    @Test
    fun `notifications refused on Android 13+ lead to the settings page, not a second prompt`() {
        if (Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU) return
        val manager = shadowOf(app.getSystemService(NotificationManager::class.java))
        manager.setNotificationsEnabled(false)
        val activity = open().get()
        val button = activity.requireViewById<Button>(R.id.notification_button)
        button.performClick()
        val asked = shadowOf(activity).lastRequestedPermission
        activity.onRequestPermissionsResult(asked.requestCode, asked.requestedPermissions, intArrayOf(PackageManager.PERMISSION_DENIED))
        settle()
        assertEquals(string(R.string.status_notifications_off), activity.text(R.id.notification_status))
        button.performClick()
        val started = shadowOf(activity).nextStartedActivity
        assertEquals(Settings.ACTION_APP_NOTIFICATION_SETTINGS, started.action)
    }

    @Test
    fun `contacts permission granted shows that contacts are checked`() {
        val activity = open().get()
        activity.requireViewById<Button>(R.id.contacts_button).performClick()
        val asked = shadowOf(activity).lastRequestedPermission
        assertEquals(listOf(Manifest.permission.READ_CONTACTS), asked.requestedPermissions.toList())
        shadowOf(app).grantPermissions(Manifest.permission.READ_CONTACTS)
        activity.onRequestPermissionsResult(asked.requestCode, asked.requestedPermissions, intArrayOf(PackageManager.PERMISSION_GRANTED))
        settle()
        assertEquals(string(R.string.status_contacts_on), activity.text(R.id.contacts_status))
        assertTrue(!activity.visible(R.id.contacts_button))
    }
}
