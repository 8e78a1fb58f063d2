//! `sync/atomic`: `atomic.AddInt64(&x, d)` and friends on a variable whose address is taken,
//! and the typed `atomic.Int64`, `atomic.Int32` and `atomic.Bool` (whose value is a shared
//! cell). Each operation is one visible step that never races.

use sim::ir::{AtomicKind, AtomicOp};

use super::*;

impl FnLower<'_> {
    /// `atomic.Name(&x, ...)`, or `None` when `name` is not one of the functions.
    pub(super) fn atomic_call(
        &mut self,
        name: &str,
        args: &[Expr],
        span: Span,
    ) -> Res<Option<(IrExpr, Ty)>> {
        let Some(base) = ["Int64", "Int32", "Uint64", "Uint32"]
            .iter()
            .find_map(|w| name.strip_suffix(w))
        else {
            return Ok(None);
        };
        let want = match base {
            "Load" => 1,
            "Store" | "Add" | "Swap" => 2,
            "CompareAndSwap" => 3,
            _ => return Ok(None),
        };
        if args.len() != want {
            return Err(arity_err(&format!("atomic.{name}"), want, args.len(), span));
        }
        let target = &args[0];
        let var = match &target.kind {
            ExprKind::Unary(UnOp::Addr, inner) => match &inner.kind {
                ExprKind::Ident(n) => match self.lookup(n) {
                    Some(v) => v,
                    None => return Err(self.undefined(n, inner.span)),
                },
                _ => None.ok_or_else(|| address_error(target))?,
            },
            _ => return Err(address_error(target)),
        };
        let mut vals = Vec::new();
        for a in &args[1..] {
            let (v, _) = self.expr(a)?;
            vals.push(self.cx.stable(v, "arg", span));
        }
        let kind = atomic_kind(base, vals);
        let place = match var.store {
            Store::Cell(c) => Place::Cell(IrExpr::Local(c)),
            Store::Global(g, _) => Place::Global(g),
            Store::Local(l) => return Ok(Some(self.atomic_on_local(l, kind, span))),
            Store::Const(_) | Store::Func(_) => return Err(address_error(target)),
        };
        Ok(Some(self.atomic_op(place, kind, span)))
    }

    /// A method of `atomic.Int64` / `atomic.Int32` / `atomic.Bool` on its cell.
    pub(super) fn atomic_method(
        &mut self,
        cell: IrExpr,
        ty: &Ty,
        method: &Ident,
        args: &[Expr],
        span: Span,
    ) -> Res<(IrExpr, Ty)> {
        let m = method.name.as_str();
        let want =
            match m {
                "Load" => 0,
                "Store" | "Swap" => 1,
                "Add" if !matches!(ty, Ty::Atomic(t) if **t == Ty::Bool) => 1,
                "CompareAndSwap" => 2,
                _ => return Err(Diagnostic::new(
                    method.span,
                    format!("{} has no method `{m}`", an(ty)),
                    "atomic values have Load, Store, Swap, CompareAndSwap (and Add for numbers)",
                )),
            };
        if args.len() != want {
            return Err(arity_err(m, want, args.len(), span));
        }
        let cell = self.cx.stable(cell, "cell", span);
        let mut vals = Vec::new();
        for a in args {
            let (v, _) = self.expr(a)?;
            vals.push(self.cx.stable(v, "arg", span));
        }
        let kind = atomic_kind(m, vals);
        let (v, t) = self.atomic_op(Place::Cell(cell), kind.clone(), span);
        let t = match (&kind, ty) {
            (AtomicKind::Load | AtomicKind::Swap(_), Ty::Atomic(inner)) => (**inner).clone(),
            _ => t,
        };
        Ok((v, t))
    }

    pub(super) fn atomic_op(&mut self, place: Place, kind: AtomicKind, span: Span) -> (IrExpr, Ty) {
        let ty = result_type(&kind);
        let dst = (ty != Ty::Unit).then(|| self.cx.temp("atomic"));
        self.cx
            .emit(span, Op::Atomic(AtomicOp { dst, place, kind }));
        (dst.map_or(IrExpr::Const(Value::Unit), IrExpr::Local), ty)
    }

    /// An atomic operation on a variable no other goroutine can reach: plain local work.
    fn atomic_on_local(&mut self, l: Local, kind: AtomicKind, span: Span) -> (IrExpr, Ty) {
        let ty = result_type(&kind);
        let old = self.cx.temp("old");
        self.cx.emit(
            span,
            Op::Set {
                dst: old,
                expr: IrExpr::Local(l),
            },
        );
        let set = |me: &mut Self, e: IrExpr| me.cx.emit(span, Op::Set { dst: l, expr: e });
        let result = match kind {
            AtomicKind::Load => IrExpr::Local(old),
            AtomicKind::Store(v) => {
                set(self, v);
                IrExpr::Const(Value::Unit)
            }
            AtomicKind::Swap(v) => {
                set(self, v);
                IrExpr::Local(old)
            }
            AtomicKind::Add(d) => {
                set(self, IrExpr::Local(old).bin(ir::BinOp::Add, d));
                IrExpr::Local(l)
            }
            AtomicKind::CompareAndSwap(want, new) => {
                let ok = self.cx.temp("swapped");
                self.cx.emit(
                    span,
                    Op::Set {
                        dst: ok,
                        expr: IrExpr::Local(old).bin(ir::BinOp::Eq, want),
                    },
                );
                let skip = self.cx.fb.label();
                self.cx.emit(
                    span,
                    Op::JumpUnless {
                        cond: IrExpr::Local(ok),
                        to: skip,
                    },
                );
                set(self, new);
                self.cx.fb.bind(skip);
                IrExpr::Local(ok)
            }
        };
        (result, ty)
    }
}

fn atomic_kind(op: &str, vals: Vec<IrExpr>) -> AtomicKind {
    let mut vals = vals.into_iter();
    let mut next = || vals.next().unwrap_or(IrExpr::Const(Value::Unit));
    match op {
        "Load" => AtomicKind::Load,
        "Store" => AtomicKind::Store(next()),
        "Add" => AtomicKind::Add(next()),
        "Swap" => AtomicKind::Swap(next()),
        _ => {
            let old = next();
            AtomicKind::CompareAndSwap(old, next())
        }
    }
}

fn result_type(kind: &AtomicKind) -> Ty {
    match kind {
        AtomicKind::Store(_) => Ty::Unit,
        AtomicKind::CompareAndSwap(..) => Ty::Bool,
        _ => Ty::Int,
    }
}

fn address_error(e: &Expr) -> Diagnostic {
    Diagnostic::new(
        e.span,
        format!("`{}` is not the address of a variable", describe_expr(e)),
        "pass the variable's address, like `atomic.AddInt64(&count, 1)`",
    )
}
