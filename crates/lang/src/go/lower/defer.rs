//! `defer`: deferred calls kept in a hidden list, run last-in first-out when the function
//! returns (at a `return`, at its end, or at `panic`).
//!
//! Go evaluates a deferred call's arguments when the `defer` runs, and the call itself when
//! the function returns. Here a `defer` makes a closure over the evaluated arguments and
//! pushes it on the function's list; `return` pops and calls them one by one. The list is
//! the function's own bookkeeping, never a step: only what the deferred calls do is.

use super::*;

/// Whether `body` has a `defer` of its own (not one inside a function literal, which is
/// another function with its own list).
pub(super) fn has_defer(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::Defer(_) => true,
        StmtKind::If { then, els, .. } => has_defer(then) || els.as_deref().is_some_and(has_defer),
        StmtKind::For { body, .. }
        | StmtKind::While(_, body)
        | StmtKind::Range { body, .. }
        | StmtKind::Block(body) => has_defer(body),
        StmtKind::Select(cases) => cases.iter().any(|c| has_defer(&c.body)),
        _ => false,
    })
}

impl FnLower<'_> {
    /// Lowers a function's body: with a list for its deferred calls when it defers any,
    /// which run when control reaches the end.
    pub(super) fn body(&mut self, body: &[Stmt], span: Span) -> Res<()> {
        if has_defer(body) {
            let list = self.cx.temp("defers");
            self.cx.emit(
                span,
                Op::Set {
                    dst: list,
                    expr: IrExpr::List(Vec::new()),
                },
            );
            self.defers = Some(list);
            // A panic (ours or the runtime's) below this frame unwinds to here, runs this
            // function's deferred calls, and goes on unwinding into the caller.
            let (class, reason, stack) = (
                self.cx.temp("panic_class"),
                self.cx.temp("panic_value"),
                self.cx.temp("panic_stack"),
            );
            let panicking = self.cx.fb.label();
            let end = self.cx.fb.label();
            self.cx.emit(
                span,
                Op::Try {
                    handler: panicking,
                    class,
                    reason,
                    stack,
                },
            );
            self.block(body)?;
            self.run_defers(span);
            self.cx.emit(span, Op::EndTry);
            self.cx.emit(span, Op::Jump { to: end });
            self.cx.fb.bind(panicking);
            self.run_defers(span);
            self.cx.emit(
                span,
                Op::Fail {
                    reason: IrExpr::Local(reason),
                },
            );
            self.cx.fb.bind(end);
            return Ok(());
        }
        self.block(body)?;
        Ok(())
    }

    /// `defer f(args)`: evaluates the arguments now and pushes the call.
    pub(super) fn defer(&mut self, call: &Expr, span: Span) -> Res<()> {
        let (ExprKind::Call(func, args), Some(list)) = (&call.kind, self.defers) else {
            return Err(Diagnostic::new(
                span,
                "`defer` must be followed by a function call",
                "write `defer wg.Done()` or `defer func() { … }()`",
            ));
        };
        let closure = match &func.kind {
            // `defer func() { … }()`: the literal itself is the deferred call.
            ExprKind::FuncLit(params, results, body) if args.is_empty() && params.is_empty() => {
                self.func_lit(params, results, body, func.span)?.0
            }
            _ => {
                // The arguments are fixed now, in hidden variables the deferred call reads.
                self.scopes.push(HashMap::new());
                let res = self.defer_wrapper(func, args, call.span, span);
                self.scopes.pop();
                res?
            }
        };
        self.cx.emit(
            span,
            Op::Set {
                dst: list,
                expr: IrExpr::Cons(Box::new(closure), Box::new(IrExpr::Local(list))),
            },
        );
        Ok(())
    }

    /// A closure that makes the call `func(args)` with the arguments' values of now.
    fn defer_wrapper(
        &mut self,
        func: &Expr,
        args: &[Expr],
        call_span: Span,
        span: Span,
    ) -> Res<IrExpr> {
        let mut fixed = Vec::new();
        for (i, a) in args.iter().enumerate() {
            let (v, ty) = self.expr(a)?;
            let t = self.cx.temp(&format!("arg{i}"));
            self.cx.emit(a.span, Op::Set { dst: t, expr: v });
            let name = format!("$arg{i}");
            self.scope_insert(
                &name,
                Var {
                    store: Store::Local(t),
                    ty,
                },
            );
            fixed.push(Expr {
                kind: ExprKind::Ident(name),
                span: a.span,
            });
        }
        let body = [Stmt {
            kind: StmtKind::Expr(Expr {
                kind: ExprKind::Call(Box::new(func.clone()), fixed),
                span: call_span,
            }),
            span,
        }];
        self.deferred += 1;
        // Go's own name for such a wrapper.
        let name = format!("{}.deferwrap{}", self.cx.name, self.deferred);
        Ok(self.func_lit_named(&[], &[], &body, span, Some(name))?.0)
    }

    /// Runs the deferred calls, last first, emptying the list.
    pub(super) fn run_defers(&mut self, span: Span) {
        let Some(list) = self.defers else {
            return;
        };
        let top = self.cx.fb.label();
        let end = self.cx.fb.label();
        self.cx.fb.bind(top);
        self.cx.emit(
            span,
            Op::JumpIf {
                cond: IrExpr::Local(list).bin(ir::BinOp::Eq, IrExpr::List(Vec::new())),
                to: end,
            },
        );
        let f = self.cx.temp("deferred");
        self.cx.emit(
            span,
            Op::Set {
                dst: f,
                expr: IrExpr::Call(Builtin::Hd, vec![IrExpr::Local(list)]),
            },
        );
        self.cx.emit(
            span,
            Op::Set {
                dst: list,
                expr: IrExpr::Call(Builtin::Tl, vec![IrExpr::Local(list)]),
            },
        );
        self.cx.emit(
            span,
            Op::Call {
                dst: None,
                callee: Callee::Value(IrExpr::Local(f)),
                args: Vec::new(),
            },
        );
        self.cx.emit(span, Op::Jump { to: top });
        self.cx.fb.bind(end);
    }
}
