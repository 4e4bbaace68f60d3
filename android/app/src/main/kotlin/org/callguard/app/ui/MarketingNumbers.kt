package org.callguard.app.ui

import org.callguard.bridge.Carrier

/**
 * The one official marketing number of each carrier (MIIT / the carriers' announcement of
 * 1 Aug 2025, DESIGN §1). China Broadnet announced none, so it has no row and no refusal to
 * record; the engine holds the same table for its decisions.
 */
object MarketingNumbers {
    /** Carrier to its marketing number, in the order the settings screen lists them. */
    val ALL: List<Pair<Carrier, String>> = listOf(
        Carrier.CHINA_TELECOM to "10001",
        Carrier.CHINA_MOBILE to "10085",
        Carrier.CHINA_UNICOM to "10016",
    )
}
