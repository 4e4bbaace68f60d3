//! The call recorder: writes screened calls to the history, the short-term memory table and the
//! evidence off the call path, in batches, on its own thread — so screening never waits for a
//! disk write or a WAL checkpoint. A screened call is only pushed onto a queue. The writer uses
//! the engine's own connection, and only once screening has been idle for [`IDLE`]: writes from a
//! second connection would make this one drop its page cache after every call, and a write while
//! a call is being decided would make that call wait. A long queue, a flush or closing writes at
//! once. `flush` waits until everything queued so far is written; dropping the recorder flushes.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::store::{CallRecord, Store, BUSY_TIMEOUT};

/// How long screening must have been idle before the writer borrows the connection.
pub const IDLE: Duration = Duration::from_millis(50);
/// A queue this long is written whether screening is idle or not: a bound on memory.
const MAX_QUEUE: usize = 16_384;

struct State {
    queue: Vec<CallRecord>,
    /// When the last call was queued.
    last_call: Instant,
    /// Flushes asked for, and flushes done: a flush waits until `completed` reaches its ticket.
    requested: u64,
    completed: u64,
    /// The first write that failed since the last flush.
    failure: Option<String>,
    /// History older than this is to be deleted at the next write.
    prune_before: Option<i64>,
    closed: bool,
    stopped: bool,
}

struct Shared {
    state: Mutex<State>,
    wake: Condvar,
    done: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// A background writer of screened calls.
pub struct Recorder {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl Recorder {
    /// Starts a recorder writing through `store`, the engine's connection.
    pub fn start(store: Arc<Mutex<Store>>) -> Result<Recorder> {
        let state = State {
            queue: Vec::new(),
            last_call: Instant::now(),
            requested: 0,
            completed: 0,
            failure: None,
            prune_before: None,
            closed: false,
            stopped: false,
        };
        let shared = Arc::new(Shared {
            state: Mutex::new(state),
            wake: Condvar::new(),
            done: Condvar::new(),
        });
        let writer = shared.clone();
        let thread = std::thread::Builder::new()
            .name("callguard-recorder".into())
            .spawn(move || run(&store, &writer))
            .map_err(|e| Error::Storage(format!("cannot start the call recorder: {e}")))?;
        Ok(Recorder {
            shared,
            thread: Some(thread),
        })
    }

    /// Queues a call for recording: a push onto a list, never a wait for the database.
    pub fn record(&self, call: CallRecord) {
        let mut state = self.shared.lock();
        if state.stopped {
            log::warn!("the call recorder has stopped; a call was not recorded");
            return;
        }
        state.queue.push(call);
        state.last_call = Instant::now();
        if state.queue.len() == 1 || state.queue.len() >= MAX_QUEUE {
            // The writer sleeps while the queue is empty; the first call starts its idle timer.
            self.shared.wake.notify_one();
        }
    }

    /// Asks for history older than `before` (ms) to be deleted when screening is idle.
    pub fn prune(&self, before: i64) {
        let mut state = self.shared.lock();
        state.prune_before = Some(state.prune_before.map_or(before, |b| b.max(before)));
        self.shared.wake.notify_one();
    }

    /// Waits until every call queued so far is written; says why if a write failed since the
    /// last flush.
    pub fn flush(&self) -> Result<()> {
        let mut state = self.shared.lock();
        state.requested += 1;
        let ticket = state.requested;
        self.shared.wake.notify_one();
        while state.completed < ticket && !state.stopped {
            state = self
                .shared
                .done
                .wait(state)
                .unwrap_or_else(|p| p.into_inner());
        }
        match (state.failure.take(), state.completed >= ticket) {
            (Some(failure), _) => Err(Error::Storage(failure)),
            (None, true) => Ok(()),
            (None, false) => Err(Error::Storage("the call recorder has stopped".into())),
        }
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        self.shared.lock().closed = true;
        self.shared.wake.notify_one();
        if let Some(thread) = self.thread.take() {
            if thread.join().is_err() {
                log::error!("the call recorder ended abnormally");
            }
        }
    }
}

/// Waits until there is something to write and screening is idle (or it is urgent), takes the
/// whole queue and writes it in one transaction; until closed.
fn run(store: &Mutex<Store>, shared: &Shared) {
    loop {
        let mut state = shared.lock();
        loop {
            let urgent =
                state.closed || state.requested > state.completed || state.queue.len() >= MAX_QUEUE;
            let idle_for = state.last_call.elapsed();
            let pending = !state.queue.is_empty() || state.prune_before.is_some();
            if urgent || (pending && idle_for >= IDLE) {
                break;
            }
            let wait = if !pending {
                Duration::from_secs(3600)
            } else {
                IDLE.saturating_sub(idle_for)
            };
            state = shared
                .wake
                .wait_timeout(state, wait)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
        let urgent =
            state.closed || state.requested > state.completed || state.queue.len() >= MAX_QUEUE;
        let mut batch = std::mem::take(&mut state.queue);
        let prune_before = state.prune_before.take();
        let ticket = state.requested;
        let closing = state.closed;
        drop(state);

        // Unless someone waits for it, a write never waits for another connection's lock (an
        // import): it would hold the engine's connection, and so the next call, that long.
        let patience = if urgent { BUSY_TIMEOUT } else { Duration::ZERO };
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let mut store = store.lock().unwrap_or_else(|p| p.into_inner());
            store.set_busy_timeout(patience)?;
            if let Some(before) = prune_before {
                if let Err(e) = store.prune_history(before) {
                    log::warn!("could not prune the history: {e}");
                }
            }
            let written = if batch.is_empty() {
                Ok(())
            } else {
                store.record_calls(&batch)
            };
            store.set_busy_timeout(BUSY_TIMEOUT)?;
            written
        }));
        let failure = match outcome {
            Ok(Ok(())) => None,
            Ok(Err(e)) if e.is_busy() && !closing => {
                // Put the calls back in front of any queued since, and try again when idle; a
                // flush that waited in vain hears why.
                let kept = format!("{} call(s) not recorded yet: {e}", batch.len());
                let mut state = shared.lock();
                batch.append(&mut state.queue);
                state.queue = batch;
                state.prune_before = state.prune_before.or(prune_before);
                state.last_call = Instant::now();
                if !urgent {
                    continue;
                }
                drop(state);
                Some(kept)
            }
            Ok(Err(e)) => Some(format!("{} call(s) were not recorded: {e}", batch.len())),
            Err(_) => Some(format!(
                "{} call(s) were not recorded: internal error",
                batch.len()
            )),
        };
        let mut state = shared.lock();
        if let Some(failure) = failure {
            log::warn!("{failure}");
            state.failure.get_or_insert(failure);
        }
        state.completed = ticket;
        shared.done.notify_all();
        if closing && state.queue.is_empty() {
            state.stopped = true;
            shared.done.notify_all();
            return;
        }
    }
}
