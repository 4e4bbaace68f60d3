package org.callguard.app.check

// Proves the manifest's security promises: no network, only the launcher, the screening
// service and the (disabled, BROADCAST_SMS-guarded) SMS receiver exported, every component a
// real class of the right kind, and backup rules that keep the database off any cloud.

import org.callguard.app.engine.EngineHolder
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.w3c.dom.Element
import java.io.File

class ManifestTest {
    private val android = "http://schemas.android.com/apk/res/android"
    private val manifest = Repo.xml(Repo.manifest).documentElement
    private val namespace = Regex("""namespace\s*=\s*"([^"]+)"""").find(File(Repo.app, "build.gradle.kts").readText())!!.groupValues[1]

    private fun elements(parent: Element, tag: String): List<Element> {
        val nodes = parent.getElementsByTagName(tag)
        return (0 until nodes.length).map { nodes.item(it) as Element }
    }

    private fun Element.attr(name: String): String? = getAttributeNS(android, name).takeIf { hasAttributeNS(android, name) }

    private val components: List<Element> = listOf("activity", "service", "receiver", "provider").flatMap { elements(manifest, it) }

    private fun className(component: Element): String {
        val name = component.attr("name")!!
        return if (name.startsWith(".")) namespace + name else name
    }

    private fun actions(component: Element): List<String> = elements(component, "action").mapNotNull { it.attr("name") }

    @Test
    fun `no network permission of any kind`() {
        val permissions = elements(manifest, "uses-permission").map { it.attr("name") }
        assertFalse("android.permission.INTERNET" in permissions)
        assertFalse("android.permission.ACCESS_NETWORK_STATE" in permissions)
        assertEquals(
            setOf("android.permission.READ_CONTACTS", "android.permission.POST_NOTIFICATIONS", "android.permission.RECEIVE_SMS"),
            permissions.toSet(),
        )
    }

    @Test
    fun `every component says whether it is exported`() {
        assertTrue(components.size >= 7)
        for (component in components) {
            assertTrue(component.attr("exported") in setOf("true", "false"), "${className(component)} has no android:exported")
        }
    }

    @Test
    fun `only the launcher, the screening service and the SMS guard are exported`() {
        val exported = components.filter { it.attr("exported") == "true" }.associateBy(::className)
        assertEquals(
            setOf(
                "org.callguard.app.ui.StatusActivity",
                "org.callguard.app.screening.CallGuardScreeningService",
                "org.callguard.app.sms.SmsGuardReceiver",
            ),
            exported.keys,
        )
        val launcher = exported.getValue("org.callguard.app.ui.StatusActivity")
        assertEquals(listOf("android.intent.action.MAIN"), actions(launcher))
        assertEquals("android.intent.category.LAUNCHER", elements(launcher, "category").single().attr("name"))
    }

    @Test
    fun `the screening service is guarded by BIND_SCREENING_SERVICE`() {
        val service = elements(manifest, "service").single()
        assertEquals("org.callguard.app.screening.CallGuardScreeningService", className(service))
        assertEquals("android.permission.BIND_SCREENING_SERVICE", service.attr("permission"))
        assertEquals(listOf("android.telecom.CallScreeningService"), actions(service))
        val serviceInterface = Class.forName("android.telecom.CallScreeningService").getField("SERVICE_INTERFACE").get(null)
        assertEquals(serviceInterface, actions(service).single())
    }

    @Test
    fun `the SMS guard is off until the user turns it on and only the telephony stack reaches it`() {
        val sms = elements(manifest, "receiver").single { className(it).endsWith("SmsGuardReceiver") }
        assertEquals("false", sms.attr("enabled"))
        assertEquals("android.permission.BROADCAST_SMS", sms.attr("permission"))
        assertEquals(listOf("android.provider.Telephony.SMS_RECEIVED"), actions(sms))
    }

    @Test
    fun `nothing is direct-boot aware, and the status screen and README say what that means`() {
        val application = elements(manifest, "application").single()
        assertEquals("false", application.attr("directBootAware"))
        for (component in components) assertFalse(component.attr("directBootAware") == "true", className(component))
        assertTrue("unlock" in StringResources.english["status_direct_boot"])
        assertTrue("解锁" in StringResources.chinese["status_direct_boot"])
        assertTrue("@string/status_direct_boot" in File(Repo.res, "layout/activity_status.xml").readText())
        assertTrue("before the first unlock, no call is screened" in File(Repo.root, "README.md").readText())
    }

    @Test
    fun `the banner action receiver is private`() {
        val receiver = elements(manifest, "receiver").single { className(it).endsWith("BannerActionReceiver") }
        assertEquals("false", receiver.attr("exported"))
        assertTrue(elements(receiver, "intent-filter").isEmpty(), "an intent filter would invite outside senders")
    }

    @Test
    fun `every component is a class of the right kind`() {
        val kinds = mapOf(
            "activity" to "android.app.Activity",
            "service" to "android.app.Service",
            "receiver" to "android.content.BroadcastReceiver",
        )
        for (component in components) {
            val cls = Class.forName(className(component), false, javaClass.classLoader)
            val base = Class.forName(kinds.getValue(component.tagName), false, javaClass.classLoader)
            assertTrue(base.isAssignableFrom(cls), "${cls.name} is not a ${base.name}")
        }
        val screening = Class.forName("org.callguard.app.screening.CallGuardScreeningService", false, javaClass.classLoader)
        assertTrue(Class.forName("android.telecom.CallScreeningService").isAssignableFrom(screening))
    }

    @Test
    fun `the manifest leaves package and SDK levels to Gradle`() {
        assertFalse(manifest.hasAttribute("package"))
        assertTrue(elements(manifest, "uses-sdk").isEmpty())
        assertEquals("org.callguard.app", namespace)
    }

    @Test
    fun `backups never send the database to a cloud and keep it on a phone-to-phone transfer`() {
        val application = elements(manifest, "application").single()
        assertEquals("@xml/data_extraction_rules", application.attr("dataExtractionRules"))
        assertEquals("@xml/backup_rules", application.attr("fullBackupContent"))

        val rules = Repo.xml(File(Repo.res, "xml/data_extraction_rules.xml")).documentElement
        val cloud = elements(rules, "cloud-backup").single()
        assertTrue(elements(cloud, "include").isEmpty(), "cloud backup includes something")
        val cloudExcluded = elements(cloud, "exclude").map { it.getAttribute("domain") to it.getAttribute("path") }.toSet()
        for (domain in listOf("root", "file", "database", "sharedpref", "external")) assertTrue(domain to "." in cloudExcluded, domain)
        val transfer = elements(rules, "device-transfer").single()
        val transferred = elements(transfer, "include").map { it.getAttribute("path") }.toSet()
        assertEquals(setOf(EngineHolder.DATABASE_NAME, EngineHolder.DATABASE_NAME + "-wal"), transferred)

        val legacy = Repo.xml(File(Repo.res, "xml/backup_rules.xml")).documentElement
        val included = elements(legacy, "include")
        val legacyIncluded = included.map { it.getAttribute("path") }.toSet()
        assertEquals(setOf(EngineHolder.DATABASE_NAME, EngineHolder.DATABASE_NAME + "-wal"), legacyIncluded)
        included.forEach { assertEquals("deviceToDeviceTransfer", it.getAttribute("requireFlags")) }
    }
}
