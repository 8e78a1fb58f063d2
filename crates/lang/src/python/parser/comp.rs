//! Comprehensions: the `for … in … if …` clauses after the first element of `[…]`, `{…}`
//! or `(…)`, and a generator expression as the only argument of a call.

use super::*;
use crate::python::ast::{Comp, CompFor, CompKind};

impl Parser<'_> {
    /// Parses the clauses of a comprehension whose element (and, for a dict, value) has been
    /// read; the current token is `for`. `start` is the opening bracket, for the span.
    pub(super) fn comprehension(
        &mut self,
        kind: CompKind,
        elt: Expr,
        value: Option<Expr>,
    ) -> Res<Comp> {
        let mut clauses = Vec::new();
        while self.eat_kw("for") {
            let target = self.loop_targets()?;
            if !self.eat_kw("in") {
                return self.expected(
                    "`in` after the comprehension's loop variable",
                    "write `[x * x for x in items]`",
                );
            }
            // The iterable stops before a following `if` or `for`: no conditional expressions.
            let iter = self.or_expr()?;
            let mut conds = Vec::new();
            while self.eat_kw("if") {
                conds.push(self.or_expr()?);
            }
            clauses.push(CompFor {
                target,
                iter,
                conds,
            });
        }
        Ok(Comp {
            kind,
            elt,
            value,
            clauses,
        })
    }

    /// Wraps a parsed comprehension as an expression spanning `start` to the last token.
    pub(super) fn comp_expr(&self, comp: Comp, start: Span) -> Expr {
        Expr {
            kind: ExprKind::Comp(Box::new(comp)),
            span: join(start, self.prev_span()),
        }
    }
}
