package org.callguard.app.screening

import android.telecom.CallScreeningService

/**
 * The Android response for this plan (the framework's builder checks the same invariants).
 * No `setSkipCallLog`: Android ignores it for a user-chosen screening app (see [ResponsePlan]).
 */
fun ResponsePlan.toCallResponse(): CallScreeningService.CallResponse =
    CallScreeningService.CallResponse.Builder()
        .setDisallowCall(disallow)
        .setRejectCall(reject)
        .setSilenceCall(silence)
        .setSkipNotification(skipNotification)
        .build()
