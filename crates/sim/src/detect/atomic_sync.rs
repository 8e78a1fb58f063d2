//! Happens-before through atomic operations: each location an atomic operation touches has a
//! clock; the operation learns it (acquire) and leaves its own knowledge there (release), so
//! in Go's memory model every atomic operation on a location is ordered after the earlier
//! ones, and a plain write before an atomic store is visible to whoever loads it afterwards.

use crate::ir::Pid;
use crate::world::Location;

use super::race::RaceDetector;

impl RaceDetector {
    /// An atomic operation by `pid` on `loc`: acquire the location's clock, then release the
    /// process's clock into it. It is never checked against other accesses (atomics do not
    /// race).
    pub fn atomic(&mut self, pid: Pid, loc: Location) {
        if !self.enabled() {
            return;
        }
        let held = self.sync_clocks.get(&loc).cloned().unwrap_or_default();
        self.acquire_from(pid, &held);
        let mine = self.release(pid);
        self.sync_clocks.entry(loc).or_default().join(&mine);
    }
}
