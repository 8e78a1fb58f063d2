//! `threading.Condition`, built as CPython builds it: a lock, and a list of waiters, each
//! waiting on a private one-slot channel.
//!
//! `wait()` adds a fresh channel to the list (under the condition's lock, which the caller
//! holds), releases the lock, receives from its channel, and takes the lock again.
//! `notify(n)` takes the first `n` waiters off the list and sends each a token; `notify_all()`
//! takes them all. The list lives in a cell, so each look at it is a step the scheduler and
//! the race detector see, protected by the lock as in CPython.

use super::super::*;

/// The parts of the tuple a Condition value is, by index.
const LOCK: i64 = 0;
const WAITERS: i64 = 1;

impl FnLower<'_> {
    /// `threading.Condition()` or `threading.Condition(lock)`.
    pub(in crate::python::lower) fn make_condition(
        &mut self,
        e: &Expr,
        (args, kwargs): (&[Expr], &[(Ident, Expr)]),
        dest: Dest,
    ) -> Res<IrExpr> {
        let span = e.span;
        let given = match (args, kwargs) {
            ([], []) => None,
            ([l], []) => Some(l),
            ([], [(k, l)]) if k.name == "lock" => Some(l),
            _ => {
                return Err(Diagnostic::new(
                    span,
                    "`threading.Condition` takes at most one argument, `lock`",
                    "write `threading.Condition()` or `threading.Condition(lock)`",
                ))
            }
        };
        let name = dest.name_or("condition").to_string();
        let lock = match given {
            Some(l) => {
                let kind = self.kind_of(l);
                if !matches!(kind, Kind::Lock | Kind::Unknown) {
                    return Err(Diagnostic::new(
                        l.span,
                        format!("a Condition needs a lock, but this is {}", kind.describe()),
                        "write `threading.Condition(threading.Lock())` or leave it out",
                    ));
                }
                let v = self.expr(l)?;
                self.cx.stable(v, "lock", span)
            }
            None => {
                let l = self.cx.temp(&format!("{name}.lock"));
                self.cx.emit(span, Op::MakeLock { dst: l });
                IrExpr::Local(l)
            }
        };
        let cell = self.cx.temp(&format!("{name}.waiters"));
        self.cx.emit(
            span,
            Op::MakeCell {
                dst: cell,
                init: IrExpr::List(Vec::new()),
            },
        );
        let value = IrExpr::Tuple(vec![lock, IrExpr::Local(cell)]);
        Ok(self.deliver(span, dest.slot, value))
    }

    /// The lock of a Condition value (for `with cond:`).
    pub(in crate::python::lower) fn condition_lock(cond: &IrExpr) -> IrExpr {
        IrExpr::Index(Box::new(cond.clone()), Box::new(IrExpr::int(LOCK)))
    }

    /// `cond.acquire()`, `.release()`, `.wait()`, `.notify(n=1)`, `.notify_all()`.
    pub(in crate::python::lower) fn condition_method(
        &mut self,
        e: &Expr,
        (recv, method): (&Expr, &Ident),
        (args, kwargs): (&[Expr], &[(Ident, Expr)]),
        into: Option<Local>,
    ) -> Res<IrExpr> {
        let span = e.span;
        let m = method.name.as_str();
        let cond = self.expr(recv)?;
        let cond = self.cx.stable(cond, "condition", span);
        let lock = Self::condition_lock(&cond);
        let waiters = Place::Cell(IrExpr::Index(
            Box::new(cond.clone()),
            Box::new(IrExpr::int(WAITERS)),
        ));
        match m {
            "acquire" | "release" => {
                self.no_kwargs(kwargs, m)?;
                self.arity(e, m, args, 0)?;
                let op = if m == "acquire" {
                    Op::Acquire { lock }
                } else {
                    Op::Release { lock }
                };
                self.cx.emit(span, op);
                Ok(IrExpr::Const(Value::Bool(true)))
            }
            "wait" => {
                self.no_kwargs(kwargs, m)?;
                if let Some(a) = args.first() {
                    return Err(Diagnostic::new(
                        a.span,
                        "`Condition.wait()` with a timeout is not part of the Python lesson dialect",
                        "write `cond.wait()` inside a `while` loop that checks the condition",
                    ));
                }
                let mine = self.new_chan("wakeup", Some(IrExpr::int(1)), span);
                let list = self.cx.temp("waiters");
                self.cx.emit(
                    span,
                    Op::Read {
                        dst: list,
                        place: waiters.clone(),
                    },
                );
                self.cx.emit(
                    span,
                    Op::Write {
                        place: waiters,
                        value: IrExpr::Local(list)
                            .bin(ir::BinOp::Add, IrExpr::List(vec![IrExpr::Local(mine)])),
                    },
                );
                self.cx.emit(span, Op::Release { lock: lock.clone() });
                self.cx.emit(
                    span,
                    Op::ChanRecv {
                        chan: IrExpr::Local(mine),
                        dst: None,
                        ok: None,
                    },
                );
                self.cx.emit(span, Op::Acquire { lock });
                Ok(self.deliver(span, into, IrExpr::Const(Value::Bool(true))))
            }
            "notify" | "notify_all" => {
                let n = if m == "notify_all" {
                    self.no_kwargs(kwargs, m)?;
                    self.arity(e, m, args, 0)?;
                    None
                } else {
                    match (args, kwargs) {
                        ([], []) => Some(IrExpr::int(1)),
                        ([n], []) => Some(self.expr(n)?),
                        ([], [(k, n)]) if k.name == "n" => Some(self.expr(n)?),
                        _ => {
                            return Err(Diagnostic::new(
                                span,
                                "`.notify()` takes at most one argument, `n`",
                                "write `cond.notify()` or `cond.notify(2)`",
                            ))
                        }
                    }
                };
                let list = self.cx.temp("waiters");
                self.cx.emit(
                    span,
                    Op::Read {
                        dst: list,
                        place: waiters.clone(),
                    },
                );
                // Wake at most `n` waiters, first come first served; all of them for
                // `notify_all()`.
                let count = match n {
                    Some(n) => IrExpr::Call(
                        Builtin::Min,
                        vec![n, IrExpr::Call(Builtin::Len, vec![IrExpr::Local(list)])],
                    ),
                    None => IrExpr::Call(Builtin::Len, vec![IrExpr::Local(list)]),
                };
                let rest = self.cx.temp("rest");
                self.cx.emit(
                    span,
                    Op::Set {
                        dst: rest,
                        expr: IrExpr::Local(list),
                    },
                );
                self.repeat(span, count, |me| {
                    me.cx.emit(
                        span,
                        Op::ChanSend {
                            chan: IrExpr::Call(Builtin::Hd, vec![IrExpr::Local(rest)]),
                            value: IrExpr::Const(Value::Unit),
                        },
                    );
                    me.cx.emit(
                        span,
                        Op::Set {
                            dst: rest,
                            expr: IrExpr::Call(Builtin::Tl, vec![IrExpr::Local(rest)]),
                        },
                    );
                });
                self.cx.emit(
                    span,
                    Op::Write {
                        place: waiters,
                        value: IrExpr::Local(rest),
                    },
                );
                Ok(IrExpr::Const(Value::Unit))
            }
            _ => Err(Diagnostic::new(
                method.span,
                format!("a Condition has no method `.{m}()` in the lesson dialect"),
                "a Condition has acquire, release, wait, notify and notify_all",
            )),
        }
    }
}
