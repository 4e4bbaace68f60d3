package org.callguard.app.robo

import android.content.BroadcastReceiver
import android.content.Intent
import android.net.Uri
import org.callguard.app.banner.BannerAction
import org.callguard.app.banner.BannerActionReceiver
import org.junit.Assert.assertTrue
import org.junit.Test
import org.robolectric.Shadows.shadowOf
import org.robolectric.shadows.ShadowBroadcastPendingResult
import org.robolectric.shadows.ShadowToast
import java.util.concurrent.TimeUnit

/**
 * A banner button whose engine call fails (issue 11, item 7): the receiver's goAsync() result is
 * still finished, the process survives, and the user is told it did not work.
 */
class ReceiverFailureTest : AppTest() {
    private fun pendingResult(): BroadcastReceiver.PendingResult {
        val create = ShadowBroadcastPendingResult::class.java.getDeclaredMethod(
            "create",
            Int::class.javaPrimitiveType,
            String::class.java,
            android.os.Bundle::class.java,
            Boolean::class.javaPrimitiveType,
        )
        create.isAccessible = true
        return create.invoke(null, 0, null, null, false) as BroadcastReceiver.PendingResult
    }

    private fun press(action: BannerAction): BroadcastReceiver.PendingResult {
        val receiver = BannerActionReceiver()
        val pending = pendingResult()
        receiver.setPendingResult(pending)
        val intent = Intent(app, BannerActionReceiver::class.java)
            .setAction(action.intentAction)
            .setData(Uri.fromParts("tel", "13800138000", null))
        receiver.onReceive(app, intent)
        return pending
    }

    @Test
    fun `a failing engine call still finishes the broadcast and says so`() {
        // A closed engine in the holder: every call on it throws, as a broken engine would.
        val engine = engine()
        engine.close()
        EngineHolders.set(engine)
        val pending = press(BannerAction.BLOCK)
        shadowOf(pending).future.get(10, TimeUnit.SECONDS)
        waitUntil("the failure toast") { ShadowToast.getTextOfLatestToast() != null }
        assertTrue(ShadowToast.getTextOfLatestToast().isNotBlank())
        EngineHolders.set(null)
    }

    @Test
    fun `a working engine call finishes the broadcast too`() {
        val pending = press(BannerAction.BLOCK)
        shadowOf(pending).future.get(10, TimeUnit.SECONDS)
        assertTrue(engine().rulePage(filter = "13800138000", limit = 10).rules.isNotEmpty())
    }
}
