//! Locks, channels and WaitGroups.

use std::collections::VecDeque;

use crate::detect::VClock;
use crate::ir::{Pid, Text, Value};

#[derive(Clone, Debug)]
pub(crate) struct LockState {
    pub(crate) name: Text,
    pub(crate) holder: Option<Pid>,
    /// Processes standing at an acquire of this lock (cleaned lazily).
    pub(crate) waiters: Vec<Pid>,
    /// Clock of the last release (happens-before: release → acquire).
    pub(crate) clock: VClock,
}

#[derive(Clone, Debug)]
pub(crate) struct Item {
    pub(crate) value: Value,
    pub(crate) clock: VClock,
}

#[derive(Clone, Debug)]
pub(crate) struct ChanState {
    pub(crate) name: Text,
    /// `Some(0)` unbuffered, `Some(n)` buffered, `None` unbounded.
    pub(crate) capacity: Option<usize>,
    pub(crate) buf: VecDeque<Item>,
    pub(crate) closed: bool,
    pub(crate) zero: Value,
    /// Processes standing at an operation on this channel, in arrival order (rendezvous
    /// partners are taken first come, first served, like Go's wait queues).
    pub(crate) parked: Vec<Pid>,
    pub(crate) close_clock: VClock,
    /// Clocks of recent receives, for the buffered-channel edge "receive k happens before
    /// send k + capacity completes".
    pub(crate) recv_clocks: VecDeque<VClock>,
    pub(crate) sends: u64,
    pub(crate) recvs: u64,
}

impl ChanState {
    pub(crate) fn new(name: Text, capacity: Option<usize>, zero: Value) -> ChanState {
        ChanState {
            name,
            capacity,
            buf: VecDeque::new(),
            closed: false,
            zero,
            parked: Vec::new(),
            close_clock: VClock::default(),
            recv_clocks: VecDeque::new(),
            sends: 0,
            recvs: 0,
        }
    }

    pub(crate) fn is_unbuffered(&self) -> bool {
        self.capacity == Some(0)
    }

    pub(crate) fn has_room(&self) -> bool {
        match self.capacity {
            None => true,
            Some(c) => self.buf.len() < c,
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct WaitGroupState {
    pub(crate) name: Text,
    pub(crate) count: i64,
    pub(crate) waiters: Vec<Pid>,
    /// Join of the clocks of every `Done` (happens-before: done → wait returns).
    pub(crate) clock: VClock,
}
