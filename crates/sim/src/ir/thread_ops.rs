//! Python thread objects: `threading.Thread(...)` is a value that can be stored, passed
//! around, started once and joined from anywhere.
//!
//! A thread object lives on the heap as a record of type `Thread`, but its bookkeeping (the
//! function to run, its name, the pid once started) is the runtime's, not the program's
//! shared memory: making one is local, `start()` is the one visible step of the spawn itself,
//! and the race detector never sees the record's fields.

use serde::{Deserialize, Serialize};

use super::expr::Expr;
use super::ids::Local;

/// The record type name of a thread object.
pub const THREAD_TYPE: &str = "Thread";

/// The record type name of the main thread's object (CPython's `_MainThread`).
pub const MAIN_THREAD_TYPE: &str = "_MainThread";

/// An instruction on a thread object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ThreadOp {
    /// `threading.Thread(target=f, args=…, name=…)`: makes a thread object that is not yet
    /// started. Local. Without a name it gets CPython's `Thread-N (target)`, `N` counting the
    /// thread objects made so far.
    Make {
        /// Where the object goes.
        dst: Local,
        /// The function to run, its arguments already bound (a closure).
        target: Expr,
        /// The target function's name, for the default thread name.
        target_name: String,
        /// The name given with `name=`; it also names the process.
        name: Option<Expr>,
        /// `daemon=True`.
        daemon: bool,
    },
    /// `t.start()`: spawns the thread, in one visible step. A second start crashes with
    /// CPython's `RuntimeError`.
    Start {
        /// The thread object.
        thread: Expr,
    },
    /// `t.name`: the object's name. Local: it never changes.
    Name {
        /// Destination.
        dst: Local,
        /// The thread object.
        thread: Expr,
    },
    /// `threading.current_thread()`: the running thread's object. Local.
    Current {
        /// Destination.
        dst: Local,
    },
    /// `t.is_alive()`: started and not yet ended. A visible step, since it observes
    /// another thread.
    Alive {
        /// Destination.
        dst: Local,
        /// The thread object.
        thread: Expr,
    },
}

impl ThreadOp {
    /// Whether the instruction is a visible step.
    pub fn is_visible(&self) -> bool {
        matches!(self, ThreadOp::Start { .. } | ThreadOp::Alive { .. })
    }

    /// Every expression inside (for validation).
    pub fn exprs(&self) -> Vec<&Expr> {
        match self {
            ThreadOp::Make { target, name, .. } => {
                let mut out = vec![target];
                out.extend(name);
                out
            }
            ThreadOp::Start { thread }
            | ThreadOp::Name { thread, .. }
            | ThreadOp::Alive { thread, .. } => vec![thread],
            ThreadOp::Current { .. } => Vec::new(),
        }
    }

    /// Every local slot the instruction writes (for validation).
    pub fn locals(&self) -> Vec<Local> {
        match self {
            ThreadOp::Make { dst, .. }
            | ThreadOp::Name { dst, .. }
            | ThreadOp::Current { dst }
            | ThreadOp::Alive { dst, .. } => vec![*dst],
            ThreadOp::Start { .. } => Vec::new(),
        }
    }
}
