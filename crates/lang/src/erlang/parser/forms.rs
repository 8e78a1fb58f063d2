//! The exception forms (`try … of … catch … after … end`, `catch Expr`) and list
//! comprehensions (`[Head || Pattern <- List, Filter]`).

use super::*;
use crate::erlang::ast::{CatchClause, Qualifier, TryExpr};

impl Parser {
    /// `catch Expr`: the loosest prefix operator, so `catch X = f()` catches the match.
    pub(super) fn catch_expr(&mut self) -> Res<Expr> {
        let start = self.advance().span;
        let inner = self.expr()?;
        Ok(Expr {
            span: join(start, inner.span),
            kind: ExprKind::Catch(Box::new(inner)),
        })
    }

    /// After `try`: the body, then `of` clauses, `catch` clauses and `after`, then `end`.
    pub(super) fn try_expr(&mut self, start: Span) -> Res<Expr> {
        let body = self.body("`try` body")?;
        let mut of = Vec::new();
        if self.is_kw("of") {
            self.pos += 1;
            of = self.try_of_clauses(start)?;
        }
        let mut catches = Vec::new();
        if self.is_kw("catch") {
            self.pos += 1;
            loop {
                catches.push(self.catch_clause()?);
                if !self.eat_op(";") {
                    break;
                }
            }
        }
        let mut after = Vec::new();
        if self.is_kw("after") {
            self.pos += 1;
            after = self.body("`after` block")?;
        }
        if catches.is_empty() && after.is_empty() {
            return self.expected(
                "`catch` or `after` in this `try`",
                "write `try Expr catch Class:Reason -> Value end`",
            );
        }
        self.close_end("try", start)?;
        Ok(Expr {
            kind: ExprKind::Try(Box::new(TryExpr {
                body,
                of,
                catches,
                after,
            })),
            span: join(start, self.prev_span()),
        })
    }

    /// The `of` clauses of a `try`: like `case` clauses, ended by `catch` or `after`.
    fn try_of_clauses(&mut self, start: Span) -> Res<Vec<CaseClause>> {
        let mut clauses = Vec::new();
        loop {
            let head = self.span();
            let pattern = self.expr()?;
            let guard = self.guard()?;
            let head = join(head, self.prev_span());
            if !self.is_op("->") {
                return self.expected("`->` after the pattern", "write `Pattern -> Body`");
            }
            self.pos += 1;
            let body = self.body("`try … of` clause")?;
            clauses.push(CaseClause {
                pattern,
                guard,
                body,
                span: head,
            });
            if !self.eat_op(";") {
                break;
            }
        }
        if !(self.is_kw("catch") || self.is_kw("after")) {
            return self.expected(
                &format!("`catch` or `after` in the `try` on line {}", start.line),
                "a `try … of` needs `catch Class:Reason -> …` or `after … end`",
            );
        }
        Ok(clauses)
    }

    /// `Class:Reason when Guard -> Body`, or `Reason -> Body` (class `throw`).
    fn catch_clause(&mut self) -> Res<CatchClause> {
        let head = self.span();
        let class = match (self.peek().clone(), self.peek_at(1)) {
            (Tok::Atom(_) | Tok::Var(_), Tok::Op(":")) => {
                let lx = self.advance();
                self.pos += 1;
                let kind = match lx.tok {
                    Tok::Atom(a) => ExprKind::Atom(a),
                    Tok::Var(v) if v == "_" => ExprKind::Wildcard,
                    Tok::Var(v) => ExprKind::Var(v),
                    _ => ExprKind::Wildcard,
                };
                Some(Expr {
                    kind,
                    span: lx.span,
                })
            }
            _ => None,
        };
        if matches!((self.peek(), self.peek_at(1)), (Tok::Var(_), Tok::Op(":"))) {
            self.pos += 1;
        }
        let pattern = if self.is_op(":") {
            None
        } else {
            Some(self.expr()?)
        };
        let Some(pattern) = pattern.filter(|_| !self.is_op(":")) else {
            return self.err(
                "the stack trace pattern `Class:Reason:Stack` is not part of the Erlang lesson dialect",
                "write `Class:Reason -> …`",
            );
        };
        let guard = self.guard()?;
        let span = join(head, self.prev_span());
        if !self.is_op("->") {
            return self.expected(
                "`->` after the catch pattern",
                "write `Class:Reason -> Body`, like `error:badarith -> 0`",
            );
        }
        self.pos += 1;
        let body = self.body("`catch` clause")?;
        Ok(CatchClause {
            class,
            clause: CaseClause {
                pattern,
                guard,
                body,
                span,
            },
        })
    }

    /// After `[Head`, at `||`: the qualifiers, then `]`.
    pub(super) fn comprehension(&mut self, start: Span, head: Expr) -> Res<Expr> {
        self.pos += 1;
        let mut quals = Vec::new();
        loop {
            let e = self.expr()?;
            if self.eat_op("<-") {
                let list = self.expr()?;
                quals.push(Qualifier::Generator(e, list));
            } else {
                quals.push(Qualifier::Filter(e));
            }
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op(
            "]",
            "to close the list comprehension",
            "write `[X * 2 || X <- List, X > 0]`",
        )?;
        Ok(Expr {
            kind: ExprKind::Comprehension(Box::new(head), quals),
            span: join(start, self.prev_span()),
        })
    }
}
