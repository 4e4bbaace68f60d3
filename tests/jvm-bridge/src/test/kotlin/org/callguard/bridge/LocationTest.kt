// Proves that where a caller is from crosses the bridge: number.location in the decision in the
// request's language, null where the data does not say, the range operator as carrierHint, and
// history entries located in the language asked for.
package org.callguard.bridge

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Path

class LocationTest {
    @TempDir
    lateinit var dir: Path

    private fun CallGuard.screenIn(
        number: String,
        language: Language,
    ): Decision = screen(ScreenRequest(number = number, timeMillis = NOON, language = language))

    @Test
    fun `decisions say where the number is registered, in the request's language`() {
        openEngine(dir).use { engine ->
            val zh = engine.screenIn("0755 2345 6789", Language.ZH)
            assertEquals("广东省深圳市", zh.number.location)
            val zhBody = zh.banner!!.body
            assertTrue(zhBody.endsWith("归属地：广东省深圳市。"), zhBody)
            val en = engine.screenIn("13800138000", Language.EN)
            assertEquals("Beijing", en.number.location)
            assertEquals(Carrier.CHINA_MOBILE, en.number.carrierHint)
            val enBody = en.banner!!.body
            assertTrue(enBody.endsWith("Location: Beijing · Range: China Mobile."), enBody)
            // The range is a hint, never the caller's carrier.
            assertNull(en.carrier)
        }
    }

    @Test
    fun `numbers the data does not place have a null location, never the country`() {
        openEngine(dir).use { engine ->
            for (number in listOf("17312345678", "19912345678", "10086", "+44 20 7946 0958", "")) {
                assertNull(engine.screenIn(number, Language.ZH).number.location, number)
            }
            assertEquals(Carrier.CHINA_TELECOM, engine.screenIn("19912345678", Language.EN).number.carrierHint)
        }
    }

    @Test
    fun `history entries are located in the language asked for`() {
        openEngine(dir).use { engine ->
            engine.screenNumber("13800138000")
            engine.screenNumber("010 6234 5678", at = NOON + MINUTE)
            val zh = engine.history(language = Language.ZH)
            assertEquals(listOf("北京市", "北京市"), zh.map { it.location })
            assertEquals(listOf(null, Carrier.CHINA_MOBILE), zh.map { it.carrierHint })
            assertEquals(listOf("Beijing", "Beijing"), engine.history(language = Language.EN).map { it.location })
        }
    }
}
