//! Expressions: operators, variables, matches, bodies, funs and the pure subset guards use.

use super::*;

impl FnLower<'_> {
    /// A guard expression: no side effects, only guard built-ins.
    pub(super) fn pure(&mut self, e: &Expr) -> Res<IrExpr> {
        Ok(match &e.kind {
            ExprKind::Var(v) => IrExpr::Local(self.bound_var(v, e.span)?),
            ExprKind::Atom(_) | ExprKind::Int(_) | ExprKind::Str(_) => {
                IrExpr::Const(literal(e).unwrap_or(Value::Unit))
            }
            ExprKind::Tuple(items) => IrExpr::Tuple(
                items
                    .iter()
                    .map(|i| self.pure(i))
                    .collect::<Res<Vec<_>>>()?,
            ),
            ExprKind::List(items, tail) => {
                let items = items
                    .iter()
                    .map(|i| self.pure(i))
                    .collect::<Res<Vec<_>>>()?;
                match tail {
                    None => IrExpr::List(items),
                    Some(t) => {
                        let mut acc = self.pure(t)?;
                        for i in items.into_iter().rev() {
                            acc = IrExpr::Cons(Box::new(i), Box::new(acc));
                        }
                        acc
                    }
                }
            }
            ExprKind::Binary(op, a, b) => binary(*op, self.pure(a)?, self.pure(b)?),
            ExprKind::RecordField(r, name, field) => {
                let i = self.field_index(name, field, e.span)?;
                self.pure(r)?.index(IrExpr::int(i))
            }
            ExprKind::Neg(a) => IrExpr::Unary(UnOp::Neg, Box::new(self.pure(a)?)),
            ExprKind::Not(a) => IrExpr::Unary(UnOp::Not, Box::new(self.pure(a)?)),
            ExprKind::Call {
                module: None,
                func,
                args,
            } => {
                let ExprKind::Atom(name) = &func.kind else {
                    return Err(not_in_guard(e.span));
                };
                if !GUARD_BIFS.contains(&name.as_str()) {
                    return Err(not_in_guard(e.span));
                }
                let args = args.iter().map(|a| self.pure(a)).collect::<Res<Vec<_>>>()?;
                self.bif_pure(name, args, e.span)?
            }
            _ => return Err(not_in_guard(e.span)),
        })
    }

    pub(super) fn bound_var(&mut self, v: &str, span: Span) -> Res<Local> {
        if !self.bound.contains(v) {
            return Err(Diagnostic::new(
                span,
                format!("variable `{v}` is unbound"),
                format!("bind `{v}` first, with `{v} = …` or in a pattern, before using it"),
            ));
        }
        Ok(self.var(v))
    }

    /// A pure built-in applied to already-lowered arguments.
    pub(super) fn bif_pure(
        &mut self,
        name: &str,
        mut args: Vec<IrExpr>,
        span: Span,
    ) -> Res<IrExpr> {
        let want = BIFS
            .iter()
            .find(|(n, a)| *n == name && *a == args.len())
            .map(|_| ());
        if want.is_none() {
            return Err(wrong_bif_arity(name, args.len(), span));
        }
        let one = |b: Builtin, args: Vec<IrExpr>| IrExpr::Call(b, args);
        Ok(match name {
            "self" => IrExpr::SelfPid,
            "length" | "tuple_size" => one(Builtin::Len, args),
            "hd" => one(Builtin::Hd, args),
            "tl" => one(Builtin::Tl, args),
            "abs" => one(Builtin::Abs, args),
            "min" => one(Builtin::Min, args),
            "max" => one(Builtin::Max, args),
            "is_integer" => one(Builtin::IsInt, args),
            "is_atom" => one(Builtin::IsAtom, args),
            "is_boolean" => one(Builtin::IsBool, args),
            "is_tuple" => one(Builtin::IsTuple, args),
            "is_list" => one(Builtin::IsList, args),
            "is_pid" => one(Builtin::IsPid, args),
            "is_function" => one(Builtin::IsFun, args),
            "integer_to_list" | "atom_to_list" => one(Builtin::ToStr, args),
            "is_map" => one(Builtin::IsMap, args),
            "setelement" => one(Builtin::SetElement, args),
            "list_to_atom" => one(Builtin::ListToAtom, args),
            "$map_from_list" => one(Builtin::MapFromList, args),
            "$map_to_list" => one(Builtin::MapToList, args),
            "map_size" => IrExpr::Call(Builtin::Len, vec![one(Builtin::MapToList, args)]),
            "is_record" => {
                let name = args.pop().unwrap_or(IrExpr::Const(Value::Unit));
                let value = args.pop().unwrap_or(IrExpr::Const(Value::Unit));
                self.is_record(value, &name, span)?
            }
            "element" => {
                let t = args.pop().unwrap_or(IrExpr::Const(Value::Unit));
                let n = args.pop().unwrap_or(IrExpr::int(1));
                t.index(n - 1)
            }
            _ => return Err(not_in_guard(span)),
        })
    }

    /// A sequence of expressions; in tail position the last one ends the function.
    pub(super) fn seq(&mut self, body: &[Expr], tail: bool) -> Res<IrExpr> {
        let Some((last, init)) = body.split_last() else {
            return Ok(IrExpr::atom("ok"));
        };
        for e in init {
            self.effect(e)?;
        }
        if tail {
            self.tail(last)?;
            Ok(IrExpr::atom("ok"))
        } else {
            self.expr(last)
        }
    }

    /// An expression whose value is not used.
    pub(super) fn effect(&mut self, e: &Expr) -> Res<()> {
        match &e.kind {
            ExprKind::Call { .. } => {
                self.call(e, false, false, None)?;
            }
            _ => {
                self.expr(e)?;
            }
        }
        Ok(())
    }

    /// An expression in tail position: its value is returned (calls become tail calls).
    pub(super) fn tail(&mut self, e: &Expr) -> Res<()> {
        match &e.kind {
            ExprKind::Call { .. } => {
                if let Some(v) = self.call(e, true, true, None)? {
                    self.cx.emit(e.span, Op::Return { value: Some(v) });
                }
                Ok(())
            }
            ExprKind::Receive { clauses, after } => self.receive(e, clauses, after, None),
            ExprKind::Case(subject, clauses) => self.case(e, subject, clauses, None),
            ExprKind::If(branches) => self.if_expr(e, branches, None),
            ExprKind::Block(body) => {
                self.seq(body, true)?;
                Ok(())
            }
            _ => {
                let v = self.expr(e)?;
                self.cx.emit(e.span, Op::Return { value: Some(v) });
                Ok(())
            }
        }
    }

    /// Lowers an operand: a value with no destination of its own.
    pub(super) fn expr(&mut self, e: &Expr) -> Res<IrExpr> {
        self.expr_to(e, None)
    }

    /// Lowers `e`, putting its value in `into` where the expression makes one (a call, a
    /// `receive`, a `case`). Only the outermost expression of a binding uses its variable
    /// directly.
    pub(super) fn expr_to(&mut self, e: &Expr, into: Option<Local>) -> Res<IrExpr> {
        Ok(match &e.kind {
            ExprKind::Var(v) => IrExpr::Local(self.bound_var(v, e.span)?),
            ExprKind::Wildcard => {
                return Err(Diagnostic::new(
                    e.span,
                    "`_` can only be used in patterns",
                    "`_` matches anything but holds nothing; use a named variable",
                ))
            }
            ExprKind::Atom(_) | ExprKind::Int(_) | ExprKind::Str(_) => {
                IrExpr::Const(literal(e).unwrap_or(Value::Unit))
            }
            ExprKind::Tuple(items) => IrExpr::Tuple(self.exprs(items)?),
            ExprKind::List(items, tail) => {
                let items = self.exprs(items)?;
                match tail {
                    None => IrExpr::List(items),
                    Some(t) => {
                        let mut acc = self.expr(t)?;
                        for i in items.into_iter().rev() {
                            acc = IrExpr::Cons(Box::new(i), Box::new(acc));
                        }
                        acc
                    }
                }
            }
            ExprKind::Binary(op @ (BinOp::And | BinOp::Or), a, b) if !self.is_pure(b) => {
                // `andalso`/`orelse` with a right side that has steps: run it only if needed.
                let left = self.expr(a)?;
                let sc = self
                    .cx
                    .short_circuit(e.span, *op == BinOp::And, left, "tmp");
                let right = self.expr(b)?;
                self.cx.short_circuit_end(sc, e.span, right)
            }
            ExprKind::Binary(op, a, b) => {
                let left = self.expr(a)?;
                let right = self.expr(b)?;
                binary(*op, left, right)
            }
            ExprKind::Neg(a) => IrExpr::Unary(UnOp::Neg, Box::new(self.expr(a)?)),
            ExprKind::Not(a) => IrExpr::Unary(UnOp::Not, Box::new(self.expr(a)?)),
            ExprKind::Match(pat, value) => {
                if let ExprKind::Var(name) = &pat.kind {
                    if !self.bound.contains(name) {
                        // `Pid = spawn(…)`, `Reply = receive … end`: the value goes straight
                        // into the variable.
                        let slot = self.var(name);
                        let v = self.expr_to(value, Some(slot))?;
                        // A step of its own in expand mode only when it computes
                        // (`N1 = N + 1`), not for a copy.
                        if v != IrExpr::Local(slot) {
                            let op = if computes(&v) {
                                Op::Eval { dst: slot, expr: v }
                            } else {
                                Op::Set { dst: slot, expr: v }
                            };
                            self.cx.emit(e.span, op);
                        }
                        self.bound.insert(name.clone());
                        return Ok(IrExpr::Local(slot));
                    }
                }
                let v = self.expr(value)?;
                let tmp = self.cx.temp("tmp");
                self.cx.emit(e.span, Op::Set { dst: tmp, expr: v });
                let mut fresh = Vec::new();
                let p = self.pattern(pat, &mut fresh)?;
                self.cx.emit(
                    e.span,
                    Op::Match {
                        pattern: p,
                        expr: IrExpr::Local(tmp),
                    },
                );
                self.bound.extend(fresh);
                IrExpr::Local(tmp)
            }
            ExprKind::Send(to, msg) => {
                let to = self.expr(to)?;
                // Values are immutable: the message can be both sent and the value of `!`
                // without a temporary (which expand mode would show as a step).
                let msg = self.expr(msg)?;
                if let IrExpr::Const(v) = &to {
                    // A pid, or an atom: the registered name.
                    if !matches!(v, Value::Pid(_) | Value::Atom(_)) {
                        return Err(Diagnostic::new(
                            e.span,
                            format!(
                                "`!` sends to a process, but `{}` is not a pid",
                                v.repr(Style::Erlang)
                            ),
                            "send to a pid from `spawn(…)` or `self()`, like `Pid ! hello`",
                        ));
                    }
                }
                self.cx.emit(
                    e.span,
                    Op::Send {
                        to,
                        msg: msg.clone(),
                    },
                );
                msg
            }
            ExprKind::Call { .. } => self
                .call(e, true, false, into)?
                .unwrap_or(IrExpr::atom("ok")),
            ExprKind::Fun(clauses) => self.fun(e, clauses)?,
            ExprKind::FunRef(name, arity) => {
                let Some(id) = self.ctx.funcs.get(&(name.clone(), *arity)).copied() else {
                    return Err(self.undefined(name, *arity, e.span));
                };
                IrExpr::MakeFun {
                    func: id,
                    captured: Vec::new(),
                }
            }
            ExprKind::Receive { clauses, after } => {
                let dst = self.cx.dst(into, "tmp");
                self.receive(e, clauses, after, Some(dst))?;
                IrExpr::Local(dst)
            }
            ExprKind::Case(subject, clauses) => {
                let dst = self.cx.dst(into, "tmp");
                self.case(e, subject, clauses, Some(dst))?;
                IrExpr::Local(dst)
            }
            ExprKind::If(branches) => {
                let dst = self.cx.dst(into, "tmp");
                self.if_expr(e, branches, Some(dst))?;
                IrExpr::Local(dst)
            }
            ExprKind::Block(body) => self.seq(body, false)?,
            ExprKind::Try(t) => {
                let dst = self.cx.dst(into, "tmp");
                self.try_expr(e, t, dst)?;
                IrExpr::Local(dst)
            }
            ExprKind::Catch(inner) => {
                let dst = self.cx.dst(into, "tmp");
                self.catch_expr(e, inner, dst)?;
                IrExpr::Local(dst)
            }
            ExprKind::Record { name, base, fields } => {
                self.record_value(e, name, base.as_deref(), fields)?
            }
            ExprKind::RecordField(r, name, field) => {
                let i = self.field_index(name, field, e.span)?;
                self.expr(r)?.index(IrExpr::int(i))
            }
            ExprKind::Map { base, entries } => self.map_value(e, base.as_deref(), entries)?,
            ExprKind::Comprehension(head, quals) => {
                let dst = self.cx.dst(into, "tmp");
                self.comprehension(e, head, quals, dst)?;
                IrExpr::Local(dst)
            }
        })
    }

    pub(super) fn exprs(&mut self, items: &[Expr]) -> Res<Vec<IrExpr>> {
        items.iter().map(|i| self.expr(i)).collect()
    }

    /// Whether lowering `e` emits no instructions.
    pub(super) fn is_pure(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Var(_)
            | ExprKind::Atom(_)
            | ExprKind::Int(_)
            | ExprKind::Str(_)
            | ExprKind::FunRef(..) => true,
            ExprKind::Tuple(items) => items.iter().all(|i| self.is_pure(i)),
            ExprKind::List(items, tail) => {
                items.iter().all(|i| self.is_pure(i))
                    && tail.as_ref().is_none_or(|t| self.is_pure(t))
            }
            ExprKind::Binary(_, a, b) => self.is_pure(a) && self.is_pure(b),
            ExprKind::Neg(a) | ExprKind::Not(a) => self.is_pure(a),
            ExprKind::Call {
                module: None,
                func,
                args,
            } => {
                matches!(&func.kind, ExprKind::Atom(n) if GUARD_BIFS.contains(&n.as_str()))
                    && args.iter().all(|a| self.is_pure(a))
            }
            _ => false,
        }
    }

    /// `fun (…) -> … end`: a new function whose leading parameters are the captured
    /// variables.
    pub(super) fn fun(&mut self, e: &Expr, clauses: &[FunClause]) -> Res<IrExpr> {
        let mut used = Vec::new();
        for c in clauses {
            for p in &c.params {
                vars_in(p, &mut used);
            }
            for g in c.guard.iter().flatten() {
                vars_in(g, &mut used);
            }
            for b in &c.body {
                vars_in(b, &mut used);
            }
        }
        // A parameter named like a variable outside shadows it: it is not captured.
        let mut params_vars = Vec::new();
        for c in clauses {
            for p in &c.params {
                vars_in(p, &mut params_vars);
            }
        }
        let captured: Vec<String> = used
            .into_iter()
            .filter(|v| self.bound.contains(v) && !params_vars.contains(v))
            .collect();
        let arity = clauses.first().map_or(0, |c| c.params.len());
        let mut params: Vec<String> = captured.clone();
        params.extend((0..arity).map(|i| format!("$arg{}", i + 1)));
        let param_refs: Vec<&str> = params.iter().map(String::as_str).collect();
        let id = FuncId(self.ctx.out.len() as u32);
        self.ctx.out.push(ir::Function::default());
        let name = fun_display_name(e).unwrap_or_else(|| format!("fun in {}", self.owner));
        let owner = self.owner.clone();
        let func = {
            let mut inner = FnLower::new(self.ctx, id, &name, &param_refs, &owner);
            inner.clauses(
                clauses,
                &captured,
                e.span,
                NoMatch::FunctionClause { name: name.clone() },
            )?;
            let mut f = inner.cx.fb.finish();
            f.span = e.span;
            f
        };
        if let Some(slot) = self.ctx.out.get_mut(id.index()) {
            *slot = func;
        }
        let captured_values = captured
            .iter()
            .map(|v| IrExpr::Local(self.var(v)))
            .collect();
        Ok(IrExpr::MakeFun {
            func: id,
            captured: captured_values,
        })
    }
}
