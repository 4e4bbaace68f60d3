package org.callguard.app.check

// Proves the receivers' goAsync() contract: the work runs on the receivers' own threads (not
// behind an import on the screens' thread), anything it throws — the bridge's AssertionError
// for a native panic included — is reported, and finish() runs exactly once, last, every time.

import org.callguard.app.engine.Workers
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executor
import java.util.concurrent.RejectedExecutionException
import java.util.concurrent.TimeUnit

class ReceiverWorkTest {
    private val inline = Executor { it.run() }

    private fun run(executor: Executor, work: () -> Unit): List<String> {
        val events = CopyOnWriteArrayList<String>()
        Workers.runForReceiver(
            executor,
            finish = { events += "finish" },
            onFailure = { events += "failed: " + it.javaClass.simpleName },
        ) {
            work()
            events += "done"
        }
        return events
    }

    @Test
    fun `finish runs once after the work`() {
        assertEquals(listOf("done", "finish"), run(inline) {})
    }

    @Test
    fun `every kind of Throwable is reported and finish still runs`() {
        val failures = listOf(AssertionError("native panic"), IllegalStateException("closed"), OutOfMemoryError(), RuntimeException())
        for (failure in failures) {
            assertEquals(listOf("failed: " + failure.javaClass.simpleName, "finish"), run(inline) { throw failure })
        }
    }

    @Test
    fun `a failing failure handler does not skip finish`() {
        var finished = 0
        Workers.runForReceiver(inline, finish = { finished++ }, onFailure = { throw IllegalStateException() }) { throw AssertionError() }
        assertEquals(1, finished)
    }

    @Test
    fun `a refused task still finishes`() {
        val refusing = Executor { throw RejectedExecutionException("shut down") }
        assertEquals(listOf("failed: RejectedExecutionException", "finish"), run(refusing) {})
    }

    @Test
    fun `banner actions do not wait behind a long job on the screens' thread`() {
        val importRunning = CountDownLatch(1)
        val releaseImport = CountDownLatch(1)
        Workers.io.execute {
            importRunning.countDown()
            releaseImport.await(10, TimeUnit.SECONDS)
        }
        try {
            assertTrue(importRunning.await(5, TimeUnit.SECONDS))
            val finished = CountDownLatch(1)
            Workers.runForReceiver(Workers.receivers, finish = finished::countDown, onFailure = {}) {}
            assertTrue(finished.await(5, TimeUnit.SECONDS), "the receiver's work waited for the import")
        } finally {
            releaseImport.countDown()
        }
    }

    @Test
    fun `every receiver that goes async uses runForReceiver on the receivers' executor`() {
        val receivers = Repo.kotlinSources().filter { ": BroadcastReceiver()" in it.readText() }
        assertEquals(setOf("BannerActionReceiver.kt", "SmsGuardReceiver.kt"), receivers.map { it.name }.toSet())
        for (file in receivers) {
            val text = file.readText()
            assertTrue("goAsync()" in text, file.name)
            assertTrue("Workers.runForReceiver(" in text && "Workers.receivers" in text, file.name)
            assertTrue("Workers.io" !in text, "${file.name} waits behind the screens' thread")
        }
    }
}
