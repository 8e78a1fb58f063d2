//! Control flow: `if`, the forms of `for`, `range` and `select`.

use super::*;

impl FnLower<'_> {
    pub(super) fn if_stmt(
        &mut self,
        init: Option<&Stmt>,
        cond: &Expr,
        then: &[Stmt],
        els: Option<&[Stmt]>,
        span: Span,
    ) -> Res<()> {
        if let Some(i) = init {
            self.stmt(i)?;
        }
        let c = self.cond(cond)?;
        let other = self.cx.fb.label();
        let end = self.cx.fb.label();
        self.cx.emit(span, Op::JumpUnless { cond: c, to: other });
        self.block(then)?;
        if let Some(e) = els {
            self.cx.emit(span, Op::Jump { to: end });
            self.cx.fb.bind(other);
            self.block(e)?;
        } else {
            self.cx.fb.bind(other);
        }
        self.cx.fb.bind(end);
        Ok(())
    }

    pub(super) fn cond(&mut self, e: &Expr) -> Res<IrExpr> {
        let (v, ty) = self.expr(e)?;
        if !matches!(ty, Ty::Bool | Ty::Unknown) {
            return Err(Diagnostic::new(
                e.span,
                format!("a condition must be a bool, but this is {}", an(&ty)),
                "compare it, like `n > 0`",
            ));
        }
        Ok(v)
    }

    pub(super) fn for_stmt(
        &mut self,
        init: Option<&Stmt>,
        cond: Option<&Expr>,
        post: Option<&Stmt>,
        body: &[Stmt],
        span: Span,
    ) -> Res<()> {
        // Go 1.22: a loop variable declared in the header is a new variable each
        // iteration, so closures started in the body see the value of their iteration.
        let mut per_iteration = Vec::new();
        let captured = captured_in(body);
        if let Some(i) = init {
            if let StmtKind::Define(names, _) = &i.kind {
                for n in names {
                    if captured.contains(&n.name) {
                        per_iteration.push(n.clone());
                    }
                }
                let saved: Vec<bool> = names.iter().map(|n| self.cells.remove(&n.name)).collect();
                let hidden: Vec<String> = per_iteration
                    .iter()
                    .map(|n| n.name.clone())
                    .filter(|n| self.hidden_vars.insert(n.clone()))
                    .collect();
                let res = self.as_bookkeeping(|me| me.stmt(i));
                for n in hidden {
                    self.hidden_vars.remove(&n);
                }
                res?;
                for (n, was) in names.iter().zip(saved) {
                    if was {
                        self.cells.insert(n.name.clone());
                    }
                }
            } else {
                self.as_bookkeeping(|me| me.stmt(i))?;
            }
        }
        let top = self.cx.fb.label();
        let next = self.cx.fb.label();
        let end = self.cx.fb.label();
        self.cx.fb.bind(top);
        if let Some(c) = cond {
            let v = self.cond(c)?;
            self.cx.emit(span, Op::JumpUnless { cond: v, to: end });
        }
        let outer: Vec<(Ident, Var)> = per_iteration
            .iter()
            .filter_map(|n| self.lookup(&n.name).map(|v| (n.clone(), v)))
            .collect();
        self.scopes.push(HashMap::new());
        let mut copies = Vec::new();
        for (n, var) in &outer {
            let current = self.load(var, n.span, None)?;
            let mut mutated = HashSet::new();
            mutated_in(body, &mut mutated);
            let was = self.cells.contains(&n.name);
            if mutated.contains(&n.name) {
                self.cells.insert(n.name.clone());
            } else {
                self.cells.remove(&n.name);
            }
            self.as_bookkeeping(|me| me.declare(n, var.ty.clone(), current, span));
            if was {
                self.cells.insert(n.name.clone());
            } else {
                self.cells.remove(&n.name);
            }
            if let Some(copy) = self.lookup(&n.name) {
                copies.push((var.clone(), copy));
            }
        }
        self.loop_body(body, next, end)?;
        self.cx.fb.bind(next);
        for (outer_var, copy) in copies {
            self.cx.scratch.restart();
            let v = self.load(&copy, span, None)?;
            self.as_bookkeeping(|me| me.store(&outer_var, v, span))?;
        }
        self.scopes.pop();
        if let Some(p) = post {
            self.as_bookkeeping(|me| me.stmt(p))?;
        }
        self.cx.emit(span, Op::Jump { to: top });
        self.cx.fb.bind(end);
        Ok(())
    }

    pub(super) fn range(
        &mut self,
        key: Option<&Ident>,
        value: Option<&Ident>,
        over: &Expr,
        body: &[Stmt],
        span: Span,
    ) -> Res<()> {
        let (ov, oty) = self.expr(over)?;
        let top = self.cx.fb.label();
        let end = self.cx.fb.label();
        match oty {
            Ty::Chan(dir, elem) => {
                if value.is_some() {
                    return Err(Diagnostic::new(
                        over.span,
                        "range over a channel gives one value",
                        "write `for v := range ch {`",
                    ));
                }
                if dir == Dir::Send {
                    return self.check_chan(&Ty::Chan(dir, elem), over, false);
                }
                let ch = self.cx.stable(ov, "tmp", span);
                let dst = self.cx.temp("v");
                let ok = self.cx.temp("ok");
                self.cx.fb.bind(top);
                self.cx.emit(
                    span,
                    Op::ChanRecv {
                        chan: ch,
                        dst: Some(dst),
                        ok: Some(ok),
                    },
                );
                self.cx.emit(
                    span,
                    Op::JumpUnless {
                        cond: IrExpr::Local(ok),
                        to: end,
                    },
                );
                self.scopes.push(HashMap::new());
                if let Some(k) = key {
                    self.declare(k, (*elem).clone(), IrExpr::Local(dst), span);
                }
                let res = self.loop_body(body, top, end);
                self.scopes.pop();
                res?;
                self.cx.emit(span, Op::Jump { to: top });
                self.cx.fb.bind(end);
                Ok(())
            }
            Ty::Slice(elem) => self.range_slice((key, value), ov, *elem, body, span),
            Ty::Int | Ty::Str => {
                let counter = self.cx.temp("i");
                if let (Ty::Int, Some(_)) = (&oty, value) {
                    return Err(Diagnostic::new(
                        over.span,
                        "range over an integer gives one value",
                        "write `for i := range 10 {`",
                    ));
                }
                // A string ranges over its runes: each step gives the byte offset where the
                // rune starts and the rune, as Go decodes UTF-8.
                let text = oty == Ty::Str;
                let ov = if text {
                    IrExpr::Call(Builtin::RuneOffsets, vec![ov])
                } else {
                    ov
                };
                // Evaluated once: the body may reuse the scratch slot it was read into.
                let items = self.cx.stable(ov, "tmp", span);
                let limit = if let Ty::Int = oty {
                    items.clone()
                } else {
                    IrExpr::Call(Builtin::Len, vec![items.clone()])
                };
                let elem = Ty::Rune;
                self.cx.emit(
                    span,
                    Op::Set {
                        dst: counter,
                        expr: IrExpr::int(0),
                    },
                );
                let next = self.cx.fb.label();
                self.cx.fb.bind(top);
                self.cx.emit(
                    span,
                    Op::JumpUnless {
                        cond: IrExpr::Local(counter).lt(limit),
                        to: end,
                    },
                );
                self.scopes.push(HashMap::new());
                self.as_bookkeeping(|me| {
                    if let Some(k) = key {
                        let offset = if text {
                            items.clone().index(counter).index(0)
                        } else {
                            IrExpr::Local(counter)
                        };
                        me.declare(k, Ty::Int, offset, span);
                    }
                    if let Some(v) = value {
                        me.declare(v, elem, items.index(counter).index(1), span);
                    }
                });
                let res = self.loop_body(body, next, end);
                self.scopes.pop();
                res?;
                self.cx.count_and_repeat(span, counter, (next, top, end));
                Ok(())
            }
            Ty::Map(..) => Err(Diagnostic::new(
                over.span,
                "ranging over a map is not part of the Go lesson dialect yet",
                "keep the keys in a slice and read `m[k]` for each",
            )),
            other => Err(Diagnostic::new(
                over.span,
                format!("cannot range over {}", an(&other)),
                "range over a channel, an int or a slice",
            )),
        }
    }

    pub(super) fn select(&mut self, cases: &[SelectCase], span: Span) -> Res<()> {
        let end = self.cx.fb.label();
        let mut ir_cases = Vec::new();
        let mut default = None;
        // Per case: its label, the case, where a receive puts the value and `ok`, and the
        // channel's element type.
        let mut bodies = Vec::new();
        for c in cases {
            let to = self.cx.fb.label();
            let mut slots = (None, None, Ty::Unknown);
            match &c.comm {
                Comm::Default => default = Some(to),
                Comm::Send { chan, value } => {
                    let (cv, cty) = self.expr(chan)?;
                    self.check_chan(&cty, chan, true)?;
                    let (v, _) = self.expr(value)?;
                    ir_cases.push(IrCase::Send {
                        chan: cv,
                        value: v,
                        to,
                    });
                }
                Comm::Recv { chan, lhs, .. } => {
                    let (cv, cty) = self.expr(chan)?;
                    self.check_chan(&cty, chan, false)?;
                    let dst = (!lhs.is_empty()).then(|| self.cx.temp("v"));
                    let ok = (lhs.len() > 1).then(|| self.cx.temp("ok"));
                    let elem = match cty {
                        Ty::Chan(_, e) => *e,
                        _ => Ty::Unknown,
                    };
                    slots = (dst, ok, elem);
                    ir_cases.push(IrCase::Recv {
                        chan: cv,
                        dst,
                        ok,
                        to,
                    });
                }
            }
            bodies.push((to, c, slots));
        }
        let head = Span::new(span.start, span.start + 6, span.line, span.col);
        self.cx.emit(
            head,
            Op::Select {
                cases: ir_cases,
                default,
            },
        );
        for (to, c, (dst, ok, elem)) in bodies {
            self.cx.fb.bind(to);
            self.scopes.push(HashMap::new());
            if let Comm::Recv { lhs, define, .. } = &c.comm {
                let values = [(lhs.first(), dst, elem), (lhs.get(1), ok, Ty::Bool)];
                for (target, slot, ty) in values {
                    let (Some(target), Some(slot)) = (target, slot) else {
                        continue;
                    };
                    if *define {
                        if let ExprKind::Ident(n) = &target.kind {
                            let id = Ident {
                                name: n.clone(),
                                span: target.span,
                            };
                            self.declare(&id, ty, IrExpr::Local(slot), c.span);
                        }
                    } else {
                        self.assign_to(target, IrExpr::Local(slot), c.span)?;
                    }
                }
            }
            self.loops.push(Loop {
                continue_to: None,
                break_to: end,
            });
            let res = c.body.iter().try_for_each(|s| self.stmt(s));
            self.loops.pop();
            self.scopes.pop();
            res?;
            self.cx.emit(c.span, Op::Jump { to: end });
        }
        self.cx.fb.bind(end);
        Ok(())
    }
}
