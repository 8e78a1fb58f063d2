//! Vector clocks for happens-before.

use serde::{Deserialize, Serialize};

use crate::ir::Pid;

/// A vector clock indexed by pid. Missing entries are zero, so an empty clock costs nothing
/// when race detection is off.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct VClock(Vec<u32>);

impl VClock {
    /// The entry of `pid`.
    pub fn get(&self, pid: Pid) -> u32 {
        self.0.get(pid.index()).copied().unwrap_or(0)
    }

    /// Advances `pid`'s own entry.
    pub fn tick(&mut self, pid: Pid) {
        let i = pid.index();
        if self.0.len() <= i {
            self.0.resize(i + 1, 0);
        }
        if let Some(c) = self.0.get_mut(i) {
            *c = c.saturating_add(1);
        }
    }

    /// Pointwise maximum: everything `other` saw, this clock now has seen too.
    pub fn join(&mut self, other: &VClock) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        for (mine, theirs) in self.0.iter_mut().zip(&other.0) {
            *mine = (*mine).max(*theirs);
        }
    }

    /// The entries, by pid (missing ones are zero).
    pub(crate) fn entries(&self) -> &[u32] {
        &self.0
    }

    /// Whether the event `(pid, at)` happened before (or is known to) this clock.
    pub fn has_seen(&self, pid: Pid, at: u32) -> bool {
        at <= self.get(pid)
    }
}
