package org.callguard.app.engine

import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import java.util.concurrent.ScheduledExecutorService
import java.util.concurrent.ThreadFactory
import java.util.concurrent.atomic.AtomicInteger

/**
 * The process's background threads. The engine is thread-safe, but the main thread must never
 * wait on the database or the native library: screens, receivers and the screening service
 * hand their engine calls to these.
 */
object Workers {
    /** One thread per ringing call at most; a hung engine costs a thread, never a missed answer. */
    val screening: ExecutorService = Executors.newCachedThreadPool(named("callguard-screen"))

    /** Fires the screening budget. */
    val timer: ScheduledExecutorService = Executors.newSingleThreadScheduledExecutor(named("callguard-timer"))

    /** Everything else (screens, banner actions, SMS checks), one at a time, in order. */
    val io: ExecutorService = Executors.newSingleThreadExecutor(named("callguard-io"))

    /** Imports and exports, which take seconds: never in the way of [io] or of a ringing call. */
    val transfer: ExecutorService = Executors.newSingleThreadExecutor(named("callguard-transfer"))

    private fun named(prefix: String): ThreadFactory {
        val count = AtomicInteger()
        return ThreadFactory { runnable ->
            Thread(runnable, "$prefix-${count.incrementAndGet()}").apply { isDaemon = true }
        }
    }
}
