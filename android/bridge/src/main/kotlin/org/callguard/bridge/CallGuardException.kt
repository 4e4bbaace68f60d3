package org.callguard.bridge

/**
 * The engine could not read or write its database; the message is the storage error's.
 *
 * Thrown by the native code (rust-core/jni/src/error.rs), which needs this constructor.
 */
class CallGuardException(
    message: String,
) : RuntimeException(message)
