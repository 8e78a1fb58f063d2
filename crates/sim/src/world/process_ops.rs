//! The visible actions of [`ProcOp`]: spawning with a link or monitor, names, links,
//! monitors, the exit-trapping flag and `exit/2`.

use crate::ir::{Pid, ProcOp, Span, Value};
use crate::trace::EventKind;

use super::action::Flow;
use super::eval::{error, Eval};
use super::World;

impl World {
    fn pid_arg(&self, v: Value, what: &str) -> Eval<Pid> {
        match v {
            Value::Pid(p) => Ok(p),
            other => error(
                Value::atom("badarg"),
                format!(
                    "bad argument: {what} needs a pid, got {}",
                    other.repr(self.program.style)
                ),
            ),
        }
    }

    fn alive(&self, pid: Pid) -> bool {
        self.process(pid).is_some_and(|p| !p.status.is_ended())
    }

    pub(crate) fn act_proc(&mut self, pid: Pid, op: &ProcOp, span: Span) -> Eval<Flow> {
        match op {
            ProcOp::SpawnWith {
                dst,
                kind,
                callee,
                args,
                name,
                link,
                monitor,
            } => {
                let child = self.spawn_child(pid, *kind, callee, args, name.as_deref(), span)?;
                if *link {
                    self.add_link(pid, child, span);
                }
                if let Some(m) = monitor {
                    let r = self.add_monitor(pid, child, span);
                    self.set_local(pid, *m, Value::Ref(r));
                }
                if let Some(d) = dst {
                    self.set_local(pid, *d, Value::Pid(child));
                }
                Ok(Flow::Next)
            }
            ProcOp::Register { name, pid: target } => {
                let name = self.eval_in(pid, name)?;
                let target = self.eval_in(pid, target)?;
                self.register_name(pid, name, target, span)?;
                Ok(Flow::Next)
            }
            ProcOp::Unregister { name } => {
                let name = self.eval_in(pid, name)?;
                self.unregister_name(pid, name, span)?;
                Ok(Flow::Next)
            }
            ProcOp::WhereIs { dst, name } => {
                let found = match self.eval_in(pid, name)? {
                    Value::Atom(n) => self.whereis(&n),
                    other => {
                        return error(
                            Value::atom("badarg"),
                            format!(
                                "bad argument: whereis needs an atom, got {}",
                                other.repr(self.program.style)
                            ),
                        )
                    }
                };
                let v = found.map_or_else(|| Value::atom("undefined"), Value::Pid);
                self.set_local(pid, *dst, v);
                Ok(Flow::Next)
            }
            ProcOp::Registered { dst } => {
                let names: Vec<Value> = self
                    .registered_names()
                    .into_iter()
                    .map(|(n, _)| Value::Atom(n))
                    .collect();
                self.set_local(pid, *dst, Value::list(names));
                Ok(Flow::Next)
            }
            ProcOp::Link { pid: other } => {
                let v = self.eval_in(pid, other)?;
                let other = self.pid_arg(v, "link")?;
                if other == pid {
                    return Ok(Flow::Next);
                }
                if self.alive(other) {
                    self.add_link(pid, other, span);
                    return Ok(Flow::Next);
                }
                let trapping = self.process(pid).is_some_and(|p| p.trap_exit);
                if !trapping {
                    return error(
                        Value::atom("noproc"),
                        format!(
                            "no such process: cannot link to {}",
                            Value::Pid(other).repr(self.program.style)
                        ),
                    );
                }
                self.send_signal(
                    other,
                    pid,
                    super::links::Signal::Exit { link: true },
                    Value::atom("noproc"),
                    span,
                );
                Ok(Flow::Next)
            }
            ProcOp::Unlink { pid: other } => {
                let v = self.eval_in(pid, other)?;
                let other = self.pid_arg(v, "unlink")?;
                self.remove_link(pid, other, span);
                Ok(Flow::Next)
            }
            ProcOp::Monitor { dst, pid: target } => {
                let v = self.eval_in(pid, target)?;
                // Erlang: `monitor(process, Name)` watches whoever holds the name now; its
                // `DOWN` names `{Name, Node}` (at once, with `noproc`, when nobody does).
                let r = match v {
                    Value::Atom(name) => self.add_named_monitor(pid, name, span),
                    v => {
                        let target = self.pid_arg(v, "monitor")?;
                        self.add_monitor(pid, target, span)
                    }
                };
                self.set_local(pid, *dst, Value::Ref(r));
                Ok(Flow::Next)
            }
            ProcOp::Demonitor { reference, flush } => match self.eval_in(pid, reference)? {
                Value::Ref(r) => {
                    self.remove_monitor(pid, r, *flush, span);
                    Ok(Flow::Next)
                }
                other => error(
                    Value::atom("badarg"),
                    format!(
                        "bad argument: demonitor needs a reference, got {}",
                        other.repr(self.program.style)
                    ),
                ),
            },
            ProcOp::TrapExit { dst, value } => {
                let on = match self.eval_in(pid, value)? {
                    Value::Bool(b) => b,
                    other => {
                        return error(
                            Value::atom("badarg"),
                            format!(
                                "bad argument: trap_exit must be true or false, got {}",
                                other.repr(self.program.style)
                            ),
                        )
                    }
                };
                let old = self
                    .procs
                    .get_mut(pid.index())
                    .is_some_and(|p| std::mem::replace(&mut p.trap_exit, on));
                if let Some(d) = dst {
                    self.set_local(pid, *d, Value::Bool(old));
                }
                self.emit(pid, span, EventKind::TrapExit { on });
                Ok(Flow::Next)
            }
            ProcOp::SendExit { to, reason } => {
                let v = self.eval_in(pid, to)?;
                let to = self.pid_arg(v, "exit/2")?;
                let reason = self.eval_in(pid, reason)?;
                if to == pid {
                    return Ok(match self.signal_self(pid, reason, span) {
                        Some(r) => Flow::Die(r),
                        None => Flow::Next,
                    });
                }
                self.send_signal(
                    pid,
                    to,
                    super::links::Signal::Exit { link: false },
                    reason,
                    span,
                );
                Ok(Flow::Next)
            }
            ProcOp::IsAlive { dst, pid: target } => {
                let v = self.eval_in(pid, target)?;
                let target = self.pid_arg(v, "is_process_alive")?;
                let alive = self.alive(target);
                self.set_local(pid, *dst, Value::Bool(alive));
                Ok(Flow::Next)
            }
        }
    }
}
