// Proves the SMS guard through the bridge: a verification-code SMS soon after a look-alike call
// gets a warning; the same SMS with no risky call before it, or long after, does not.
package org.callguard.bridge

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Path

class SmsGuardTest {
    @TempDir
    lateinit var dir: Path

    private val sender = "1065712345"
    private val code = "【中国移动】您的验证码是 385912，5分钟内有效，请勿泄露给他人。"

    @Test
    fun `a code SMS right after a look-alike call is warned about`() {
        openEngine(dir).use { engine ->
            assertEquals(Label.CARRIER_LOOKALIKE, engine.screenNumber("100861", at = NOON).label)
            val verdict = engine.checkSms(sender, code, NOON + 2 * 60_000, Language.EN)
            assertTrue(verdict.isCode, "$verdict")
            assertEquals(6, verdict.codeLength)
            val warning = checkNotNull(verdict.warning) { "no warning: $verdict" }
            assertTrue(warning.title.isNotBlank() && warning.body.isNotBlank())
        }
    }

    @Test
    fun `no risky call before, or one long ago, means no warning`() {
        openEngine(dir).use { engine ->
            assertNull(engine.checkSms(sender, code, NOON).warning)
            engine.screenNumber("100861", at = NOON)
            assertNull(engine.checkSms(sender, code, NOON + 3 * 60 * 60_000).warning)
        }
    }

    @Test
    fun `an ordinary SMS is not a code`() {
        openEngine(dir).use { engine ->
            val verdict = engine.checkSms("10086", "您本月话费账单已出，请登录查询。", NOON)
            assertFalse(verdict.isCode)
            assertNull(verdict.warning)
        }
    }
}
