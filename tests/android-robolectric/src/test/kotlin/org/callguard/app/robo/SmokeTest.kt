package org.callguard.app.robo

import android.os.Build
import org.callguard.app.engine.EngineHolder
import org.callguard.app.ui.StatusActivity
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import org.robolectric.Robolectric

class SmokeTest : AppTest() {
    @Test
    fun `the status screen opens the engine in the app's files dir`() {
        val activity = Robolectric.buildActivity(StatusActivity::class.java).setup().get()
        settle()
        println("SDK " + Build.VERSION.SDK_INT + " files " + app.filesDir)
        assertTrue(EngineHolder.databaseFile(app).isFile)
        assertEquals(EngineHolder.databaseFile(app).parentFile, app.filesDir)
        activity.finish()
    }
}
