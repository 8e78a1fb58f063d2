//! Assignments: `=`, `+=` and friends, `for` loops and their loop variables.

use super::*;

impl FnLower<'_> {
    pub(super) fn assign(
        &mut self,
        target: &Expr,
        value: IrExpr,
        kind: Kind,
        span: Span,
    ) -> Res<()> {
        match &target.kind {
            ExprKind::Name(n) => {
                self.kinds.insert(n.clone(), kind);
                let var = match self.resolve(n, target.span) {
                    Ok(Var::Shared(g)) if self.is_main || self.globals.contains(n) => {
                        Var::Shared(g)
                    }
                    Ok(Var::Func(..)) if !self.is_main => Var::Local(self.local(n)),
                    Ok(Var::Func(..)) => {
                        return Err(Diagnostic::new(
                            target.span,
                            format!("`{n}` is a function; it cannot be assigned"),
                            "use another name for the variable",
                        ))
                    }
                    _ => Var::Local(self.local(n)),
                };
                match var {
                    Var::Shared(g) => {
                        // `count = count + 1`: the computation is a step of its own in expand
                        // mode, between the read and the write, as for `count += 1`.
                        let value = self.cx.computed(value, span);
                        self.cx.emit(
                            span,
                            Op::Write {
                                place: Place::Global(g.id),
                                value,
                            },
                        );
                    }
                    Var::Local(l) => {
                        self.cx.assign_local(span, l, value);
                    }
                    Var::Func(..) => {}
                }
                Ok(())
            }
            ExprKind::Subscript(base, key) => {
                let base_kind = self.kind_of(base);
                if matches!(base_kind, Kind::List | Kind::Str) {
                    return Err(Diagnostic::new(
                        target.span,
                        format!(
                            "{} cannot be changed in place in the Python lesson dialect",
                            base_kind.describe()
                        ),
                        "use a dict for shared entries, like `counts = {}` then `counts[key] = 1`",
                    ));
                }
                let m = self.expr(base)?;
                let k = self.expr(key)?;
                let value = self.cx.staged(value, &[&m, &k], span);
                self.cx.emit(
                    span,
                    Op::MapWrite {
                        map: m,
                        key: k,
                        value,
                    },
                );
                Ok(())
            }
            ExprKind::Tuple(items) => {
                let tmp = self.stash(value, span);
                for (i, item) in items.iter().enumerate() {
                    let part = IrExpr::Local(tmp).index(IrExpr::int(i as i64));
                    self.assign(item, part, Kind::Unknown, span)?;
                }
                Ok(())
            }
            _ => Err(Diagnostic::new(
                target.span,
                "cannot assign to this",
                "the left of `=` must be a variable name or `d[key]`",
            )),
        }
    }

    /// `target op= value`: for shared memory, a visible read, the arithmetic as its own
    /// `Eval` (a step of its own in expand mode), and a visible write.
    pub(super) fn aug_assign(
        &mut self,
        target: &Expr,
        op: BinOp,
        op_span: Span,
        value: &Expr,
        span: Span,
    ) -> Res<()> {
        match &target.kind {
            ExprKind::Name(n) => {
                let var = self.resolve(n, target.span)?;
                match var {
                    Var::Local(l) => {
                        let rhs = self.expr(value)?;
                        let e = arith(op, IrExpr::Local(l), rhs);
                        self.cx.emit(span, Op::Eval { dst: l, expr: e });
                    }
                    Var::Shared(g) => {
                        if !self.is_main && !self.globals.contains(n) {
                            return Err(Diagnostic::new(
                                target.span,
                                format!("`{n}` is a module-level variable; changing it here needs `global {n}`"),
                                format!("add `global {n}` as the first line of `{}`", self.cx.name),
                            ));
                        }
                        let tmp = self.cx.scratch();
                        self.cx.emit(
                            target.span,
                            Op::Read {
                                dst: tmp,
                                place: Place::Global(g.id),
                            },
                        );
                        let rhs = self.expr(value)?;
                        let e = arith(op, IrExpr::Local(tmp), rhs);
                        self.cx.emit(op_span, Op::Eval { dst: tmp, expr: e });
                        self.cx.emit(
                            span,
                            Op::Write {
                                place: Place::Global(g.id),
                                value: IrExpr::Local(tmp),
                            },
                        );
                    }
                    Var::Func(..) => {
                        return Err(Diagnostic::new(
                            target.span,
                            format!("`{n}` is a function; it cannot be changed"),
                            "use a variable",
                        ))
                    }
                }
                Ok(())
            }
            ExprKind::Subscript(base, key) => {
                let m = self.expr(base)?;
                let m = self.cx.stable(m, "map", span);
                let k = self.expr(key)?;
                let k = self.cx.stable(k, "key", span);
                let tmp = self.cx.scratch();
                self.cx.emit(
                    target.span,
                    Op::MapRead {
                        dst: tmp,
                        map: m.clone(),
                        key: k.clone(),
                        default: None,
                        ok: None,
                    },
                );
                let rhs = self.expr(value)?;
                self.cx.emit(
                    op_span,
                    Op::Eval {
                        dst: tmp,
                        expr: arith(op, IrExpr::Local(tmp), rhs),
                    },
                );
                self.cx.emit(
                    span,
                    Op::MapWrite {
                        map: m,
                        key: k,
                        value: IrExpr::Local(tmp),
                    },
                );
                Ok(())
            }
            _ => Err(Diagnostic::new(
                target.span,
                "cannot change this in place",
                "the left of `+=` must be a variable name or `d[key]`",
            )),
        }
    }

    pub(super) fn for_loop(
        &mut self,
        target: &Expr,
        iter: &Expr,
        body: &[Stmt],
        span: Span,
    ) -> Res<()> {
        self.for_loop_with(target, iter, span, &mut |me, next, end| {
            me.loop_body(body, next, end)
        })
    }

    /// A `for` loop whose body `body` lowers, given the labels of the next round and of
    /// the loop's end (a comprehension's body is not statements).
    pub(super) fn for_loop_with(
        &mut self,
        target: &Expr,
        iter: &Expr,
        span: Span,
        body: &mut dyn FnMut(&mut Self, Label, Label) -> Res<()>,
    ) -> Res<()> {
        self.check_loop_target(target)?;
        let top = self.cx.fb.label();
        let next = self.cx.fb.label();
        let end = self.cx.fb.label();
        let counter = self.cx.temp("i");
        if let ExprKind::Call { func, args, kwargs } = &iter.kind {
            if matches!(&func.kind, ExprKind::Name(n) if n == "range") {
                if !kwargs.is_empty() {
                    return Err(Diagnostic::new(
                        iter.span,
                        "`range` takes no keyword arguments",
                        "write `range(n)` or `range(start, stop)`",
                    ));
                }
                let (start, stop, step) = match args.as_slice() {
                    [stop] => (IrExpr::int(0), self.expr(stop)?, 1),
                    [start, stop] => (self.expr(start)?, self.expr(stop)?, 1),
                    [start, stop, step] => {
                        let s = match step.kind {
                            ExprKind::Int(s) if s != 0 => s,
                            _ => return Err(Diagnostic::new(
                                step.span,
                                "the step of `range` must be a non-zero number written in the code",
                                "write `range(10, 0, -1)` to count down",
                            )),
                        };
                        (self.expr(start)?, self.expr(stop)?, s)
                    }
                    _ => {
                        return Err(Diagnostic::new(
                            iter.span,
                            format!("`range` takes 1 to 3 arguments, not {}", args.len()),
                            "write `range(n)` or `range(start, stop)`",
                        ))
                    }
                };
                if let (Kind::Str | Kind::List | Kind::Dict | Kind::Lock | Kind::Queue, Some(a)) = (
                    args.last().map(|a| self.kind_of(a)).unwrap_or(Kind::Int),
                    args.last(),
                ) {
                    return Err(Diagnostic::new(
                        a.span,
                        "`range` needs a number",
                        "write `range(10)`",
                    ));
                }
                let limit = self.cx.stable(stop, "n", span);
                self.cx.emit(
                    span,
                    Op::Set {
                        dst: counter,
                        expr: start,
                    },
                );
                self.cx.fb.bind(top);
                let cmp = if step > 0 {
                    IrExpr::Local(counter).lt(limit)
                } else {
                    IrExpr::Local(counter).gt(limit)
                };
                self.cx.emit(span, Op::JumpUnless { cond: cmp, to: end });
                self.bind_loop_target(target, IrExpr::Local(counter), span);
                body(self, next, end)?;
                self.cx.fb.bind(next);
                self.cx.emit(
                    span,
                    Op::Set {
                        dst: counter,
                        expr: IrExpr::Local(counter) + step,
                    },
                );
                self.cx.emit(span, Op::Jump { to: top });
                self.cx.fb.bind(end);
                return Ok(());
            }
        }
        let kind = self.kind_of(iter);
        if matches!(
            kind,
            Kind::Dict | Kind::Queue | Kind::Lock | Kind::Int | Kind::Thread(_)
        ) {
            return Err(Diagnostic::new(
                iter.span,
                format!("a `for` loop cannot go over {}", kind.describe()),
                "loop over `range(n)`, a list or a tuple",
            ));
        }
        // `enumerate(items, start=k)` counts alongside the items, as `(k + i, item)`.
        let mut numbered = None;
        let mut iter = iter;
        if let ExprKind::Call { func, args, kwargs } = &iter.kind {
            if matches!(&func.kind, ExprKind::Name(n) if n == "enumerate")
                && !self.scope.funcs.contains_key("enumerate")
            {
                let [inner] = args.as_slice() else {
                    return Err(Diagnostic::new(
                        iter.span,
                        format!("`enumerate` takes 1 iterable, not {}", args.len()),
                        "write `enumerate(items)` or `enumerate(items, start=1)`",
                    ));
                };
                let mut start = IrExpr::int(0);
                for (k, v) in kwargs {
                    if k.name != "start" {
                        return Err(Diagnostic::new(
                            k.span,
                            format!("`enumerate` has no parameter `{}`", k.name),
                            "the only keyword is `start=`",
                        ));
                    }
                    start = self.expr(v)?;
                }
                numbered = Some(self.cx.stable(start, "start", span));
                iter = inner;
            }
        }
        let kind = self.kind_of(iter);
        if numbered.is_some()
            && matches!(
                kind,
                Kind::Dict | Kind::Queue | Kind::Lock | Kind::Int | Kind::Thread(_)
            )
        {
            return Err(Diagnostic::new(
                iter.span,
                format!("`enumerate` cannot go over {}", kind.describe()),
                "enumerate a list or a tuple",
            ));
        }
        let items = self.expr(iter)?;
        let items = self.stash(items, span);
        self.cx.emit(
            span,
            Op::Set {
                dst: counter,
                expr: IrExpr::int(0),
            },
        );
        self.cx.fb.bind(top);
        let len = IrExpr::Call(Builtin::Len, vec![IrExpr::Local(items)]);
        self.cx.emit(
            span,
            Op::JumpUnless {
                cond: IrExpr::Local(counter).lt(len),
                to: end,
            },
        );
        let item = IrExpr::Local(items).index(counter);
        let value = match numbered {
            Some(start) => IrExpr::Tuple(vec![start + IrExpr::Local(counter), item]),
            None => item,
        };
        self.bind_loop_target(target, value, span);
        body(self, next, end)?;
        self.cx.count_and_repeat(span, counter, (next, top, end));
        Ok(())
    }

    /// Refuses a loop target that is not names and tuples of names.
    pub(super) fn check_loop_target(&self, target: &Expr) -> Res<()> {
        match &target.kind {
            ExprKind::Name(_) => Ok(()),
            ExprKind::Tuple(items) => items.iter().try_for_each(|i| self.check_loop_target(i)),
            _ => Err(Diagnostic::new(
                target.span,
                "a loop variable must be a name",
                "write `for item in items:` or `for a, b in pairs:`",
            )),
        }
    }

    /// Binds one item to the loop target, unpacking a tuple target element by element
    /// (a wrong-sized item crashes at run time, as CPython's `ValueError` does).
    fn bind_loop_target(&mut self, target: &Expr, value: IrExpr, span: Span) {
        match &target.kind {
            ExprKind::Name(n) if n == "_" => {}
            ExprKind::Name(n) => {
                let var = match self.resolve(n, target.span) {
                    Ok(Var::Shared(g)) if self.is_main || self.globals.contains(n) => {
                        Var::Shared(g)
                    }
                    _ => Var::Local(self.local(n)),
                };
                self.bind_loop_var(&var, value, span);
            }
            ExprKind::Tuple(items) => {
                let tmp = self.stash(value, span);
                for (i, item) in items.iter().enumerate() {
                    let part = IrExpr::Local(tmp).index(IrExpr::int(i as i64));
                    self.bind_loop_target(item, part, span);
                }
            }
            _ => {}
        }
    }

    pub(super) fn bind_loop_var(&mut self, var: &Var<'_>, value: IrExpr, span: Span) {
        match var {
            Var::Local(l) => self.cx.emit(
                span,
                Op::Set {
                    dst: *l,
                    expr: value,
                },
            ),
            Var::Shared(g) => self.cx.emit(
                span,
                Op::Write {
                    place: Place::Global(g.id),
                    value,
                },
            ),
            Var::Func(..) => {}
        }
    }
}
