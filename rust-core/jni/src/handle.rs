//! The handle table: the only place where a `jlong` from Java turns back into an engine.
//!
//! Java holds an opaque, non-zero `jlong` per open engine; the table maps it to the
//! `Arc<Engine>`. A handle is never dereferenced, so a zero, closed, forged or stale handle is
//! a clean [`HandleError`] (→ `IllegalStateException`), never undefined behaviour. Handles are
//! not addresses: they come from a counter scrambled by an odd multiplier (a bijection on
//! `u64`), so they are never reused — a handle kept after `close` can never reach an engine
//! opened later — and small integers a caller might guess are never valid.
//!
//! A call clones the `Arc` out under a read lock and works without any lock, so `close` on one
//! thread never waits for, nor frees the engine under, a `screen` running on another: the
//! engine is dropped when its last call returns.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, PoisonError, RwLock};

/// Odd, so multiplying by it permutes `u64` (the 64-bit golden ratio, as in Fibonacci hashing).
const SCRAMBLE: u64 = 0x9E37_79B9_7F4A_7C15;

/// Why a handle does not name a live object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandleError {
    /// The handle is 0: never opened, or cleared by `close`.
    Zero,
    /// The handle is closed, or was never issued by this library.
    Unknown(i64),
}

impl std::fmt::Display for HandleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HandleError::Zero => f.write_str("engine handle is 0: not open, or already closed"),
            HandleError::Unknown(h) => {
                write!(f, "engine handle {h:#x} is closed or was never opened")
            }
        }
    }
}

impl std::error::Error for HandleError {}

/// Live objects by handle.
#[derive(Debug)]
pub struct Handles<T> {
    live: RwLock<BTreeMap<i64, Arc<T>>>,
    issued: AtomicU64,
}

impl<T> Handles<T> {
    /// An empty table (usable in a `static`).
    pub const fn new() -> Self {
        Handles {
            live: RwLock::new(BTreeMap::new()),
            issued: AtomicU64::new(0),
        }
    }

    /// Stores `value` and returns its new, never-before-issued, non-zero handle.
    pub fn insert(&self, value: Arc<T>) -> i64 {
        let serial = self.issued.fetch_add(1, Ordering::Relaxed) + 1;
        // `serial` never reaches 2^64, and an odd multiplier maps non-zero to non-zero.
        let handle = serial.wrapping_mul(SCRAMBLE) as i64;
        self.write().insert(handle, value);
        handle
    }

    /// The object behind `handle`, shared with the table.
    pub fn get(&self, handle: i64) -> Result<Arc<T>, HandleError> {
        check_non_zero(handle)?;
        let live = self.live.read().unwrap_or_else(PoisonError::into_inner);
        live.get(&handle)
            .cloned()
            .ok_or(HandleError::Unknown(handle))
    }

    /// Forgets `handle` and hands back its object; a second removal is an error, not a crash.
    pub fn remove(&self, handle: i64) -> Result<Arc<T>, HandleError> {
        check_non_zero(handle)?;
        self.write()
            .remove(&handle)
            .ok_or(HandleError::Unknown(handle))
    }

    /// How many handles are live.
    pub fn len(&self) -> usize {
        self.live
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// Whether no handle is live.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    // A panic cannot leave a BTreeMap half-updated here, so a poisoned lock is still sound.
    fn write(&self) -> std::sync::RwLockWriteGuard<'_, BTreeMap<i64, Arc<T>>> {
        self.live.write().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<T> Default for Handles<T> {
    fn default() -> Self {
        Self::new()
    }
}

fn check_non_zero(handle: i64) -> Result<(), HandleError> {
    if handle == 0 {
        Err(HandleError::Zero)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inserted_value_is_found_by_its_handle() {
        let table = Handles::new();
        let h = table.insert(Arc::new("engine"));
        assert_ne!(h, 0);
        assert_eq!(*table.get(h).unwrap_or_else(|e| panic!("{e}")), "engine");
        assert_eq!(table.len(), 1);
    }

    #[test]
    fn zero_is_never_a_handle() {
        let table: Handles<u8> = Handles::new();
        assert_eq!(table.get(0).err(), Some(HandleError::Zero));
        assert_eq!(table.remove(0).err(), Some(HandleError::Zero));
    }

    #[test]
    fn closing_twice_is_an_error_not_a_crash() {
        let table = Handles::new();
        let h = table.insert(Arc::new(1));
        assert!(table.remove(h).is_ok());
        assert_eq!(table.remove(h).err(), Some(HandleError::Unknown(h)));
        assert_eq!(table.get(h).err(), Some(HandleError::Unknown(h)));
        assert!(table.is_empty());
    }

    #[test]
    fn foreign_handles_are_rejected() {
        let table = Handles::new();
        let h = table.insert(Arc::new(1));
        for forged in [1, -1, 42, i64::MIN, i64::MAX, h.wrapping_add(1), h ^ 0x10] {
            assert_eq!(table.get(forged).err(), Some(HandleError::Unknown(forged)));
        }
    }

    #[test]
    fn handles_are_never_reused() {
        let table = Handles::new();
        let mut seen = std::collections::HashSet::new();
        for _ in 0..10_000 {
            let h = table.insert(Arc::new(()));
            assert!(seen.insert(h), "handle {h:#x} issued twice");
            assert!(table.remove(h).is_ok());
        }
    }

    #[test]
    fn an_object_outlives_its_handle_while_a_call_holds_it() {
        let table = Handles::new();
        let h = table.insert(Arc::new(String::from("in use")));
        let in_flight = table.get(h).unwrap_or_else(|e| panic!("{e}"));
        drop(table.remove(h));
        assert_eq!(*in_flight, "in use");
        assert_eq!(Arc::strong_count(&in_flight), 1);
    }

    #[test]
    fn concurrent_use_and_close_are_consistent() {
        let table = Arc::new(Handles::new());
        let handles: Vec<i64> = (0..64).map(|i| table.insert(Arc::new(i))).collect();
        let workers: Vec<_> = (0..4)
            .map(|_| {
                let table = Arc::clone(&table);
                let handles = handles.clone();
                std::thread::spawn(move || {
                    for h in &handles {
                        let _ = table.get(*h);
                        let _ = table.remove(*h);
                    }
                })
            })
            .collect();
        for w in workers {
            assert!(w.join().is_ok());
        }
        assert!(table.is_empty());
    }
}
