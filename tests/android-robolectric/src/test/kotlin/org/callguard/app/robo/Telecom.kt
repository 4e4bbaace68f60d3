package org.callguard.app.robo

import android.content.Intent
import android.net.Uri
import android.os.Build
import android.os.Bundle
import android.os.Looper
import android.telecom.Call
import android.telecom.CallScreeningService
import android.telecom.ParcelableCall
import android.telecom.TelecomManager
import com.android.internal.telecom.ICallScreeningAdapter
import com.android.internal.telecom.ICallScreeningService
import org.callguard.app.engine.Workers
import org.callguard.app.screening.CallGuardScreeningService
import org.robolectric.Robolectric
import org.robolectric.Shadows.shadowOf
import org.robolectric.shadow.api.Shadow
import org.robolectric.shadows.ShadowCallScreeningService
import java.lang.reflect.Proxy
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.ExecutorService
import java.util.concurrent.Future
import java.util.concurrent.ScheduledThreadPoolExecutor
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger

/** A caller as Telecom sees it. */
data class Caller(
    /** The number, or null for a caller who withheld it (Telecom then sends no handle). */
    val number: String?,
    val presentation: Int = if (number == null) TelecomManager.PRESENTATION_RESTRICTED else TelecomManager.PRESENTATION_ALLOWED,
    /** `Connection.VERIFICATION_STATUS_*`, sent on API 30+. */
    val verification: Int = 0,
)

/** What the screening service told Telecom about one call, read off the framework's adapter call. */
data class TelecomAnswer(
    /** The adapter method the framework called: allowCall, silenceCall, disallowCall (API 29-32) or onScreeningResponse (33+). */
    val method: String,
    val callId: String,
    val disallow: Boolean,
    val reject: Boolean,
    val silence: Boolean,
    val skipCallLog: Boolean,
    val skipNotification: Boolean,
) {
    /** The call rings as usual. */
    val rings: Boolean
        get() = !disallow && !silence
}

/** One screened call: every answer Telecom got (exactly one is right) and how long the first took. */
class ScreenedCall(val answers: List<TelecomAnswer>, val millis: Long, val response: CallScreeningService.CallResponse?) {
    /** The one answer; fails when there were none or several. */
    val answer: TelecomAnswer
        get() {
            check(answers.size == 1) { "Telecom got ${answers.size} answers: $answers" }
            return answers[0]
        }
}

/**
 * Plays Telecom's part for CallGuardScreeningService, through the same doors as on a phone:
 * binds the service (its real `onBind`), hands it the call as a `ParcelableCall` through
 * `ICallScreeningService.screenCall`, and records what the framework's `respondToCall` sends
 * back through `ICallScreeningAdapter`. The `Call.Details` the app reads are the framework's own,
 * made by `Call.Details.createFromParcelableCall`.
 */
class Telecom {
    private val ids = AtomicInteger()
    private val controller = Robolectric.buildService(CallGuardScreeningService::class.java, bindIntent()).create()
    val service: CallGuardScreeningService = controller.get()
    private val binder = service.onBind(bindIntent()) as ICallScreeningService

    /**
     * Rings [caller] and runs the main looper until the service answered and no answer can
     * follow: the budget's timer has nothing left to fire.
     */
    fun ring(caller: Caller, timeoutMillis: Long = 10_000): ScreenedCall {
        val id = "TC@" + ids.incrementAndGet()
        val adapter = RecordingAdapter()
        val started = System.nanoTime()
        binder.screenCall(adapter.proxy, parcelableCall(id, caller))
        val deadline = started + TimeUnit.MILLISECONDS.toNanos(timeoutMillis)
        var answeredAt = 0L
        while (true) {
            shadowOf(Looper.getMainLooper()).idle()
            if (adapter.calls.isNotEmpty() && answeredAt == 0L) answeredAt = System.nanoTime()
            if (answeredAt != 0L && timerIdle()) {
                shadowOf(Looper.getMainLooper()).idle()
                break
            }
            check(System.nanoTime() < deadline) { "the screening service did not answer within $timeoutMillis ms" }
            Thread.sleep(1)
        }
        val shadow = Shadow.extract<ShadowCallScreeningService>(service)
        val answers = adapter.calls.map { (method, args) -> decode(method, args) }
        answers.forEach { check(it.callId == id) { "answer for another call: $it" } }
        return ScreenedCall(answers, TimeUnit.NANOSECONDS.toMillis(answeredAt - started), shadow.lastRespondToCallInput.orElse(null)?.callResponse)
    }

    /** Whether the screening budget's timer has no task left to run (done or cancelled). */
    private fun timerIdle(): Boolean = timerQueue.all { (it as Future<*>).isDone }

    /** Telecom unbinds after the call. (ServiceController.destroy fails on Robolectric's CallScreeningService shadow.) */
    fun unbind() {
        service.onUnbind(bindIntent())
    }

    private class RecordingAdapter {
        val calls = CopyOnWriteArrayList<Pair<String, List<Any?>>>()
        val proxy = Proxy.newProxyInstance(
            ICallScreeningAdapter::class.java.classLoader,
            arrayOf(ICallScreeningAdapter::class.java),
        ) { self, method, args ->
            when (method.name) {
                "asBinder" -> null
                "hashCode" -> System.identityHashCode(self)
                "equals" -> self === args?.get(0)
                "toString" -> "RecordingAdapter"
                else -> {
                    calls += method.name to (args?.toList() ?: emptyList())
                    null
                }
            }
        } as ICallScreeningAdapter
    }

    companion object {
        /**
         * The queue of the app's budget timer (Workers.timer, a ScheduledThreadPoolExecutor
         * behind Executors' wrapper; pom.xml opens java.util.concurrent for this).
         */
        private val timerQueue: java.util.concurrent.BlockingQueue<Runnable> by lazy {
            var type: Class<*>? = Workers.timer.javaClass
            var inner: Any? = null
            while (type != null && inner == null) {
                inner = type.declaredFields.firstOrNull { ExecutorService::class.java.isAssignableFrom(it.type) }
                    ?.apply { isAccessible = true }?.get(Workers.timer)
                type = type.superclass
            }
            (inner as ScheduledThreadPoolExecutor).queue
        }

        private fun bindIntent() =
            Intent(CallScreeningService.SERVICE_INTERFACE).setClassName("org.callguard.app", CallGuardScreeningService::class.java.name)

        /** The call as Telecom parcels it (ParcelableCallUtils): no handle unless the number may be shown. */
        fun parcelableCall(id: String, caller: Caller): ParcelableCall {
            val handle = caller.number?.takeIf { caller.presentation == TelecomManager.PRESENTATION_ALLOWED }
                ?.let { Uri.fromParts("tel", it, null) }
            val now = System.currentTimeMillis()
            if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.R) {
                val builderClass = Class.forName("android.telecom.ParcelableCall\$ParcelableCallBuilder")
                val builder = builderClass.getConstructor().newInstance()
                fun set(name: String, type: Class<*>, value: Any?) {
                    builderClass.getMethod(name, type).invoke(builder, value)
                }
                set("setId", String::class.java, id)
                set("setState", Int::class.javaPrimitiveType!!, Call.STATE_RINGING)
                set("setCannedSmsResponses", List::class.java, emptyList<String>())
                set("setHandle", Uri::class.java, handle)
                set("setHandlePresentation", Int::class.javaPrimitiveType!!, caller.presentation)
                set("setCallerDisplayNamePresentation", Int::class.javaPrimitiveType!!, caller.presentation)
                set("setChildCallIds", List::class.java, emptyList<String>())
                set("setConferenceableCallIds", List::class.java, emptyList<String>())
                set("setIntentExtras", Bundle::class.java, Bundle())
                set("setExtras", Bundle::class.java, Bundle())
                set("setCreationTimeMillis", Long::class.javaPrimitiveType!!, now)
                set("setCallDirection", Int::class.javaPrimitiveType!!, Call.Details.DIRECTION_INCOMING)
                set("setCallerNumberVerificationStatus", Int::class.javaPrimitiveType!!, caller.verification)
                return builderClass.getMethod("createParcelableCall").invoke(builder) as ParcelableCall
            }
            // Android 10: the one constructor, in ParcelableCall's field order.
            val constructor = ParcelableCall::class.java.constructors.single { it.parameterCount == 27 }
            return constructor.newInstance(
                id, Call.STATE_RINGING, null, emptyList<String>(), 0, 0, 0, 0L,
                handle, caller.presentation, null, caller.presentation, null, null,
                false, null, false, null, null, emptyList<String>(), null, 0, emptyList<String>(),
                Bundle(), Bundle(), now, Call.Details.DIRECTION_INCOMING,
            ) as ParcelableCall
        }

        private fun decode(method: String, args: List<Any?>): TelecomAnswer {
            val id = args[0] as String
            return when (method) {
                "allowCall" -> TelecomAnswer(method, id, false, false, false, false, false)
                "silenceCall" -> TelecomAnswer(method, id, false, false, true, false, false)
                // disallowCall(id, shouldReject, shouldAddToCallLog, shouldShowNotification, component)
                "disallowCall" -> TelecomAnswer(method, id, true, args[1] as Boolean, false, !(args[2] as Boolean), !(args[3] as Boolean))
                "onScreeningResponse" -> {
                    val response = args[2]!!
                    fun flag(name: String) = response.javaClass.getMethod(name).invoke(response) as Boolean
                    TelecomAnswer(
                        method,
                        id,
                        flag("shouldDisallowCall"),
                        flag("shouldRejectCall"),
                        flag("shouldSilenceCall"),
                        flag("shouldSkipCallLog"),
                        flag("shouldSkipNotification"),
                    )
                }
                else -> error("unexpected adapter call $method$args")
            }
        }
    }
}
