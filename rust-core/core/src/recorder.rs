//! The call recorder: writes screened calls to the history, the short-term memory table and the
//! evidence off the call path — on its own connection and thread, in batches — so screening never
//! waits for a disk write or a WAL checkpoint. A screened call is only pushed onto a queue; the
//! writer wakes every [`INTERVAL`] (or when the queue is long, or someone flushes) and writes the
//! whole queue in one transaction. `flush` waits until everything queued so far is written;
//! dropping the recorder flushes too.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::error::{Error, Result};
use crate::store::{CallRecord, OpenNotes, Store};

/// How long a queued call may wait before the writer wakes for it.
pub const INTERVAL: Duration = Duration::from_millis(100);
/// A queue this long wakes the writer at once.
const BATCH: usize = 512;

#[derive(Default)]
struct State {
    queue: Vec<CallRecord>,
    /// Flushes asked for, and flushes done: a flush waits until `completed` reaches its ticket.
    requested: u64,
    completed: u64,
    /// The first write that failed since the last flush.
    failure: Option<String>,
    closed: bool,
    stopped: bool,
}

#[derive(Default)]
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
    /// Starts a recorder writing to the database at `path` on its own connection.
    pub fn start(path: &Path) -> Result<Recorder> {
        let store = Store::open(path, &mut OpenNotes::default())?;
        let shared = Arc::new(Shared::default());
        let writer = shared.clone();
        let thread = std::thread::Builder::new()
            .name("callguard-recorder".into())
            .spawn(move || run(store, &writer))
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
        if state.queue.len() >= BATCH {
            self.shared.wake.notify_one();
        }
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

fn run(mut store: Store, shared: &Shared) {
    loop {
        let mut state = shared.lock();
        while !state.closed && state.requested == state.completed && state.queue.len() < BATCH {
            let (next, waited) = shared
                .wake
                .wait_timeout(state, INTERVAL)
                .unwrap_or_else(|p| p.into_inner());
            state = next;
            if waited.timed_out() && !state.queue.is_empty() {
                break;
            }
        }
        let batch = std::mem::take(&mut state.queue);
        let ticket = state.requested;
        let closing = state.closed;
        drop(state);

        let failure = if batch.is_empty() {
            None
        } else {
            match catch_unwind(AssertUnwindSafe(|| store.record_calls(&batch))) {
                Ok(Ok(())) => None,
                Ok(Err(e)) => Some(format!("{} call(s) were not recorded: {e}", batch.len())),
                Err(_) => Some(format!(
                    "{} call(s) were not recorded: internal error",
                    batch.len()
                )),
            }
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
