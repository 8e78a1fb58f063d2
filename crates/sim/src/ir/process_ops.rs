//! Instructions about processes themselves rather than the data they share: registered names,
//! links, monitors, exit signals and the exit-trapping flag.
//!
//! Every [`ProcOp`] is one visible step. The rules they follow are the ones the OTP
//! documentation gives for `link/1`, `exit/2`, `monitor/2` and friends; `IR_NOTES.md` beside
//! this crate lists them.

use serde::{Deserialize, Serialize};

use super::expr::Expr;
use super::ids::Local;
use super::program::{Callee, ProcKind};

/// A visible instruction about processes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ProcOp {
    /// Starts a process and, in the same atomic step, links to it and/or monitors it
    /// (`spawn_link`, `spawn_monitor`).
    SpawnWith {
        /// Destination of the new pid.
        dst: Option<Local>,
        /// Kind of the new process.
        kind: ProcKind,
        /// What it runs.
        callee: Callee,
        /// Its arguments (after any closure captures).
        args: Vec<Expr>,
        /// Display name; `None` picks one from the kind.
        name: Option<String>,
        /// Link the spawner and the new process.
        link: bool,
        /// Monitor the new process; the monitor's reference goes here.
        monitor: Option<Local>,
    },
    /// Registers `pid` under the atom `name`. A name already taken, a pid already registered,
    /// a dead process or the name `undefined` raise `badarg`.
    Register {
        /// The name (an atom).
        name: Expr,
        /// The process.
        pid: Expr,
    },
    /// Removes a registered name; a name not registered raises `badarg`.
    Unregister {
        /// The name (an atom).
        name: Expr,
    },
    /// The pid registered under `name`, or the atom `undefined`.
    WhereIs {
        /// Destination.
        dst: Local,
        /// The name (an atom).
        name: Expr,
    },
    /// The list of registered names, in name order.
    Registered {
        /// Destination.
        dst: Local,
    },
    /// Links the running process with another one (idempotent; a link to itself does nothing).
    /// Linking to a process that does not exist raises `noproc`, or, when the caller traps
    /// exits, delivers `{'EXIT', Pid, noproc}` instead.
    Link {
        /// The other process.
        pid: Expr,
    },
    /// Removes the link, if any. No exit signal of that link reaches the caller afterwards.
    Unlink {
        /// The other process.
        pid: Expr,
    },
    /// Monitors a process; the fresh reference goes to `dst`. When the target ends (or at
    /// once, when it has already ended) `{'DOWN', Ref, process, Pid, Reason}` arrives.
    Monitor {
        /// Destination of the reference.
        dst: Local,
        /// The watched process.
        pid: Expr,
    },
    /// Removes a monitor; no `DOWN` of it arrives afterwards. With `flush`, a `DOWN` already
    /// in the mailbox is removed too.
    Demonitor {
        /// The monitor's reference.
        reference: Expr,
        /// Also remove a `DOWN` message already delivered.
        flush: bool,
    },
    /// Sets whether exit signals become `{'EXIT', From, Reason}` messages; the old value goes
    /// to `dst` (`process_flag(trap_exit, Value)`).
    TrapExit {
        /// Destination of the previous value.
        dst: Option<Local>,
        /// `true` or `false`.
        value: Expr,
    },
    /// Sends an exit signal to a process (`exit(Pid, Reason)`).
    SendExit {
        /// The addressee.
        to: Expr,
        /// The reason.
        reason: Expr,
    },
    /// Whether a process is still alive.
    IsAlive {
        /// Destination (`true`/`false`).
        dst: Local,
        /// The process.
        pid: Expr,
    },
}

impl ProcOp {
    /// Every expression the instruction evaluates (for validation).
    pub fn exprs(&self) -> Vec<&Expr> {
        match self {
            ProcOp::SpawnWith { callee, args, .. } => {
                let mut out: Vec<&Expr> = args.iter().collect();
                if let Callee::Value(e) = callee {
                    out.push(e);
                }
                out
            }
            ProcOp::Register { name, pid } => vec![name, pid],
            ProcOp::Unregister { name } | ProcOp::WhereIs { name, .. } => vec![name],
            ProcOp::Registered { .. } => Vec::new(),
            ProcOp::Link { pid }
            | ProcOp::Unlink { pid }
            | ProcOp::Monitor { pid, .. }
            | ProcOp::IsAlive { pid, .. } => vec![pid],
            ProcOp::Demonitor { reference, .. } => vec![reference],
            ProcOp::TrapExit { value, .. } => vec![value],
            ProcOp::SendExit { to, reason } => vec![to, reason],
        }
    }

    /// Every local slot the instruction writes (for validation).
    pub fn locals(&self) -> Vec<Local> {
        match self {
            ProcOp::SpawnWith { dst, monitor, .. } => dst.iter().chain(monitor).copied().collect(),
            ProcOp::WhereIs { dst, .. }
            | ProcOp::Registered { dst }
            | ProcOp::Monitor { dst, .. }
            | ProcOp::IsAlive { dst, .. } => vec![*dst],
            ProcOp::TrapExit { dst, .. } => dst.iter().copied().collect(),
            _ => Vec::new(),
        }
    }
}
