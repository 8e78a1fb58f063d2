//! Lost updates: a write that overwrites a value other than the one its process last read
//! from that location, where that value came from another process's write.

use std::collections::BTreeMap;

use crate::ir::{Pid, Value};
use crate::world::Location;

use super::finding::LostWrite;

/// What each process last saw of each location, and who wrote each location last.
#[derive(Clone, Debug, Default)]
pub struct LostUpdateDetector {
    pub(crate) seen: BTreeMap<(Pid, Location), Value>,
    pub(crate) last_write: BTreeMap<Location, (Pid, u64)>,
    /// Retired: records nothing (the explorer retires it once a lost update is flagged, when
    /// its history can no longer change an outcome).
    off: bool,
}

impl LostUpdateDetector {
    /// A detector that records nothing and finds nothing.
    pub fn retired() -> LostUpdateDetector {
        LostUpdateDetector {
            off: true,
            ..LostUpdateDetector::default()
        }
    }

    /// Whether it records accesses (callers skip the call, and the copy-on-write of a
    /// shared detector it would cost, when not).
    pub fn on(&self) -> bool {
        !self.off
    }

    /// Records that `pid` read `value`.
    pub fn read(&mut self, pid: Pid, loc: Location, value: &Value) {
        if self.off {
            return;
        }
        self.seen.insert((pid, loc), value.clone());
    }

    /// Records a write of `new` over `old`; returns the lost write if there is one.
    pub fn write(
        &mut self,
        pid: Pid,
        loc: Location,
        old: &Value,
        new: &Value,
        step: u64,
    ) -> Option<LostWrite> {
        if self.off {
            return None;
        }
        let lost = match (self.seen.get(&(pid, loc)), self.last_write.get(&loc)) {
            (Some(seen), Some((writer, at))) if *writer != pid && seen != old => Some(LostWrite {
                writer: *writer,
                step: *at,
                value: old.clone(),
            }),
            _ => None,
        };
        // A process knows what it wrote itself.
        self.seen.insert((pid, loc), new.clone());
        self.last_write.insert(loc, (pid, step));
        lost
    }
}
