package org.callguard.app.check

// Proves the decision → CallResponse mapping: every action with every skip flag, the labels
// that are never blocked, the framework's own invariants, and that every failure allows.

import org.callguard.app.screening.ResponsePlan
import org.callguard.app.screening.toCallResponse
import org.callguard.bridge.Action
import org.callguard.bridge.Label
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.Arguments
import org.junit.jupiter.params.provider.MethodSource

class ResponsePlanTest {
    @ParameterizedTest(name = "{0} skipCallLog={1} skipNotification={2}")
    @MethodSource("actionsAndFlags")
    fun `every action and flag maps to the response Android expects`(
        action: Action,
        skipCallLog: Boolean,
        skipNotification: Boolean,
        expected: ResponsePlan,
    ) {
        val decision = Decisions.of(
            label = Label.USER_BLOCKED,
            action = action,
            skipCallLog = skipCallLog,
            skipNotification = skipNotification,
        )
        assertEquals(expected, ResponsePlan.forDecision(decision))
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("actionsAndLabels")
    fun `every plan builds a real framework CallResponse with the same switches`(action: Action, label: Label) {
        val plan = ResponsePlan.forDecision(Decisions.of(label = label, action = action, skipCallLog = true, skipNotification = true))
        val response = plan.toCallResponse()
        assertEquals(plan.disallow, response.disallowCall)
        assertEquals(plan.reject, response.rejectCall)
        assertEquals(plan.silence, response.silenceCall)
        // Android ignores skip-call-log for a user-chosen screening app: never sent.
        assertFalse(response.skipCallLog)
        assertEquals(plan.skipNotification, response.skipNotification)
    }

    @ParameterizedTest(name = "{0} is never silenced or rejected")
    @MethodSource("neverBlockedWithActions")
    fun `emergency and public service calls ring whatever the action`(label: Label, action: Action) {
        assertSame(ResponsePlan.ALLOW, ResponsePlan.forDecision(Decisions.of(label = label, action = action, skipCallLog = true)))
    }

    @Test
    fun `a plan Android would refuse cannot be made`() {
        assertThrows(IllegalArgumentException::class.java) { ResponsePlan(false, true, false, false) }
        assertThrows(IllegalArgumentException::class.java) { ResponsePlan(false, false, false, true) }
        assertThrows(IllegalArgumentException::class.java) { ResponsePlan(false, false, true, true) }
    }

    @Test
    fun `allow rings and the others do not`() {
        assertTrue(ResponsePlan.ALLOW.rings)
        assertFalse(ResponsePlan.forDecision(Decisions.of(action = Action.SILENCE)).rings)
        assertFalse(ResponsePlan.forDecision(Decisions.of(action = Action.REJECT)).rings)
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    fun `any failure while deciding allows the call`(failure: Throwable) {
        val outcome = ResponsePlan.decideOrAllow { throw failure }
        assertSame(ResponsePlan.ALLOW, outcome.plan)
        assertNull(outcome.decision)
        assertSame(failure, outcome.failure)
        assertFalse(outcome.timedOut)
    }

    @Test
    fun `a decision that arrives is kept with its plan`() {
        val decision = Decisions.of(action = Action.REJECT, skipNotification = true)
        val outcome = ResponsePlan.decideOrAllow { decision }
        assertSame(decision, outcome.decision)
        assertEquals(ResponsePlan(true, true, false, true), outcome.plan)
    }

    companion object {
        private val REJECT = ResponsePlan(disallow = true, reject = true, silence = false, skipNotification = false)
        private val SILENCE = ResponsePlan.ALLOW.copy(silence = true)

        @JvmStatic
        fun actionsAndFlags(): List<Arguments> = listOf(
            Arguments.of(Action.ALLOW, false, false, ResponsePlan.ALLOW),
            Arguments.of(Action.ALLOW, true, false, ResponsePlan.ALLOW),
            Arguments.of(Action.ALLOW, false, true, ResponsePlan.ALLOW),
            Arguments.of(Action.ALLOW, true, true, ResponsePlan.ALLOW),
            // Silence keeps the call, so Android accepts no skip flag with it.
            Arguments.of(Action.SILENCE, false, false, SILENCE),
            Arguments.of(Action.SILENCE, true, false, SILENCE),
            Arguments.of(Action.SILENCE, false, true, SILENCE),
            Arguments.of(Action.SILENCE, true, true, SILENCE),
            Arguments.of(Action.REJECT, false, false, REJECT),
            // The decision's skip_call_log never reaches Android (it ignores it for us).
            Arguments.of(Action.REJECT, true, false, REJECT),
            Arguments.of(Action.REJECT, false, true, REJECT.copy(skipNotification = true)),
            Arguments.of(Action.REJECT, true, true, REJECT.copy(skipNotification = true)),
        )

        @JvmStatic
        fun actionsAndLabels(): List<Arguments> =
            Action.entries.flatMap { action -> Label.entries.map { Arguments.of(action, it) } }

        @JvmStatic
        fun neverBlockedWithActions(): List<Arguments> =
            listOf(Label.EMERGENCY, Label.PUBLIC_SERVICE).flatMap { label -> Action.entries.map { Arguments.of(label, it) } }

        @JvmStatic
        fun failures(): List<Throwable> = listOf(
            IllegalStateException("CallGuard is closed"),
            IllegalArgumentException("bad request"),
            org.callguard.bridge.CallGuardException("database is locked"),
            AssertionError("native panic"),
            UnsatisfiedLinkError("no callguard_jni in java.library.path"),
            ExceptionInInitializerError("NativeBridge"),
            OutOfMemoryError("test"),
        )
    }
}
