// Proves that opening a corrupt database through the bridge still gives a working engine, and
// that the recovery is reported in `warnings` rather than thrown.
package org.callguard.bridge

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path

class CorruptDatabaseTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `a fresh database opens without warnings`() {
        openEngine(dir).use { engine -> assertEquals(emptyList<String>(), engine.warnings) }
    }

    @Test
    fun `a corrupt file is moved aside, reported, and the engine works`() {
        Files.write(dir.resolve("callguard.db"), ByteArray(64 * 1024) { (it * 31).toByte() })
        openEngine(dir).use { engine ->
            assertEquals(1, engine.warnings.size, "${engine.warnings}")
            assertTrue(engine.warnings.single().contains("corrupt"), engine.warnings.single())
            assertEquals(Label.CARRIER_HOTLINE, engine.screenNumber("10086").label)
            engine.block("13900001111")
            assertEquals(Label.USER_BLOCKED, engine.screenNumber("13900001111").label)
        }
        assertTrue(Files.list(dir).use { files -> files.anyMatch { it.fileName.toString().contains(".corrupt-") } })
    }
}
