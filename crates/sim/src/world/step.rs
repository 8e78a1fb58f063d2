//! Choosing and taking steps.

use std::fmt;

use crate::choice::Choice;
use crate::options::Overflow;
use crate::trace::Event;

use super::{World, WorldStatus};

/// Why [`World::step`] refused a choice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepError {
    /// The run is over.
    Over(WorldStatus),
    /// The choice is not among [`World::enabled_choices`].
    NotEnabled(Choice),
}

impl fmt::Display for StepError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StepError::Over(s) => write!(f, "the run is over ({s:?})"),
            StepError::NotEnabled(c) => write!(f, "choice `{c}` is not enabled now"),
        }
    }
}

impl std::error::Error for StepError {}

impl World {
    /// Every legal next choice, in a fixed order: runnable processes by pid (a select's ready
    /// cases by case index), then deliveries, then drops (network mode) by message id. Empty
    /// when the run is over.
    pub fn enabled_choices(&self) -> Vec<Choice> {
        let mut out = Vec::new();
        self.enabled_choices_into(&mut out);
        out
    }

    /// Like [`World::enabled_choices`], reusing a buffer (the hot loop of long runs).
    pub fn enabled_choices_into(&self, out: &mut Vec<Choice>) {
        out.clear();
        if self.status != WorldStatus::Running {
            return;
        }
        for &pid in &self.runnable {
            match self.procs.get(pid.index()) {
                Some(p) if !p.ready_cases.is_empty() && p.pending_end.is_none() => {
                    out.extend(p.ready_cases.iter().map(|c| Choice::Case(pid, *c)));
                }
                Some(_) => out.push(Choice::Run(pid)),
                None => {}
            }
        }
        for (id, msg) in &self.in_flight {
            if self.deliverable(msg) {
                out.push(Choice::Deliver(*id));
            }
        }
        out.extend(
            self.in_flight
                .iter()
                .filter(|(_, m)| self.droppable(m))
                .map(|(id, _)| Choice::Drop(*id)),
        );
    }

    /// Only the network loses things, and never a signal (nor a message held back behind
    /// one outside network mode).
    fn droppable(&self, msg: &super::Message) -> bool {
        self.opts.network && msg.signal.is_none()
    }

    /// A message in flight can arrive unless its bounded mailbox is full and senders block, or
    /// an earlier signal between the same two processes must arrive first.
    fn deliverable(&self, msg: &super::Message) -> bool {
        if self.held_back(msg) {
            return false;
        }
        if msg.signal.is_some() {
            return true;
        }
        match (self.opts.mailbox_capacity, self.procs.get(msg.to.index())) {
            (Some(cap), Some(p)) if !p.status.is_ended() => {
                p.mailbox.len() < cap || self.opts.overflow == Overflow::Drop
            }
            _ => true,
        }
    }

    /// Whether `choice` may be taken now.
    pub fn is_enabled(&self, choice: Choice) -> bool {
        if self.status != WorldStatus::Running {
            return false;
        }
        match choice {
            Choice::Run(pid) => {
                self.runnable.contains(&pid)
                    && self
                        .procs
                        .get(pid.index())
                        .is_some_and(|p| p.ready_cases.is_empty() || p.pending_end.is_some())
            }
            Choice::Case(pid, c) => {
                self.runnable.contains(&pid)
                    && self
                        .procs
                        .get(pid.index())
                        .is_some_and(|p| p.pending_end.is_none() && p.ready_cases.contains(&c))
            }
            Choice::Deliver(id) => self.in_flight.get(&id).is_some_and(|m| self.deliverable(m)),
            Choice::Drop(id) => self.in_flight.get(&id).is_some_and(|m| self.droppable(m)),
        }
    }

    /// Performs exactly one atomic visible action and returns the events it caused.
    pub fn step(&mut self, choice: Choice) -> Result<&[Event], StepError> {
        if self.status != WorldStatus::Running {
            return Err(StepError::Over(self.status.clone()));
        }
        if !self.is_enabled(choice) {
            return Err(StepError::NotEnabled(choice));
        }
        self.events.clear();
        self.steps += 1;
        self.now += 1;
        match choice {
            Choice::Run(pid) => self.run_process(pid, None),
            Choice::Case(pid, c) => self.run_process(pid, Some(c)),
            Choice::Deliver(id) => self.deliver(id),
            Choice::Drop(id) => self.lose(id),
        }
        self.housekeeping();
        self.drop_transient_blocks();
        self.flush_events();
        Ok(&self.events)
    }

    /// A process that blocked and was unblocked again within one step never visibly waited
    /// (e.g. a receiver that arrived a moment before its sender): drop that pair of events.
    fn drop_transient_blocks(&mut self) {
        use crate::trace::EventKind;
        if !self
            .events
            .iter()
            .any(|e| matches!(e.kind, EventKind::Unblock))
        {
            return;
        }
        let mut keep = vec![true; self.events.len()];
        let mut open_block: Vec<(crate::ir::Pid, usize)> = Vec::new();
        for (i, e) in self.events.iter().enumerate() {
            match e.kind {
                EventKind::Block { .. } => {
                    open_block.retain(|(p, _)| *p != e.pid);
                    open_block.push((e.pid, i));
                }
                EventKind::Unblock => {
                    if let Some(pos) = open_block.iter().position(|(p, _)| *p == e.pid) {
                        let (_, b) = open_block.remove(pos);
                        if let Some(k) = keep.get_mut(b) {
                            *k = false;
                        }
                        if let Some(k) = keep.get_mut(i) {
                            *k = false;
                        }
                    }
                }
                _ => open_block.retain(|(p, _)| *p != e.pid),
            }
        }
        if keep.iter().all(|k| *k) {
            return;
        }
        let mut flags = keep.into_iter();
        self.events.retain(|_| flags.next().unwrap_or(true));
    }
}
