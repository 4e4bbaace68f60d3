package org.callguard.app.engine

import java.util.concurrent.Executor
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import java.util.concurrent.RejectedExecutionException
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

    /** Screens' work (settings, lists, imports and exports), one at a time, in order. */
    val io: ExecutorService = Executors.newSingleThreadExecutor(named("callguard-io"))

    /**
     * Broadcast receivers' work (banner actions, SMS checks) while they hold `goAsync()`: a
     * thread each, so they never wait behind a long import or export on [io] and finish well
     * inside the system's broadcast timeout.
     */
    val receivers: ExecutorService = Executors.newCachedThreadPool(named("callguard-receiver"))

    /**
     * Runs [work] on [executor] for a receiver that called `goAsync()`: whatever [work] throws —
     * an Error from the native bridge included — goes to [onFailure], and [finish] (the
     * PendingResult's) runs exactly once, last, in every case, also when the executor refuses.
     */
    fun runForReceiver(executor: Executor, finish: () -> Unit, onFailure: (Throwable) -> Unit, work: () -> Unit) {
        val task = Runnable {
            try {
                work()
            } catch (failure: Throwable) {
                runCatching { onFailure(failure) }
            } finally {
                finish()
            }
        }
        try {
            executor.execute(task)
        } catch (e: RejectedExecutionException) {
            runCatching { onFailure(e) }
            finish()
        }
    }

    private fun named(prefix: String): ThreadFactory {
        val count = AtomicInteger()
        return ThreadFactory { runnable ->
            Thread(runnable, "$prefix-${count.incrementAndGet()}").apply { isDaemon = true }
        }
    }
}
