package org.callguard.app.robo

import android.app.Activity
import android.graphics.Insets
import android.os.Build
import android.view.ViewGroup
import android.view.WindowInsets
import org.callguard.app.ui.HistoryActivity
import org.callguard.app.ui.RulesActivity
import org.callguard.app.ui.SettingsActivity
import org.callguard.app.ui.StatusActivity
import org.junit.Assert.assertEquals
import org.junit.Test
import org.robolectric.Robolectric

/**
 * Every screen keeps its content clear of the system bars (issue 11, item 9): given the insets
 * an edge-to-edge window reports (status bar on top, navigation bar below), the screen's root
 * view is padded by them on top of its own padding.
 */
class EdgeToEdgeTest : AppTest() {
    private val top = 63
    private val bottom = 126

    private fun barsInsets(): WindowInsets =
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.R) {
            WindowInsets.Builder().setInsets(WindowInsets.Type.systemBars(), Insets.of(0, top, 0, bottom)).build()
        } else {
            @Suppress("DEPRECATION")
            WindowInsets.Builder().setSystemWindowInsets(Insets.of(0, top, 0, bottom)).build()
        }

    private fun <T : Activity> check(screen: Class<T>) {
        val activity = Robolectric.buildActivity(screen).setup().get()
        settle()
        val root = activity.requireViewById<ViewGroup>(android.R.id.content).getChildAt(0)
        // No insets: the layout's own padding.
        root.dispatchApplyWindowInsets(WindowInsets.Builder().build())
        val ownTop = root.paddingTop
        val ownBottom = root.paddingBottom
        root.dispatchApplyWindowInsets(barsInsets())
        assertEquals("${screen.simpleName}: top", ownTop + top, root.paddingTop)
        assertEquals("${screen.simpleName}: bottom", ownBottom + bottom, root.paddingBottom)
        // Insets arrive again on every layout pass: the padding does not grow.
        root.dispatchApplyWindowInsets(barsInsets())
        assertEquals("${screen.simpleName}: top again", ownTop + top, root.paddingTop)
        activity.finish()
    }

    @Test
    fun `the status screen is clear of the bars`() = check(StatusActivity::class.java)

    @Test
    fun `the settings screen is clear of the bars`() = check(SettingsActivity::class.java)

    @Test
    fun `the rules screen is clear of the bars`() = check(RulesActivity::class.java)

    @Test
    fun `the history screen is clear of the bars`() = check(HistoryActivity::class.java)
}
