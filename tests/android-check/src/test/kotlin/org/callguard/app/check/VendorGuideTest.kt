package org.callguard.app.check

// Proves which phone maker's battery advice a phone gets, and that each maker has screens to
// try and words in both languages.

import org.callguard.app.ui.DocumentNames
import org.callguard.app.ui.MarketingNumbers
import org.callguard.app.ui.Vendor
import org.callguard.bridge.Carrier
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.CsvSource
import java.time.LocalDate

class VendorGuideTest {
    @ParameterizedTest(name = "{0} / {1} → {2}")
    @CsvSource(
        "Xiaomi, Redmi, XIAOMI",
        "Xiaomi, POCO, XIAOMI",
        "Xiaomi, Xiaomi, XIAOMI",
        "HUAWEI, HUAWEI, HUAWEI",
        "HONOR, HONOR, HONOR",
        "OPPO, OPPO, OPPO",
        "realme, realme, OPPO",
        "OnePlus, OnePlus, OPPO",
        "vivo, iQOO, VIVO",
        "samsung, samsung, OTHER",
        "Google, google, OTHER",
        "'', '', OTHER",
    )
    fun `makers are recognised by manufacturer or brand`(manufacturer: String, brand: String, vendor: Vendor) {
        assertEquals(vendor, Vendor.detect(manufacturer, brand))
    }

    @Test
    fun `unknown build values fall back to Android's own settings`() {
        assertEquals(Vendor.OTHER, Vendor.detect(null, null))
        assertTrue(Vendor.OTHER.screens.isEmpty())
    }

    @Test
    fun `each maker has screens to try and advice in both languages`() {
        for (vendor in Vendor.entries) {
            if (vendor != Vendor.OTHER) assertTrue(vendor.screens.isNotEmpty(), "$vendor")
            vendor.screens.forEach { (pkg, cls) -> assertTrue(cls.startsWith(pkg.substringBefore(".") + "."), "$pkg/$cls") }
            val name = StringResources.nameOf(vendor.advice)
            assertTrue(StringResources.english[name].isNotBlank())
            assertTrue(StringResources.chinese[name].isNotBlank())
        }
        assertTrue(StringResources.english[StringResources.nameOf(Vendor.XIAOMI.advice)].contains("HyperOS"))
        assertTrue(StringResources.english[StringResources.nameOf(Vendor.HUAWEI.advice)].contains("HarmonyOS"))
        assertTrue(StringResources.english[StringResources.nameOf(Vendor.OPPO.advice)].contains("ColorOS"))
    }

    @ParameterizedTest(name = "{0} ({1}) → {2}")
    @CsvSource(
        "blocklist.csv, text/plain, csv",
        "BACKUP.JSON, application/octet-stream, json",
        "list, text/csv, csv",
        "list, text/comma-separated-values, csv",
        "backup, application/json, json",
        "blocked.txt, application/octet-stream, txt",
        "numbers.TXT, text/plain, txt",
        "list, text/plain, txt",
        "photo.jpg, image/jpeg, ",
        ", , ",
    )
    fun `imports are copied with the extension the core reads`(name: String?, mime: String?, extension: String?) {
        assertEquals(extension, DocumentNames.importExtension(name, mime))
    }

    @Test
    fun `exports are JSON backups named by day`() {
        assertEquals("callguard-backup-2025-08-01.json", DocumentNames.exportName(LocalDate.of(2025, 8, 1)))
        assertEquals("application/json", DocumentNames.EXPORT_TYPE)
    }

    @Test
    fun `the refusal rows are the three official marketing numbers`() {
        assertEquals(
            mapOf(Carrier.CHINA_TELECOM to "10001", Carrier.CHINA_MOBILE to "10085", Carrier.CHINA_UNICOM to "10016"),
            MarketingNumbers.ALL.toMap(),
        )
    }
}
