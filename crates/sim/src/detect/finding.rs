//! What the detectors report.

use serde::{Deserialize, Serialize};

use crate::ir::{Pid, Span, Text, Value};
use crate::world::{BlockReason, Location};

/// One access in a race report.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Access {
    /// Who accessed.
    pub pid: Pid,
    /// At which step.
    pub step: u64,
    /// Whether it was a write.
    pub write: bool,
    /// The instruction's source.
    pub span: Span,
}

/// The write whose value another write overwrote without reading it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LostWrite {
    /// Who wrote the lost value.
    pub writer: Pid,
    /// When.
    pub step: u64,
    /// The value that is lost.
    pub value: Value,
}

/// One blocked process in a deadlock report.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Wait {
    /// The waiting process.
    pub pid: Pid,
    /// What it waits for.
    pub reason: BlockReason,
    /// Who holds what it needs, or who it waits for (lock holder, joined process, owner of a
    /// full mailbox).
    pub on: Vec<Pid>,
}

/// Who waits for what when nothing can run.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DeadlockReport {
    /// Every blocked process, by pid.
    pub waits: Vec<Wait>,
    /// A cycle in the wait-for graph (each waits for the next, the last for the first).
    pub cycle: Option<Vec<Pid>>,
}

/// Which budget ran out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum BudgetKind {
    /// Steps.
    Steps,
    /// Processes.
    Processes,
    /// Mailbox length.
    Mailbox,
    /// Messages in flight.
    InFlight,
    /// Value size or depth.
    ValueSize,
    /// Local instructions between two visible actions.
    LocalOps,
    /// Call depth.
    CallDepth,
    /// Output lines.
    Output,
}

/// A detector finding. Each also appears in the trace as an event.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Finding {
    /// Two accesses to one location, at least one a write, not ordered by happens-before.
    Race {
        /// The location.
        loc: Location,
        /// The earlier access.
        first: Access,
        /// The later access.
        second: Access,
    },
    /// A write that overwrote a value its process never read.
    LostUpdate {
        /// The location.
        loc: Location,
        /// Who wrote.
        writer: Pid,
        /// At which step.
        step: u64,
        /// The value written.
        value: Value,
        /// The write whose value was lost.
        lost: LostWrite,
    },
    /// A bounded mailbox was full.
    Overflow {
        /// Whose mailbox.
        owner: Pid,
        /// The sender.
        from: Pid,
        /// The bound.
        capacity: usize,
        /// Whether the message was dropped (otherwise the sender blocks).
        dropped: bool,
    },
    /// Nothing can run but something is blocked.
    Deadlock(DeadlockReport),
    /// A budget ran out; the run stops.
    Budget {
        /// Which one.
        kind: BudgetKind,
        /// What happened, in words.
        message: Text,
    },
}
