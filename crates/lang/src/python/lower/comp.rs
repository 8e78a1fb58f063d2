//! Comprehensions and the built-ins that go over a list: `[f(x) for x in xs if p(x)]`,
//! `sum`, `any`, `all` and `list`.
//!
//! A comprehension is the loop a student would write by hand: a hidden list, then a `for`
//! loop that appends each item, so every shared read inside it is a step as usual.

use super::*;

impl FnLower<'_> {
    /// `[elt for target in iter if cond…]`.
    pub(super) fn list_comp(
        &mut self,
        e: &Expr,
        (elt, target, iter): (&Expr, &Expr, &Expr),
        conds: &[Expr],
    ) -> Res<IrExpr> {
        let n = self.comps.0;
        self.comps.0 += 1;
        let name = format!("$comp{}", n + 1);
        let acc = self.cx.fb.fresh(&name);
        self.locals.insert(name.clone(), acc);
        self.kinds.insert(name.clone(), Kind::List);
        self.cx.emit(
            e.span,
            Op::Set {
                dst: acc,
                expr: IrExpr::List(Vec::new()),
            },
        );
        let append = Stmt {
            kind: StmtKind::Expr(Expr {
                kind: ExprKind::Call {
                    func: Box::new(Expr {
                        kind: ExprKind::Attr(
                            Box::new(Expr {
                                kind: ExprKind::Name(name),
                                span: elt.span,
                            }),
                            Ident {
                                name: "append".into(),
                                span: elt.span,
                            },
                        ),
                        span: elt.span,
                    }),
                    args: vec![elt.clone()],
                    kwargs: Vec::new(),
                },
                span: elt.span,
            }),
            span: elt.span,
        };
        let body = match conds.split_first() {
            None => vec![append],
            Some((first, rest)) => {
                let cond = rest.iter().fold(first.clone(), |all, c| Expr {
                    span: c.span,
                    kind: ExprKind::Binary(BinOp::And, Box::new(all), Box::new(c.clone())),
                });
                vec![Stmt {
                    span: cond.span,
                    kind: StmtKind::If {
                        branches: vec![(cond, vec![append])],
                        orelse: Vec::new(),
                    },
                }]
            }
        };
        let for_stmt = Stmt {
            kind: StmtKind::For {
                target: target.clone(),
                iter: iter.clone(),
                body,
            },
            span: e.span,
        };
        self.comps.1 += 1;
        let res = self.stmt(&for_stmt);
        self.comps.1 -= 1;
        res?;
        Ok(IrExpr::Local(acc))
    }

    /// `sum(xs)`, `any(xs)`, `all(xs)`: a loop over the list, folding its items. `sum`
    /// starts from the first item, so a list of floats adds up as floats.
    pub(super) fn fold_builtin(&mut self, e: &Expr, name: &str, arg: &Expr) -> Res<IrExpr> {
        let span = e.span;
        let items = self.expr(arg)?;
        let items = self.stash(items, span);
        let acc = self.cx.temp(name);
        let counter = self.cx.temp("i");
        let len = IrExpr::Call(Builtin::Len, vec![IrExpr::Local(items)]);
        let (init, start) = match name {
            "sum" => (IrExpr::int(0), 1),
            "any" => (IrExpr::bool(false), 0),
            _ => (IrExpr::bool(true), 0),
        };
        self.cx.emit(
            span,
            Op::Set {
                dst: acc,
                expr: init,
            },
        );
        let (top, next, end) = (self.cx.fb.label(), self.cx.fb.label(), self.cx.fb.label());
        if name == "sum" {
            self.cx.emit(
                span,
                Op::JumpUnless {
                    cond: len.clone().gt(IrExpr::int(0)),
                    to: end,
                },
            );
            self.cx.emit(
                span,
                Op::Set {
                    dst: acc,
                    expr: IrExpr::Local(items).index(IrExpr::int(0)),
                },
            );
        }
        self.cx.emit(
            span,
            Op::Set {
                dst: counter,
                expr: IrExpr::int(start),
            },
        );
        self.cx.fb.bind(top);
        self.cx.emit(
            span,
            Op::JumpUnless {
                cond: IrExpr::Local(counter).lt(len),
                to: end,
            },
        );
        let item = IrExpr::Local(items).index(IrExpr::Local(counter));
        let combined = match name {
            "sum" => IrExpr::Local(acc) + item,
            "any" => IrExpr::Binary(
                ir::BinOp::Or,
                Box::new(IrExpr::Local(acc)),
                Box::new(truthy(item, false)),
            ),
            _ => IrExpr::Binary(
                ir::BinOp::And,
                Box::new(IrExpr::Local(acc)),
                Box::new(truthy(item, false)),
            ),
        };
        self.cx.emit(
            span,
            Op::Set {
                dst: acc,
                expr: combined,
            },
        );
        self.cx.count_and_repeat(span, counter, (next, top, end));
        Ok(IrExpr::Local(acc))
    }
}
