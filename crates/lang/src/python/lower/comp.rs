//! Comprehensions (`[x for x in xs if c]`, `{k: v for …}`, generator expressions) and the
//! built-ins that consume a whole iterable (`sum`, `any`, `all`, `list`).
//!
//! A comprehension is a loop that grows a fresh list (or fills a fresh dict). Its loop
//! variables are its own, as in Python 3: they shadow any variable of the same name only
//! inside the comprehension and are gone after it. A generator expression is built eagerly
//! as a list: every consumer the dialect has reads it whole, so only its laziness differs
//! (`any(print(x) for x in xs)` would print every item, where CPython stops at the first).

use super::*;
use crate::python::ast::{Comp, CompKind};

impl FnLower<'_> {
    /// Lowers a comprehension to a loop; its value is the new list or dict.
    pub(super) fn comprehension(&mut self, comp: &Comp, span: Span) -> Res<IrExpr> {
        let acc = self.cx.temp(match comp.kind {
            CompKind::Dict => "dict",
            _ => "list",
        });
        match comp.kind {
            CompKind::Dict => self.cx.emit(span, Op::MakeMap { dst: acc }),
            _ => self.cx.emit(
                span,
                Op::Set {
                    dst: acc,
                    expr: IrExpr::List(Vec::new()),
                },
            ),
        }
        // The comprehension's own variables: fresh slots, visible only inside it.
        let mut names = Vec::new();
        for clause in &comp.clauses {
            self.check_loop_target(&clause.target)?;
            target_names(&clause.target, &mut names);
        }
        let saved: Vec<(String, Option<Local>, Option<Kind>)> = names
            .iter()
            .map(|n| {
                (
                    n.clone(),
                    self.comp_locals.get(n).copied(),
                    self.kinds.remove(n),
                )
            })
            .collect();
        for n in &names {
            let slot = self.cx.fb.fresh(n);
            self.comp_locals.insert(n.clone(), slot);
        }
        let res = self.comp_level(comp, 0, acc, span);
        for (n, slot, kind) in saved {
            match slot {
                Some(s) => self.comp_locals.insert(n.clone(), s),
                None => self.comp_locals.remove(&n),
            };
            match kind {
                Some(k) => self.kinds.insert(n, k),
                None => self.kinds.remove(&n),
            };
        }
        res?;
        Ok(IrExpr::Local(acc))
    }

    /// The loop of clause `level`, with the clauses inside it; past the last clause, adds
    /// one element.
    fn comp_level(&mut self, comp: &Comp, level: usize, acc: Local, span: Span) -> Res<()> {
        let Some(clause) = comp.clauses.get(level) else {
            return self.comp_add(comp, acc, span);
        };
        self.for_loop_with(&clause.target, &clause.iter, span, &mut |me, next, _end| {
            for c in &clause.conds {
                let cv = me.cond(c)?;
                me.cx.emit(c.span, Op::JumpUnless { cond: cv, to: next });
            }
            me.comp_level(comp, level + 1, acc, span)
        })
    }

    /// Adds the element (or the key and value) to the accumulator.
    fn comp_add(&mut self, comp: &Comp, acc: Local, span: Span) -> Res<()> {
        let elt = self.expr(&comp.elt)?;
        match (&comp.value, comp.kind) {
            (Some(value), CompKind::Dict) => {
                let k = self.cx.stable(elt, "key", span);
                let v = self.expr(value)?;
                self.cx.emit(
                    comp.elt.span,
                    Op::MapWrite {
                        map: IrExpr::Local(acc),
                        key: k,
                        value: v,
                    },
                );
            }
            _ => {
                // Growing the new list is bookkeeping, not a step of the program's own.
                self.cx.emit(
                    comp.elt.span,
                    Op::Set {
                        dst: acc,
                        expr: IrExpr::Local(acc).bin(ir::BinOp::Add, IrExpr::List(vec![elt])),
                    },
                );
            }
        }
        Ok(())
    }

    /// `sum(xs)`, `any(xs)`, `all(xs)` and `list(xs)` over a list, a tuple or a
    /// comprehension.
    pub(super) fn reduction(
        &mut self,
        e: &Expr,
        name: &str,
        args: &[Expr],
        kwargs: &[(Ident, Expr)],
    ) -> Res<IrExpr> {
        self.no_kwargs(kwargs, name)?;
        let [arg] = args else {
            return Err(Diagnostic::new(
                e.span,
                format!(
                    "`{name}` takes 1 argument here, but {} were given",
                    args.len()
                ),
                format!("pass one list or generator, like `{name}(x for x in xs)`"),
            ));
        };
        let kind = match &arg.kind {
            ExprKind::Comp(_) | ExprKind::Tuple(_) => Kind::List,
            _ => self.kind_of(arg),
        };
        if !matches!(kind, Kind::List | Kind::Unknown) {
            return Err(Diagnostic::new(
                arg.span,
                format!(
                    "`{name}` here goes over a list, but this is {}",
                    kind.describe()
                ),
                format!("pass a list or a generator, like `{name}(x for x in xs)`"),
            ));
        }
        let items = self.expr(arg)?;
        if name == "list" {
            // Lists are values here: the copy is the same value.
            return Ok(items);
        }
        let items = self.stash(items, e.span);
        let acc = self.cx.temp(name);
        let init = match name {
            "sum" => IrExpr::int(0),
            "any" => IrExpr::bool(false),
            _ => IrExpr::bool(true),
        };
        self.cx.emit(
            e.span,
            Op::Set {
                dst: acc,
                expr: init,
            },
        );
        let counter = self.cx.temp("i");
        let (top, next, end) = (self.cx.fb.label(), self.cx.fb.label(), self.cx.fb.label());
        self.cx.emit(
            e.span,
            Op::Set {
                dst: counter,
                expr: IrExpr::int(0),
            },
        );
        self.cx.fb.bind(top);
        let len = IrExpr::Call(Builtin::Len, vec![IrExpr::Local(items)]);
        self.cx.emit(
            e.span,
            Op::JumpUnless {
                cond: IrExpr::Local(counter).lt(len),
                to: end,
            },
        );
        let item = IrExpr::Local(items).index(counter);
        let step = match name {
            "sum" => IrExpr::Local(acc).bin(ir::BinOp::Add, item),
            "any" => IrExpr::Local(acc).bin(ir::BinOp::Or, truthy(item, false)),
            _ => IrExpr::Local(acc).bin(ir::BinOp::And, truthy(item, false)),
        };
        self.cx.emit(
            e.span,
            Op::Set {
                dst: acc,
                expr: step,
            },
        );
        self.cx.count_and_repeat(e.span, counter, (next, top, end));
        Ok(IrExpr::Local(acc))
    }
}

/// The names a loop target binds.
fn target_names(target: &Expr, out: &mut Vec<String>) {
    match &target.kind {
        ExprKind::Name(n) if n != "_" => out.push(n.clone()),
        ExprKind::Tuple(items) => items.iter().for_each(|i| target_names(i, out)),
        _ => {}
    }
}
