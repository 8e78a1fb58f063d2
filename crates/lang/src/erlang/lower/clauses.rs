//! Clauses and patterns: function clauses, guards, `case`, `if` and `receive`.

use super::*;

impl FnLower<'_> {
    /// The clauses of a named function or a fun. `captured` are the leading parameters
    /// that are already bound (a fun's captured variables).
    pub(super) fn clauses(
        &mut self,
        clauses: &[FunClause],
        captured: &[String],
        span: Span,
        no_match: NoMatch,
    ) -> Res<()> {
        let arity = clauses.first().map_or(0, |c| c.params.len());
        let base: HashSet<String> = captured.iter().cloned().collect();
        let offset = captured.len() as u32;
        let mut built = Vec::new();
        let mut bodies = Vec::new();
        for c in clauses {
            self.bound = base.clone();
            let mut fresh = Vec::new();
            let mut pats = Vec::new();
            for p in &c.params {
                pats.push(self.pattern(p, &mut fresh)?);
            }
            self.bound.extend(fresh.iter().cloned());
            let guard = self.guard(&c.guard)?;
            let to = self.cx.fb.label();
            built.push(Clause {
                pattern: Pattern::Tuple(pats),
                guard,
                to,
            });
            bodies.push((to, self.bound.clone(), c));
        }
        let subject = IrExpr::Tuple(
            (0..arity as u32)
                .map(|i| IrExpr::Local(Local(offset + i)))
                .collect(),
        );
        self.cx.emit(
            span,
            Op::Case {
                subject,
                clauses: built,
                no_match,
            },
        );
        for (to, bound, c) in bodies {
            self.cx.fb.bind(to);
            self.bound = bound;
            self.seq(&c.body, true)?;
        }
        Ok(())
    }

    /// A guard: alternatives (`;`) of conjunctions (`,`), all pure.
    pub(super) fn guard(&mut self, alts: &[Vec<Expr>]) -> Res<Option<IrExpr>> {
        let mut out: Option<IrExpr> = None;
        for conj in alts {
            let mut all: Option<IrExpr> = None;
            for g in conj {
                let e = self.pure(g)?;
                all = Some(match all {
                    None => e,
                    Some(prev) => prev.bin(ir::BinOp::And, e),
                });
            }
            if let Some(all) = all {
                out = Some(match out {
                    None => all,
                    Some(prev) => prev.bin(ir::BinOp::Or, all),
                });
            }
        }
        Ok(out)
    }

    /// Turns an expression into a pattern. Unbound variables bind (and are added to
    /// `fresh`); bound ones must match their value.
    pub(super) fn pattern(&mut self, e: &Expr, fresh: &mut Vec<String>) -> Res<Pattern> {
        Ok(match &e.kind {
            ExprKind::Wildcard => Pattern::Wildcard,
            ExprKind::Var(v) if v.starts_with('_') && !self.bound.contains(v) => {
                // `_Name` documents a value it ignores.
                Pattern::Wildcard
            }
            ExprKind::Var(v) => {
                let slot = self.var(v);
                if self.bound.contains(v) {
                    Pattern::Pin(slot)
                } else {
                    if !fresh.contains(v) {
                        fresh.push(v.clone());
                    }
                    Pattern::Bind(slot)
                }
            }
            ExprKind::Atom(_) | ExprKind::Int(_) | ExprKind::Str(_) => {
                Pattern::Const(literal(e).unwrap_or(Value::Unit))
            }
            ExprKind::Tuple(items) => Pattern::Tuple(
                items
                    .iter()
                    .map(|i| self.pattern(i, fresh))
                    .collect::<Res<Vec<_>>>()?,
            ),
            ExprKind::List(items, tail) => Pattern::List {
                items: items
                    .iter()
                    .map(|i| self.pattern(i, fresh))
                    .collect::<Res<Vec<_>>>()?,
                tail: match tail {
                    Some(t) => Some(Box::new(self.pattern(t, fresh)?)),
                    None => None,
                },
            },
            ExprKind::Match(a, b) => {
                let (var, inner) = match (&a.kind, &b.kind) {
                    (ExprKind::Var(v), _) => (v, b),
                    (_, ExprKind::Var(v)) => (v, a),
                    _ => {
                        return Err(Diagnostic::new(
                            e.span,
                            "only `Var = Pattern` may appear inside a pattern",
                            "name the whole value with a variable, like `{ok, _} = Reply`",
                        ))
                    }
                };
                let inner = self.pattern(inner, fresh)?;
                let slot = self.var(var);
                if self.bound.contains(var) {
                    return Err(Diagnostic::new(
                        e.span,
                        format!("`{var}` is already bound"),
                        "use a new variable name to name the whole value",
                    ));
                }
                if !fresh.contains(var) {
                    fresh.push(var.clone());
                }
                Pattern::Alias(slot, Box::new(inner))
            }
            ExprKind::Record {
                name,
                base: None,
                fields,
            } => self.record_pattern(e, name, fields, fresh)?,
            ExprKind::Map {
                base: None,
                entries,
            } => self.map_pattern(entries, fresh)?,
            ExprKind::Binary(BinOp::Append, a, _) if matches!(a.kind, ExprKind::Str(_)) => {
                return Err(Diagnostic::new(
                    e.span,
                    "string prefix patterns like `\"abc\" ++ Rest` are not part of the Erlang lesson dialect",
                    "match whole strings, or use atoms for tags",
                ));
            }
            _ => return Err(cannot_match(e.span)),
        })
    }

    /// Lowers clause bodies that each end by jumping to `end` with their value in `dst`, or,
    /// with `dst` `None`, in tail position.
    pub(super) fn branch_bodies(
        &mut self,
        bodies: Vec<(Label, HashSet<String>, &[Expr])>,
        dst: Option<Local>,
        span: Span,
    ) -> Res<()> {
        let end = self.cx.fb.label();
        let before = self.bound.clone();
        let mut after: Option<HashSet<String>> = None;
        for (to, bound, body) in bodies {
            self.cx.fb.bind(to);
            self.bound = bound;
            match dst {
                None => {
                    self.seq(body, true)?;
                }
                Some(d) => {
                    // Moving the branch's value to the result is bookkeeping, not a step.
                    let v = self.seq(body, false)?;
                    if v != IrExpr::Local(d) {
                        self.cx.emit(span, Op::Set { dst: d, expr: v });
                    }
                    self.cx.emit(span, Op::Jump { to: end });
                }
            }
            // Variables bound in every branch stay bound after it.
            after = Some(match after {
                None => self.bound.clone(),
                Some(a) => a.intersection(&self.bound).cloned().collect(),
            });
        }
        self.cx.fb.bind(end);
        self.bound = after.unwrap_or(before);
        Ok(())
    }

    pub(super) fn case_clauses(
        &mut self,
        clauses: &'_ [CaseClause],
    ) -> Res<(Vec<Clause>, Vec<PendingBody>)> {
        let before = self.bound.clone();
        let mut built = Vec::new();
        let mut bodies = Vec::new();
        for (i, c) in clauses.iter().enumerate() {
            self.bound = before.clone();
            let mut fresh = Vec::new();
            let pattern = self.pattern(&c.pattern, &mut fresh)?;
            self.bound.extend(fresh);
            let guard = self.guard(&c.guard)?;
            let to = self.cx.fb.label();
            built.push(Clause { pattern, guard, to });
            bodies.push((to, self.bound.clone(), i));
        }
        self.bound = before;
        Ok((built, bodies))
    }

    pub(super) fn receive(
        &mut self,
        e: &Expr,
        clauses: &[CaseClause],
        after: &Option<(Box<Expr>, Vec<Expr>)>,
        dst: Option<Local>,
    ) -> Res<()> {
        let (built, bodies) = self.case_clauses(clauses)?;
        let mut all: Vec<(Label, HashSet<String>, &[Expr])> = bodies
            .into_iter()
            .filter_map(|(to, b, i)| clauses.get(i).map(|c| (to, b, c.body.as_slice())))
            .collect();
        let after_op = match after {
            Some((timeout, body)) if !matches!(&timeout.kind, ExprKind::Atom(a) if a == "infinity") =>
            {
                let ticks = self.expr(timeout)?;
                let to = self.cx.fb.label();
                all.push((to, self.bound.clone(), body.as_slice()));
                Some(After { ticks, to })
            }
            _ => None,
        };
        if built.is_empty() && after_op.is_none() {
            return Err(Diagnostic::new(
                e.span,
                "this `receive` has no clauses and no timeout, so it would wait forever",
                "add a clause like `Msg -> Msg`, or `after 100 -> ok`",
            ));
        }
        let head = Span::new(e.span.start, e.span.start + 7, e.span.line, e.span.col);
        self.cx.emit(
            head,
            Op::Receive {
                clauses: built,
                after: after_op,
            },
        );
        self.branch_bodies(all, dst, e.span)
    }

    pub(super) fn case(
        &mut self,
        e: &Expr,
        subject: &Expr,
        clauses: &[CaseClause],
        dst: Option<Local>,
    ) -> Res<()> {
        let s = self.expr(subject)?;
        let (built, bodies) = self.case_clauses(clauses)?;
        self.cx.emit(
            e.span,
            Op::Case {
                subject: s,
                clauses: built,
                no_match: NoMatch::CaseClause,
            },
        );
        let all = bodies
            .into_iter()
            .filter_map(|(to, b, i)| clauses.get(i).map(|c| (to, b, c.body.as_slice())))
            .collect();
        self.branch_bodies(all, dst, e.span)
    }

    pub(super) fn if_expr(
        &mut self,
        e: &Expr,
        branches: &[IfBranch],
        dst: Option<Local>,
    ) -> Res<()> {
        let mut built = Vec::new();
        let mut all = Vec::new();
        for (guard, body, _) in branches {
            let g = self.guard(guard)?;
            let to = self.cx.fb.label();
            built.push(Clause {
                pattern: Pattern::Wildcard,
                guard: g,
                to,
            });
            all.push((to, self.bound.clone(), body.as_slice()));
        }
        self.cx.emit(
            e.span,
            Op::Case {
                subject: IrExpr::Const(Value::Unit),
                clauses: built,
                no_match: NoMatch::IfClause,
            },
        );
        self.branch_bodies(all, dst, e.span)
    }
}
