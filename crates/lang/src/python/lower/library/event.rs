//! `threading.Event`, built from the simulator's primitives the way CPython builds it from a
//! lock and a condition: a lock guarding the event's state, an atomic flag, and a cell holding
//! the channel that waiters block on.
//!
//! `set()` closes the current channel, which wakes every waiter at once (a receive from a
//! closed channel never blocks), and `clear()` puts a fresh channel in the cell, so later
//! waiters block again. `wait(timeout)` waits on that channel or on a timer of the logical
//! clock, whichever is ready first, and returns whether the event was set, as CPython does.
//! The flag is read and written atomically, so `is_set()` from any thread is one visible step
//! and never reported as a data race (CPython's is a read under the GIL).

use super::super::*;
use sim::ir::{AtomicKind, AtomicOp, SelectCase, TimeOp};

/// The parts of the tuple an Event value is, by index.
const LOCK: i64 = 0;
const FLAG: i64 = 1;
const CHAN: i64 = 2;

/// The methods of an Event.
pub(in crate::python::lower) const EVENT_METHODS: &[&str] = &["set", "clear", "is_set", "wait"];

impl FnLower<'_> {
    /// `threading.Event()`: a fresh, unset event.
    pub(in crate::python::lower) fn make_event(
        &mut self,
        e: &Expr,
        args: &[Expr],
        kwargs: &[(Ident, Expr)],
        dest: Dest,
    ) -> Res<IrExpr> {
        self.no_kwargs(kwargs, "threading.Event")?;
        self.arity(e, "threading.Event", args, 0)?;
        let span = e.span;
        let name = dest.name_or("event").to_string();
        let lock = self.cx.temp(&format!("{name}.lock"));
        self.cx.emit(span, Op::MakeLock { dst: lock });
        let flag = self.cx.temp(&format!("{name}.flag"));
        self.cx.emit(
            span,
            Op::MakeCell {
                dst: flag,
                init: IrExpr::Const(Value::Bool(false)),
            },
        );
        let chan = self.fresh_chan(&name, span);
        let cell = self.cx.temp(&format!("{name}.waiters"));
        self.cx.emit(
            span,
            Op::MakeCell {
                dst: cell,
                init: IrExpr::Local(chan),
            },
        );
        let value = IrExpr::Tuple(vec![
            IrExpr::Local(lock),
            IrExpr::Local(flag),
            IrExpr::Local(cell),
        ]);
        match dest.slot {
            Some(l) => {
                self.cx.emit(
                    span,
                    Op::Set {
                        dst: l,
                        expr: value,
                    },
                );
                Ok(IrExpr::Local(l))
            }
            None => Ok(value),
        }
    }

    /// The channel waiters block on until the event is set.
    fn fresh_chan(&mut self, name: &str, span: Span) -> Local {
        let chan = self.cx.temp(&format!("{name}.signal"));
        self.cx.emit(
            span,
            Op::MakeChan {
                dst: chan,
                capacity: None,
                zero: IrExpr::Const(Value::Unit),
            },
        );
        chan
    }

    /// `ev.set()`, `ev.clear()`, `ev.is_set()`, `ev.wait()`, `ev.wait(timeout)`.
    pub(in crate::python::lower) fn event_method(
        &mut self,
        e: &Expr,
        (recv, method): (&Expr, &Ident),
        (args, kwargs): (&[Expr], &[(Ident, Expr)]),
        into: Option<Local>,
    ) -> Res<IrExpr> {
        let span = e.span;
        let m = method.name.as_str();
        let ev = self.expr(recv)?;
        let ev = self.cx.stable(ev, "event", span);
        let part = |i: i64| IrExpr::Index(Box::new(ev.clone()), Box::new(IrExpr::int(i)));
        let flag = Place::Cell(part(FLAG));
        match m {
            "is_set" => {
                self.no_kwargs(kwargs, m)?;
                self.arity(e, m, args, 0)?;
                let dst = into.unwrap_or_else(|| self.cx.temp("is_set"));
                self.atomic(span, Some(dst), flag, AtomicKind::Load);
                Ok(IrExpr::Local(dst))
            }
            "set" | "clear" => {
                self.no_kwargs(kwargs, m)?;
                self.arity(e, m, args, 0)?;
                let setting = m == "set";
                self.cx.emit(span, Op::Acquire { lock: part(LOCK) });
                let was = self.cx.temp("was_set");
                self.atomic(span, Some(was), flag.clone(), AtomicKind::Load);
                let done = self.cx.fb.label();
                // Setting a set event, or clearing a clear one, changes nothing.
                let cond = IrExpr::Local(was);
                self.cx.emit(
                    span,
                    if setting {
                        Op::JumpIf { cond, to: done }
                    } else {
                        Op::JumpUnless { cond, to: done }
                    },
                );
                self.atomic(
                    span,
                    None,
                    flag,
                    AtomicKind::Store(IrExpr::Const(Value::Bool(setting))),
                );
                if setting {
                    let ch = self.cx.temp("signal");
                    self.cx.emit(
                        span,
                        Op::Read {
                            dst: ch,
                            place: Place::Cell(part(CHAN)),
                        },
                    );
                    self.cx.emit(
                        span,
                        Op::Close {
                            chan: IrExpr::Local(ch),
                        },
                    );
                } else {
                    let ch = self.fresh_chan("event", span);
                    self.cx.emit(
                        span,
                        Op::Write {
                            place: Place::Cell(part(CHAN)),
                            value: IrExpr::Local(ch),
                        },
                    );
                }
                self.cx.fb.bind(done);
                self.cx.emit(span, Op::Release { lock: part(LOCK) });
                Ok(IrExpr::Const(Value::Unit))
            }
            "wait" => {
                let timeout = self.timeout_arg(e, args, kwargs, "wait")?;
                self.cx.emit(span, Op::Acquire { lock: part(LOCK) });
                let ch = self.cx.temp("signal");
                self.cx.emit(
                    span,
                    Op::Read {
                        dst: ch,
                        place: Place::Cell(part(CHAN)),
                    },
                );
                self.cx.emit(span, Op::Release { lock: part(LOCK) });
                let dst = into.unwrap_or_else(|| self.cx.temp("was_set"));
                match timeout {
                    None => {
                        self.cx.emit(
                            span,
                            Op::ChanRecv {
                                chan: IrExpr::Local(ch),
                                dst: None,
                                ok: None,
                            },
                        );
                        self.cx.emit(
                            span,
                            Op::Set {
                                dst,
                                expr: IrExpr::Const(Value::Bool(true)),
                            },
                        );
                    }
                    Some(ticks) => {
                        let timer = self.cx.temp("timer");
                        self.cx.emit(
                            span,
                            Op::Time(TimeOp::Arm {
                                dst: timer,
                                after: ticks,
                                period: None,
                            }),
                        );
                        let signalled = self.cx.fb.label();
                        let timed_out = self.cx.fb.label();
                        let end = self.cx.fb.label();
                        self.cx.emit(
                            span,
                            Op::Select {
                                cases: vec![
                                    SelectCase::Recv {
                                        chan: IrExpr::Local(ch),
                                        dst: None,
                                        ok: None,
                                        to: signalled,
                                    },
                                    SelectCase::Recv {
                                        chan: IrExpr::Local(timer),
                                        dst: None,
                                        ok: None,
                                        to: timed_out,
                                    },
                                ],
                                default: None,
                            },
                        );
                        self.cx.fb.bind(signalled);
                        // The timer is no longer wanted: disarm it so it does not move
                        // the clock.
                        self.cx.emit(
                            span,
                            Op::Time(TimeOp::Stop {
                                dst: None,
                                timer: IrExpr::Local(timer),
                            }),
                        );
                        self.cx.emit(
                            span,
                            Op::Set {
                                dst,
                                expr: IrExpr::Const(Value::Bool(true)),
                            },
                        );
                        self.cx.emit(span, Op::Jump { to: end });
                        self.cx.fb.bind(timed_out);
                        self.cx.emit(
                            span,
                            Op::Set {
                                dst,
                                expr: IrExpr::Const(Value::Bool(false)),
                            },
                        );
                        self.cx.fb.bind(end);
                    }
                }
                Ok(IrExpr::Local(dst))
            }
            _ => Err(Diagnostic::new(
                method.span,
                format!("an Event has no method `.{m}()`"),
                "an Event has set, clear, is_set and wait",
            )),
        }
    }

    /// One atomic step on `place`.
    fn atomic(&mut self, span: Span, dst: Option<Local>, place: Place, kind: AtomicKind) {
        self.cx
            .emit(span, Op::Atomic(AtomicOp { dst, place, kind }));
    }

    /// An optional `timeout` (seconds, by position or as `timeout=`), as clock ticks
    /// (milliseconds, as `time.sleep` counts them). `None` means wait for ever.
    pub(in crate::python::lower) fn timeout_arg(
        &mut self,
        e: &Expr,
        args: &[Expr],
        kwargs: &[(Ident, Expr)],
        what: &str,
    ) -> Res<Option<IrExpr>> {
        let given = match (args, kwargs) {
            ([], []) => None,
            ([t], []) => Some(t),
            ([], [(k, t)]) if k.name == "timeout" => Some(t),
            _ => {
                return Err(Diagnostic::new(
                    e.span,
                    format!("`.{what}()` takes at most one argument, `timeout`"),
                    format!("write `.{what}()` or `.{what}(timeout=0.5)`"),
                ))
            }
        };
        match given {
            None
            | Some(Expr {
                kind: ExprKind::None,
                ..
            }) => Ok(None),
            Some(t) => {
                let seconds = self.expr(t)?;
                Ok(Some(IrExpr::Call(Builtin::ToInt, vec![seconds * 1000])))
            }
        }
    }
}
