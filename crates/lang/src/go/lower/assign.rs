//! Assignments: `:=`, `=`, `+=`, `++`, and the stores they make to locals, cells and shared memory.

use super::*;

impl FnLower<'_> {
    pub(super) fn define(&mut self, names: &[Ident], values: &[Expr], span: Span) -> Res<()> {
        // `v, ok := <-ch`
        if let (
            [v, ok],
            [Expr {
                kind: ExprKind::Unary(UnOp::Recv, ch),
                ..
            }],
        ) = (names, values)
        {
            let (c, cty) = self.expr(ch)?;
            self.check_chan(&cty, ch, false)?;
            let elem = match &cty {
                Ty::Chan(_, e) => (**e).clone(),
                _ => Ty::Unknown,
            };
            let dst = self.cx.temp("v");
            let okt = self.cx.temp("ok");
            self.cx.emit(
                span,
                Op::ChanRecv {
                    chan: c,
                    dst: Some(dst),
                    ok: Some(okt),
                },
            );
            self.define_one(v, elem, IrExpr::Local(dst), span)?;
            self.define_one(ok, Ty::Bool, IrExpr::Local(okt), span)?;
            return Ok(());
        }
        // `v, ok := m[key]`
        if let (
            [v, ok],
            [Expr {
                kind: ExprKind::Index(m, k),
                span: ispan,
            }],
        ) = (names, values)
        {
            let (vv, okv, vty) = self.comma_ok(m, k, *ispan)?;
            self.define_one(v, vty, vv, span)?;
            self.define_one(ok, Ty::Bool, okv, span)?;
            return Ok(());
        }
        // `x := <-ch`, `x := count`, `x := m[k]`, `ch := make(chan int)`: a single new
        // variable takes the value straight from the visible step, and names the resource.
        let direct = match (names, values) {
            ([n], [_])
                if n.name != "_"
                    && !self.cells.contains(&n.name)
                    && self.scopes.last().is_none_or(|s| !s.contains_key(&n.name)) =>
            {
                Some(n)
            }
            _ => None,
        };
        let mut vals = Vec::new();
        let mut slot = None;
        for (i, v) in values.iter().enumerate() {
            let mut dest = Dest::NONE;
            if let Some(n) = direct {
                let l = self.var_slot(&n.name);
                slot = Some(l);
                dest.slot = Some(l);
            }
            if names.len() == values.len() {
                dest.name = names.get(i).map(|n| n.name.clone()).filter(|n| n != "_");
            }
            let (x, t) = self.expr_to(v, dest.clone())?;
            let x = self.copied(v, x, &t, dest.name_or("copy"));
            vals.push((x, t));
        }
        if let (Some(n), Some(l), [(v, t)]) = (direct, slot, vals.as_slice()) {
            if matches!(t, Ty::Tuple(_)) {
                return Err(Diagnostic::new(
                    span,
                    "this call returns several values",
                    "receive them all, like `a, b := f()`",
                ));
            }
            let (v, t) = (v.clone(), t.clone());
            self.declare_in(n, t, v, Some(l), span);
            return Ok(());
        }
        if let ([(v, Ty::Tuple(tys))], true) = (vals.as_slice(), names.len() > 1) {
            if tys.len() != names.len() {
                return Err(Diagnostic::new(
                    span,
                    format!(
                        "assignment mismatch: {} variables but {} values",
                        names.len(),
                        tys.len()
                    ),
                    "use one variable per returned value",
                ));
            }
            let tmp = self.cx.temp("results");
            self.cx.emit(
                span,
                Op::Set {
                    dst: tmp,
                    expr: v.clone(),
                },
            );
            let tys = tys.clone();
            for (i, (n, t)) in names.iter().zip(tys).enumerate() {
                self.define_one(n, t, IrExpr::Local(tmp).index(IrExpr::int(i as i64)), span)?;
            }
            return Ok(());
        }
        if vals.len() != names.len() {
            return Err(Diagnostic::new(
                span,
                format!(
                    "assignment mismatch: {} variable{} but {} value{}",
                    names.len(),
                    if names.len() == 1 { "" } else { "s" },
                    vals.len(),
                    if vals.len() == 1 { "" } else { "s" }
                ),
                "give one value per variable",
            ));
        }
        if !names
            .iter()
            .any(|n| n.name == "_" || self.scopes.last().is_none_or(|s| !s.contains_key(&n.name)))
        {
            return Err(Diagnostic::new(
                span,
                "no new variables on left side of :=",
                "use `=` to assign to variables that already exist",
            ));
        }
        let multi = names.len() > 1;
        let mut staged = Vec::new();
        for (n, (v, t)) in names.iter().zip(vals) {
            // With several values, compute all before binding any (`a, b := b, a`).
            let v = if multi {
                let tmp = self.cx.temp("tmp");
                self.cx.emit(span, Op::Set { dst: tmp, expr: v });
                IrExpr::Local(tmp)
            } else {
                v
            };
            staged.push((n, t, v));
        }
        for (n, t, v) in staged {
            if matches!(t, Ty::Tuple(_)) {
                return Err(Diagnostic::new(
                    span,
                    "this call returns several values",
                    "receive them all, like `a, b := f()`",
                ));
            }
            self.define_one(n, t, v, span)?;
        }
        Ok(())
    }

    /// Binds one name of a `:=`: reuses a variable of the same scope, else declares.
    pub(super) fn define_one(
        &mut self,
        name: &Ident,
        ty: Ty,
        value: IrExpr,
        span: Span,
    ) -> Res<()> {
        if name.name == "_" {
            return Ok(());
        }
        let existing = self.scopes.last().and_then(|s| s.get(&name.name)).cloned();
        match existing {
            Some(var) => self.store(&var, value, span),
            None => {
                self.declare(name, ty, value, span);
                Ok(())
            }
        }
    }

    pub(super) fn store(&mut self, var: &Var, value: IrExpr, span: Span) -> Res<()> {
        // `count = count + 1` on shared memory: the computation is a step of its own in
        // expand mode, between the read and the write, as for `count++`.
        let shared = matches!(var.store, Store::Cell(_) | Store::Global(..));
        let value = if shared {
            self.cx.computed(value, span)
        } else {
            value
        };
        match &var.store {
            Store::Local(l) => self.cx.assign_local(span, *l, value),
            Store::Cell(c) => self.cx.emit(
                span,
                Op::Write {
                    place: Place::Cell(IrExpr::Local(*c)),
                    value,
                },
            ),
            Store::Global(g, _) => self.cx.emit(
                span,
                Op::Write {
                    place: Place::Global(*g),
                    value,
                },
            ),
            Store::Const(_) | Store::Func(_) => {
                return Err(Diagnostic::new(
                    span,
                    "cannot assign to a constant or a function",
                    "assign to a variable",
                ))
            }
        }
        Ok(())
    }

    pub(super) fn assign(&mut self, lhs: &[Expr], rhs: &[Expr], span: Span) -> Res<()> {
        if let (
            [v, ok],
            [Expr {
                kind: ExprKind::Unary(UnOp::Recv, ch),
                ..
            }],
        ) = (lhs, rhs)
        {
            let (c, cty) = self.expr(ch)?;
            self.check_chan(&cty, ch, false)?;
            let dst = self.cx.temp("v");
            let okt = self.cx.temp("ok");
            self.cx.emit(
                span,
                Op::ChanRecv {
                    chan: c,
                    dst: Some(dst),
                    ok: Some(okt),
                },
            );
            self.assign_to(v, IrExpr::Local(dst), span)?;
            self.assign_to(ok, IrExpr::Local(okt), span)?;
            return Ok(());
        }
        // `v, ok = m[key]`
        if let (
            [v, ok],
            [Expr {
                kind: ExprKind::Index(m, k),
                span: ispan,
            }],
        ) = (lhs, rhs)
        {
            let (vv, okv, _) = self.comma_ok(m, k, *ispan)?;
            self.assign_to(v, vv, span)?;
            self.assign_to(ok, okv, span)?;
            return Ok(());
        }
        if lhs.len() != rhs.len() {
            return Err(Diagnostic::new(
                span,
                format!(
                    "assignment mismatch: {} variables but {} values",
                    lhs.len(),
                    rhs.len()
                ),
                "give one value per variable",
            ));
        }
        if let ([target], [value]) = (lhs, rhs) {
            // `x = <-ch` into a plain local takes the value straight from the step; a new
            // resource is named after its variable.
            let mut dest = Dest::NONE;
            if let ExprKind::Ident(n) = &target.kind {
                if let Some(Var {
                    store: Store::Local(l),
                    ..
                }) = self.lookup(n)
                {
                    dest.slot = Some(l);
                }
                dest.name = Some(n.clone());
            }
            let (v, vty) = self.expr_to(value, dest.clone())?;
            let v = self.copied(value, v, &vty, dest.name_or("copy"));
            return self.assign_typed(target, v, &vty, span);
        }
        let mut vals = Vec::new();
        for value in rhs {
            let (v, _) = self.value(value, "copy")?;
            let tmp = self.cx.temp("tmp");
            self.cx.emit(span, Op::Set { dst: tmp, expr: v });
            vals.push(IrExpr::Local(tmp));
        }
        for (t, v) in lhs.iter().zip(vals) {
            self.assign_to(t, v, span)?;
        }
        Ok(())
    }

    pub(super) fn assign_to(&mut self, target: &Expr, value: IrExpr, span: Span) -> Res<()> {
        self.assign_typed(target, value, &Ty::Unknown, span)
    }

    /// Stores `value` (of type `vty`) into the place `target` names.
    pub(super) fn assign_typed(
        &mut self,
        target: &Expr,
        value: IrExpr,
        vty: &Ty,
        span: Span,
    ) -> Res<()> {
        match &target.kind {
            ExprKind::Selector(base, name) => self.field_write(base, name, value, vty, span),
            ExprKind::Unary(UnOp::Deref, p) => self.deref_store(p, value, vty, None, span),
            ExprKind::Ident(n) if n != "_" => {
                let Some(var) = self.lookup(n) else {
                    return Err(self.undefined(n, target.span));
                };
                if Self::clash(&value, vty, &var.ty) {
                    return Err(Diagnostic::new(
                        span,
                        format!(
                            "cannot use {} as {} value in assignment",
                            an(vty),
                            var.ty.name()
                        ),
                        format!("give `{n}` {} value", an(&var.ty)),
                    ));
                }
                let value = self.coerce(value, vty, &var.ty);
                self.store(&var, value, span).map_err(|d| Diagnostic {
                    span: target.span,
                    ..d
                })
            }
            ExprKind::Ident(n) if n == "_" => Ok(()),
            ExprKind::Ident(n) => {
                let Some(var) = self.lookup(n) else {
                    return Err(self.undefined(n, target.span));
                };
                self.store(&var, value, span).map_err(|d| Diagnostic {
                    span: target.span,
                    ..d
                })
            }
            ExprKind::Index(m, k) => {
                let (mv, mty) = self.expr(m)?;
                match mty {
                    Ty::Slice(_) => return self.slice_put(mv, k, value, span),
                    Ty::Map(..) | Ty::Unknown => {}
                    other => {
                        return Err(Diagnostic::new(
                            m.span,
                            format!("cannot assign to an element of {}", an(&other)),
                            "strings are immutable: assign to map entries and slice elements, \
                             or build a new string (`[]byte(s)`, change it, then `string(b)`)",
                        ))
                    }
                }
                let (kv, _) = self.expr(k)?;
                let value = self.cx.staged(value, &[&mv, &kv], span);
                self.cx.emit(
                    span,
                    Op::MapWrite {
                        map: mv,
                        key: kv,
                        value,
                    },
                );
                Ok(())
            }
            _ => Err(Diagnostic::new(
                target.span,
                "cannot assign to this",
                "assign to a variable or a map entry",
            )),
        }
    }

    /// `x op= v` and `x++`: for shared memory a read, the arithmetic, and a write.
    pub(super) fn update(
        &mut self,
        target: &Expr,
        op: BinOp,
        value: Option<&Expr>,
        op_span: Span,
        span: Span,
    ) -> Res<()> {
        let rhs = |me: &mut Self, want: &Ty| -> Res<IrExpr> {
            let (v, t) = match value {
                Some(v) => me.expr(v)?,
                None => (IrExpr::int(1), Ty::Int),
            };
            Ok(me.coerce(v, &t, want))
        };
        match &target.kind {
            ExprKind::Selector(base, name) => {
                self.field_update(base, name, op, value, op_span, span)
            }
            ExprKind::Unary(UnOp::Deref, p) => {
                let (r, rty) = match value {
                    Some(v) => self.expr(v)?,
                    None => (IrExpr::int(1), Ty::Int),
                };
                self.deref_store(p, r, &rty, Some((op, op_span)), span)
            }
            ExprKind::Ident(n) => {
                let Some(var) = self.lookup(n) else {
                    return Err(self.undefined(n, target.span));
                };
                match var.store {
                    Store::Local(l) => {
                        let r = rhs(self, &var.ty)?;
                        self.cx
                            .assign_local(span, l, arith(op, IrExpr::Local(l), r));
                    }
                    Store::Cell(_) | Store::Global(..) => {
                        let place = match var.store {
                            Store::Cell(c) => Place::Cell(IrExpr::Local(c)),
                            Store::Global(g, _) => Place::Global(g),
                            _ => return Ok(()),
                        };
                        let tmp = self.cx.scratch();
                        self.cx.emit(
                            target.span,
                            Op::Read {
                                dst: tmp,
                                place: place.clone(),
                            },
                        );
                        let r = rhs(self, &var.ty)?;
                        let e = arith(op, IrExpr::Local(tmp), r);
                        self.cx.assign_local(op_span, tmp, e);
                        self.cx.emit(
                            span,
                            Op::Write {
                                place,
                                value: IrExpr::Local(tmp),
                            },
                        );
                    }
                    Store::Const(_) | Store::Func(_) => {
                        return Err(Diagnostic::new(
                            target.span,
                            format!("cannot change `{n}`: it is not a variable"),
                            "declare a variable with `:=` or `var`",
                        ))
                    }
                }
                Ok(())
            }
            ExprKind::Index(m, k) => {
                let (mv, mty) = self.expr(m)?;
                if let Ty::Slice(_) = mty {
                    return self.slice_update(mv, k, op, value, target.span, op_span, span);
                }
                let vty = match &mty {
                    Ty::Map(_, v) => (**v).clone(),
                    Ty::Unknown => Ty::Int,
                    other => {
                        return Err(Diagnostic::new(
                            m.span,
                            format!("cannot change an element of {}", an(other)),
                            "only map entries can be updated with `m[k]++`",
                        ))
                    }
                };
                let mv = self.cx.stable(mv, "tmp", span);
                let (kv, _) = self.expr(k)?;
                let kv = self.cx.stable(kv, "tmp", span);
                let tmp = self.cx.scratch();
                self.cx.emit(
                    target.span,
                    Op::MapRead {
                        dst: tmp,
                        map: mv.clone(),
                        key: kv.clone(),
                        default: Some(IrExpr::Const(vty.zero())),
                        ok: None,
                    },
                );
                let r = rhs(self, &vty)?;
                let e = arith(op, IrExpr::Local(tmp), r);
                self.cx.assign_local(op_span, tmp, e);
                self.cx.emit(
                    span,
                    Op::MapWrite {
                        map: mv,
                        key: kv,
                        value: IrExpr::Local(tmp),
                    },
                );
                Ok(())
            }
            _ => Err(Diagnostic::new(
                target.span,
                "cannot change this",
                "update a variable or a map entry",
            )),
        }
    }

    /// `m[key]` with `ok`: the value (the zero value when missing), whether the key is
    /// there, and the value's type. One visible read.
    pub(super) fn comma_ok(&mut self, m: &Expr, k: &Expr, span: Span) -> Res<(IrExpr, IrExpr, Ty)> {
        let (mv, mty) = self.expr(m)?;
        let vty = match &mty {
            Ty::Map(_, v) => (**v).clone(),
            Ty::Unknown => Ty::Unknown,
            other => {
                return Err(Diagnostic::new(
                    m.span,
                    format!(
                        "`v, ok := x[key]` needs a map, but `{}` is {}",
                        describe_expr(m),
                        an(other)
                    ),
                    "use the two-value form on a map; indexing a slice gives one value",
                ))
            }
        };
        let (kv, _) = self.expr(k)?;
        let dst = self.cx.scratch();
        let ok = self.cx.temp("ok");
        self.cx.emit(
            span,
            Op::MapRead {
                dst,
                map: mv,
                key: kv,
                default: Some(IrExpr::Const(vty.zero())),
                ok: Some(ok),
            },
        );
        Ok((IrExpr::Local(dst), IrExpr::Local(ok), vty))
    }
}
