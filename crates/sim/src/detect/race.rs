//! Data races by vector-clock happens-before (a FastTrack-style detector).
//!
//! Happens-before edges come from the model (lock release → acquire, send → receive, channel
//! hand-off/send → receive, close → receive, spawn, join, WaitGroup done → wait); the world
//! reports them through [`RaceDetector::acquire_from`] and [`RaceDetector::release`].

use std::collections::BTreeMap;

use crate::ir::{Pid, Span};
use crate::world::Location;

use super::clock::VClock;
use super::finding::{Access, Finding};

#[derive(Clone, Debug, Default)]
pub(crate) struct LocationState {
    pub(crate) write: Option<(Access, u32)>,
    /// Reads since the last write, one per process: (access, the reader's own clock entry).
    pub(crate) reads: Vec<(Access, u32)>,
}

/// Who looked at and who changed a map's key set. Inserts of different keys do not race
/// with each other (each entry is its own location); only `len` against an insert does.
#[derive(Clone, Debug, Default)]
pub(crate) struct KeySetState {
    /// The latest insert of a new key per process.
    pub(crate) inserts: Vec<(Access, u32)>,
    /// The latest `len` per process.
    pub(crate) reads: Vec<(Access, u32)>,
}

/// Vector clocks per process and access history per location.
#[derive(Clone, Debug, Default)]
pub struct RaceDetector {
    enabled: bool,
    pub(crate) clocks: Vec<VClock>,
    pub(crate) locations: BTreeMap<Location, LocationState>,
    pub(crate) key_sets: BTreeMap<Location, KeySetState>,
    /// Clocks left at locations by atomic operations (see `atomic_sync.rs`).
    pub(crate) sync_clocks: BTreeMap<Location, VClock>,
}

impl RaceDetector {
    /// A detector; when `enabled` is false every call is a cheap no-op.
    pub fn new(enabled: bool) -> RaceDetector {
        RaceDetector {
            enabled,
            ..RaceDetector::default()
        }
    }

    /// Whether clocks are tracked.
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    fn clock_mut(&mut self, pid: Pid) -> Option<&mut VClock> {
        if !self.enabled {
            return None;
        }
        let i = pid.index();
        if self.clocks.len() <= i {
            self.clocks.resize(i + 1, VClock::default());
        }
        self.clocks.get_mut(i)
    }

    /// The current clock of a process.
    pub fn clock(&self, pid: Pid) -> VClock {
        self.clocks.get(pid.index()).cloned().unwrap_or_default()
    }

    /// A new process starts knowing everything its parent knew.
    pub fn fork(&mut self, parent: Option<Pid>, child: Pid) {
        let start = parent.map(|p| self.clock(p)).unwrap_or_default();
        if let Some(c) = self.clock_mut(child) {
            *c = start;
            c.tick(child);
        }
        if let Some(p) = parent {
            if let Some(c) = self.clock_mut(p) {
                c.tick(p);
            }
        }
    }

    /// The clock to attach to a release-like event (unlock, send, done), then a tick so later
    /// accesses of the process are not covered by it.
    pub fn release(&mut self, pid: Pid) -> VClock {
        let Some(c) = self.clock_mut(pid) else {
            return VClock::default();
        };
        let out = c.clone();
        c.tick(pid);
        out
    }

    /// An acquire-like event (lock, receive, join): the process learns `other`.
    pub fn acquire_from(&mut self, pid: Pid, other: &VClock) {
        if let Some(c) = self.clock_mut(pid) {
            c.join(other);
        }
    }

    /// Records a read; returns a race with an unordered earlier write.
    pub fn read(&mut self, pid: Pid, loc: Location, step: u64, span: Span) -> Vec<Finding> {
        if !self.enabled {
            return Vec::new();
        }
        let me = self.clock(pid);
        let own = me.get(pid);
        let state = self.locations.entry(loc).or_default();
        let mut out = Vec::new();
        let access = Access {
            pid,
            step,
            write: false,
            span,
        };
        if let Some((w, at)) = &state.write {
            if w.pid != pid && !me.has_seen(w.pid, *at) {
                out.push(Finding::Race {
                    loc,
                    first: w.clone(),
                    second: access.clone(),
                });
            }
        }
        state.reads.retain(|(a, _)| a.pid != pid);
        state.reads.push((access, own));
        out
    }

    /// Records a write; returns races with unordered earlier reads and writes.
    pub fn write(&mut self, pid: Pid, loc: Location, step: u64, span: Span) -> Vec<Finding> {
        if !self.enabled {
            return Vec::new();
        }
        let me = self.clock(pid);
        let own = me.get(pid);
        let state = self.locations.entry(loc).or_default();
        let access = Access {
            pid,
            step,
            write: true,
            span,
        };
        let mut out = Vec::new();
        if let Some((w, at)) = &state.write {
            if w.pid != pid && !me.has_seen(w.pid, *at) {
                out.push(Finding::Race {
                    loc,
                    first: w.clone(),
                    second: access.clone(),
                });
            }
        }
        for (r, at) in &state.reads {
            if r.pid != pid && !me.has_seen(r.pid, *at) {
                out.push(Finding::Race {
                    loc,
                    first: r.clone(),
                    second: access.clone(),
                });
            }
        }
        state.reads.clear();
        state.write = Some((access, own));
        out
    }

    /// Records a read of a map's key set (`len(m)`); returns races with unordered inserts of
    /// new keys by other processes.
    pub fn read_keys(&mut self, pid: Pid, loc: Location, step: u64, span: Span) -> Vec<Finding> {
        self.key_set_access(pid, loc, step, span, false)
    }

    /// Records that a new key was added to a map; returns races with unordered reads of its
    /// key set by other processes.
    pub fn insert_key(&mut self, pid: Pid, loc: Location, step: u64, span: Span) -> Vec<Finding> {
        self.key_set_access(pid, loc, step, span, true)
    }

    fn key_set_access(
        &mut self,
        pid: Pid,
        loc: Location,
        step: u64,
        span: Span,
        write: bool,
    ) -> Vec<Finding> {
        if !self.enabled {
            return Vec::new();
        }
        let me = self.clock(pid);
        let own = me.get(pid);
        let state = self.key_sets.entry(loc).or_default();
        let access = Access {
            pid,
            step,
            write,
            span,
        };
        let (others, mine) = if write {
            (&state.reads, &mut state.inserts)
        } else {
            (&state.inserts, &mut state.reads)
        };
        let out = others
            .iter()
            .filter(|(a, at)| a.pid != pid && !me.has_seen(a.pid, *at))
            .map(|(a, _)| Finding::Race {
                loc,
                first: a.clone(),
                second: access.clone(),
            })
            .collect();
        mine.retain(|(a, _)| a.pid != pid);
        mine.push((access, own));
        out
    }
}
