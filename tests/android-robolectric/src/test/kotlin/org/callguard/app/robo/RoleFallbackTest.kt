package org.callguard.app.robo

import android.app.Activity
import android.app.role.RoleManager
import android.provider.Settings
import android.view.View
import android.widget.Button
import android.widget.TextView
import org.callguard.app.R
import org.callguard.app.ui.StatusActivity
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Test
import org.robolectric.Robolectric
import org.robolectric.Shadows.shadowOf

/**
 * The call-screening role request coming back without the role (issue 11, item 6): Android
 * answers RESULT_CANCELED both when the user declines and when it no longer shows the dialog;
 * the status screen then offers Settings → Default apps, naming the role as Android does.
 */
class RoleFallbackTest : AppTest() {
    private val roles: RoleManager
        get() = checkNotNull(app.getSystemService(RoleManager::class.java))

    @Before
    fun roleAvailableNotHeld() {
        shadowOf(roles).addAvailableRole(RoleManager.ROLE_CALL_SCREENING)
    }

    private fun requestRoleAndAnswer(result: Int): StatusActivity {
        val activity = Robolectric.buildActivity(StatusActivity::class.java).setup().get()
        settle()
        val request = activity.requireViewById<Button>(R.id.role_button)
        assertEquals(View.VISIBLE, request.visibility)
        assertTrue(request.text.toString().contains("caller ID & spam app"))
        request.performClick()
        val started = shadowOf(activity).nextStartedActivityForResult
        shadowOf(activity).receiveResult(started.intent, result, null)
        settle()
        return activity
    }

    @Test
    fun `a refused request offers the default-apps settings`() {
        val activity = requestRoleAndAnswer(Activity.RESULT_CANCELED)
        val hint = activity.requireViewById<TextView>(R.id.role_fallback)
        val button = activity.requireViewById<Button>(R.id.role_settings_button)
        assertEquals(View.VISIBLE, hint.visibility)
        assertEquals(View.VISIBLE, button.visibility)
        assertTrue(hint.text.toString().contains("Default apps"))
        button.performClick()
        assertEquals(Settings.ACTION_MANAGE_DEFAULT_APPS_SETTINGS, shadowOf(activity).nextStartedActivity.action)
    }

    @Test
    fun `a granted role shows no fallback`() {
        shadowOf(roles).addHeldRole(RoleManager.ROLE_CALL_SCREENING)
        val activity = Robolectric.buildActivity(StatusActivity::class.java).setup().get()
        settle()
        assertEquals(View.GONE, activity.requireViewById<Button>(R.id.role_button).visibility)
        assertEquals(View.GONE, activity.requireViewById<TextView>(R.id.role_fallback).visibility)
    }
}
