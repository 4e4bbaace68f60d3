//! The bridge's one error policy: how every failure and panic inside an export becomes a typed
//! Java exception and a default return value (the libsignal model).
//!
//! | failure                                   | Java sees                                   |
//! |-------------------------------------------|---------------------------------------------|
//! | bad input: null, bad JSON, unknown code   | `java.lang.IllegalArgumentException`        |
//! | a zero, closed or foreign handle          | `java.lang.IllegalStateException`           |
//! | the engine's storage failed               | `org.callguard.bridge.CallGuardException`   |
//! | a panic, or a JNI failure of our own      | `java.lang.AssertionError`                  |
//! | a progress listener returned false        | `java.util.concurrent.CancellationException` |
//! | a Java exception already pending         | that exception, untouched                   |
//!
//! Keep in sync with the exceptions documented on `CallGuard` in
//! `android/bridge/src/main/kotlin/org/callguard/bridge/CallGuard.kt`.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};

use jni::errors::ErrorPolicy;
use jni::strings::{JNIStr, JNIString};
use jni::{jni_str, Env, EnvUnowned};

use crate::handle::HandleError;

/// Everything that can go wrong inside an export, by the Java exception it becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BridgeError {
    /// The caller passed something unusable: null, malformed JSON, an unknown code.
    InvalidArgument(String),
    /// The handle is zero, closed, or was never ours.
    InvalidHandle(String),
    /// The engine could not read or write its database.
    Storage(String),
    /// A failure of the bridge itself (a JNI call failed): a bug, not the caller's fault.
    Internal(String),
    /// The caller's progress listener asked to stop; nothing was imported or written.
    Cancelled(String),
    /// A Java exception is already pending; it propagates as it is.
    JavaPending,
}

impl BridgeError {
    /// The JNI name of the exception class this error is thrown as, or `None` when a Java
    /// exception is already pending.
    pub fn java_class(&self) -> Option<&'static JNIStr> {
        match self {
            BridgeError::InvalidArgument(_) => Some(jni_str!("java/lang/IllegalArgumentException")),
            BridgeError::InvalidHandle(_) => Some(jni_str!("java/lang/IllegalStateException")),
            BridgeError::Storage(_) => Some(jni_str!("org/callguard/bridge/CallGuardException")),
            BridgeError::Internal(_) => Some(PANIC_CLASS),
            BridgeError::Cancelled(_) => {
                Some(jni_str!("java/util/concurrent/CancellationException"))
            }
            BridgeError::JavaPending => None,
        }
    }

    /// The exception message.
    pub fn message(&self) -> &str {
        match self {
            BridgeError::InvalidArgument(m)
            | BridgeError::InvalidHandle(m)
            | BridgeError::Storage(m)
            | BridgeError::Internal(m)
            | BridgeError::Cancelled(m) => m,
            BridgeError::JavaPending => "a Java exception is pending",
        }
    }
}

impl std::fmt::Display for BridgeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for BridgeError {}

impl From<jni::errors::Error> for BridgeError {
    fn from(err: jni::errors::Error) -> Self {
        match err {
            jni::errors::Error::JavaException => BridgeError::JavaPending,
            other => BridgeError::Internal(format!("JNI call failed: {other}")),
        }
    }
}

impl From<HandleError> for BridgeError {
    fn from(err: HandleError) -> Self {
        BridgeError::InvalidHandle(err.to_string())
    }
}

impl From<callguard_core::Error> for BridgeError {
    fn from(err: callguard_core::Error) -> Self {
        match err {
            callguard_core::Error::InvalidInput(m) => BridgeError::InvalidArgument(m),
            callguard_core::Error::Storage(m) => BridgeError::Storage(m),
        }
    }
}

/// Runs one export's body under the bridge's policy: a panic is caught, an error or panic is
/// thrown as its typed Java exception, and the export then returns `T::default()`.
pub fn run<'local, T: Default>(
    env: &mut EnvUnowned<'local>,
    body: impl FnOnce(&mut Env<'local>) -> Result<T, BridgeError>,
) -> T {
    env.with_env(body).resolve::<ThrowTyped>()
}

/// The class a panic is thrown as.
const PANIC_CLASS: &JNIStr = jni_str!("java/lang/AssertionError");

/// The text of a panic payload (`panic!` with a literal or with a format string).
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&'static str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "non-string panic payload".to_owned()
    }
}

/// The [`ErrorPolicy`] every export resolves with: throw the typed exception, return the default.
#[derive(Debug, Default)]
pub struct ThrowTyped;

impl<T: Default> ErrorPolicy<T, BridgeError> for ThrowTyped {
    type Captures<'unowned_env_local: 'native_method, 'native_method> = ();

    fn on_error<'unowned_env_local: 'native_method, 'native_method>(
        env: &mut Env<'unowned_env_local>,
        _cap: &mut (),
        err: BridgeError,
    ) -> jni::errors::Result<T> {
        if let BridgeError::Internal(message) = &err {
            log::error!("bridge failure: {message}");
        }
        if let Some(class) = err.java_class() {
            throw(env, class, err.message());
        }
        Ok(T::default())
    }

    fn on_panic<'unowned_env_local: 'native_method, 'native_method>(
        env: &mut Env<'unowned_env_local>,
        _cap: &mut (),
        payload: Box<dyn Any + Send + 'static>,
    ) -> jni::errors::Result<T> {
        let message = format!("Rust panic: {}", panic_message(payload.as_ref()));
        log::error!("{message}");
        // Dropping a payload can itself panic; then leak that one rather than unwind further.
        if let Err(again) = catch_unwind(AssertUnwindSafe(|| drop(payload))) {
            std::mem::forget(again);
        }
        throw(env, PANIC_CLASS, &message);
        Ok(T::default())
    }
}

/// Throws `class(message)` unless an exception is already pending (the first one wins).
fn throw(env: &mut Env<'_>, class: &JNIStr, message: &str) {
    if env.exception_check() {
        return;
    }
    // `throw_new` reports the now-pending exception as `Err(JavaException)`: that is success here.
    // Any other error leaves a pending NoClassDefFoundError or similar, which Java then sees.
    if let Err(err) = env.throw_new(class, JNIString::new(message)) {
        if !matches!(err, jni::errors::Error::JavaException) {
            log::error!("could not throw {class}: {err}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class_of(err: BridgeError) -> Option<String> {
        err.java_class().map(|c| c.to_str().into_owned())
    }

    #[test]
    fn each_failure_maps_to_its_documented_exception() {
        let rows = [
            (
                BridgeError::InvalidArgument("x".into()),
                Some("java/lang/IllegalArgumentException"),
            ),
            (
                BridgeError::InvalidHandle("x".into()),
                Some("java/lang/IllegalStateException"),
            ),
            (
                BridgeError::Storage("x".into()),
                Some("org/callguard/bridge/CallGuardException"),
            ),
            (
                BridgeError::Internal("x".into()),
                Some("java/lang/AssertionError"),
            ),
            (
                BridgeError::Cancelled("x".into()),
                Some("java/util/concurrent/CancellationException"),
            ),
            (BridgeError::JavaPending, None),
        ];
        for (err, class) in rows {
            assert_eq!(class_of(err.clone()), class.map(str::to_owned), "{err:?}");
        }
    }

    #[test]
    fn core_errors_keep_their_message() {
        let storage = BridgeError::from(callguard_core::Error::Storage("disk full".into()));
        assert_eq!(storage, BridgeError::Storage("disk full".into()));
        let input = BridgeError::from(callguard_core::Error::InvalidInput("bad key".into()));
        assert_eq!(input, BridgeError::InvalidArgument("bad key".into()));
    }

    #[test]
    fn a_pending_java_exception_is_not_replaced() {
        let err = BridgeError::from(jni::errors::Error::JavaException);
        assert_eq!(err, BridgeError::JavaPending);
        let err = BridgeError::from(jni::errors::Error::WrongObjectType);
        assert!(matches!(err, BridgeError::Internal(_)));
    }

    #[test]
    fn handle_errors_are_illegal_state() {
        let err = BridgeError::from(HandleError::Zero);
        assert!(matches!(err, BridgeError::InvalidHandle(_)));
    }

    #[test]
    fn panic_payloads_are_read_as_text() {
        let literal: Box<dyn Any + Send> = Box::new("boom");
        assert_eq!(panic_message(literal.as_ref()), "boom");
        let formatted: Box<dyn Any + Send> = Box::new(format!("boom {}", 2));
        assert_eq!(panic_message(formatted.as_ref()), "boom 2");
        let other: Box<dyn Any + Send> = Box::new(42_u8);
        assert_eq!(panic_message(other.as_ref()), "non-string panic payload");
    }
}
