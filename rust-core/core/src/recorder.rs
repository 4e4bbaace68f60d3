//! The call recorder: writes screened calls to the history, the short-term memory table and the
//! evidence off the call path — on its own connection and thread, in batches — so screening
//! never waits for a disk write or a WAL checkpoint. `flush` waits until everything queued so
//! far is stored; dropping the recorder flushes too.

use std::path::Path;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Mutex;
use std::thread::JoinHandle;

use crate::error::Result;
use crate::store::{CallRecord, OpenNotes, Store};

/// The most calls written in one transaction.
const BATCH: usize = 512;

enum Message {
    Record(CallRecord),
    Flush(Sender<Option<String>>),
}

/// A background writer of screened calls.
pub struct Recorder {
    queue: Mutex<Option<Sender<Message>>>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

impl Recorder {
    /// Starts a recorder writing to the database at `path` on its own connection.
    pub fn start(path: &Path) -> Result<Recorder> {
        let store = Store::open(path, &mut OpenNotes::default())?;
        let (tx, rx) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("callguard-recorder".into())
            .spawn(move || run(store, rx))
            .map_err(|e| crate::Error::Storage(format!("cannot start the call recorder: {e}")))?;
        Ok(Recorder {
            queue: Mutex::new(Some(tx)),
            thread: Mutex::new(Some(thread)),
        })
    }

    /// Queues a call for recording; never blocks on the database.
    pub fn record(&self, call: CallRecord) {
        let queue = self.queue.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(tx) = queue.as_ref() {
            if tx.send(Message::Record(call)).is_err() {
                log::warn!("the call recorder has stopped; a call was not recorded");
            }
        }
    }

    /// Waits until every call queued so far is written; says why if any write since the last
    /// flush failed.
    pub fn flush(&self) -> Result<()> {
        let (ack, done) = mpsc::channel();
        let sent = {
            let queue = self.queue.lock().unwrap_or_else(|p| p.into_inner());
            queue
                .as_ref()
                .is_some_and(|tx| tx.send(Message::Flush(ack)).is_ok())
        };
        match sent.then(|| done.recv().ok()).flatten() {
            Some(None) => Ok(()),
            Some(Some(error)) => Err(crate::Error::Storage(error)),
            None => Err(crate::Error::Storage(
                "the call recorder has stopped".into(),
            )),
        }
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        // Closing the queue lets the thread write what is left and end.
        self.queue.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(thread) = self.thread.lock().unwrap_or_else(|p| p.into_inner()).take() {
            if thread.join().is_err() {
                log::error!("the call recorder panicked");
            }
        }
    }
}

fn run(mut store: Store, rx: Receiver<Message>) {
    let mut batch = Vec::with_capacity(BATCH);
    let mut acks = Vec::new();
    let mut failure: Option<String> = None;
    while let Ok(first) = rx.recv() {
        let mut next = Some(first);
        while let Some(message) = next.take() {
            match message {
                Message::Record(call) => batch.push(call),
                Message::Flush(ack) => acks.push(ack),
            }
            if batch.len() < BATCH {
                next = rx.try_recv().ok();
            }
        }
        if !batch.is_empty() {
            if let Err(e) = store.record_calls(&batch) {
                log::warn!("could not record {} call(s): {e}", batch.len());
                failure.get_or_insert_with(|| {
                    format!("{} call(s) were not recorded: {e}", batch.len())
                });
            }
            batch.clear();
        }
        for ack in acks.drain(..) {
            let _ = ack.send(failure.take());
        }
    }
}
