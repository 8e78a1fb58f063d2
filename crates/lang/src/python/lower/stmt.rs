//! Statements: blocks, `if`, `while`, `with`, `return`, and the locks a `with` holds.

use super::*;

impl FnLower<'_> {
    pub(super) fn block(&mut self, body: &[Stmt]) -> Res<()> {
        for stmt in body {
            self.stmt(stmt)?;
        }
        Ok(())
    }

    pub(super) fn stmt(&mut self, stmt: &Stmt) -> Res<()> {
        let span = stmt.span;
        // Scratch values never outlive their statement (`stable`/`stash` copy the ones that
        // must), so each statement starts again at `tmp`.
        self.cx.scratch.restart();
        match &stmt.kind {
            StmtKind::Import { .. } | StmtKind::Pass => Ok(()),
            StmtKind::Def { name, .. } => Err(Diagnostic::new(
                name.span,
                "functions must be defined at the top level of the module",
                "move this `def` out to the left margin; nested functions are not part of the Python lesson dialect",
            )),
            StmtKind::Global(names) => {
                if !self.is_main {
                    for n in names {
                        if self.locals.contains_key(&n.name) {
                            return Err(Diagnostic::new(
                                n.span,
                                format!("`{}` is used before its `global` declaration", n.name),
                                "put the `global` line at the top of the function",
                            ));
                        }
                    }
                }
                Ok(())
            }
            StmtKind::Assign { targets, value } => {
                if self.is_main && self.scope.folded.contains(&(span.start, span.end)) {
                    // The initial value became the global's starting content.
                    return Ok(());
                }
                let kind = self.kind_of(value);
                let kind = match (kind, &value.kind) {
                    (Kind::Thread(_), ExprKind::Call { kwargs, .. }) => Kind::Thread(
                        kwargs
                            .iter()
                            .find(|(k, _)| k.name == "name")
                            .and_then(|(_, v)| match &v.kind {
                                ExprKind::Str(s) => Some(s.clone()),
                                _ => None,
                            }),
                    ),
                    (k, _) => k,
                };
                let mut dest = Dest::NONE;
                if let [Expr {
                    kind: ExprKind::Name(n),
                    ..
                }] = targets.as_slice()
                {
                    // `x = count` reads straight into `x`; `jobs = queue.Queue()` makes a
                    // queue called `jobs`. Not when the value uses `x` itself, which must
                    // still be "used before it is assigned" when it has no value yet.
                    let mut used = Vec::new();
                    collect_names(
                        &[Stmt {
                            kind: StmtKind::Expr(value.clone()),
                            span: value.span,
                        }],
                        &mut used,
                    );
                    if !used.contains(n) {
                        dest.slot = self.local_target(n);
                    }
                    dest.name = Some(n.clone());
                }
                let v = self.expr_to(value, dest)?;
                if let [target] = targets.as_slice() {
                    return self.assign(target, v, kind, span);
                }
                let tmp = self.cx.temp("tmp");
                self.cx.emit(span, Op::Set { dst: tmp, expr: v });
                for t in targets {
                    self.assign(t, IrExpr::Local(tmp), kind.clone(), span)?;
                }
                Ok(())
            }
            StmtKind::AugAssign {
                target,
                op,
                op_span,
                value,
            } => self.aug_assign(target, *op, *op_span, value, span),
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::If { branches, orelse } => {
                let end = self.cx.fb.label();
                for (cond, body) in branches {
                    let next = self.cx.fb.label();
                    let c = self.cond(cond)?;
                    self.cx.emit(cond.span, Op::JumpUnless { cond: c, to: next });
                    self.block(body)?;
                    self.cx.emit(span, Op::Jump { to: end });
                    self.cx.fb.bind(next);
                }
                self.block(orelse)?;
                self.cx.fb.bind(end);
                Ok(())
            }
            StmtKind::While { cond, body } => self.while_loop(
                span,
                |me| {
                    let forever = matches!(cond.kind, ExprKind::Bool(true));
                    (!forever).then(|| me.cond(cond)).transpose()
                },
                |me, top, end| me.loop_body(body, top, end),
            ),
            StmtKind::For { target, iter, body } => self.for_loop(target, iter, body, span),
            StmtKind::With { ctx, body } => {
                let kind = self.kind_of(ctx);
                let held = match kind {
                    Kind::Lock | Kind::Unknown => {
                        let lock = self.expr(ctx)?;
                        Held::Lock(self.cx.stable(lock, "lock", span))
                    }
                    Kind::Lib(Lib::Condition) => {
                        let cond = self.expr(ctx)?;
                        let cond = self.cx.stable(cond, "condition", span);
                        Held::Lock(Self::condition_lock(&cond))
                    }
                    Kind::Lib(Lib::Semaphore(bounded)) => {
                        let chan = self.expr(ctx)?;
                        let chan = self.cx.stable(chan, "semaphore", span);
                        Held::Semaphore { chan, bounded }
                    }
                    _ => {
                        return Err(Diagnostic::new(
                            ctx.span,
                            format!("`with` needs a lock, but this is {}", kind.describe()),
                            "make the lock with `lock = threading.Lock()` and write `with lock:`; a Condition or a semaphore works too",
                        ))
                    }
                };
                self.enter(&held, span);
                self.held.push((held.clone(), span));
                self.block(body)?;
                self.held.pop();
                self.leave(held, span);
                Ok(())
            }
            StmtKind::Return(value) => {
                if self.is_main {
                    return Err(Diagnostic::new(
                        span,
                        "`return` outside a function",
                        "`return` may only appear inside a `def`",
                    ));
                }
                let v = match value {
                    Some(v) => Some(self.expr(v)?),
                    None => None,
                };
                let v = match v {
                    Some(e) if !self.held.is_empty() => Some(IrExpr::Local(self.stash(e, span))),
                    other => other,
                };
                self.release_held(0, span);
                self.cx.emit(span, Op::Return { value: v });
                Ok(())
            }
            StmtKind::Break | StmtKind::Continue => {
                let is_break = matches!(stmt.kind, StmtKind::Break);
                let Some(l) = self.loops.last() else {
                    return Err(Diagnostic::new(
                        span,
                        format!(
                            "`{}` outside a loop",
                            if is_break { "break" } else { "continue" }
                        ),
                        "use it inside a `for` or `while` body",
                    ));
                };
                let to = if is_break { l.break_to } else { l.continue_to };
                let held = l.locks_held;
                self.release_held(held, span);
                self.cx.emit(span, Op::Jump { to });
                Ok(())
            }
        }
    }

    /// Releases `with` locks above `keep`, innermost first (leaving the block early).
    pub(super) fn release_held(&mut self, keep: usize, span: Span) {
        let held: Vec<(Held, Span)> = self.held.iter().skip(keep).rev().cloned().collect();
        for (h, _) in held {
            self.leave(h, span);
        }
    }

    /// Takes what a `with` block holds: a lock, or a semaphore's token.
    fn enter(&mut self, held: &Held, span: Span) {
        let op = match held {
            Held::Lock(lock) => Op::Acquire { lock: lock.clone() },
            Held::Semaphore { chan, .. } => Op::ChanRecv {
                chan: chan.clone(),
                dst: None,
                ok: None,
            },
        };
        self.cx.emit(span, op);
    }

    /// Gives back what a `with` block held.
    fn leave(&mut self, held: Held, span: Span) {
        match held {
            Held::Lock(lock) => self.cx.emit(span, Op::Release { lock }),
            Held::Semaphore { chan, bounded } => self.semaphore_release(span, chan, bounded),
        }
    }

    /// Stores a value in a temporary so it is computed once and survives later statements
    /// (scratch slots are reused by the next statement).
    pub(super) fn stash(&mut self, e: IrExpr, span: Span) -> Local {
        match e {
            IrExpr::Local(l) if !self.cx.scratch.holds(l) => l,
            other => {
                let t = self.cx.temp("tmp");
                self.cx.emit(
                    span,
                    Op::Set {
                        dst: t,
                        expr: other,
                    },
                );
                t
            }
        }
    }

    pub(super) fn loop_body(
        &mut self,
        body: &[Stmt],
        continue_to: Label,
        break_to: Label,
    ) -> Res<()> {
        self.loops.push(Loop {
            continue_to,
            break_to,
            locks_held: self.held.len(),
        });
        let res = self.block(body);
        self.loops.pop();
        res
    }
}
