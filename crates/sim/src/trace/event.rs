//! Typed trace events.

use serde::{Deserialize, Serialize};

use crate::detect::{Finding, LostWrite};
use crate::ir::{ChanId, FuncId, Local, LockId, MsgId, Pid, RefId, Span, Text, Value, WaitGroupId};
use crate::world::{BlockReason, ExceptionClass, Location, Signal};

/// A local slot of a particular function, so narration can name it ("into tmp").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LocalRef {
    /// The function.
    pub func: FuncId,
    /// The slot.
    pub local: Local,
}

/// A write, boxed to keep [`EventKind`] small.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WriteEvent {
    /// The location.
    pub loc: Location,
    /// The value written.
    pub value: Value,
    /// The value overwritten.
    pub old: Value,
    /// Set when the overwritten value came from another process's write this process never
    /// read (a lost update).
    pub lost: Option<LostWrite>,
}

/// Why a message was dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DropReason {
    /// The network lost it (network mode).
    Network,
    /// The bounded mailbox was full and the overflow policy is `Drop`.
    MailboxFull,
    /// The addressee had ended (or never existed).
    DeadProcess,
}

/// What happened.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventKind {
    /// A shared read into a local.
    Read {
        /// The location.
        loc: Location,
        /// The value read.
        value: Value,
        /// The local it went into.
        into: Option<LocalRef>,
        /// For a map read that asks whether the key is there (`v, ok := m[k]`, `k in d`):
        /// whether it was. `None` for every other read.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        found: Option<bool>,
    },
    /// A shared write.
    Write(Box<WriteEvent>),
    /// A local computation shown as its own step (expand mode).
    Compute {
        /// The local assigned.
        local: LocalRef,
        /// Its new value.
        value: Value,
    },
    /// A lock was acquired.
    Acquire {
        /// The lock.
        lock: LockId,
    },
    /// A lock was released.
    Release {
        /// The lock.
        lock: LockId,
    },
    /// An actor message was sent.
    Send {
        /// The message.
        msg: MsgId,
        /// The addressee.
        to: Pid,
        /// The content.
        value: Value,
        /// Network mode: the message is in flight, not yet in the mailbox.
        in_flight: bool,
    },
    /// A message in flight arrived in its mailbox (network mode).
    Deliver {
        /// The message.
        msg: MsgId,
        /// The sender, where the message set off from (the event itself is the addressee's).
        from: Pid,
        /// The addressee.
        to: Pid,
        /// The content.
        value: Value,
    },
    /// A message was dropped.
    Drop {
        /// The message.
        msg: MsgId,
        /// The addressee.
        to: Pid,
        /// The content.
        value: Value,
        /// Why.
        why: DropReason,
    },
    /// An actor took a message from its mailbox.
    Receive {
        /// The message.
        msg: MsgId,
        /// The sender.
        from: Pid,
        /// The content.
        value: Value,
    },
    /// A receive's `after` fired.
    Timeout,
    /// The process started waiting.
    Block {
        /// For what.
        reason: BlockReason,
    },
    /// The process can run again.
    Unblock,
    /// An unbuffered channel handed a value from sender to receiver.
    Rendezvous {
        /// The channel.
        chan: ChanId,
        /// The sender.
        sender: Pid,
        /// The receiver.
        receiver: Pid,
        /// The value.
        value: Value,
    },
    /// A value was put into a channel's buffer.
    ChanSend {
        /// The channel.
        chan: ChanId,
        /// The value.
        value: Value,
        /// Buffer length afterwards.
        len: u32,
    },
    /// A value was taken from a channel (from its buffer, or the zero value once closed).
    ChanRecv {
        /// The channel.
        chan: ChanId,
        /// The value.
        value: Value,
        /// False when the channel was closed and drained.
        ok: bool,
    },
    /// A channel was closed.
    Close {
        /// The channel.
        chan: ChanId,
    },
    /// A `select` took its `default` case.
    SelectDefault,
    /// A process was started.
    Spawn {
        /// The new process.
        child: Pid,
    },
    /// A join returned.
    Join {
        /// The process that had ended.
        target: Pid,
    },
    /// A WaitGroup counter changed.
    WgAdd {
        /// The WaitGroup.
        wg: WaitGroupId,
        /// The change.
        delta: i64,
        /// The counter afterwards.
        count: i64,
    },
    /// A WaitGroup wait returned.
    WgWait {
        /// The WaitGroup.
        wg: WaitGroupId,
    },
    /// The process fell asleep.
    Sleep {
        /// For how many logical steps.
        ticks: u64,
    },
    /// Output: a whole line (`newline`), or text that does not end the line.
    Print {
        /// The text.
        text: Text,
        /// Whether the print ended the line (`Print`) or not (`Output`).
        #[serde(default = "yes", skip_serializing_if = "is_yes")]
        newline: bool,
    },
    /// The process ended normally.
    Exit,
    /// The process crashed.
    Crash {
        /// Why.
        reason: Text,
    },
    /// A detector finding.
    Finding(Box<Finding>),
    /// An exit or `DOWN` signal was sent or arrived.
    Signal(Box<SignalEvent>),
    /// The process linked itself to another.
    Link {
        /// The other process.
        other: Pid,
    },
    /// The process removed its link to another.
    Unlink {
        /// The other process.
        other: Pid,
    },
    /// The process started monitoring another.
    Monitor {
        /// The watched process.
        target: Pid,
        /// The monitor's reference.
        reference: RefId,
    },
    /// The process removed a monitor.
    Demonitor {
        /// The monitor's reference.
        reference: RefId,
    },
    /// A name was registered.
    Register {
        /// The name.
        name: Text,
        /// The process it now stands for.
        target: Pid,
    },
    /// A name was removed.
    Unregister {
        /// The name.
        name: Text,
    },
    /// The process set whether it traps exits.
    TrapExit {
        /// The new value.
        on: bool,
    },
    /// A raised exception was caught by a handler of the process.
    Caught {
        /// Its class.
        class: ExceptionClass,
        /// Its reason.
        reason: Value,
    },
}

/// What an exit or `DOWN` signal did.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SignalEffect {
    /// It was sent and is on its way.
    Sent,
    /// It arrived and changed nothing (`normal` to a process that does not trap exits).
    Ignored,
    /// The addressee had already ended.
    Gone,
    /// The addressee traps exits: it became an `{'EXIT', From, Reason}` message.
    Trapped,
    /// It ended the addressee, with this exit reason.
    Kills {
        /// The addressee's exit reason.
        reason: Value,
    },
    /// A `DOWN` message was put in the watcher's mailbox.
    Down,
    /// A `DOWN` of a monitor that was removed meanwhile: discarded.
    Stale,
}

/// An exit or `DOWN` signal, boxed to keep [`EventKind`] small.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SignalEvent {
    /// Its id (shared with messages: signals travel in flight like them).
    pub id: MsgId,
    /// The process it comes from (the one that ended, or the caller of `exit/2`).
    pub from: Pid,
    /// The addressee.
    pub to: Pid,
    /// Exit or `DOWN`.
    pub signal: Signal,
    /// The reason it carries.
    pub reason: Value,
    /// What it did.
    pub effect: SignalEffect,
}

/// One observable thing, at one step, by one process, at one place in the source.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Event {
    /// The step during which it happened (1-based; 0 = world creation).
    pub step: u64,
    /// The process it is about (for a rendezvous: the one that stepped).
    pub pid: Pid,
    /// The source of the instruction involved.
    pub span: Span,
    /// What happened.
    pub kind: EventKind,
}

fn yes() -> bool {
    true
}

fn is_yes(b: &bool) -> bool {
    *b
}
