//! Timers and tickers that the logical clock fills (Go's `time.After`, `time.NewTimer`,
//! `time.Tick`, `time.NewTicker`), and `time.Now`.
//!
//! A timer is its channel: a buffer of one that the clock writes the current time into when
//! the timer is due. Due timers fire in the end-of-step bookkeeping, and when nothing else
//! can move, time jumps to the next due timer whose channel has room (a ticker whose last tick
//! nobody took would only drop the next one, so it does not stop a deadlock verdict).

use std::collections::BTreeMap;

use crate::ir::{ChanId, Pid, Span, TimeOp, Value};

use super::action::Flow;
use super::eval::{crash, Eval};
use super::resources::Item;
use super::World;

/// One armed (or stopped) timer.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct ClockTimer {
    /// When it fires next, in logical time; `None` once a one-shot timer fired or any timer
    /// was stopped.
    pub(crate) due: Option<u64>,
    /// A ticker's period.
    pub(crate) period: Option<u64>,
}

/// Every timer made, by its channel.
pub(crate) type ClockTimers = BTreeMap<ChanId, ClockTimer>;

impl World {
    fn ticks_in(&self, pid: Pid, e: &crate::ir::Expr) -> Eval<i64> {
        match self.eval_in(pid, e)? {
            Value::Int(n) => Ok(n),
            other => crash(format!(
                "a duration must be an integer, got {}",
                other.repr(self.program.style)
            )),
        }
    }

    /// Arming a timer and reading the time.
    fn time_local(&mut self, pid: Pid, op: &TimeOp) -> Eval<()> {
        match op {
            TimeOp::Arm { dst, after, period } => {
                let after = self.ticks_in(pid, after)?;
                let period = match period {
                    Some(p) => {
                        let p = self.ticks_in(pid, p)?;
                        if p <= 0 {
                            return crash("non-positive interval for NewTicker");
                        }
                        Some(p as u64)
                    }
                    None => None,
                };
                let name = self.slot_name(pid, *dst);
                let c = self.new_chan(&name, Some(1), Value::Unit);
                let due = self.now.saturating_add(u64::try_from(after).unwrap_or(0));
                self.clock_timers.insert(
                    c,
                    ClockTimer {
                        due: Some(due),
                        period,
                    },
                );
                self.set_local(pid, *dst, Value::Chan(c));
            }
            TimeOp::Now { dst } => {
                let now = i64::try_from(self.now).unwrap_or(i64::MAX);
                self.set_local(pid, *dst, Value::Int(now));
            }
            TimeOp::Stop { .. } => {}
        }
        Ok(())
    }

    /// A clock instruction's step.
    pub(crate) fn time_step(&mut self, pid: Pid, op: &TimeOp, _span: Span) -> Eval<Flow> {
        let TimeOp::Stop { dst, timer } = op else {
            self.time_local(pid, op)?;
            return Ok(Flow::Next);
        };
        let v = self.eval_in(pid, timer)?;
        let c = self.chan_of(v)?;
        let Some(t) = self.clock_timers.get_mut(&c) else {
            return crash("Stop called on something that is not a timer");
        };
        let mut was_armed = t.due.is_some();
        t.due = None;
        t.period = None;
        // Go's timer channels are synchronous (Go 1.23): a firing nobody received has not
        // happened yet, so Stop reports the timer as stopped in time, and no stale tick is
        // received after it.
        if let Some(ch) = self.chans.get_mut(c.index()) {
            was_armed |= !ch.buf.is_empty();
            ch.buf.clear();
        }
        self.refresh_chan(c, None);
        if let Some(d) = dst {
            self.set_local(pid, *d, Value::Bool(was_armed));
        }
        Ok(Flow::Next)
    }

    /// Fires every timer that is due now: the time goes into its channel (a ticker whose
    /// previous tick is still there drops this one), and a ticker re-arms.
    pub(crate) fn fire_clock_timers(&mut self) {
        if self.clock_timers.is_empty() {
            return;
        }
        let now = self.now;
        let due: Vec<ChanId> = self
            .clock_timers
            .iter()
            .filter(|(_, t)| t.due.is_some_and(|d| d <= now))
            .map(|(c, _)| *c)
            .collect();
        for c in due {
            let Some(t) = self.clock_timers.get_mut(&c) else {
                continue;
            };
            t.due = t.period.map(|p| {
                let mut next = t.due.unwrap_or(now).saturating_add(p);
                while next <= now {
                    next = next.saturating_add(p);
                }
                next
            });
            let Some(ch) = self.chans.get_mut(c.index()) else {
                continue;
            };
            if ch.has_room() {
                ch.sends += 1;
                ch.buf.push_back(Item {
                    value: Value::Int(i64::try_from(now).unwrap_or(i64::MAX)),
                    clock: Default::default(),
                });
                self.refresh_chan(c, None);
            }
        }
    }

    /// The earliest due time of a timer whose firing would put a value in its channel.
    pub(crate) fn next_clock_timer(&self) -> Option<u64> {
        self.clock_timers
            .iter()
            .filter(|(c, _)| self.chans.get(c.index()).is_some_and(|ch| ch.has_room()))
            .filter_map(|(_, t)| t.due)
            .min()
    }
}
