package org.callguard.app.check

// Proves what the status screen offers when Android's own screens stand in the way: after a
// role request that came back without the role (a dialog the user declined, or none at all
// once Android stopped asking) it offers the default-apps settings, naming the role as Android
// does; MIUI/HyperOS and EMUI/HarmonyOS/MagicOS users get the floating (heads-up) and
// lock-screen switches their system keeps off for new apps.

import org.callguard.app.ui.RoleRequest
import org.callguard.app.ui.Vendor
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File

class StatusScreenTest {
    private val en = StringResources.english
    private val zh = StringResources.chinese

    @Test
    fun `a role request that came back without the role offers the default-apps settings`() {
        assertTrue(RoleRequest.afterRequest(roleHeld = false))
        assertFalse(RoleRequest.afterRequest(roleHeld = true))
        val source = File(Repo.appSources, "org/callguard/app/ui/RoleRequest.kt").readText()
        assertTrue("Settings.ACTION_MANAGE_DEFAULT_APPS_SETTINGS" in source)
    }

    @Test
    fun `the role has the name Android gives it`() {
        for (key in listOf("status_role_missing", "status_role_button", "status_role_fallback")) {
            assertTrue("caller id & spam app" in en[key].lowercase(), en[key])
            assertTrue("来电显示和骚扰电话应用" in zh[key], zh[key])
        }
        assertTrue("Default apps" in en["status_role_fallback"] && "默认应用" in zh["status_role_fallback"])
    }

    @Test
    fun `MIUI and EMUI users are told which banner switches to turn on`() {
        val xiaomi = Vendor.XIAOMI.bannerAdvice!!
        assertTrue("悬浮通知" in zh[StringResources.nameOf(xiaomi)] && "锁屏通知" in zh[StringResources.nameOf(xiaomi)])
        assertTrue("Floating notifications" in en[StringResources.nameOf(xiaomi)])
        for (vendor in listOf(Vendor.HUAWEI, Vendor.HONOR)) {
            val name = StringResources.nameOf(vendor.bannerAdvice!!)
            assertTrue("横幅通知" in zh[name] && "锁屏通知" in zh[name], name)
            assertTrue("Banners" in en[name] && "Lock screen" in en[name], name)
        }
        // Each names the channel as the phone's settings list it.
        for (vendor in listOf(Vendor.XIAOMI, Vendor.HUAWEI)) {
            val name = StringResources.nameOf(vendor.bannerAdvice!!)
            assertTrue(en["channel_ringing_name"] in en[name], name)
            assertTrue(zh["channel_ringing_name"] in zh[name], name)
        }
        assertNull(Vendor.OTHER.bannerAdvice)
    }

    @Test
    fun `the status screen reports a lowered banner channel, not only notifications off`() {
        val source = File(Repo.appSources, "org/callguard/app/ui/StatusActivity.kt").readText()
        assertTrue("Notifier(this).bannerState()" in source)
        for (state in listOf("BannerState.CHANNEL_OFF", "BannerState.NOT_HEADS_UP", "BannerState.NOTIFICATIONS_OFF")) {
            assertTrue(state in source, state)
        }
        assertTrue("Settings.ACTION_CHANNEL_NOTIFICATION_SETTINGS" in source && "Channel.RINGING.id" in source)
        assertTrue("pop" in en["status_banner_not_heads_up"] && "弹出" in zh["status_banner_not_heads_up"])
    }
}
