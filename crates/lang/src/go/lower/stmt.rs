//! Statements: declarations, `return`, blocks and expression statements.

use super::*;

impl FnLower<'_> {
    pub(super) fn stmt(&mut self, s: &Stmt) -> Res<()> {
        let span = s.span;
        // Scratch values never outlive their statement (`stable` copies the ones that must),
        // so each statement starts again at `tmp`.
        self.cx.scratch.restart();
        match &s.kind {
            StmtKind::Var(spec) => self.local_var(spec),
            StmtKind::Define(names, values) => self.define(names, values, span),
            StmtKind::Assign(lhs, op, rhs, op_span) => match op {
                None => self.assign(lhs, rhs, span),
                Some(op) => {
                    let (Some(target), [value]) = (lhs.first(), rhs.as_slice()) else {
                        return Err(Diagnostic::new(
                            span,
                            "`op=` works on one variable and one value",
                            "write `count += 1`",
                        ));
                    };
                    if lhs.len() != 1 {
                        return Err(Diagnostic::new(
                            span,
                            "`op=` works on one variable and one value",
                            "write `count += 1`",
                        ));
                    }
                    self.update(target, *op, Some(value), *op_span, span)
                }
            },
            StmtKind::IncDec(target, inc, op_span) => {
                let op = if *inc { BinOp::Add } else { BinOp::Sub };
                self.update(target, op, None, *op_span, span)
            }
            StmtKind::Expr(e) => self.expr_stmt(e, span),
            StmtKind::Send(ch, value) => {
                let (c, cty) = self.expr(ch)?;
                self.check_chan(&cty, ch, true)?;
                let (v, vty) = self.value(value, "sent")?;
                if let Ty::Chan(_, elem) = &cty {
                    if vty.clashes(elem) {
                        return Err(Diagnostic::new(
                            value.span,
                            format!("cannot send {} on a channel of {}", an(&vty), elem.name()),
                            format!("send {} value", an(elem)),
                        ));
                    }
                }
                self.cx.emit(span, Op::ChanSend { chan: c, value: v });
                Ok(())
            }
            StmtKind::Go(call) => self.go(call, span),
            StmtKind::Defer(call) => self.defer(call, span),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.scopes.push(HashMap::new());
                let res = self.if_stmt(init.as_deref(), cond, then, els.as_deref(), span);
                self.scopes.pop();
                res
            }
            StmtKind::While(cond, body) => self.while_loop(
                span,
                |me| cond.as_ref().map(|c| me.cond(c)).transpose(),
                |me, top, end| me.loop_body(body, top, end),
            ),
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                self.scopes.push(HashMap::new());
                let res =
                    self.for_stmt(init.as_deref(), cond.as_ref(), post.as_deref(), body, span);
                self.scopes.pop();
                res
            }
            StmtKind::Range {
                key,
                value,
                over,
                body,
            } => {
                self.scopes.push(HashMap::new());
                let res = self.range(key.as_ref(), value.as_ref(), over, body, span);
                self.scopes.pop();
                res
            }
            StmtKind::Select(cases) => self.select(cases, span),
            StmtKind::Return(values) => {
                let named = values.is_empty() && !self.result_vars.is_empty();
                if values.len() != self.results.len() && !named {
                    return Err(Diagnostic::new(
                        span,
                        if values.len() < self.results.len() {
                            format!("not enough return values in `{}`", self.cx.name)
                        } else {
                            format!("too many return values in `{}`", self.cx.name)
                        },
                        format!(
                            "`{}` returns {}",
                            self.cx.name,
                            if self.results.is_empty() {
                                "nothing".to_string()
                            } else {
                                Ty::Tuple(self.results.clone()).name()
                            }
                        ),
                    ));
                }
                let mut vs = Vec::new();
                let results = self.results.clone();
                for (v, want) in values.iter().zip(&results) {
                    let (x, t) = self.value(v, "result")?;
                    vs.push(self.coerce(x, &t, want));
                }
                if named {
                    for var in self.result_vars.clone() {
                        vs.push(self.load(&var, span, None)?);
                    }
                }
                let value = match vs.len() {
                    0 => None,
                    1 => vs.pop(),
                    _ => Some(IrExpr::Tuple(vs)),
                };
                // The results are fixed before the deferred calls run.
                let value = match (value, self.defers) {
                    (Some(v), Some(_)) => {
                        let t = self.cx.temp("results");
                        self.cx.emit(span, Op::Set { dst: t, expr: v });
                        Some(IrExpr::Local(t))
                    }
                    (v, _) => v,
                };
                self.run_defers(span);
                self.cx.emit(span, Op::Return { value });
                Ok(())
            }
            StmtKind::Break => {
                let Some(l) = self.loops.last() else {
                    return Err(Diagnostic::new(
                        span,
                        "`break` is not in a loop or select",
                        "use `break` inside `for` or `select`",
                    ));
                };
                let to = l.break_to;
                self.cx.emit(span, Op::Jump { to });
                Ok(())
            }
            StmtKind::Continue => {
                let Some(to) = self.loops.iter().rev().find_map(|l| l.continue_to) else {
                    return Err(Diagnostic::new(
                        span,
                        "`continue` is not in a loop",
                        "use `continue` inside `for`",
                    ));
                };
                self.cx.emit(span, Op::Jump { to });
                Ok(())
            }
            StmtKind::Block(body) => self.block(body),
        }
    }

    pub(super) fn loop_body(
        &mut self,
        body: &[Stmt],
        continue_to: Label,
        break_to: Label,
    ) -> Res<()> {
        self.loops.push(Loop {
            continue_to: Some(continue_to),
            break_to,
        });
        let res = self.block(body);
        self.loops.pop();
        res
    }

    pub(super) fn local_var(&mut self, spec: &VarSpec) -> Res<()> {
        let declared = match &spec.ty {
            Some(t) => Some(self.ty_of(t, spec.ty_span)?),
            None => None,
        };
        if spec.constant {
            for (name, value) in spec.names.iter().zip(&spec.values) {
                let Some(v) = const_eval(value, self.pkg) else {
                    return Err(Diagnostic::new(
                        value.span,
                        "a constant must be a value known before the program runs",
                        "use a number or a string, like `const workers = 3`",
                    ));
                };
                let ty = match &v {
                    Value::Int(_) => Ty::Int,
                    Value::Str(_) => Ty::Str,
                    _ => Ty::Bool,
                };
                self.scope_insert(
                    &name.name,
                    Var {
                        store: Store::Const(v),
                        ty,
                    },
                );
            }
            return Ok(());
        }
        if spec.values.is_empty() {
            let ty = declared.unwrap_or(Ty::Unknown);
            for name in &spec.names {
                let init = self.zero_of(&ty, &name.name, spec.span);
                self.declare(name, ty.clone(), init, spec.span);
            }
            return Ok(());
        }
        let mut vals = Vec::new();
        for (i, v) in spec.values.iter().enumerate() {
            let dest = Dest {
                slot: None,
                name: spec.names.get(i).map(|n| n.name.clone()),
            };
            let (x, t) = self.expr_to(v, dest.clone())?;
            let x = self.copied(v, x, &t, dest.name_or("copy"));
            vals.push((x, t));
        }
        for (name, (v, vty)) in spec.names.iter().zip(vals) {
            let ty = match &declared {
                Some(d) => {
                    if Self::clash(&v, &vty, d) {
                        return Err(Diagnostic::new(
                            spec.span,
                            format!(
                                "cannot use {} as {} in `var {}`",
                                an(&vty),
                                d.name(),
                                name.name
                            ),
                            format!("give `{}` {} value", name.name, an(d)),
                        ));
                    }
                    d.clone()
                }
                None => vty.clone(),
            };
            let v = self.coerce(v, &vty, &ty);
            self.declare(name, ty, v, spec.span);
        }
        Ok(())
    }

    pub(super) fn expr_stmt(&mut self, e: &Expr, span: Span) -> Res<()> {
        match &e.kind {
            ExprKind::Call(..) => {
                self.call(e, true, None)?;
                Ok(())
            }
            ExprKind::Unary(UnOp::Recv, ch) => {
                let (c, cty) = self.expr(ch)?;
                self.check_chan(&cty, ch, false)?;
                self.cx.emit(
                    span,
                    Op::ChanRecv {
                        chan: c,
                        dst: None,
                        ok: None,
                    },
                );
                Ok(())
            }
            _ => Err(Diagnostic::new(
                e.span,
                "this value is computed but not used",
                "assign it with `x := …`, or call a function",
            )),
        }
    }
}
