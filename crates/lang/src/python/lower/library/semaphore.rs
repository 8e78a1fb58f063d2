//! `threading.Semaphore` and `threading.BoundedSemaphore`, built from a channel of tokens.
//!
//! A semaphore with value `n` is a channel holding `n` tokens: `acquire()` receives one
//! (blocking while none is left, as CPython's does while the counter is zero) and `release()`
//! puts one back. A plain `Semaphore`'s channel is unbounded, so `release()` may raise the
//! value above its start, as CPython allows; a `BoundedSemaphore`'s channel has room for
//! exactly `n`, and a `release()` that finds it full raises CPython's `ValueError`. Every
//! acquire and release is a channel step the scheduler sees.

use super::super::*;
use sim::ir::{SelectCase, TimeOp};

/// The methods of a semaphore.
pub(in crate::python::lower) const SEMAPHORE_METHODS: &[&str] = &["acquire", "release"];

impl FnLower<'_> {
    /// `threading.Semaphore(value=1)` or `threading.BoundedSemaphore(value=1)`.
    pub(in crate::python::lower) fn make_semaphore(
        &mut self,
        e: &Expr,
        (args, kwargs): (&[Expr], &[(Ident, Expr)]),
        bounded: bool,
        dest: Dest,
    ) -> Res<IrExpr> {
        let what = if bounded {
            "threading.BoundedSemaphore"
        } else {
            "threading.Semaphore"
        };
        let value = match (args, kwargs) {
            ([], []) => None,
            ([v], []) => Some(v),
            ([], [(k, v)]) if k.name == "value" => Some(v),
            _ => {
                return Err(Diagnostic::new(
                    e.span,
                    format!("`{what}` takes at most one argument, `value`"),
                    format!("write `{what}(2)`"),
                ))
            }
        };
        if let Some(Expr {
            kind: ExprKind::Int(n),
            span,
            ..
        }) = value
        {
            if *n < 0 {
                return Err(Diagnostic::new(
                    *span,
                    "a semaphore's initial value must be >= 0",
                    "CPython raises ValueError here: start it at 0 or more",
                ));
            }
        }
        let span = e.span;
        let n = match value {
            Some(v) => self.expr(v)?,
            None => IrExpr::int(1),
        };
        let n = self.cx.stable(n, "value", span);
        let name = dest.name_or("semaphore").to_string();
        let capacity = bounded.then(|| n.clone());
        let chan = self.new_chan(&format!("{name}.tokens"), capacity, span);
        self.repeat(span, n, |me| {
            me.cx.emit(
                span,
                Op::ChanSend {
                    chan: IrExpr::Local(chan),
                    value: IrExpr::Const(Value::Unit),
                },
            );
        });
        Ok(self.deliver(span, dest.slot, IrExpr::Local(chan)))
    }

    /// `sem.acquire()`, `sem.acquire(blocking=False)`, `sem.acquire(timeout=…)`, `sem.release()`.
    pub(in crate::python::lower) fn semaphore_method(
        &mut self,
        e: &Expr,
        (recv, method): (&Expr, &Ident),
        (args, kwargs): (&[Expr], &[(Ident, Expr)]),
        bounded: bool,
        into: Option<Local>,
    ) -> Res<IrExpr> {
        let span = e.span;
        let m = method.name.as_str();
        let sem = self.expr(recv)?;
        let sem = self.cx.stable(sem, "semaphore", span);
        if m == "release" {
            self.no_kwargs(kwargs, m)?;
            self.arity(e, m, args, 0)?;
            self.semaphore_release(span, sem, bounded);
            return Ok(IrExpr::Const(Value::Unit));
        }
        let mut blocking = true;
        let mut timeout = None;
        for (k, v) in kwargs {
            match (k.name.as_str(), &v.kind) {
                ("blocking", ExprKind::Bool(b)) => blocking = *b,
                ("timeout", ExprKind::None) => {}
                ("timeout", _) => timeout = Some(v),
                _ => {
                    return Err(Diagnostic::new(
                        k.span,
                        format!("`.acquire()` takes no keyword argument `{}` here", k.name),
                        "write `.acquire()`, `.acquire(blocking=False)` or `.acquire(timeout=0.5)`",
                    ))
                }
            }
        }
        if let Some(a) = args.first() {
            return Err(Diagnostic::new(
                a.span,
                "pass `.acquire()`'s options by keyword",
                "write `.acquire(blocking=False)` or `.acquire(timeout=0.5)`",
            ));
        }
        let dst = into.unwrap_or_else(|| self.cx.temp("acquired"));
        if blocking && timeout.is_none() {
            self.cx.emit(
                span,
                Op::ChanRecv {
                    chan: sem,
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
            return Ok(IrExpr::Local(dst));
        }
        let got = self.cx.fb.label();
        let missed = self.cx.fb.label();
        let end = self.cx.fb.label();
        let mut cases = vec![SelectCase::Recv {
            chan: sem,
            dst: None,
            ok: None,
            to: got,
        }];
        let mut timer = None;
        let default = match (blocking, timeout) {
            (true, Some(t)) => {
                let seconds = self.expr(t)?;
                let ticks = IrExpr::Call(Builtin::ToInt, vec![seconds * 1000]);
                let tm = self.cx.temp("timer");
                self.cx.emit(
                    span,
                    Op::Time(TimeOp::Arm {
                        dst: tm,
                        after: ticks,
                        period: None,
                    }),
                );
                cases.push(SelectCase::Recv {
                    chan: IrExpr::Local(tm),
                    dst: None,
                    ok: None,
                    to: missed,
                });
                timer = Some(tm);
                None
            }
            // Not blocking: a token now or nothing (a timeout does not matter then).
            _ => Some(missed),
        };
        self.cx.emit(span, Op::Select { cases, default });
        self.cx.fb.bind(got);
        if let Some(tm) = timer {
            // Disarm the timer so it does not move the clock.
            self.cx.emit(
                span,
                Op::Time(TimeOp::Stop {
                    dst: None,
                    timer: IrExpr::Local(tm),
                }),
            );
        }
        self.cx.emit(
            span,
            Op::Set {
                dst,
                expr: IrExpr::Const(Value::Bool(true)),
            },
        );
        self.cx.emit(span, Op::Jump { to: end });
        self.cx.fb.bind(missed);
        self.cx.emit(
            span,
            Op::Set {
                dst,
                expr: IrExpr::Const(Value::Bool(false)),
            },
        );
        self.cx.fb.bind(end);
        Ok(IrExpr::Local(dst))
    }

    /// Puts a token back; a bounded semaphore that is already full raises `ValueError`.
    pub(in crate::python::lower) fn semaphore_release(
        &mut self,
        span: Span,
        sem: IrExpr,
        bounded: bool,
    ) {
        let token = IrExpr::Const(Value::Unit);
        if !bounded {
            self.cx.emit(
                span,
                Op::ChanSend {
                    chan: sem,
                    value: token,
                },
            );
            return;
        }
        let done = self.cx.fb.label();
        let full = self.cx.fb.label();
        self.cx.emit(
            span,
            Op::Select {
                cases: vec![SelectCase::Send {
                    chan: sem,
                    value: token,
                    to: done,
                }],
                default: Some(full),
            },
        );
        self.cx.fb.bind(full);
        self.raise(span, "ValueError", "Semaphore released too many times");
        self.cx.fb.bind(done);
    }
}
