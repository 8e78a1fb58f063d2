//! A process: its code position, locals, mailbox and status.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use crate::ir::{ChanId, FuncId, Local, LockId, Pid, ProcKind, Text, Value, WaitGroupId};

use super::mailbox::Message;

/// Why a process cannot take its next step.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BlockReason {
    /// Waiting to acquire a lock held by someone (possibly itself).
    Lock {
        /// The lock.
        lock: LockId,
        /// Its holder.
        holder: Option<Pid>,
    },
    /// Waiting to send on a channel (no receiver, or the buffer is full).
    ChanSend {
        /// The channel.
        chan: ChanId,
    },
    /// Waiting to receive from a channel (no sender, or the buffer is empty).
    ChanRecv {
        /// The channel.
        chan: ChanId,
    },
    /// Waiting in a `select` with no ready case and no default.
    Select {
        /// The channels of its cases.
        chans: Vec<ChanId>,
    },
    /// Waiting in `receive`: the mailbox holds no matching message.
    Receive {
        /// Messages waiting that match no clause.
        waiting: u32,
        /// Logical time when an `after` fires, if there is one.
        deadline: Option<u64>,
    },
    /// Waiting to send to a full bounded mailbox.
    MailboxFull {
        /// Whose mailbox.
        to: Pid,
    },
    /// Waiting for a process to end.
    Join {
        /// The process.
        target: Pid,
    },
    /// Waiting for a WaitGroup counter to reach zero.
    WaitGroup {
        /// The WaitGroup.
        wg: WaitGroupId,
        /// Its counter when the process started waiting.
        count: i64,
    },
    /// Sleeping until a logical time.
    Sleep {
        /// Wake-up time.
        until: u64,
    },
}

/// Where a process is in its life.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    /// It can take a step.
    Runnable,
    /// It waits; the reason says for what.
    Blocked(BlockReason),
    /// It ended normally.
    Done,
    /// It crashed.
    Crashed(Text),
}

impl Status {
    /// Done or crashed.
    pub fn is_ended(&self) -> bool {
        matches!(self, Status::Done | Status::Crashed(_))
    }
}

/// How a process ends.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum End {
    Done,
    Crashed(String),
    /// An exception nobody caught.
    Raised(Box<super::exception::Raised>),
    /// An exit signal took it down with this exit reason.
    Signal {
        reason: Value,
        from: Pid,
    },
}

/// One activation record.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    /// The function running.
    pub func: FuncId,
    /// The instruction about to run.
    pub pc: u32,
    /// Local slots.
    pub locals: Vec<Value>,
    /// Where the caller wants the return value.
    pub(crate) ret: Option<Local>,
}

/// A process of the world.
#[derive(Clone, Debug)]
pub struct Process {
    pub(crate) id: Pid,
    pub(crate) name: Text,
    pub(crate) kind: ProcKind,
    pub(crate) status: Status,
    pub(crate) frames: Vec<Frame>,
    pub(crate) mailbox: VecDeque<Message>,
    pub(crate) parent: Option<Pid>,
    /// Whether it has performed a visible action (before that, an end is deferred to its
    /// first step, so every process's first step is its first visible action).
    pub(crate) acted: bool,
    pub(crate) pending_end: Option<End>,
    /// Ready `select` cases, recomputed on every refresh.
    pub(crate) ready_cases: Vec<u32>,
    /// `after`/sleep deadline in logical time.
    pub(crate) deadline: Option<u64>,
    pub(crate) sleeping: bool,
    /// Bumped whenever the process moves to a new instruction; stale timers compare it.
    pub(crate) epoch: u64,
    pub(crate) joiners: Vec<Pid>,
    pub(crate) mailbox_waiters: Vec<Pid>,
    pub(crate) steps: u64,
    /// What it is registered as waiting on (wait lists are cleaned lazily against this).
    pub(crate) waiting_on: Option<super::WaitKey>,
    /// Channels whose `parked` list holds it.
    pub(crate) parked_on: Vec<ChanId>,
    /// Span of the instruction that ended it (its frames are gone by then).
    pub(crate) last_span: crate::ir::Span,
    /// Exception handlers, innermost last.
    pub(crate) handlers: Vec<super::exception::Handler>,
    /// Whether exit signals become `{'EXIT', From, Reason}` messages.
    pub(crate) trap_exit: bool,
    /// The exit reason once it has ended (`normal` for a normal end).
    pub(crate) exit_reason: Option<Value>,
    /// The class of the exception that ended it, when one did.
    pub(crate) exit_class: Option<super::exception::ExceptionClass>,
    /// The process whose exit signal ended it, when one did.
    pub(crate) killed_by: Option<Pid>,
}

impl Process {
    /// Its pid.
    pub fn id(&self) -> Pid {
        self.id
    }

    /// Its display name ("T1", "counter", "main").
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Thread, actor or goroutine.
    pub fn kind(&self) -> ProcKind {
        self.kind
    }

    /// Runnable, blocked (why), done or crashed (why).
    pub fn status(&self) -> &Status {
        &self.status
    }

    /// The call stack, innermost last.
    pub fn frames(&self) -> &[Frame] {
        &self.frames
    }

    /// Messages in its mailbox, oldest first.
    pub fn mailbox(&self) -> impl Iterator<Item = &Message> {
        self.mailbox.iter()
    }

    /// Number of messages in its mailbox.
    pub fn mailbox_len(&self) -> usize {
        self.mailbox.len()
    }

    /// The process that spawned it.
    pub fn parent(&self) -> Option<Pid> {
        self.parent
    }

    /// Steps it has taken.
    pub fn steps_taken(&self) -> u64 {
        self.steps
    }

    /// Whether it traps exits (`process_flag(trap_exit, true)`).
    pub fn traps_exits(&self) -> bool {
        self.trap_exit
    }

    /// Its exit reason once it has ended: `normal`, the reason of `exit/1`, `{Reason, Stack}`
    /// for an uncaught error, or the reason an exit signal brought (`killed`, ...).
    pub fn exit_reason(&self) -> Option<&Value> {
        self.exit_reason.as_ref()
    }

    /// The process whose exit signal ended it, if an exit signal did.
    pub fn killed_by(&self) -> Option<Pid> {
        self.killed_by
    }

    /// The class of the uncaught exception that ended it, if one did.
    pub fn exit_class(&self) -> Option<super::exception::ExceptionClass> {
        self.exit_class
    }

    /// The innermost frame's function and program counter.
    pub fn position(&self) -> Option<(FuncId, u32)> {
        self.frames.last().map(|f| (f.func, f.pc))
    }
}
