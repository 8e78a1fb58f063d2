//! `queue.Queue`'s inspection methods: `qsize()`, `empty()` and `full()`.
//!
//! A queue is a channel (unbounded, or buffered with room for `maxsize`), so each of these
//! reads the channel's fill level (and capacity) in one visible step: another thread may put
//! or get between this read and the next line, which is exactly why CPython's documentation
//! calls the answers approximate.

use super::super::*;
use sim::ir::ChanFill;

/// The inspection methods of a queue.
pub(in crate::python::lower) const QUEUE_PEEKS: &[&str] = &["qsize", "empty", "full"];

impl FnLower<'_> {
    /// `q.qsize()`, `q.empty()`, `q.full()`.
    pub(in crate::python::lower) fn queue_peek(
        &mut self,
        e: &Expr,
        (recv, method): (&Expr, &Ident),
        (args, kwargs): (&[Expr], &[(Ident, Expr)]),
        into: Option<Local>,
    ) -> Res<IrExpr> {
        let m = method.name.as_str();
        self.no_kwargs(kwargs, m)?;
        self.arity(e, m, args, 0)?;
        let span = e.span;
        let q = self.expr(recv)?;
        let q = self.cx.stable(q, "queue", span);
        let n = self.cx.temp("qsize");
        self.cx.emit(
            span,
            Op::ChanFill(ChanFill {
                dst: n,
                chan: q.clone(),
                capacity: false,
            }),
        );
        let value = match m {
            "qsize" => IrExpr::Local(n),
            "empty" => IrExpr::Local(n).bin(ir::BinOp::Eq, IrExpr::int(0)),
            _ => {
                // CPython: `0 < maxsize <= qsize()`; an unbounded queue is never full. The
                // capacity never changes, so reading it is local bookkeeping.
                let cap = self.cx.temp("maxsize");
                self.cx.emit(
                    span,
                    Op::ChanFill(ChanFill {
                        dst: cap,
                        chan: q,
                        capacity: true,
                    }),
                );
                IrExpr::Local(cap).bin(ir::BinOp::Gt, IrExpr::int(0)).bin(
                    ir::BinOp::And,
                    IrExpr::Local(n).bin(ir::BinOp::Ge, IrExpr::Local(cap)),
                )
            }
        };
        match into {
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
}
