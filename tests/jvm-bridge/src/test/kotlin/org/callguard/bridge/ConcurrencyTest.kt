// Proves the bridge under concurrent use: 8 threads screen calls for 20 s while another changes
// settings and imports lists — no exception, no deadlock (a timeout fails the test), and every
// decision decodes.
package org.callguard.bridge

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.Timeout
import org.junit.jupiter.api.io.TempDir
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicLong
import kotlin.concurrent.thread

class ConcurrencyTest {
    @TempDir
    lateinit var dir: Path

    private val numbers =
        listOf(
            "",
            "110",
            "12321",
            "10086",
            "10085",
            "100861",
            "+44 20 7946 0958",
            "4001234567",
            "95588",
            "13800138000",
            "13900001111",
            "17001234567",
            "13612345678",
            "+86 138 0013 8000",
            "０１０-１２３４５６７８",
        )

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    fun `8 screening threads and a writer for 20 seconds`() {
        val errors = ConcurrentLinkedQueue<Throwable>()
        val screened = AtomicLong()
        val writes = AtomicLong()
        val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RUN_SECONDS)
        val csv = dir.resolve("list.csv")
        Files.writeString(csv, "13900001111,block,,\n1700*,block,,\n13612345678,report,plan_offer,\n")

        openEngine(dir).use { engine ->
            val start = CountDownLatch(1)
            val screeners =
                (0 until 8).map { t ->
                    thread(name = "screener-$t") {
                        start.await()
                        var i = t
                        while (System.nanoTime() < deadline) {
                            try {
                                val number = numbers[i++ % numbers.size]
                                val decision = engine.screen(ScreenRequest(number = number, contact = if (i % 7 == 0) ContactStatus.CONTACT else ContactStatus.NOT_CONTACT))
                                if (number == "110") assertEquals(Action.ALLOW, decision.action)
                                screened.incrementAndGet()
                            } catch (e: Throwable) {
                                errors += e
                            }
                        }
                    }
                }
            val writer =
                thread(name = "writer") {
                    start.await()
                    var i = 0
                    while (System.nanoTime() < deadline) {
                        try {
                            when (i++ % 4) {
                                0 -> engine.setSetting("block_lookalike", (i % 8 == 1).toString())
                                1 -> engine.setSetting("repeated_call_minutes", (i % 10).toString())
                                2 -> engine.importFile(csv.toString())
                                else -> engine.setSetting("paused", (i % 16 == 3).toString())
                            }
                            writes.incrementAndGet()
                        } catch (e: Throwable) {
                            errors += e
                        }
                    }
                }
            start.countDown()
            (screeners + writer).forEach { it.join() }
        }

        println("ConcurrencyTest: ${screened.get()} calls screened, ${writes.get()} writes, ${errors.size} errors in $RUN_SECONDS s")
        errors.firstOrNull()?.let { throw AssertionError("${errors.size} errors; first:", it) }
        assertTrue(screened.get() > 1000, "only ${screened.get()} calls screened")
        assertTrue(writes.get() > 10, "only ${writes.get()} writes")
    }

    private companion object {
        const val RUN_SECONDS = 20L
    }
}
