package org.callguard.app.ui

import org.callguard.app.R
import java.util.Locale

/**
 * Phone makers whose system kills background apps unless the user exempts them, and where their
 * settings live. Sources: the settings activities that the makers' security centres export (as
 * collected by dontkillmyapp.com and the AutoStarter library), tried in order; the app falls
 * back to Android's app-details screen when none opens.
 */
enum class Vendor(
    /** Build.MANUFACTURER / Build.BRAND values, lower case. */
    val makers: Set<String>,
    /** What to switch on, in words, for this maker's system. */
    val advice: Int,
    /** Settings activities to try, best first: package to class. */
    val screens: List<Pair<String, String>>,
    /**
     * Where this maker's system keeps a new app's floating (heads-up) and lock-screen
     * notifications off, and how to switch them on for the banner; null where Android's own
     * channel settings are all there is.
     */
    val bannerAdvice: Int? = null,
) {
    /** MIUI and HyperOS (Xiaomi, Redmi, POCO). */
    XIAOMI(
        makers = setOf("xiaomi", "redmi", "poco"),
        advice = R.string.battery_advice_xiaomi,
        screens = listOf(
            "com.miui.securitycenter" to "com.miui.permcenter.autostart.AutoStartManagementActivity",
            "com.miui.powerkeeper" to "com.miui.powerkeeper.ui.HiddenAppsConfigActivity",
        ),
        bannerAdvice = R.string.banner_advice_xiaomi,
    ),

    /** EMUI and HarmonyOS (Huawei). */
    HUAWEI(
        makers = setOf("huawei"),
        advice = R.string.battery_advice_huawei,
        screens = listOf(
            "com.huawei.systemmanager" to "com.huawei.systemmanager.startupmgr.ui.StartupNormalAppListActivity",
            "com.huawei.systemmanager" to "com.huawei.systemmanager.appcontrol.activity.StartupAppControlActivity",
            "com.huawei.systemmanager" to "com.huawei.systemmanager.optimize.process.ProtectActivity",
        ),
        bannerAdvice = R.string.banner_advice_huawei,
    ),

    /** MagicOS, formerly EMUI (Honor). */
    HONOR(
        makers = setOf("honor"),
        advice = R.string.battery_advice_huawei,
        screens = listOf(
            "com.hihonor.systemmanager" to "com.hihonor.systemmanager.startupmgr.ui.StartupNormalAppListActivity",
            "com.huawei.systemmanager" to "com.huawei.systemmanager.startupmgr.ui.StartupNormalAppListActivity",
        ),
        bannerAdvice = R.string.banner_advice_huawei,
    ),

    /** ColorOS and the systems built on it (OPPO, realme, OnePlus). */
    OPPO(
        makers = setOf("oppo", "realme", "oneplus"),
        advice = R.string.battery_advice_oppo,
        screens = listOf(
            "com.coloros.safecenter" to "com.coloros.safecenter.permission.startup.StartupAppListActivity",
            "com.coloros.safecenter" to "com.coloros.safecenter.startupapp.StartupAppListActivity",
            "com.oplus.safecenter" to "com.oplus.safecenter.startupapp.view.StartupAppListActivity",
            "com.oppo.safe" to "com.oppo.safe.permission.startup.StartupAppListActivity",
        ),
    ),

    /** OriginOS and Funtouch OS (vivo, iQOO). */
    VIVO(
        makers = setOf("vivo", "iqoo"),
        advice = R.string.battery_advice_vivo,
        screens = listOf(
            "com.vivo.permissionmanager" to "com.vivo.permissionmanager.activity.BgStartUpManagerActivity",
            "com.iqoo.secure" to "com.iqoo.secure.ui.phoneoptimize.BgStartUpManager",
        ),
    ),

    /** Any other maker: Android's own battery settings. */
    OTHER(makers = emptySet(), advice = R.string.battery_advice_other, screens = emptyList()),
    ;

    companion object {
        /** The vendor for a phone's Build.MANUFACTURER and Build.BRAND. */
        fun detect(manufacturer: String?, brand: String?): Vendor {
            val names = listOfNotNull(manufacturer, brand).map { it.trim().lowercase(Locale.ROOT) }
            return entries.firstOrNull { vendor -> names.any { it in vendor.makers } } ?: OTHER
        }
    }
}
