//! The parts of Python's standard library the dialect builds from simulator primitives, one
//! job per file.

pub(super) mod barrier;
pub(super) mod condition;
pub(super) mod event;
pub(super) mod queue;
pub(super) mod semaphore;

use super::*;

impl FnLower<'_> {
    /// Puts a constructed value where the caller wants it: in `dest`'s slot when it has one.
    pub(in crate::python::lower) fn deliver(
        &mut self,
        span: Span,
        dest: Option<Local>,
        value: IrExpr,
    ) -> IrExpr {
        match dest {
            Some(l) => {
                self.cx.emit(
                    span,
                    Op::Set {
                        dst: l,
                        expr: value,
                    },
                );
                IrExpr::Local(l)
            }
            None => value,
        }
    }

    /// A fresh unbounded channel (`capacity` `None`) or one buffering `capacity` values.
    pub(in crate::python::lower) fn new_chan(
        &mut self,
        name: &str,
        capacity: Option<IrExpr>,
        span: Span,
    ) -> Local {
        let chan = self.cx.temp(name);
        self.cx.emit(
            span,
            Op::MakeChan {
                dst: chan,
                capacity,
                zero: IrExpr::Const(Value::Unit),
            },
        );
        chan
    }

    /// Emits `body` `times` times (an expression evaluated once), as a counted loop.
    pub(in crate::python::lower) fn repeat(
        &mut self,
        span: Span,
        times: IrExpr,
        mut body: impl FnMut(&mut Self),
    ) {
        let n = self.cx.temp("times");
        self.cx.emit(
            span,
            Op::Set {
                dst: n,
                expr: times,
            },
        );
        let i = self.cx.temp("i");
        self.cx.emit(
            span,
            Op::Set {
                dst: i,
                expr: IrExpr::int(0),
            },
        );
        let (top, next, end) = (self.cx.fb.label(), self.cx.fb.label(), self.cx.fb.label());
        self.cx.fb.bind(top);
        self.cx.emit(
            span,
            Op::JumpUnless {
                cond: IrExpr::Local(i).bin(ir::BinOp::Lt, IrExpr::Local(n)),
                to: end,
            },
        );
        body(self);
        self.cx.count_and_repeat(span, i, (next, top, end));
    }

    /// A Python exception raised in the running thread: `Exception in thread …` when uncaught.
    pub(in crate::python::lower) fn raise(&mut self, span: Span, ty: &str, message: &str) {
        self.cx.emit(
            span,
            Op::Raise {
                class: IrExpr::atom("error"),
                reason: IrExpr::str(&format!("{ty}: {message}")),
                stack: None,
            },
        );
    }
}
