//! Exceptions: `try … of … catch … after … end` and `catch Expr`, onto the simulator's
//! handlers (`Try`, `EndTry`, `Raise`).
//!
//! Only the body is protected: an exception raised in an `of` or `catch` clause goes to the
//! enclosing handler, after the `after` block has run. Calls inside a protected body are
//! never tail calls, because a tail call would drop the frame's handler.

use super::*;
use crate::erlang::ast::TryExpr;

/// The locals a handler receives.
struct Caught {
    class: Local,
    reason: Local,
    stack: Local,
}

impl FnLower<'_> {
    fn caught(&mut self) -> Caught {
        Caught {
            class: self.cx.temp("class"),
            reason: self.cx.temp("reason"),
            stack: self.cx.temp("stack"),
        }
    }

    /// Emits `Try`, returning the handler's label.
    fn install(&mut self, span: Span, c: &Caught) -> Label {
        let handler = self.cx.fb.label();
        self.cx.emit(
            span,
            Op::Try {
                handler,
                class: c.class,
                reason: c.reason,
                stack: c.stack,
            },
        );
        handler
    }

    fn reraise(&mut self, span: Span, c: &Caught) {
        self.cx.emit(
            span,
            Op::Raise {
                class: IrExpr::Local(c.class),
                reason: IrExpr::Local(c.reason),
                stack: Some(IrExpr::Local(c.stack)),
            },
        );
    }

    /// `try`: the value goes to `dst`.
    pub(super) fn try_expr(&mut self, e: &Expr, t: &TryExpr, dst: Local) -> Res<()> {
        if t.after.is_empty() {
            return self.try_catch(e, t, dst);
        }
        let outer = self.caught();
        let handler = self.install(e.span, &outer);
        let before = self.bound.clone();
        self.try_catch(e, t, dst)?;
        self.cx.emit(e.span, Op::EndTry);
        let bound_after = self.bound.clone();
        self.seq(&t.after, false)?;
        let done = self.cx.fb.label();
        self.cx.emit(e.span, Op::Jump { to: done });
        self.cx.fb.bind(handler);
        self.bound = before;
        self.seq(&t.after, false)?;
        self.reraise(e.span, &outer);
        self.cx.fb.bind(done);
        self.bound = bound_after;
        Ok(())
    }

    /// The body, the `of` clauses and the `catch` clauses (no `after`).
    fn try_catch(&mut self, e: &Expr, t: &TryExpr, dst: Local) -> Res<()> {
        if t.catches.is_empty() {
            return self.try_of(e, t, dst);
        }
        let c = self.caught();
        let handler = self.install(e.span, &c);
        let before = self.bound.clone();
        let value = self.seq(&t.body, false)?;
        self.cx.emit(e.span, Op::Set { dst, expr: value });
        self.cx.emit(e.span, Op::EndTry);
        // The body's value goes through the `of` clauses, outside the handler.
        if !t.of.is_empty() {
            self.of_clauses(e, &t.of, dst)?;
        }
        let after_ok = self.bound.clone();
        let end = self.cx.fb.label();
        self.cx.emit(e.span, Op::Jump { to: end });
        // The handler matches `{Class, Reason}` against the catch clauses; when none
        // matches, the exception goes on.
        self.cx.fb.bind(handler);
        let mut built = Vec::new();
        let mut handlers = Vec::new();
        for clause in &t.catches {
            self.bound = before.clone();
            let mut fresh = Vec::new();
            let class = match &clause.class {
                Some(p) => self.pattern(p, &mut fresh)?,
                None => Pattern::atom("throw"),
            };
            let reason = self.pattern(&clause.clause.pattern, &mut fresh)?;
            self.bound.extend(fresh);
            let guard = self.guard(&clause.clause.guard)?;
            let to = self.cx.fb.label();
            built.push(Clause {
                pattern: Pattern::Tuple(vec![class, reason]),
                guard,
                to,
            });
            handlers.push((to, self.bound.clone(), clause.clause.body.as_slice()));
        }
        self.bound = before;
        self.cx.emit(
            e.span,
            Op::Case {
                subject: IrExpr::Tuple(vec![IrExpr::Local(c.class), IrExpr::Local(c.reason)]),
                clauses: built,
                no_match: NoMatch::Fallthrough,
            },
        );
        self.reraise(e.span, &c);
        self.branch_bodies(handlers, Some(dst), e.span)?;
        self.cx.fb.bind(end);
        self.bound = self.bound.intersection(&after_ok).cloned().collect();
        Ok(())
    }

    /// `try Body of Clauses after … end` with no `catch`: the body's value goes through the
    /// clauses.
    fn try_of(&mut self, e: &Expr, t: &TryExpr, dst: Local) -> Res<()> {
        let value = self.seq(&t.body, false)?;
        self.cx.emit(e.span, Op::Set { dst, expr: value });
        if !t.of.is_empty() {
            self.of_clauses(e, &t.of, dst)?;
        }
        Ok(())
    }

    /// Matches `dst` against `of` clauses and puts the chosen body's value back in `dst`.
    fn of_clauses(&mut self, e: &Expr, clauses: &[CaseClause], dst: Local) -> Res<()> {
        let (built, bodies) = self.case_clauses(clauses)?;
        self.cx.emit(
            e.span,
            Op::Case {
                subject: IrExpr::Local(dst),
                clauses: built,
                no_match: NoMatch::CaseClause,
            },
        );
        let all = bodies
            .into_iter()
            .filter_map(|(to, b, i)| clauses.get(i).map(|c| (to, b, c.body.as_slice())))
            .collect();
        self.branch_bodies(all, Some(dst), e.span)
    }

    /// `catch Expr`: the value, a thrown term, `{'EXIT', {Reason, Stack}}` for an error and
    /// `{'EXIT', Reason}` for an exit.
    pub(super) fn catch_expr(&mut self, e: &Expr, inner: &Expr, dst: Local) -> Res<()> {
        let c = self.caught();
        let handler = self.install(e.span, &c);
        let v = self.expr(inner)?;
        self.cx.emit(e.span, Op::Set { dst, expr: v });
        self.cx.emit(e.span, Op::EndTry);
        let end = self.cx.fb.label();
        self.cx.emit(e.span, Op::Jump { to: end });
        self.cx.fb.bind(handler);
        let thrown = self.cx.fb.label();
        let errored = self.cx.fb.label();
        self.cx.emit(
            e.span,
            Op::Case {
                subject: IrExpr::Local(c.class),
                clauses: vec![
                    Clause {
                        pattern: Pattern::atom("throw"),
                        guard: None,
                        to: thrown,
                    },
                    Clause {
                        pattern: Pattern::atom("error"),
                        guard: None,
                        to: errored,
                    },
                ],
                no_match: NoMatch::Fallthrough,
            },
        );
        let exit = IrExpr::Tuple(vec![IrExpr::atom("EXIT"), IrExpr::Local(c.reason)]);
        self.cx.emit(e.span, Op::Set { dst, expr: exit });
        self.cx.emit(e.span, Op::Jump { to: end });
        self.cx.fb.bind(thrown);
        let value = IrExpr::Local(c.reason);
        self.cx.emit(e.span, Op::Set { dst, expr: value });
        self.cx.emit(e.span, Op::Jump { to: end });
        self.cx.fb.bind(errored);
        let error = IrExpr::Tuple(vec![
            IrExpr::atom("EXIT"),
            IrExpr::Tuple(vec![IrExpr::Local(c.reason), IrExpr::Local(c.stack)]),
        ]);
        self.cx.emit(e.span, Op::Set { dst, expr: error });
        self.cx.fb.bind(end);
        Ok(())
    }
}
