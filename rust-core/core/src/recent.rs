//! The engine's short-term memory of calls: enough to tell a repeated call within its window and
//! the stranger who called just before a verification-code SMS, answered in memory so the call
//! path never waits for the database. Loaded from the store's `recent_calls` on open, so the
//! memory spans process restarts (each CLI command is one).

use std::collections::{HashMap, VecDeque};

use crate::store::RecentCall;

/// The most calls kept, whatever the window: a bound on memory and on the cost of loading it
/// when the process starts cold, far above any real call rate (a call every two seconds for the
/// whole of a ten-minute window).
pub const MAX_CALLS: usize = 512;

/// Recent calls, oldest first, with an index of each number's calls for the repeated-call check.
#[derive(Debug, Default)]
pub struct RecentCalls {
    calls: VecDeque<RecentCall>,
    /// How many calls of `calls` each number made.
    by_number: HashMap<String, usize>,
    newest: i64,
}

impl RecentCalls {
    /// A memory holding `calls` (oldest first).
    pub fn new(calls: Vec<RecentCall>) -> Self {
        let mut memory = RecentCalls::default();
        for call in calls {
            memory.push(call);
        }
        memory
    }

    /// Remembers a call, forgetting those older than `keep_ms` before the newest.
    pub fn remember(&mut self, call: RecentCall, keep_ms: i64) {
        self.push(call);
        let oldest_kept = self.newest.saturating_sub(keep_ms);
        while self.calls.front().is_some_and(|c| c.time < oldest_kept) {
            self.pop();
        }
    }

    fn push(&mut self, call: RecentCall) {
        if self.calls.len() == MAX_CALLS {
            self.pop();
        }
        self.newest = self.newest.max(call.time);
        *self.by_number.entry(call.number.clone()).or_default() += 1;
        self.calls.push_back(call);
    }

    fn pop(&mut self) {
        if let Some(call) = self.calls.pop_front() {
            if let Some(n) = self.by_number.get_mut(&call.number) {
                *n -= 1;
                if *n == 0 {
                    self.by_number.remove(&call.number);
                }
            }
        }
    }

    /// Whether `number` called in `[since, until]`.
    pub fn called_between(&self, number: &str, since: i64, until: i64) -> bool {
        // Most callers are not in the memory at all: one hash lookup answers.
        self.by_number.contains_key(number)
            && self
                .calls
                .iter()
                .any(|c| c.number == number && (since..=until).contains(&c.time))
    }

    /// The latest call from someone not in the contacts in `[since, until]`.
    pub fn latest_stranger(&self, since: i64, until: i64) -> Option<&RecentCall> {
        self.calls
            .iter()
            .filter(|c| !c.is_contact && (since..=until).contains(&c.time))
            .max_by_key(|c| c.time)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decision::Label;

    fn call(number: &str, time: i64, is_contact: bool) -> RecentCall {
        RecentCall {
            number: number.into(),
            time,
            label: Label::Unknown,
            is_contact,
        }
    }

    #[test]
    fn remembers_within_the_window_and_forgets_after() {
        let mut m = RecentCalls::default();
        m.remember(call("1", 0, false), 100);
        m.remember(call("2", 50, true), 100);
        assert!(m.called_between("1", 0, 60));
        assert!(!m.called_between("1", 1, 60));
        assert_eq!(
            m.latest_stranger(0, 60).map(|c| c.number.as_str()),
            Some("1")
        );
        m.remember(call("3", 200, false), 100);
        assert!(!m.called_between("1", 0, 300), "forgotten");
        assert!(!m.by_number.contains_key("1"), "and unindexed");
        assert_eq!(
            m.latest_stranger(0, 300).map(|c| c.number.as_str()),
            Some("3")
        );
    }

    #[test]
    fn memory_is_bounded() {
        let mut m = RecentCalls::default();
        for i in 0..(MAX_CALLS as i64 + 10) {
            m.remember(call(&i.to_string(), i, false), i64::MAX);
        }
        assert_eq!(m.calls.len(), MAX_CALLS);
        assert_eq!(m.by_number.len(), MAX_CALLS);
    }
}
