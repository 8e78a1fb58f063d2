//! `sync.Once`: a record holding a lock and a done flag, lowered the way Go implements
//! `Do` (take the lock, run `f` only if not yet done, mark done, release), so a second
//! goroutine calling `Do` waits until the first call has finished.

use super::*;

impl FnLower<'_> {
    /// `once.Do(f)`.
    pub(super) fn once_do(&mut self, once: IrExpr, args: &[Expr], span: Span) -> Res<(IrExpr, Ty)> {
        let [f] = args else {
            return Err(arity_err("Do", 1, args.len(), span));
        };
        let (fv, fty) = self.expr(f)?;
        if !matches!(&fty, Ty::Func(p, r) if p.is_empty() && r.is_empty()) && fty != Ty::Unknown {
            return Err(Diagnostic::new(
                f.span,
                format!(
                    "cannot use {} ({}) as func() value in argument to Do",
                    describe_expr(f),
                    an(&fty)
                ),
                "pass a function without parameters or results, like `once.Do(setup)`",
            ));
        }
        let fv = self.cx.stable(fv, "f", span);
        let once = self.cx.stable(once, "once", span);
        let lock = self.cx.temp("m");
        self.cx.emit(
            span,
            Op::FieldRead {
                dst: lock,
                record: once.clone(),
                field: 0,
            },
        );
        self.cx.emit(
            span,
            Op::Acquire {
                lock: IrExpr::Local(lock),
            },
        );
        let done = self.cx.temp("done");
        self.cx.emit(
            span,
            Op::FieldRead {
                dst: done,
                record: once.clone(),
                field: 1,
            },
        );
        let end = self.cx.fb.label();
        self.cx.emit(
            span,
            Op::JumpIf {
                cond: IrExpr::Local(done),
                to: end,
            },
        );
        self.cx.emit(
            span,
            Op::Call {
                dst: None,
                callee: Callee::Value(fv),
                args: Vec::new(),
            },
        );
        self.cx.emit(
            span,
            Op::FieldWrite {
                record: once,
                field: 1,
                value: IrExpr::bool(true),
            },
        );
        self.cx.fb.bind(end);
        self.cx.emit(
            span,
            Op::Release {
                lock: IrExpr::Local(lock),
            },
        );
        Ok((IrExpr::Const(Value::Unit), Ty::Unit))
    }
}
