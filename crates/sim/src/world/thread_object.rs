//! Python thread objects (see [`ThreadOp`]): made locally, started in the one visible step of
//! the spawn, joined through [`World::join_pid`].
//!
//! The object's fields are runtime bookkeeping: they are read and written straight on the
//! heap, never through the shared-memory paths the race and lost-update detectors watch, so
//! a program with thread objects takes exactly the steps it would with bare spawns.

use crate::ir::{
    Callee, Expr, Pid, ProcKind, RecordId, Span, Text, ThreadOp, Value, MAIN_THREAD_TYPE,
    THREAD_TYPE,
};

use super::action::Flow;
use super::eval::{crash, Eval};
use super::World;

/// Field order of a thread object's record.
const TARGET: usize = 0;
const NAME: usize = 1;
const PID: usize = 2;
const LABEL: usize = 3;

impl World {
    /// Runs a local thread-object instruction.
    pub(crate) fn thread_local(&mut self, pid: Pid, op: &ThreadOp) -> Eval<()> {
        match op {
            ThreadOp::Make {
                dst,
                target,
                target_name,
                name,
                daemon,
            } => {
                let target = self.eval_in(pid, target)?;
                let given = match name {
                    Some(e) => Some(self.eval_in(pid, e)?.show(self.program.style)),
                    None => None,
                };
                let shown = match &given {
                    Some(name) => name.clone(),
                    None => {
                        // CPython numbers only the threads it names itself.
                        self.mem.unnamed_threads += 1;
                        format!("Thread-{} ({target_name})", self.mem.unnamed_threads)
                    }
                };
                let slot = self.slot_name(pid, *dst);
                let label = given.as_deref().map_or(Value::Unit, Value::str);
                let r = self.alloc_record(
                    &slot,
                    THREAD_TYPE,
                    vec![
                        (Text::new("target"), target),
                        (Text::new("name"), Value::str(&shown)),
                        (Text::new("pid"), Value::Unit),
                        (Text::new("label"), label),
                        (Text::new("daemon"), Value::Bool(*daemon)),
                    ],
                );
                self.set_local(pid, *dst, Value::Record(r));
            }
            ThreadOp::Name { dst, thread } => {
                let r = self.thread_record(pid, thread)?;
                let name = self.thread_field(r, NAME);
                self.set_local(pid, *dst, name);
            }
            ThreadOp::Current { dst } => {
                let r = self.current_thread(pid);
                self.set_local(pid, *dst, Value::Record(r));
            }
            ThreadOp::Start { .. } | ThreadOp::Alive { .. } => {}
        }
        Ok(())
    }

    /// Runs a visible thread-object instruction.
    pub(crate) fn thread_step(&mut self, pid: Pid, op: &ThreadOp, span: Span) -> Eval<Flow> {
        match op {
            ThreadOp::Start { thread } => {
                let r = self.thread_record(pid, thread)?;
                if self.thread_field(r, PID) != Value::Unit {
                    return crash("RuntimeError: threads can only be started once");
                }
                let target = self.thread_field(r, TARGET);
                let label = match self.thread_field(r, LABEL) {
                    Value::Str(s) => Some(s.to_string()),
                    _ => None,
                };
                // The new thread runs its leading local code inside the spawn, where it may
                // already ask for `current_thread()`: the object names its pid first.
                let next = Pid(self.procs.len() as u32);
                self.set_thread_field(r, PID, Value::Pid(next));
                let child = self.spawn_child(
                    pid,
                    ProcKind::Thread,
                    &Callee::Value(Expr::Const(target)),
                    &[],
                    label.as_deref(),
                    span,
                )?;
                self.set_thread_field(r, PID, Value::Pid(child));
                Ok(Flow::Next)
            }
            ThreadOp::Alive { dst, thread } => {
                let r = self.thread_record(pid, thread)?;
                let alive = match self.thread_field(r, PID) {
                    Value::Pid(t) => self
                        .procs
                        .get(t.index())
                        .is_some_and(|p| !p.status.is_ended()),
                    _ => false,
                };
                self.set_local(pid, *dst, Value::Bool(alive));
                Ok(Flow::Next)
            }
            other => {
                self.thread_local(pid, other)?;
                Ok(Flow::Next)
            }
        }
    }

    /// What `join` waits for: a thread object's process, or the value itself when it is no
    /// thread object. Joining a thread object that was never started is CPython's
    /// `RuntimeError`.
    pub(crate) fn join_pid(&self, v: Value) -> Eval<Value> {
        match v {
            Value::Record(r) if self.is_thread_object(r) => match self.thread_field(r, PID) {
                Value::Unit => crash("RuntimeError: cannot join thread before it is started"),
                p => Ok(p),
            },
            other => Ok(other),
        }
    }

    fn is_thread_object(&self, r: RecordId) -> bool {
        self.mem
            .records
            .get(r.index())
            .is_some_and(|rec| matches!(rec.type_name.as_str(), THREAD_TYPE | MAIN_THREAD_TYPE))
    }

    fn thread_record(&self, pid: Pid, e: &Expr) -> Eval<RecordId> {
        match self.eval_in(pid, e)? {
            Value::Record(r) if self.is_thread_object(r) => Ok(r),
            other => crash(format!(
                "AttributeError: {} is not a thread",
                other.repr(self.program.style)
            )),
        }
    }

    fn thread_field(&self, r: RecordId, field: usize) -> Value {
        self.mem
            .records
            .get(r.index())
            .and_then(|rec| rec.values.get(field))
            .cloned()
            .unwrap_or_default()
    }

    fn set_thread_field(&mut self, r: RecordId, field: usize, v: Value) {
        if let Some(slot) = self
            .mem
            .records
            .get_mut(r.index())
            .and_then(|rec| rec.values.get_mut(field))
        {
            *slot = v;
        }
    }

    /// The object of the thread `pid` runs: the one it was started from, or, for a thread
    /// not started from an object (the main thread), one made on first use and named as
    /// CPython names the main thread.
    fn current_thread(&mut self, pid: Pid) -> RecordId {
        let found = self.mem.records.iter().position(|rec| {
            matches!(rec.type_name.as_str(), THREAD_TYPE | MAIN_THREAD_TYPE)
                && rec.values.get(PID) == Some(&Value::Pid(pid))
        });
        if let Some(i) = found {
            return RecordId(i as u32);
        }
        let name = if pid.index() == 0 {
            "MainThread".to_string()
        } else {
            self.process_name(pid).to_string()
        };
        self.alloc_record(
            "current_thread",
            MAIN_THREAD_TYPE,
            vec![
                (Text::new("target"), Value::Unit),
                (Text::new("name"), Value::str(&name)),
                (Text::new("pid"), Value::Pid(pid)),
                (Text::new("label"), Value::Unit),
                (Text::new("daemon"), Value::Bool(false)),
            ],
        )
    }
}
