package org.callguard.app.screening

import android.telecom.CallScreeningService

/** The Android response for this plan (the framework's builder checks the same invariants). */
fun ResponsePlan.toCallResponse(): CallScreeningService.CallResponse =
    CallScreeningService.CallResponse.Builder()
        .setDisallowCall(disallow)
        .setRejectCall(reject)
        .setSilenceCall(silence)
        .setSkipCallLog(skipCallLog)
        .setSkipNotification(skipNotification)
        .build()
