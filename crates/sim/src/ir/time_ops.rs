//! Go's `time` package on the simulator's logical clock: timers and tickers are channels the
//! clock fills, and `time.Now` reads the clock.
//!
//! A timer is named by its channel (`t.C`): `NewTimer` makes a channel with room for one value
//! and arms a deadline; when logical time reaches it, the clock puts the time into the
//! channel, so `select { case <-c: … case <-time.After(d): … }` times out exactly at `d` in
//! logical time. A ticker re-arms itself each period and, like Go's, drops a tick while the
//! previous one has not been received. When nothing else can move, time jumps to the next
//! deadline, as it does for `Sleep`.

use serde::{Deserialize, Serialize};

use super::expr::Expr;
use super::ids::Local;

/// An instruction on the logical clock. Each is a visible step, so it happens at the logical
/// time the process actually gets there (local code after a `Sleep` runs before the sleep).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TimeOp {
    /// `time.NewTimer(d)`, `time.After(d)` (`period: None`), `time.NewTicker(d)`,
    /// `time.Tick(d)` (`period: Some(d)`): makes the timer's channel, due `after` ticks from
    /// now. A ticker's period must be positive (Go panics otherwise).
    Arm {
        /// Where the channel goes.
        dst: Local,
        /// Ticks until it first fires.
        after: Expr,
        /// Ticks between later firings, for a ticker.
        period: Option<Expr>,
    },
    /// `t.Stop()`: disarms the timer whose channel is `timer`, and empties its channel (Go
    /// 1.23 semantics: no stale value is received after `Stop`). `dst` gets whether the
    /// timer had not yet delivered a value (still armed, or fired into a channel nobody
    /// received from).
    Stop {
        /// Where `true`/`false` goes.
        dst: Option<Local>,
        /// The timer's channel.
        timer: Expr,
    },
    /// `time.Now()`: the current logical time, in ticks.
    Now {
        /// Destination.
        dst: Local,
    },
}

impl TimeOp {
    /// Whether the instruction is a visible step.
    pub fn is_visible(&self) -> bool {
        true
    }

    /// Every expression inside (for validation).
    pub fn exprs(&self) -> Vec<&Expr> {
        match self {
            TimeOp::Arm { after, period, .. } => {
                let mut out = vec![after];
                out.extend(period);
                out
            }
            TimeOp::Stop { timer, .. } => vec![timer],
            TimeOp::Now { .. } => Vec::new(),
        }
    }

    /// Every local slot the instruction writes (for validation).
    pub fn locals(&self) -> Vec<Local> {
        match self {
            TimeOp::Arm { dst, .. } | TimeOp::Now { dst } => vec![*dst],
            TimeOp::Stop { dst, .. } => dst.iter().copied().collect(),
        }
    }
}
