package org.callguard.app.screening

import org.callguard.bridge.Action
import org.callguard.bridge.Decision
import org.callguard.bridge.Label

/**
 * The switches of Android's `CallScreeningService.CallResponse` that a third-party screening app
 * can use, as plain data, so the mapping from the engine's decision is tested on a JVM without a
 * phone.
 *
 * `setSkipCallLog` is left out on purpose: Android ignores it for anything but the carrier's
 * screening app (CallResponse.Builder's documentation: "Only the carrier and system call screening
 * apps can use this parameter"; AOSP Telecom's `CallScreeningServiceFilter` logs every call a
 * user-chosen app disallows, as BLOCKED_TYPE). So the decision's `skip_call_log` is never sent.
 */
data class ResponsePlan(
    val disallow: Boolean,
    val reject: Boolean,
    val silence: Boolean,
    val skipNotification: Boolean,
) {
    init {
        // CallResponse's constructor throws IllegalStateException for this combination; refuse it
        // here so no plan can crash the service at respond time.
        require(disallow || !(reject || skipNotification)) {
            "reject and skipNotification need disallow"
        }
    }

    /** Whether the call rings normally. */
    val rings: Boolean
        get() = !disallow && !silence

    companion object {
        /** Let the call ring: what every failure, timeout and doubt comes down to (DESIGN §8). */
        val ALLOW = ResponsePlan(
            disallow = false,
            reject = false,
            silence = false,
            skipNotification = false,
        )

        /** Emergency and public-service calls ring whatever the engine says (DESIGN §3). */
        private val NEVER_BLOCKED = setOf(Label.EMERGENCY, Label.PUBLIC_SERVICE)

        /**
         * Maps a decision to the response. Silence keeps the call (it still reaches the dialer,
         * without a ringtone); reject disallows it as if the user had declined it, with the
         * decision's skip-notification flag, which Android only accepts together with a disallow.
         */
        fun forDecision(decision: Decision): ResponsePlan {
            if (decision.label in NEVER_BLOCKED) return ALLOW
            return when (decision.action) {
                Action.ALLOW -> ALLOW
                Action.SILENCE -> ALLOW.copy(silence = true)
                Action.REJECT -> ResponsePlan(
                    disallow = true,
                    reject = true,
                    silence = false,
                    skipNotification = decision.skipNotification,
                )
            }
        }

        /** Runs [decide] and maps its decision; anything thrown (even an Error) allows the call. */
        fun decideOrAllow(decide: () -> Decision): ScreeningOutcome =
            try {
                ScreeningOutcome.decided(decide())
            } catch (failure: Throwable) {
                ScreeningOutcome.failed(failure)
            }
    }
}

/** How one screening ended: the plan Android got, and the decision behind it when there was one. */
data class ScreeningOutcome(
    val plan: ResponsePlan,
    val decision: Decision?,
    val failure: Throwable?,
    val timedOut: Boolean,
) {
    companion object {
        /** The engine answered in time. */
        fun decided(decision: Decision) =
            ScreeningOutcome(ResponsePlan.forDecision(decision), decision, failure = null, timedOut = false)

        /** The engine (or the request building) threw: allow. */
        fun failed(failure: Throwable) =
            ScreeningOutcome(ResponsePlan.ALLOW, decision = null, failure = failure, timedOut = false)

        /** The budget ran out first: allow. */
        fun timedOut() = ScreeningOutcome(ResponsePlan.ALLOW, decision = null, failure = null, timedOut = true)
    }
}
