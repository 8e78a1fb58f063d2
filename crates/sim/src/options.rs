//! How a world runs: network mode, expand mode, mailbox bounds and budgets.

use serde::{Deserialize, Serialize};

/// What happens when an actor sends to a full bounded mailbox.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Overflow {
    /// The sender waits until the mailbox has room.
    #[default]
    Block,
    /// The message is dropped (an overflow finding is recorded).
    Drop,
}

/// Limits that stop a runaway program with a clear message instead of hanging.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Budgets {
    /// Steps in one run.
    pub max_steps: u64,
    /// Processes ever created.
    pub max_processes: usize,
    /// Messages waiting in one mailbox (independent of the lesson's mailbox bound).
    pub max_mailbox: usize,
    /// Messages in flight at once (network mode).
    pub max_in_flight: usize,
    /// Value nodes in one value (tuples, lists, closures, long strings count more).
    pub max_value_size: u64,
    /// Nesting depth of one value.
    pub max_value_depth: u32,
    /// Local instructions a process may run between two visible actions (catches `while True:
    /// pass`).
    pub max_local_ops: u64,
    /// Call stack depth of one process.
    pub max_call_depth: usize,
    /// Lines of printed output.
    pub max_output_lines: usize,
}

impl Default for Budgets {
    fn default() -> Budgets {
        Budgets {
            max_steps: 1_000_000,
            max_processes: 10_000,
            max_mailbox: 10_000,
            max_in_flight: 10_000,
            max_value_size: 100_000,
            max_value_depth: 100,
            max_local_ops: 100_000,
            max_call_depth: 10_000,
            max_output_lines: 100_000,
        }
    }
}

impl Budgets {
    /// Budgets large enough for benchmarks (still finite, so nothing can hang forever).
    pub fn generous() -> Budgets {
        Budgets {
            max_steps: 1 << 40,
            max_processes: 10_000_000,
            max_mailbox: 10_000_000,
            max_in_flight: 10_000_000,
            max_local_ops: 100_000_000,
            max_output_lines: 100_000_000,
            ..Budgets::default()
        }
    }
}

/// World options. Lessons set them per program panel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Options {
    /// Network mode: sends go in flight; delivery and drop are scheduler choices.
    pub network: bool,
    /// Expand mode: every `Eval` (like the `+ 1` of `count += 1`) is its own visible step.
    pub expand: bool,
    /// Bound on every mailbox, or `None` for unbounded.
    pub mailbox_capacity: Option<usize>,
    /// What a send to a full bounded mailbox does.
    pub overflow: Overflow,
    /// Limits.
    pub budgets: Budgets,
    /// Keep every event in the world's trace (turn off for exploration; `step` still returns
    /// the events of each step).
    pub record_trace: bool,
    /// Track happens-before with vector clocks. `None` = only when the program has shared
    /// memory instructions (so message-only programs skip the cost).
    pub detect_races: Option<bool>,
    /// Whether the end of the main process (pid 0) ends the program. `None` = by style: Go
    /// programs end with `main`, Python and Erlang ones run until every process is done.
    pub main_exit_ends_program: Option<bool>,
    /// Report actors idly waiting in `receive` as a deadlock once nothing else can run.
    /// Off by default, because a server loop waiting for its next request is normal; the run
    /// then ends as `Idle`. The main process waiting in `receive` is always a deadlock.
    pub idle_receive_is_deadlock: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            network: false,
            expand: false,
            mailbox_capacity: None,
            overflow: Overflow::Block,
            budgets: Budgets::default(),
            record_trace: true,
            detect_races: None,
            main_exit_ends_program: None,
            idle_receive_is_deadlock: false,
        }
    }
}
