//! `sync/atomic` operations: one visible step each that reads and/or writes a shared
//! location without ever being reported as a race, and orders memory through the location's
//! clock (see `detect/atomic_sync.rs`).

use crate::ir::{AtomicKind, AtomicOp, Pid, Span, Value};
use crate::trace::{EventKind, WriteEvent};

use super::action::Flow;
use super::eval::{crash, Eval};
use super::World;

impl World {
    /// Performs an atomic operation.
    pub(crate) fn atomic_step(&mut self, pid: Pid, op: &AtomicOp, span: Span) -> Eval<Flow> {
        let loc = self.location(pid, &op.place)?;
        let old = self.mem.load(loc).unwrap_or_default();
        let style = self.program.style;
        let (new, result) = match &op.kind {
            AtomicKind::Load => (None, old.clone()),
            AtomicKind::Store(e) => (Some(self.eval_in(pid, e)?), Value::Unit),
            AtomicKind::Swap(e) => (Some(self.eval_in(pid, e)?), old.clone()),
            AtomicKind::Add(e) => {
                let d = self.eval_in(pid, e)?;
                let sum = match (&old, &d) {
                    (Value::Int(a), Value::Int(b)) => Value::Int(a.wrapping_add(*b)),
                    _ => {
                        return crash(format!(
                            "atomic add needs integers, got {} and {}",
                            old.repr(style),
                            d.repr(style)
                        ))
                    }
                };
                (Some(sum.clone()), sum)
            }
            AtomicKind::CompareAndSwap(want, new) => {
                let want = self.eval_in(pid, want)?;
                let new = self.eval_in(pid, new)?;
                if old == want {
                    (Some(new), Value::Bool(true))
                } else {
                    (None, Value::Bool(false))
                }
            }
        };
        self.races.atomic(pid, loc);
        match new {
            Some(value) => {
                let old = self.mem.store(loc, value.clone());
                self.emit(
                    pid,
                    span,
                    EventKind::Write(Box::new(WriteEvent {
                        loc,
                        value,
                        old,
                        lost: None,
                    })),
                );
                if let Some(d) = op.dst {
                    self.set_local(pid, d, result);
                }
            }
            None => {
                if let Some(d) = op.dst {
                    let into = Some(self.local_ref(pid, d));
                    self.set_local(pid, d, result);
                    self.emit(
                        pid,
                        span,
                        EventKind::Read {
                            loc,
                            value: old,
                            into,
                            found: None,
                        },
                    );
                }
            }
        }
        Ok(Flow::Next)
    }
}
