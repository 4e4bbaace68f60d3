// Proves that every misuse of the raw natives and of CallGuard ends in the documented exception,
// never in a crash: null arguments, bad JSON, unknown codes, zero/closed/foreign handles, double
// close, a 1 MB string and unpaired surrogates.
package org.callguard.bridge

import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Path
import kotlin.random.Random

class MisuseTest {
    @TempDir
    lateinit var dir: Path

    private var handle = 0L

    @BeforeEach
    fun open() {
        handle = NativeBridge.open(dir.resolve("raw.db").toString())
    }

    @AfterEach
    fun close() {
        if (handle != 0L) NativeBridge.close(handle)
    }

    @Test
    fun `null arguments are IllegalArgumentException`() {
        assertThrows<IllegalArgumentException> { NativeBridge.open(null) }
        assertThrows<IllegalArgumentException> { NativeBridge.screen(handle, null) }
        assertThrows<IllegalArgumentException> { NativeBridge.report(handle, null, "fraud", null) }
        assertThrows<IllegalArgumentException> { NativeBridge.report(handle, "13800138000", null, null) }
        assertThrows<IllegalArgumentException> { NativeBridge.block(handle, null, null, false) }
        assertThrows<IllegalArgumentException> { NativeBridge.allow(handle, null, null, false) }
        assertThrows<IllegalArgumentException> { NativeBridge.unblock(handle, null) }
        assertThrows<IllegalArgumentException> { NativeBridge.refuseMarketing(handle, null) }
        assertThrows<IllegalArgumentException> { NativeBridge.settingsGet(handle, null) }
        assertThrows<IllegalArgumentException> { NativeBridge.settingsSet(handle, "paused", null) }
        assertThrows<IllegalArgumentException> { NativeBridge.settingsSet(handle, null, "true") }
        assertThrows<IllegalArgumentException> { NativeBridge.importFile(handle, null, null) }
        assertThrows<IllegalArgumentException> { NativeBridge.exportFile(handle, null, null) }
        assertThrows<IllegalArgumentException> { NativeBridge.evidence(handle, null) }
        assertThrows<IllegalArgumentException> { NativeBridge.checkSms(handle, null, "123456", NOON, null) }
        assertThrows<IllegalArgumentException> { NativeBridge.checkSms(handle, "10086", null, NOON, null) }
    }

    @Test
    fun `bad JSON and unknown codes are IllegalArgumentException`() {
        for (bad in listOf(
            "",
            "{not json",
            "[]",
            "null",
            "\"10086\"",
            "{\"number\": 42}",
            "{\"number\": \"1\", \"presentation\": \"x\"}",
        )) {
            val e = assertThrows<IllegalArgumentException>(bad) { NativeBridge.screen(handle, bad) }
            assertTrue(e.message!!.contains("requestJson"), e.message)
        }
        assertThrows<IllegalArgumentException> { NativeBridge.report(handle, "13800138000", "martian", null) }
        assertThrows<IllegalArgumentException> { NativeBridge.refuseMarketing(handle, "china_martian") }
        assertThrows<IllegalArgumentException> { NativeBridge.evidence(handle, "fr") }
        assertThrows<IllegalArgumentException> { NativeBridge.checkSms(handle, "10086", "x", NOON, "fr") }
        assertThrows<IllegalArgumentException> { NativeBridge.settingsGet(handle, "no_such_key") }
        assertThrows<IllegalArgumentException> { NativeBridge.settingsSet(handle, "paused", "maybe") }
        assertThrows<IllegalArgumentException> { NativeBridge.history(handle, -1, null) }
    }

    @Test
    fun `zero and foreign handles are IllegalStateException`() {
        val foreign =
            listOf(0L, 1L, -1L, 42L, Long.MIN_VALUE, Long.MAX_VALUE, handle + 1, handle xor 0x10) +
                List(100) { Random.nextLong() }
        for (h in foreign.filter { it != handle }) {
            assertThrows<IllegalStateException>("$h") { NativeBridge.screen(h, "{\"number\":\"10086\"}") }
            assertThrows<IllegalStateException>("$h") { NativeBridge.settingsList(h) }
            assertThrows<IllegalStateException>("$h") { NativeBridge.close(h) }
        }
        // The real handle still works after all that.
        assertNotNull(NativeBridge.settingsList(handle))
    }

    @Test
    fun `a closed handle is IllegalStateException and closing twice is too`() {
        val h = handle
        NativeBridge.close(h)
        handle = 0L
        assertThrows<IllegalStateException> { NativeBridge.screen(h, "{\"number\":\"10086\"}") }
        assertThrows<IllegalStateException> { NativeBridge.rules(h) }
        assertThrows<IllegalStateException> { NativeBridge.close(h) }
        // A handle is never reused, so a stale one cannot reach an engine opened later.
        val next = NativeBridge.open(dir.resolve("next.db").toString())
        try {
            assertTrue(next != h)
            assertThrows<IllegalStateException> { NativeBridge.rules(h) }
        } finally {
            NativeBridge.close(next)
        }
    }

    @Test
    fun `CallGuard close is idempotent and later calls are IllegalStateException`() {
        val engine = openEngine(dir)
        engine.close()
        engine.close()
        assertTrue(engine.isClosed)
        assertThrows<IllegalStateException> { engine.screenNumber("10086") }
        assertThrows<IllegalStateException> { engine.settings() }
        assertThrows<IllegalStateException> { engine.warnings }
    }

    @Test
    fun `a database that cannot be opened is CallGuardException`() {
        val file = dir.resolve("not-a-dir")
        file.toFile().writeText("x")
        val e = assertThrows<CallGuardException> { NativeBridge.open(file.resolve("db.sqlite").toString()) }
        assertFalse(e.message.isNullOrBlank())
    }

    @Test
    fun `a 1 MB string is handled, not a crash`() {
        val huge = "1".repeat(1 shl 20)
        val decision = Json.decision(NativeBridge.screen(handle, Json.request(ScreenRequest(number = huge, timeMillis = NOON))))
        assertEquals(Action.ALLOW, decision.action)
        assertThrows<IllegalArgumentException> { NativeBridge.settingsGet(handle, huge) }
        assertThrows<IllegalArgumentException> { NativeBridge.screen(handle, huge) }
    }

    @Test
    fun `unpaired surrogates are rejected, except in a screen request, which still gets a decision`() {
        for (broken in listOf("\uD800", "138\uDC000138000", "10086\uD83D")) {
            assertThrows<IllegalArgumentException>(broken) { NativeBridge.settingsGet(handle, broken) }
            assertThrows<IllegalArgumentException>(broken) { NativeBridge.block(handle, broken, null, false) }
            assertThrows<IllegalArgumentException>(broken) { NativeBridge.report(handle, broken, "fraud", null) }
            val decision = Json.decision(NativeBridge.screen(handle, Json.request(ScreenRequest(number = broken, timeMillis = NOON))))
            assertNotNull(decision.label)
        }
        // A valid surrogate pair is fine.
        val rule = Json.rule(NativeBridge.block(handle, "13800138009", "\uD83D\uDE00 spam", false))
        assertEquals("\uD83D\uDE00 spam", rule.note)
    }
}
