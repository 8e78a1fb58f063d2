//! `threading.Barrier(parties)`, built from a lock, a count of arrivals and a gate channel.
//!
//! `wait()` counts its arrival under the lock; the last of `parties` to arrive closes the
//! gate (which releases everyone blocked on it at once), puts a fresh gate in place for the
//! next round and resets the count, so the barrier can be used again, as CPython's can.
//! Like CPython's, `wait()` returns the arrival index, from 0 to `parties - 1`.

use super::super::*;

/// The parts of the tuple a Barrier value is, by index.
const LOCK: i64 = 0;
const COUNT: i64 = 1;
const GATE: i64 = 2;
const PARTIES: i64 = 3;

impl FnLower<'_> {
    /// `threading.Barrier(parties)`.
    pub(in crate::python::lower) fn make_barrier(
        &mut self,
        e: &Expr,
        (args, kwargs): (&[Expr], &[(Ident, Expr)]),
        dest: Dest,
    ) -> Res<IrExpr> {
        let span = e.span;
        let parties = match (args, kwargs) {
            ([p], []) => p,
            ([], [(k, p)]) if k.name == "parties" => p,
            _ => {
                return Err(Diagnostic::new(
                    span,
                    "`threading.Barrier` takes one argument, the number of parties",
                    "write `threading.Barrier(3)`; `action=` and `timeout=` are not part of the lesson dialect",
                ))
            }
        };
        let parties = self.expr(parties)?;
        let name = dest.name_or("barrier").to_string();
        let lock = self.cx.temp(&format!("{name}.lock"));
        self.cx.emit(span, Op::MakeLock { dst: lock });
        let count = self.cx.temp(&format!("{name}.count"));
        self.cx.emit(
            span,
            Op::MakeCell {
                dst: count,
                init: IrExpr::int(0),
            },
        );
        let gate = self.new_chan(&format!("{name}.gate"), None, span);
        let cell = self.cx.temp(&format!("{name}.gate_cell"));
        self.cx.emit(
            span,
            Op::MakeCell {
                dst: cell,
                init: IrExpr::Local(gate),
            },
        );
        let value = IrExpr::Tuple(vec![
            IrExpr::Local(lock),
            IrExpr::Local(count),
            IrExpr::Local(cell),
            parties,
        ]);
        Ok(self.deliver(span, dest.slot, value))
    }

    /// `barrier.parties`: fixed when it was made, so no step.
    pub(in crate::python::lower) fn barrier_parties(&mut self, barrier: IrExpr) -> IrExpr {
        IrExpr::Index(Box::new(barrier), Box::new(IrExpr::int(PARTIES)))
    }

    /// `barrier.wait()`.
    pub(in crate::python::lower) fn barrier_method(
        &mut self,
        e: &Expr,
        (recv, method): (&Expr, &Ident),
        (args, kwargs): (&[Expr], &[(Ident, Expr)]),
        into: Option<Local>,
    ) -> Res<IrExpr> {
        let span = e.span;
        let m = method.name.as_str();
        if m != "wait" {
            return Err(Diagnostic::new(
                method.span,
                format!("a Barrier has no method `.{m}()` in the lesson dialect"),
                "a Barrier has wait() and the attribute parties",
            ));
        }
        self.no_kwargs(kwargs, m)?;
        if let Some(a) = args.first() {
            return Err(Diagnostic::new(
                a.span,
                "`Barrier.wait()` with a timeout is not part of the Python lesson dialect",
                "write `barrier.wait()`",
            ));
        }
        let b = self.expr(recv)?;
        let b = self.cx.stable(b, "barrier", span);
        let part = |i: i64| IrExpr::Index(Box::new(b.clone()), Box::new(IrExpr::int(i)));
        self.cx.emit(span, Op::Acquire { lock: part(LOCK) });
        let index = into.unwrap_or_else(|| self.cx.temp("index"));
        self.cx.emit(
            span,
            Op::Read {
                dst: index,
                place: Place::Cell(part(COUNT)),
            },
        );
        let gate = self.cx.temp("gate");
        self.cx.emit(
            span,
            Op::Read {
                dst: gate,
                place: Place::Cell(part(GATE)),
            },
        );
        let last = self.cx.fb.label();
        let end = self.cx.fb.label();
        self.cx.emit(
            span,
            Op::JumpIf {
                cond: (IrExpr::Local(index) + 1).bin(ir::BinOp::Eq, part(PARTIES)),
                to: last,
            },
        );
        // Not the last: count in, let go of the lock and wait at the gate.
        self.cx.emit(
            span,
            Op::Write {
                place: Place::Cell(part(COUNT)),
                value: IrExpr::Local(index) + 1,
            },
        );
        self.cx.emit(span, Op::Release { lock: part(LOCK) });
        self.cx.emit(
            span,
            Op::ChanRecv {
                chan: IrExpr::Local(gate),
                dst: None,
                ok: None,
            },
        );
        self.cx.emit(span, Op::Jump { to: end });
        // The last: open the gate for this round and set up the next.
        self.cx.fb.bind(last);
        self.cx.emit(
            span,
            Op::Close {
                chan: IrExpr::Local(gate),
            },
        );
        let fresh = self.new_chan("gate", None, span);
        self.cx.emit(
            span,
            Op::Write {
                place: Place::Cell(part(GATE)),
                value: IrExpr::Local(fresh),
            },
        );
        self.cx.emit(
            span,
            Op::Write {
                place: Place::Cell(part(COUNT)),
                value: IrExpr::int(0),
            },
        );
        self.cx.emit(span, Op::Release { lock: part(LOCK) });
        self.cx.fb.bind(end);
        Ok(IrExpr::Local(index))
    }
}
