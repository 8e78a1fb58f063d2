//! Trace storage: sealed chunks are shared, so cloning a world (snapshots, exploration) does
//! not copy the whole history.

use std::sync::Arc;

use super::event::Event;

const CHUNK: usize = 1024;

/// An append-only list of events.
#[derive(Clone, Debug, Default)]
pub struct Trace {
    sealed: Vec<Arc<Vec<Event>>>,
    tail: Vec<Event>,
}

impl Trace {
    /// Number of events.
    pub fn len(&self) -> usize {
        self.sealed.len() * CHUNK + self.tail.len()
    }

    /// Whether there are no events.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Event number `i`.
    pub fn get(&self, i: usize) -> Option<&Event> {
        let chunk = i / CHUNK;
        if chunk < self.sealed.len() {
            self.sealed.get(chunk).and_then(|c| c.get(i % CHUNK))
        } else {
            self.tail.get(i - self.sealed.len() * CHUNK)
        }
    }

    /// All events in order.
    pub fn iter(&self) -> impl Iterator<Item = &Event> {
        self.sealed
            .iter()
            .flat_map(|c| c.iter())
            .chain(self.tail.iter())
    }

    pub(crate) fn extend_from(&mut self, events: &[Event]) {
        for e in events {
            self.tail.push(e.clone());
            if self.tail.len() == CHUNK {
                let full = std::mem::replace(&mut self.tail, Vec::with_capacity(CHUNK));
                self.sealed.push(Arc::new(full));
            }
        }
    }
}
