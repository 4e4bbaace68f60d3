package org.callguard.app.check

// Proves the 1 s budget: the screening service answers exactly once, with the decision when it
// comes in time, and with "allow" on an exception, a timeout or a refused worker.

import org.callguard.app.screening.ResponsePlan
import org.callguard.app.screening.ScreeningOutcome
import org.callguard.app.screening.ScreeningRace
import org.callguard.bridge.Action
import org.callguard.bridge.Decision
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executor
import java.util.concurrent.Executors
import java.util.concurrent.RejectedExecutionException
import java.util.concurrent.ScheduledExecutorService
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

class ScreeningRaceTest {
    private val worker = Executors.newCachedThreadPool()
    private val timer: ScheduledExecutorService = Executors.newSingleThreadScheduledExecutor()
    private val answers = CopyOnWriteArrayList<ScreeningOutcome>()
    private val late = CopyOnWriteArrayList<Decision>()
    private val answered = CountDownLatch(1)

    @AfterEach
    fun stop() {
        worker.shutdownNow()
        timer.shutdownNow()
    }

    private fun race(budget: Long = 1_000L, on: Executor = worker) = ScreeningRace(on, timer, budget)

    private fun start(race: ScreeningRace, decide: () -> Decision) {
        race.start(decide, { answers.add(it); answered.countDown() }, { late.add(it) })
    }

    @Test
    fun `the default budget is one second`() {
        assertEquals(1_000L, ScreeningRace.DEFAULT_BUDGET_MILLIS)
    }

    @Test
    fun `a decision within the budget is the answer`() {
        val decision = Decisions.of(action = Action.REJECT)
        start(race()) { decision }
        assertTrue(answered.await(5, TimeUnit.SECONDS))
        Thread.sleep(1_200) // past the budget: the timeout must not answer a second time
        assertEquals(1, answers.size)
        assertSame(decision, answers.single().decision)
        assertTrue(answers.single().plan.disallow)
    }

    @Test
    fun `an exception allows at once`() {
        start(race()) { throw IllegalStateException("closed") }
        assertTrue(answered.await(500, TimeUnit.MILLISECONDS))
        assertSame(ResponsePlan.ALLOW, answers.single().plan)
        assertTrue(answers.single().failure is IllegalStateException)
    }

    @Test
    fun `a slow engine is allowed after the budget and its late decision still arrives`() {
        val release = CountDownLatch(1)
        val decision = Decisions.of(action = Action.REJECT)
        val started = System.nanoTime()
        start(race(budget = 200)) {
            release.await(5, TimeUnit.SECONDS)
            decision
        }
        assertTrue(answered.await(2, TimeUnit.SECONDS))
        val waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
        assertTrue(waited in 150..1_500, "answered after $waited ms")
        assertTrue(answers.single().timedOut)
        assertSame(ResponsePlan.ALLOW, answers.single().plan)

        release.countDown()
        val deadline = System.currentTimeMillis() + 2_000
        while (late.isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(10)
        assertEquals(listOf(decision), late)
        assertEquals(1, answers.size)
    }

    @Test
    fun `a refused worker allows`() {
        val refusing = Executor { throw RejectedExecutionException("shut down") }
        start(race(on = refusing)) { Decisions.of() }
        assertTrue(answered.await(500, TimeUnit.MILLISECONDS))
        assertSame(ResponsePlan.ALLOW, answers.single().plan)
        assertTrue(answers.single().failure is RejectedExecutionException)
    }

    @Test
    fun `many calls at once each get exactly one answer`() {
        val all = CountDownLatch(50)
        val count = AtomicInteger()
        val race = race(budget = 100)
        repeat(50) { i ->
            race.start(
                decide = {
                    if (i % 2 == 0) Thread.sleep(300)
                    Decisions.of()
                },
                respond = {
                    count.incrementAndGet()
                    all.countDown()
                },
            )
        }
        assertTrue(all.await(5, TimeUnit.SECONDS))
        Thread.sleep(400)
        assertEquals(50, count.get())
    }
}
