//! Calls of methods declared on struct types, methods promoted from embedded fields, and
//! variadic arguments.

use super::*;

/// A method call resolved to its function and the receiver it gets.
pub(super) struct BoundMethod {
    /// The method's function.
    pub id: FuncId,
    /// The receiver argument: the struct itself (pointer receiver) or a copy (value
    /// receiver).
    pub recv: IrExpr,
    /// The method's type, without the receiver.
    pub ty: Ty,
    /// The method's name, for messages and goroutine names.
    pub name: String,
}

impl FnLower<'_> {
    /// Resolves `base.m` when `base` is a struct (or a pointer to one) with a method `m`,
    /// declared on it or on an embedded struct. `None` when there is no such method.
    pub(super) fn bind_method(
        &mut self,
        recv: IrExpr,
        ty: &Ty,
        method: &Ident,
        span: Span,
    ) -> Res<Option<BoundMethod>> {
        let Some(sname) = structs::struct_name(ty).map(str::to_string) else {
            return Ok(None);
        };
        let key = (sname.clone(), method.name.clone());
        if let Some(m) = self.pkg.methods.get(&key).cloned() {
            // A value receiver gets its own copy of the struct, made at the call.
            let recv = if m.pointer {
                recv
            } else {
                self.copy_struct(recv, &sname, &method.name, span)
            };
            return Ok(Some(BoundMethod {
                id: m.id,
                recv,
                ty: m.ty,
                name: format!("{sname}.{}", method.name),
            }));
        }
        let def = self.struct_def(&sname);
        for (i, f) in def.fields.iter().enumerate() {
            if !f.embedded || structs::struct_name(&f.ty).is_none() {
                continue;
            }
            let has = structs::struct_name(&f.ty).is_some_and(|n| {
                self.pkg
                    .methods
                    .contains_key(&(n.to_string(), method.name.clone()))
            });
            if has {
                let t = self.cx.temp(&f.name.to_lowercase());
                self.cx.emit(
                    span,
                    Op::FieldRead {
                        dst: t,
                        record: recv,
                        field: i as u32,
                    },
                );
                return self.bind_method(IrExpr::Local(t), &f.ty, method, span);
            }
        }
        Ok(None)
    }

    /// For `c.Lock()` on a struct embedding `sync.Mutex` (or a WaitGroup): the embedded
    /// resource and its type, read from the struct.
    pub(super) fn promoted_resource(
        &mut self,
        recv: IrExpr,
        ty: &Ty,
        method: &str,
        span: Span,
    ) -> Option<(IrExpr, Ty)> {
        let sname = structs::struct_name(ty)?.to_string();
        let def = self.struct_def(&sname);
        let (i, f) = def.fields.iter().enumerate().find(|(_, f)| {
            f.embedded
                && match f.ty {
                    Ty::Mutex => matches!(method, "Lock" | "Unlock"),
                    Ty::RwMutex => matches!(method, "Lock" | "Unlock" | "RLock" | "RUnlock"),
                    Ty::WaitGroup => matches!(method, "Add" | "Done" | "Wait" | "Go"),
                    _ => false,
                }
        })?;
        let t = self.cx.scratch();
        self.cx.emit(
            span,
            Op::FieldRead {
                dst: t,
                record: recv,
                field: i as u32,
            },
        );
        Some((IrExpr::Local(t), f.ty.clone()))
    }

    /// Calls a user method: the receiver first, then the arguments.
    pub(super) fn call_method(
        &mut self,
        m: BoundMethod,
        args: &[Expr],
        func: &Expr,
        span: Span,
    ) -> Res<(IrExpr, Ty)> {
        let variadic = self.method_variadic(m.id);
        let mut arg_vals = vec![m.recv];
        arg_vals.extend(self.call_args_v(args, &m.ty, func, span, variadic.as_ref())?);
        let result_ty = result_type(&m.ty);
        let dst = self.cx.result_dst(false, None, "result");
        self.cx.emit(
            span,
            Op::Call {
                dst,
                callee: Callee::Func(m.id),
                args: arg_vals,
            },
        );
        Ok((
            dst.map_or(IrExpr::Const(Value::Unit), IrExpr::Local),
            result_ty,
        ))
    }

    /// The written slice type of the variadic parameter of the function `func` names.
    pub(super) fn func_variadic(&self, func: &Expr) -> Option<Type> {
        match &func.kind {
            ExprKind::Ident(n) => match self.lookup(n)?.store {
                Store::Func(id) => self.method_variadic(id),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether `e` names a package (`fmt`, `time`, …) rather than a variable.
    pub(super) fn is_package(&self, e: &Expr) -> bool {
        matches!(&e.kind, ExprKind::Ident(p) if self.lookup(p).is_none()
            && matches!(p.as_str(), "fmt" | "sync" | "time" | "strconv"))
    }

    /// The written slice type of a variadic function's last parameter, if it has one.
    pub(super) fn method_variadic(&self, id: FuncId) -> Option<Type> {
        self.pkg.variadic.get(&id).cloned()
    }

    /// The arguments of a call, with a variadic function's extra arguments gathered into a
    /// slice (`f(1, 2, 3)`) or a slice passed on whole (`f(xs...)`).
    pub(super) fn call_args_v(
        &mut self,
        args: &[Expr],
        fty: &Ty,
        func: &Expr,
        span: Span,
        variadic: Option<&Type>,
    ) -> Res<Vec<IrExpr>> {
        let spread = args
            .last()
            .is_some_and(|a| matches!(a.kind, ExprKind::Spread(_)));
        let (Some(slice_ty), Ty::Func(params, results)) = (variadic, fty) else {
            if let Some(a) = args.iter().find(|a| matches!(a.kind, ExprKind::Spread(_))) {
                return Err(Diagnostic::new(
                    a.span,
                    format!(
                        "cannot use ... in call to non-variadic {}",
                        describe_expr(func)
                    ),
                    "pass the values one by one",
                ));
            }
            return self.call_args(args, fty, func, span);
        };
        let fixed = params.len().saturating_sub(1);
        if args.len() < fixed || (spread && args.len() != params.len()) {
            return self.call_args(args, fty, func, span);
        }
        let head = Ty::Func(params[..fixed].to_vec(), results.clone());
        let mut out = self.call_args(&args[..fixed], &head, func, span)?;
        let rest = &args[fixed..];
        let slice = match rest {
            [Expr {
                kind: ExprKind::Spread(s),
                ..
            }] => {
                let (v, t) = self.expr(s)?;
                if !matches!(t, Ty::Slice(_) | Ty::Unknown) {
                    return Err(Diagnostic::new(
                        s.span,
                        format!(
                            "cannot spread {} ({}): `...` needs a slice",
                            describe_expr(s),
                            an(&t)
                        ),
                        "write `f(xs...)` with a slice `xs`",
                    ));
                }
                v
            }
            _ => {
                let lit = Expr {
                    kind: ExprKind::Composite(
                        slice_ty.clone(),
                        rest.iter().map(|a| (None, a.clone())).collect(),
                    ),
                    span,
                };
                self.expr(&lit)?.0
            }
        };
        out.push(slice);
        Ok(out)
    }
}

impl FnLower<'_> {
    /// `len(ch)` or `cap(ch)`: a visible step, since the fill level changes as others send
    /// and receive.
    pub(super) fn chan_fill(
        &mut self,
        chan: IrExpr,
        capacity: bool,
        into: Option<Local>,
        span: Span,
    ) -> (IrExpr, Ty) {
        let dst = self.cx.read_dst(into);
        self.cx.emit(
            span,
            Op::ChanFill(ir::ChanFill {
                dst,
                chan,
                capacity,
            }),
        );
        (IrExpr::Local(dst), Ty::Int)
    }
}

/// What calling a function of type `fty` gives.
pub(super) fn result_type(fty: &Ty) -> Ty {
    match fty {
        Ty::Func(_, r) => match r.as_slice() {
            [] => Ty::Unit,
            [one] => one.clone(),
            many => Ty::Tuple(many.to_vec()),
        },
        _ => Ty::Unknown,
    }
}
