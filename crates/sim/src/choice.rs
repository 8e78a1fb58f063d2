//! The nondeterministic decisions a scheduler makes, one per step.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ir::{MsgId, Pid};

/// One legal next step of a world. Listed by [`crate::World::enabled_choices`] in a fixed
/// order: processes by pid (select cases by case index), then deliveries, then drops, each by
/// message id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Choice {
    /// The process performs its next visible action (a `select` with no ready case takes its
    /// `default`).
    Run(Pid),
    /// The process's `select` fires the ready case with this index.
    Case(Pid, u32),
    /// Network mode: the message in flight arrives in its mailbox.
    Deliver(MsgId),
    /// Network mode: the message in flight is lost.
    Drop(MsgId),
}

impl Choice {
    /// The process that acts, if the choice is a process step.
    pub fn pid(&self) -> Option<Pid> {
        match self {
            Choice::Run(p) | Choice::Case(p, _) => Some(*p),
            Choice::Deliver(_) | Choice::Drop(_) => None,
        }
    }
}

impl fmt::Display for Choice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Choice::Run(p) => write!(f, "run {}", p.0),
            Choice::Case(p, c) => write!(f, "run {} case {}", p.0, c),
            Choice::Deliver(m) => write!(f, "deliver #{}", m.0),
            Choice::Drop(m) => write!(f, "drop #{}", m.0),
        }
    }
}
