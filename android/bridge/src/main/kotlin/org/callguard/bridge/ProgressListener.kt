package org.callguard.bridge

/**
 * Hears how far a long import or export has come. It is called on the thread that started the
 * work, every 4096 lines (import) or rows (export), first with 0 and last with the whole.
 */
fun interface ProgressListener {
    /**
     * [done] lines read or rows written of [total] (-1 while unknown, as for UTF-16 files).
     * Return false to cancel: nothing is imported, no file is written, and the call throws
     * [java.util.concurrent.CancellationException]. An exception thrown here stops the work the
     * same way and reaches the caller as it is.
     */
    fun onProgress(
        done: Long,
        total: Long,
    ): Boolean
}
