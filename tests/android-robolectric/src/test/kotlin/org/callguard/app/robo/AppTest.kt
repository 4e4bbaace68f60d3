package org.callguard.app.robo

import android.app.Application
import android.os.Looper
import org.callguard.app.engine.EngineHolder
import org.callguard.app.engine.Transfers
import org.callguard.app.engine.Workers
import org.callguard.bridge.CallGuard
import org.junit.After
import org.junit.Before
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.GraphicsMode
import java.io.File
import java.nio.file.Files
import java.nio.file.StandardCopyOption
import java.util.concurrent.ThreadPoolExecutor
import java.util.concurrent.TimeUnit

/**
 * What every test of the running app shares: Robolectric with the app's own manifest and
 * resources (test_config.properties, written by run.sh), the real native library, and a fresh
 * database in this test's files directory.
 *
 * Robolectric gives each test a new application and files directory, but the app's
 * process-wide objects (EngineHolder, Workers) live in the sandbox's class loader for the whole
 * run, as they would for the life of a process: the engine is closed and forgotten after each
 * test, as if the process had ended.
 */
@RunWith(RobolectricTestRunner::class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
abstract class AppTest {
    val app: Application
        get() = RuntimeEnvironment.getApplication()

    @Before
    fun useBuiltLibrary() {
        NativeLibrary.install()
    }

    @After
    fun endProcess() {
        // Let background work of this test finish before its engine goes away.
        runCatching { Workers.io.submit {}.get(10, TimeUnit.SECONDS) }
        runCatching { Workers.transfer.submit {}.get(30, TimeUnit.SECONDS) }
        runCatching { awaitReceivers() }
        // The transfer holder lives as long as the process: a result one test left unseen must
        // not greet the next test's screen.
        runCatching { shadowOf(Looper.getMainLooper()).idle() }
        runCatching { Transfers.acknowledge() }
        runCatching { EngineHolders.forget() }
    }

    /** The engine the app uses (opening it on first use, like the app does). */
    protected fun engine(): CallGuard = EngineHolder.get(app)

    /** Runs the main looper and the app's background threads until they are idle. */
    fun settle() {
        repeat(4) {
            Workers.io.submit {}.get(10, TimeUnit.SECONDS)
            Workers.transfer.submit {}.get(30, TimeUnit.SECONDS)
            awaitReceivers()
            shadowOf(Looper.getMainLooper()).idle()
        }
    }

    /**
     * Waits until the receivers' pool (banner actions, SMS checks run on their own threads, not
     * on Workers.io) has run every task handed to it.
     */
    fun awaitReceivers(timeoutMillis: Long = 10_000) {
        val pool = Workers.receivers as ThreadPoolExecutor
        val deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis)
        while (pool.completedTaskCount < pool.taskCount) {
            check(System.nanoTime() < deadline) { "the receivers' work did not finish" }
            Thread.sleep(2)
        }
    }

    /** Runs the main looper until [done] holds; fails after [timeoutMillis]. */
    fun waitUntil(what: String, timeoutMillis: Long = 10_000, done: () -> Boolean) {
        val deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis)
        while (true) {
            shadowOf(Looper.getMainLooper()).idle()
            if (done()) return
            check(System.nanoTime() < deadline) { "timed out waiting until $what" }
            Thread.sleep(2)
        }
    }

    protected fun string(id: Int, vararg args: Any): String = app.getString(id, *args)

    /** A plurals resource for [count], formatted with [args] (the count itself when none). */
    protected fun plural(id: Int, count: Int, vararg args: Any): String =
        if (args.isEmpty()) app.resources.getQuantityString(id, count, count) else app.resources.getQuantityString(id, count, *args)
}

/** The host-built libcallguard_jni.so, loaded by the app's own NativeBridge. */
object NativeLibrary {
    /**
     * Points the bridge's `callguard.lib` at a copy of the library for this sandbox: a JVM
     * loads one library file into one class loader only, and each Robolectric sandbox (one per
     * SDK and mode) has its own class loader and so its own NativeBridge.
     */
    fun install() {
        val built = File(System.getProperty("callguard.lib.built") ?: System.getProperty("callguard.lib"))
        check(built.isFile) { "no native library at $built (run tests/android-robolectric/run.sh)" }
        System.setProperty("callguard.lib.built", built.path)
        val loader = NativeLibrary::class.java.classLoader
        val copy = File(built.parentFile, "sandbox-${System.identityHashCode(loader)}-${built.name}")
        if (!copy.exists()) {
            Files.copy(built.toPath(), copy.toPath(), StandardCopyOption.REPLACE_EXISTING)
            copy.deleteOnExit()
        }
        System.setProperty("callguard.lib", copy.path)
    }
}

/** The test's handle on the app's process-wide engine. */
object EngineHolders {
    private val field = EngineHolder::class.java.getDeclaredField("engine").apply { isAccessible = true }

    /** Closes the open engine, if any, and forgets it: the next use opens the database again. */
    fun forget() {
        (field.get(EngineHolder) as CallGuard?)?.close()
        field.set(EngineHolder, null)
    }

    /** Puts [engine] in the holder, as if the app had opened it. */
    fun set(engine: CallGuard?) {
        field.set(EngineHolder, engine)
    }
}

/**
 * A test that rings the app through [Telecom]: bound to the real screening service before each
 * test (after [AppTest]'s own setup), unbound after it.
 */
abstract class CallTest : AppTest() {
    protected lateinit var telecom: Telecom

    @Before
    fun bindTelecom() {
        telecom = Telecom()
    }

    @After
    fun unbindTelecom() {
        if (::telecom.isInitialized) telecom.unbind()
    }
}
