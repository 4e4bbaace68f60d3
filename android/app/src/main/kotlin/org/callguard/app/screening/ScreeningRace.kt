package org.callguard.app.screening

import org.callguard.bridge.Decision
import java.util.concurrent.Executor
import java.util.concurrent.RejectedExecutionException
import java.util.concurrent.ScheduledExecutorService
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicBoolean

/**
 * Asks the engine on a worker thread and answers exactly once: with the decision if it comes
 * within [budgetMillis], otherwise (or on any exception) with [ResponsePlan.ALLOW]. Plain
 * java.util.concurrent, so the race itself is tested on a JVM.
 */
class ScreeningRace(
    private val worker: Executor,
    private val timer: ScheduledExecutorService,
    private val budgetMillis: Long = DEFAULT_BUDGET_MILLIS,
) {
    /**
     * Starts one screening. [respond] runs exactly once, on the worker or the timer thread.
     * A decision that arrives after the budget goes to [onLateDecision] (to show the banner
     * anyway); the call was already allowed.
     */
    fun start(
        decide: () -> Decision,
        respond: (ScreeningOutcome) -> Unit,
        onLateDecision: (Decision) -> Unit = {},
    ) {
        val answered = AtomicBoolean(false)
        fun answer(outcome: ScreeningOutcome): Boolean {
            if (!answered.compareAndSet(false, true)) return false
            respond(outcome)
            return true
        }

        val deadline = try {
            timer.schedule({ answer(ScreeningOutcome.timedOut()) }, budgetMillis, TimeUnit.MILLISECONDS)
        } catch (e: RejectedExecutionException) {
            null
        }
        try {
            worker.execute {
                val outcome = ResponsePlan.decideOrAllow(decide)
                deadline?.cancel(false)
                if (!answer(outcome) && outcome.decision != null) {
                    onLateDecision(outcome.decision)
                }
            }
        } catch (e: RejectedExecutionException) {
            deadline?.cancel(false)
            answer(ScreeningOutcome.failed(e))
        }
    }

    companion object {
        /** Telecom waits about 5 s for a screening app; we answer well before. */
        const val DEFAULT_BUDGET_MILLIS = 1_000L
    }
}
