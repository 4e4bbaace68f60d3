package org.callguard.app.engine

import android.content.Context
import android.os.Handler
import android.os.Looper
import org.callguard.bridge.CallGuard
import org.callguard.bridge.ExportSummary
import org.callguard.bridge.ImportSummary
import org.callguard.bridge.ProgressListener
import java.util.concurrent.CancellationException

/**
 * The one import or export that runs at a time, kept by the process rather than by a screen: it
 * goes on when the screen is rotated or recreated, and the new screen shows its progress and then
 * its result. The work runs on [Workers.transfer]; observers hear every change on the main thread.
 */
object Transfers {
    /** What is being moved. */
    enum class Kind { IMPORT, EXPORT }

    /** Where the transfer stands. */
    sealed interface State {
        val kind: Kind

        /** Under way: [done] of [total] lines (import) or rows (export); [total] is -1 while unknown. */
        data class Running(
            override val kind: Kind,
            val done: Long,
            val total: Long,
        ) : State

        /** An import finished. */
        data class Imported(
            val summary: ImportSummary,
        ) : State {
            override val kind = Kind.IMPORT
        }

        /** An export finished. */
        data class Exported(
            val summary: ExportSummary,
        ) : State {
            override val kind = Kind.EXPORT
        }

        /** The user cancelled: nothing was imported, or no file was written. */
        data class Cancelled(
            override val kind: Kind,
        ) : State

        /** It failed, in the engine's words. */
        data class Failed(
            override val kind: Kind,
            val error: Throwable,
        ) : State
    }

    private val main = Handler(Looper.getMainLooper())
    private val observers = mutableListOf<(State) -> Unit>()

    /** The current state, or null when nothing runs and the last result was seen. Main thread only. */
    var state: State? = null
        private set

    @Volatile private var cancelled = false

    /** Whether a transfer is under way. */
    val busy: Boolean get() = state is State.Running

    /** Whether the running transfer was asked to stop and has not yet. */
    val cancelling: Boolean get() = busy && cancelled

    /**
     * Starts [work] unless a transfer is under way (then false). [work] runs off the main thread
     * with a listener to hand to the engine; its result, a cancellation or a failure becomes the
     * final state.
     */
    fun start(
        context: Context,
        kind: Kind,
        work: (CallGuard, ProgressListener) -> State,
    ): Boolean {
        if (busy) return false
        val app = context.applicationContext
        cancelled = false
        publish(State.Running(kind, 0, -1))
        Workers.transfer.execute {
            val listener =
                ProgressListener { done, total ->
                    main.post { if (state is State.Running) publish(State.Running(kind, done, total)) }
                    !cancelled
                }
            val end =
                try {
                    work(EngineHolder.get(app), listener)
                } catch (e: CancellationException) {
                    State.Cancelled(kind)
                } catch (e: Throwable) {
                    // Storage failures, bad files and a native panic (AssertionError) alike.
                    State.Failed(kind, e)
                }
            main.post { publish(end) }
        }
        return true
    }

    /** Asks the running transfer to stop at its next progress report. */
    fun cancel() {
        cancelled = true
    }

    /** The user has seen the result: back to idle. Main thread only. */
    fun acknowledge() {
        if (!busy) state = null
    }

    /** Adds [observer] and tells it the current state at once, if any. Main thread only. */
    fun observe(observer: (State) -> Unit) {
        observers += observer
        state?.let(observer)
    }

    /** Removes [observer]. Main thread only. */
    fun stopObserving(observer: (State) -> Unit) {
        observers -= observer
    }

    private fun publish(next: State) {
        state = next
        for (observer in observers.toList()) observer(next)
    }
}
