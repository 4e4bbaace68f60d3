// Proves that a panic in the native code reaches Java as an AssertionError and that the JVM and
// the library keep working afterwards (needs the `test-panic` build of the library).
package org.callguard.bridge

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Path

class PanicTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `a panic is an AssertionError and the next call works`() {
        openEngine(dir).use { engine ->
            repeat(3) {
                val e = assertThrows<AssertionError> { NativeBridge.panicForTest() }
                assertTrue(e.message!!.contains("deliberate panic"), e.message)
                assertTrue(CallGuard.version().isNotEmpty())
                assertEquals(Label.CARRIER_HOTLINE, engine.screenNumber("10086").label)
            }
        }
    }
}
