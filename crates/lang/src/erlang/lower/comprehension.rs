//! List comprehensions, lowered to loops in the enclosing function, so the head may
//! `receive` or spawn as any expression may: `[receive {P, X} -> X end || P <- Pids]`.
//!
//! Each generator walks its list; an element that does not match the generator's pattern
//! is skipped, as is one for which a filter is false. The head's values are appended in
//! order. Variables bound inside the comprehension do not leak out of it.

use super::*;

impl FnLower<'_> {
    /// `[Head || Qualifiers]`, its value going to `dst`.
    pub(super) fn comprehension(
        &mut self,
        e: &Expr,
        head: &Expr,
        quals: &[Qualifier],
        dst: Local,
    ) -> Res<()> {
        let acc = self.cx.temp("acc");
        self.cx.emit(
            e.span,
            Op::Set {
                dst: acc,
                expr: IrExpr::List(Vec::new()),
            },
        );
        let before = self.bound.clone();
        let end = self.cx.fb.label();
        self.qualifiers(e, head, quals, acc, end)?;
        self.cx.fb.bind(end);
        self.bound = before;
        self.cx.emit(
            e.span,
            Op::Set {
                dst,
                expr: IrExpr::Local(acc),
            },
        );
        Ok(())
    }

    /// The qualifiers from the first of `quals` on; `next` is where to go to skip to the
    /// next element of the innermost generator (or out, before any).
    fn qualifiers(
        &mut self,
        e: &Expr,
        head: &Expr,
        quals: &[Qualifier],
        acc: Local,
        next: Label,
    ) -> Res<()> {
        let Some((first, rest)) = quals.split_first() else {
            let v = self.expr(head)?;
            let grown = IrExpr::Local(acc).bin(ir::BinOp::Add, IrExpr::List(vec![v]));
            self.cx.emit(
                head.span,
                Op::Set {
                    dst: acc,
                    expr: grown,
                },
            );
            self.cx.emit(e.span, Op::Jump { to: next });
            return Ok(());
        };
        match first {
            Qualifier::Filter(cond) => {
                let c = self.expr(cond)?;
                self.cx
                    .emit(cond.span, Op::JumpUnless { cond: c, to: next });
                self.qualifiers(e, head, rest, acc, next)
            }
            Qualifier::Generator(pattern, list) => {
                let items = self.cx.temp("items");
                let l = self.expr(list)?;
                self.cx.emit(
                    list.span,
                    Op::Set {
                        dst: items,
                        expr: l,
                    },
                );
                let item = self.cx.temp("item");
                let top = self.cx.fb.label();
                let take = self.cx.fb.label();
                let matched = self.cx.fb.label();
                let done = self.cx.fb.label();
                let outer = self.bound.clone();
                let mut names = Vec::new();
                vars_in(pattern, &mut names);
                names.retain(|n| self.bound.remove(n));
                // A shadowed variable shares its slot: keep its value to put back after.
                let mut saved = Vec::new();
                for n in &names {
                    let slot = self.var(n);
                    let keep = self.cx.temp("shadowed");
                    self.cx.emit(
                        pattern.span,
                        Op::Set {
                            dst: keep,
                            expr: IrExpr::Local(slot),
                        },
                    );
                    saved.push((slot, keep));
                }
                self.cx.fb.bind(top);
                self.cx.emit(
                    list.span,
                    Op::Case {
                        subject: IrExpr::Local(items),
                        clauses: vec![Clause {
                            pattern: Pattern::List {
                                items: vec![Pattern::Bind(item)],
                                tail: Some(Box::new(Pattern::Bind(items))),
                            },
                            guard: None,
                            to: take,
                        }],
                        no_match: NoMatch::Fallthrough,
                    },
                );
                self.cx.emit(list.span, Op::Jump { to: done });
                self.cx.fb.bind(take);
                // The generator's pattern binds afresh on every element.
                let mut fresh = Vec::new();
                let p = self.pattern(pattern, &mut fresh)?;
                self.cx.emit(
                    pattern.span,
                    Op::Case {
                        subject: IrExpr::Local(item),
                        clauses: vec![Clause {
                            pattern: p,
                            guard: None,
                            to: matched,
                        }],
                        no_match: NoMatch::Fallthrough,
                    },
                );
                self.cx.emit(pattern.span, Op::Jump { to: top });
                self.cx.fb.bind(matched);
                self.bound.extend(fresh);
                self.qualifiers(e, head, rest, acc, top)?;
                self.cx.fb.bind(done);
                self.bound = outer;
                for (slot, keep) in saved {
                    self.cx.emit(
                        pattern.span,
                        Op::Set {
                            dst: slot,
                            expr: IrExpr::Local(keep),
                        },
                    );
                }
                self.cx.emit(e.span, Op::Jump { to: next });
                Ok(())
            }
        }
    }
}
