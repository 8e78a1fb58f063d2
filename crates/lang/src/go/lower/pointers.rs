//! Pointers: `&x`, `*p`, `new(T)`, and how a pointer prints.
//!
//! A pointer to a struct is the struct's record itself, shared. A pointer to any other
//! variable is a shared cell: a variable whose address is taken lives in a cell from its
//! declaration, so `*p = 5` and reading `x` touch the same memory, each a visible step.

use super::*;
use crate::go::capture::visit_exprs;

/// Names that appear as `&name` in `body` (function literals included).
pub(super) fn address_taken(body: &[Stmt]) -> HashSet<String> {
    let mut out = HashSet::new();
    visit_exprs(body, &mut |x| {
        if let ExprKind::Unary(UnOp::Addr, inner) = &x.kind {
            if let ExprKind::Ident(n) = &inner.kind {
                out.insert(n.clone());
            }
        }
        if let ExprKind::FuncLit(_, _, inner_body) = &x.kind {
            out.extend(address_taken(inner_body));
        }
    });
    out
}

/// Whether a variable of this type needs a cell when its address is taken: structs, locks
/// and WaitGroups are references already.
pub(super) fn needs_cell(ty: &Ty) -> bool {
    !matches!(
        ty,
        Ty::Struct(_) | Ty::Mutex | Ty::RwMutex | Ty::WaitGroup | Ty::Once | Ty::Unknown
    )
}

impl FnLower<'_> {
    /// `&x`.
    pub(super) fn address_of(&mut self, a: &Expr, dest: &Dest, span: Span) -> Res<(IrExpr, Ty)> {
        match &a.kind {
            ExprKind::Composite(..) => {
                let (v, t) = self.expr_to(a, dest.clone())?;
                Ok((v, pointer_to(t)))
            }
            ExprKind::Ident(n) => {
                let Some(var) = self.lookup(n) else {
                    return Err(self.undefined(n, a.span));
                };
                match (&var.store, &var.ty) {
                    (
                        _,
                        Ty::Struct(_)
                        | Ty::Mutex
                        | Ty::RwMutex
                        | Ty::WaitGroup
                        | Ty::Once
                        | Ty::Unknown,
                    ) => {
                        let v = self.load(&var, a.span, None)?;
                        Ok((v, pointer_to(var.ty)))
                    }
                    (Store::Cell(c), t) => {
                        Ok((IrExpr::Local(*c), Ty::Pointer(Box::new(t.clone()))))
                    }
                    _ => Err(Diagnostic::new(
                        span,
                        format!("cannot take the address of `{n}` here"),
                        "take the address of a local variable or a struct",
                    )),
                }
            }
            ExprKind::Selector(..) | ExprKind::Index(..) => {
                let (v, t) = self.expr(a)?;
                match t {
                    Ty::Struct(_) | Ty::Mutex | Ty::RwMutex | Ty::WaitGroup | Ty::Once => Ok((v, pointer_to(t))),
                    _ => Err(Diagnostic::new(
                        span,
                        "the address of a field or element that is not a struct is not part of the Go lesson dialect",
                        "take the address of the whole struct (`&c`) and use `p.field`",
                    )),
                }
            }
            _ => Err(Diagnostic::new(
                span,
                format!("cannot take the address of {}", describe_expr(a)),
                "take the address of a variable (`&x`) or of a struct literal (`&T{}`)",
            )),
        }
    }

    /// `*p` as a value: the struct itself (copied where it is stored), or a read of the cell.
    pub(super) fn deref(&mut self, a: &Expr, into: Option<Local>, span: Span) -> Res<(IrExpr, Ty)> {
        let (v, t) = self.expr(a)?;
        match t {
            Ty::Pointer(inner) if matches!(*inner, Ty::Struct(_)) => Ok((v, *inner)),
            Ty::Pointer(inner) => {
                let dst = self.cx.read_dst(into);
                self.cx.emit(
                    span,
                    Op::Read {
                        dst,
                        place: Place::Cell(v),
                    },
                );
                Ok((IrExpr::Local(dst), *inner))
            }
            Ty::Mutex | Ty::RwMutex | Ty::WaitGroup | Ty::Once | Ty::Unknown => Ok((v, t)),
            other => Err(Diagnostic::new(
                span,
                format!(
                    "invalid operation: cannot indirect {} ({})",
                    describe_expr(a),
                    an(&other)
                ),
                "only a pointer can be dereferenced with `*`",
            )),
        }
    }

    /// `*p = v` and `*p += v`.
    pub(super) fn deref_store(
        &mut self,
        p: &Expr,
        value: IrExpr,
        vty: &Ty,
        update: Option<(BinOp, Span)>,
        span: Span,
    ) -> Res<()> {
        let (pv, pty) = self.expr(p)?;
        let Ty::Pointer(inner) = pty else {
            return Err(Diagnostic::new(
                p.span,
                format!(
                    "cannot assign through {}: it is not a pointer",
                    describe_expr(p)
                ),
                "assign through a pointer made with `&x` or `new(T)`",
            ));
        };
        if let Ty::Struct(name) = &*inner {
            if update.is_some() {
                return Err(Diagnostic::new(
                    span,
                    "cannot do arithmetic on a struct",
                    "change its fields",
                ));
            }
            // Go copies every field into the pointed-to struct.
            let def = self.struct_def(name);
            let pv = self.cx.stable(pv, "p", span);
            let src = self.cx.stable(value, "src", span);
            for i in 0..def.fields.len() as u32 {
                let t = self.cx.scratch();
                self.cx.emit(
                    span,
                    Op::FieldRead {
                        dst: t,
                        record: src.clone(),
                        field: i,
                    },
                );
                self.cx.emit(
                    span,
                    Op::FieldWrite {
                        record: pv.clone(),
                        field: i,
                        value: IrExpr::Local(t),
                    },
                );
            }
            return Ok(());
        }
        let pv = self.cx.stable(pv, "p", span);
        let value = self.coerce(value, vty, &inner);
        let value = match update {
            None => value,
            Some((op, op_span)) => {
                let tmp = self.cx.scratch();
                self.cx.emit(
                    p.span,
                    Op::Read {
                        dst: tmp,
                        place: Place::Cell(pv.clone()),
                    },
                );
                let e = arith(op, IrExpr::Local(tmp), value);
                self.cx.emit(op_span, Op::Eval { dst: tmp, expr: e });
                IrExpr::Local(tmp)
            }
        };
        self.cx.emit(
            span,
            Op::Write {
                place: Place::Cell(pv),
                value,
            },
        );
        Ok(())
    }

    /// `new(T)`: a pointer to a new zero value.
    pub(super) fn new_value(&mut self, t: &Type, dest: &Dest, span: Span) -> Res<(IrExpr, Ty)> {
        let ty = self.ty_of(t, span)?;
        let name = dest.name_or("new").to_string();
        match &ty {
            Ty::Struct(_) | Ty::Mutex | Ty::RwMutex | Ty::WaitGroup | Ty::Once => {
                let v = self.zero_of(&ty, &name, span);
                Ok((v, pointer_to(ty)))
            }
            _ => {
                let dst = self.cx.temp(&name);
                self.cx.emit(
                    span,
                    Op::MakeCell {
                        dst,
                        init: IrExpr::Const(ty.zero()),
                    },
                );
                Ok((IrExpr::Local(dst), Ty::Pointer(Box::new(ty))))
            }
        }
    }

    /// How `fmt` shows a value of type `ty`: a pointer to a struct as `&{…}` (`<nil>` when
    /// nil); `fields` for `%+v`.
    pub(super) fn show_part(&mut self, v: IrExpr, ty: &Ty, fields: bool, span: Span) -> FmtPart {
        let part = |v| {
            if fields {
                FmtPart::Fields(v)
            } else {
                FmtPart::Show(v)
            }
        };
        // A Duration prints through its String method, for %+v too.
        if *ty == Ty::Duration {
            return FmtPart::Show(IrExpr::Call(Builtin::GoDuration, vec![v]));
        }
        if matches!(ty, Ty::Map(..)) {
            // Printing a map reads all of it: one step the race detector sees.
            let text = self.cx.temp("shown");
            self.cx.emit(span, Op::MapShow { dst: text, map: v });
            return FmtPart::Show(IrExpr::Local(text));
        }
        if !matches!(ty, Ty::Pointer(inner) if matches!(**inner, Ty::Struct(_))) {
            return part(v);
        }
        let v = self.cx.stable(v, "p", span);
        let text = self.cx.temp("shown");
        self.cx.emit(
            span,
            Op::Set {
                dst: text,
                expr: IrExpr::str("<nil>"),
            },
        );
        let done = self.cx.fb.label();
        self.cx.emit(
            span,
            Op::JumpIf {
                cond: v.clone().eq(IrExpr::Const(Value::Unit)),
                to: done,
            },
        );
        self.cx.emit(
            span,
            Op::Set {
                dst: text,
                expr: IrExpr::Format(vec![FmtPart::Lit("&".into()), part(v)]),
            },
        );
        self.cx.fb.bind(done);
        FmtPart::Show(IrExpr::Local(text))
    }
}

fn pointer_to(t: Ty) -> Ty {
    match t {
        Ty::Mutex | Ty::RwMutex | Ty::WaitGroup | Ty::Once | Ty::Unknown => t,
        other => Ty::Pointer(Box::new(other)),
    }
}
