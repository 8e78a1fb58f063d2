//! Indexed access to the enabled choices without listing them all.
//!
//! A Fenwick tree holds, per pid, how many choices that process offers (0 when it cannot run,
//! 1 for a plain step, one per ready select case). Counting the choices, finding the n-th one
//! and finding the index of a given one are then O(log n), so schedulers stay fast when tens
//! of thousands of processes are runnable at once (a spawn tree).

use std::ops::Bound;

use crate::choice::Choice;
use crate::ir::Pid;

use super::{World, WorldStatus};

/// Per-pid choice counts with prefix sums.
#[derive(Clone, Debug, Default)]
pub(crate) struct ChoiceIndex {
    counts: Vec<u32>,
    /// 1-based Fenwick tree over `counts`.
    tree: Vec<u64>,
    total: u64,
}

impl ChoiceIndex {
    fn rebuild(&mut self, size: usize) {
        self.counts.resize(size, 0);
        self.tree = vec![0; size + 1];
        for i in 0..size {
            let c = self.counts.get(i).copied().unwrap_or(0);
            self.add(i, i64::from(c));
        }
    }

    fn add(&mut self, i: usize, delta: i64) {
        let mut k = i + 1;
        while let Some(slot) = self.tree.get_mut(k) {
            *slot = slot.wrapping_add_signed(delta);
            k += k & k.wrapping_neg();
        }
    }

    fn set(&mut self, i: usize, count: u32) {
        if i >= self.counts.len() {
            let size = (self.counts.len() * 2).max(i + 1).max(64);
            self.rebuild(size);
        }
        let Some(old) = self.counts.get_mut(i) else {
            return;
        };
        let delta = i64::from(count) - i64::from(*old);
        *old = count;
        if delta != 0 {
            self.total = self.total.wrapping_add_signed(delta);
            self.add(i, delta);
        }
    }

    /// Sum of the counts of pids below `i`.
    fn prefix(&self, i: usize) -> u64 {
        let mut k = i.min(self.counts.len());
        let mut sum = 0u64;
        while k > 0 {
            sum = sum.wrapping_add(self.tree.get(k).copied().unwrap_or(0));
            k &= k - 1;
        }
        sum
    }

    /// The pid whose choices include global index `n`, and the offset among them.
    fn find(&self, n: u64) -> Option<(usize, u64)> {
        if n >= self.total {
            return None;
        }
        let mut pos = 0usize;
        let mut rest = n;
        let mut step = self.tree.len().next_power_of_two();
        while step > 0 {
            let next = pos + step;
            if let Some(&v) = self.tree.get(next) {
                if v <= rest {
                    pos = next;
                    rest -= v;
                }
            }
            step >>= 1;
        }
        Some((pos, rest))
    }
}

impl World {
    /// Recomputes how many choices `pid` offers after its readiness changed.
    pub(crate) fn sync_choices(&mut self, pid: Pid) {
        let count = match self.procs.get(pid.index()) {
            Some(p) if self.runnable.contains(&pid) => {
                if p.pending_end.is_some() || p.ready_cases.is_empty() {
                    1
                } else {
                    p.ready_cases.len() as u32
                }
            }
            _ => 0,
        };
        self.choice_index.set(pid.index(), count);
    }

    fn process_choices(&self) -> u64 {
        if self.status == WorldStatus::Running {
            self.choice_index.total
        } else {
            0
        }
    }

    /// Number of enabled choices (the length of [`World::enabled_choices`]). O(1) without
    /// messages in flight.
    pub fn choice_count(&self) -> usize {
        if self.status != WorldStatus::Running {
            return 0;
        }
        if self.in_flight.is_empty() {
            return self.process_choices() as usize;
        }
        self.enabled_choices().len()
    }

    /// Entry `index` of [`World::enabled_choices`]. O(log n) without messages in flight.
    pub fn choice_at(&self, index: usize) -> Option<Choice> {
        if self.status != WorldStatus::Running {
            return None;
        }
        match self.choice_index.find(index as u64) {
            Some((pid, offset)) => {
                let pid = Pid(pid as u32);
                let p = self.procs.get(pid.index())?;
                if p.pending_end.is_some() || p.ready_cases.is_empty() {
                    Some(Choice::Run(pid))
                } else {
                    p.ready_cases
                        .get(offset as usize)
                        .map(|c| Choice::Case(pid, *c))
                }
            }
            None => self.enabled_choices().get(index).copied(),
        }
    }

    /// The position of `choice` in [`World::enabled_choices`], if it is enabled.
    pub fn index_of(&self, choice: Choice) -> Option<usize> {
        if !self.is_enabled(choice) {
            return None;
        }
        match choice {
            Choice::Run(pid) => Some(self.choice_index.prefix(pid.index()) as usize),
            Choice::Case(pid, c) => {
                let p = self.procs.get(pid.index())?;
                let offset = p.ready_cases.iter().position(|x| *x == c)?;
                Some(self.choice_index.prefix(pid.index()) as usize + offset)
            }
            Choice::Deliver(_) | Choice::Drop(_) => {
                self.enabled_choices().iter().position(|x| *x == choice)
            }
        }
    }

    /// The index of the first choice `pid` offers (its plain step or first ready case).
    pub fn first_choice_of(&self, pid: Pid) -> Option<usize> {
        if self.status != WorldStatus::Running || !self.runnable.contains(&pid) {
            return None;
        }
        Some(self.choice_index.prefix(pid.index()) as usize)
    }

    /// The first process after `after` (in pid order, not wrapping) that can step.
    pub fn next_runnable_after(&self, after: Option<Pid>) -> Option<Pid> {
        if self.status != WorldStatus::Running {
            return None;
        }
        let lower = match after {
            Some(p) => Bound::Excluded(p),
            None => Bound::Unbounded,
        };
        self.runnable
            .range((lower, Bound::Unbounded))
            .next()
            .copied()
    }

    /// Whether any message is in flight (network mode).
    pub fn has_in_flight(&self) -> bool {
        !self.in_flight.is_empty()
    }
}
