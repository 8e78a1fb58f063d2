//! Calls: user functions, `go`, methods of channels, mutexes, WaitGroups and structs, and the `fmt`, `time` and `strconv` packages (Printf formats are in `printf.rs`).

use super::*;

impl FnLower<'_> {
    pub(super) fn go(&mut self, call: &Expr, span: Span) -> Res<()> {
        let ExprKind::Call(func, args) = &call.kind else {
            return Err(Diagnostic::new(
                call.span,
                "`go` must be followed by a function call",
                "write `go worker(i)`",
            ));
        };
        let (callee, name, fty) = match &func.kind {
            ExprKind::Ident(n) => match self.lookup(n) {
                Some(Var {
                    store: Store::Func(id),
                    ty,
                }) => (Callee::Func(id), Some(n.clone()), ty),
                Some(var) => {
                    let v = self.load(&var, func.span, None)?;
                    (Callee::Value(v), None, var.ty)
                }
                None => return Err(self.undefined(n, func.span)),
            },
            ExprKind::FuncLit(..) => {
                let (v, ty) = self.expr(func)?;
                (Callee::Value(v), None, ty)
            }
            ExprKind::Selector(base, method) if !self.is_package(base) => {
                let (recv, ty) = self.expr(base)?;
                let Some(m) = self.bind_method(recv, &ty, method, func.span)? else {
                    return Err(Diagnostic::new(
                        func.span,
                        format!("`go` cannot start {}", describe_expr(func)),
                        "start a function or a method of your own struct type",
                    ));
                };
                let variadic = self.method_variadic(m.id);
                let mut arg_vals = vec![m.recv];
                arg_vals.extend(self.call_args_v(
                    args,
                    &m.ty,
                    func,
                    call.span,
                    variadic.as_ref(),
                )?);
                self.cx.emit(
                    span,
                    Op::Spawn {
                        dst: None,
                        kind: ProcKind::Goroutine,
                        callee: Callee::Func(m.id),
                        args: arg_vals,
                        name: Some(m.name),
                    },
                );
                return Ok(());
            }
            _ => {
                return Err(Diagnostic::new(
                    func.span,
                    "`go` must start a function by name or a `func() { … }` literal",
                    "write `go worker(i)` or `go func() { … }()`",
                ))
            }
        };
        let variadic = self.func_variadic(func);
        let arg_vals = self.call_args_v(args, &fty, func, call.span, variadic.as_ref())?;
        self.cx.emit(
            span,
            Op::Spawn {
                dst: None,
                kind: ProcKind::Goroutine,
                callee,
                args: arg_vals,
                name,
            },
        );
        Ok(())
    }

    pub(super) fn call_args(
        &mut self,
        args: &[Expr],
        fty: &Ty,
        func: &Expr,
        span: Span,
    ) -> Res<Vec<IrExpr>> {
        let fname = describe_expr(func);
        if let Ty::Func(params, _) = fty {
            if params.len() != args.len() {
                return Err(Diagnostic::new(
                    span,
                    format!(
                        "{} arguments in call to {fname}: have {}, want {}",
                        if args.len() < params.len() {
                            "not enough"
                        } else {
                            "too many"
                        },
                        args.len(),
                        params.len()
                    ),
                    format!(
                        "`{fname}` takes {} argument{}",
                        params.len(),
                        if params.len() == 1 { "" } else { "s" }
                    ),
                ));
            }
        }
        let mut out = Vec::new();
        for (i, a) in args.iter().enumerate() {
            let (v, t) = self.value(a, &format!("arg{i}"))?;
            if let Ty::Func(params, _) = fty {
                if let Some(want) = params.get(i) {
                    if Self::clash(&v, &t, want) {
                        return Err(Diagnostic::new(
                            a.span,
                            format!(
                                "cannot use {} ({}) as {} argument to {fname}",
                                describe_expr(a),
                                an(&t),
                                an(want)
                            ),
                            format!("pass a {}", want.name()),
                        ));
                    }
                }
            }
            let v = match fty {
                Ty::Func(params, _) => match params.get(i) {
                    Some(want) => self.coerce(v, &t, want),
                    None => v,
                },
                _ => v,
            };
            out.push(v);
        }
        Ok(out)
    }

    /// Lowers a call; `statement` when its value is unused.
    pub(super) fn call(
        &mut self,
        e: &Expr,
        statement: bool,
        into: Option<Local>,
    ) -> Res<(IrExpr, Ty)> {
        let ExprKind::Call(func, args) = &e.kind else {
            return self.expr_to(
                e,
                Dest {
                    slot: into,
                    name: None,
                },
            );
        };
        let span = e.span;
        let unit = (IrExpr::Const(Value::Unit), Ty::Unit);
        if let ExprKind::Selector(base, method) = &func.kind {
            if let ExprKind::Ident(pkgname) = &base.kind {
                if self.lookup(pkgname).is_none() {
                    return self.package_call(pkgname, method, args, span);
                }
            }
            return self.method_call(base, method, args, span);
        }
        if let ExprKind::Ident(n) = &func.kind {
            if self.lookup(n).is_none() {
                if let Some(converted) = self.conversion(n, args, span)? {
                    return Ok(converted);
                }
                match n.as_str() {
                    "len" => {
                        let [a] = args.as_slice() else {
                            return Err(arity_err("len", 1, args.len(), span));
                        };
                        let (v, t) = self.expr(a)?;
                        return match t {
                            Ty::Slice(_) => Ok((
                                self.slice_header(v, sim::ir::HeaderPart::Len, span),
                                Ty::Int,
                            )),
                            Ty::Map(..) => {
                                // The number of keys is shared memory too: a visible read.
                                let dst = self.cx.read_dst(into);
                                self.cx.emit(span, Op::MapLen { dst, map: v });
                                Ok((IrExpr::Local(dst), Ty::Int))
                            }
                            Ty::Chan(..) => Ok(self.chan_fill(v, false, into, span)),
                            // Go counts a string's UTF-8 bytes.
                            Ty::Str => Ok((IrExpr::Call(Builtin::ByteLen, vec![v]), Ty::Int)),
                            _ => Ok((IrExpr::Call(Builtin::Len, vec![v]), Ty::Int)),
                        };
                    }
                    "close" => {
                        let [a] = args.as_slice() else {
                            return Err(arity_err("close", 1, args.len(), span));
                        };
                        let (v, t) = self.expr(a)?;
                        if let Ty::Chan(Dir::Recv, _) = t {
                            return Err(Diagnostic::new(
                                a.span,
                                "cannot close a receive-only channel",
                                "the sending side closes a channel",
                            ));
                        }
                        self.check_chan(&t, a, true)?;
                        self.cx.emit(span, Op::Close { chan: v });
                        return Ok(unit);
                    }
                    "panic" => {
                        let [a] = args.as_slice() else {
                            return Err(arity_err("panic", 1, args.len(), span));
                        };
                        let (v, _) = self.expr(a)?;
                        let v = self.cx.stable(v, "panic", span);
                        // The deferred calls run as the panic unwinds (see `body`).
                        self.cx.emit(span, Op::Fail { reason: v });
                        return Ok(unit);
                    }
                    "append" | "cap" | "copy" => {
                        return self.slice_builtin(n, args, span, into);
                    }
                    "delete" | "new" | "print" | "println" | "recover" => {
                        return Err(Diagnostic::new(
                            func.span,
                            format!("`{n}` is not part of the Go lesson dialect"),
                            "the built-ins are len, cap, close, append, copy, make and panic",
                        ))
                    }
                    "string" => return self.string_conversion(args, span, into),
                    _ => return Err(self.undefined(n, func.span)),
                }
            }
        }
        let (callee, fty) = match &func.kind {
            ExprKind::Ident(n) => match self.lookup(n) {
                Some(Var {
                    store: Store::Func(id),
                    ty,
                }) => (Callee::Func(id), ty),
                Some(var) => {
                    if !matches!(var.ty, Ty::Func(..) | Ty::Unknown) {
                        return Err(Diagnostic::new(
                            func.span,
                            format!("`{n}` is {}, not a function", an(&var.ty)),
                            "call a function",
                        ));
                    }
                    let v = self.load(&var, func.span, None)?;
                    (Callee::Value(v), var.ty)
                }
                None => return Err(self.undefined(n, func.span)),
            },
            _ => {
                let (v, t) = self.expr(func)?;
                (Callee::Value(v), t)
            }
        };
        let variadic = self.func_variadic(func);
        let arg_vals = self.call_args_v(args, &fty, func, span, variadic.as_ref())?;
        let result_ty = match &fty {
            Ty::Func(_, r) => match r.as_slice() {
                [] => Ty::Unit,
                [one] => one.clone(),
                many => Ty::Tuple(many.to_vec()),
            },
            _ => Ty::Unknown,
        };
        let dst = self.cx.result_dst(statement, into, "result");
        self.cx.emit(
            span,
            Op::Call {
                dst,
                callee,
                args: arg_vals,
            },
        );
        Ok((
            dst.map_or(IrExpr::Const(Value::Unit), IrExpr::Local),
            result_ty,
        ))
    }

    pub(super) fn method_call(
        &mut self,
        base: &Expr,
        method: &Ident,
        args: &[Expr],
        span: Span,
    ) -> Res<(IrExpr, Ty)> {
        let unit = (IrExpr::Const(Value::Unit), Ty::Unit);
        let (recv, ty) = self.expr(base)?;
        let m = method.name.as_str();
        let (recv, ty) = if structs::struct_name(&ty).is_some() {
            let func = Expr {
                kind: ExprKind::Selector(Box::new(base.clone()), method.clone()),
                span,
            };
            let recv = self.cx.stable(recv, "recv", span);
            if let Some(bound) = self.bind_method(recv.clone(), &ty, method, span)? {
                return self.call_method(bound, args, &func, span);
            }
            match self.promoted_resource(recv, &ty, m, span) {
                Some(found) => found,
                None => {
                    return Err(Diagnostic::new(
                        method.span,
                        format!(
                            "{}.{m} undefined (type {} has no field or method {m})",
                            describe_expr(base),
                            ty.name()
                        ),
                        "declare it with `func (x *T) Name() { … }`",
                    ))
                }
            }
        } else {
            (recv, ty)
        };
        match &ty {
            Ty::Timer { ticker } => return self.timer_method(recv, *ticker, method, args, span),
            Ty::Atomic(_) => return self.atomic_method(recv, &ty, method, args, span),
            _ => {}
        }
        match (&ty, m) {
            (Ty::Once, "Do") => self.once_do(recv, args, span),
            (Ty::RwMutex, _) => self.rwmutex_method(recv, method, args, span),
            (Ty::Mutex | Ty::Unknown, "Lock" | "Unlock") => {
                if !args.is_empty() {
                    return Err(arity_err(m, 0, args.len(), span));
                }
                let op = if m == "Lock" {
                    Op::Acquire { lock: recv }
                } else {
                    Op::Release { lock: recv }
                };
                self.cx.emit(span, op);
                Ok(unit)
            }
            (Ty::WaitGroup | Ty::Unknown, "Add") => {
                let [a] = args else {
                    return Err(arity_err("Add", 1, args.len(), span));
                };
                let (d, _) = self.expr(a)?;
                self.cx.emit(span, Op::WgAdd { wg: recv, delta: d });
                Ok(unit)
            }
            (Ty::WaitGroup, "Go") => {
                let [f] = args else {
                    return Err(arity_err("Go", 1, args.len(), span));
                };
                // `wg.Go(f)` is `wg.Add(1)` and then `go func() { defer wg.Done(); f() }()`.
                self.cx.emit(
                    span,
                    Op::WgAdd {
                        wg: recv,
                        delta: IrExpr::int(1),
                    },
                );
                let stmt = |kind| Stmt { kind, span };
                let call = |func: Expr, args| Expr {
                    kind: ExprKind::Call(Box::new(func), args),
                    span,
                };
                let done = Expr {
                    kind: ExprKind::Selector(
                        Box::new(base.clone()),
                        Ident {
                            name: "Done".into(),
                            span: method.span,
                        },
                    ),
                    span,
                };
                let body = vec![
                    stmt(StmtKind::Defer(call(done, Vec::new()))),
                    stmt(StmtKind::Expr(call(f.clone(), Vec::new()))),
                ];
                let lit = Expr {
                    kind: ExprKind::FuncLit(Vec::new(), Vec::new(), body),
                    span: f.span,
                };
                self.go(&call(lit, Vec::new()), span)?;
                Ok(unit)
            }
            (Ty::WaitGroup | Ty::Unknown, "Done" | "Wait") => {
                if !args.is_empty() {
                    return Err(arity_err(m, 0, args.len(), span));
                }
                let op = if m == "Done" {
                    Op::WgDone { wg: recv }
                } else {
                    Op::WgWait { wg: recv }
                };
                self.cx.emit(span, op);
                Ok(unit)
            }
            _ => Err(Diagnostic::new(
                method.span,
                format!("{} has no method `{m}` in the Go lesson dialect", an(&ty)),
                "sync.Mutex has Lock and Unlock; sync.WaitGroup has Add, Done, Wait and Go",
            )),
        }
    }

    pub(super) fn package_call(
        &mut self,
        pkgname: &str,
        func: &Ident,
        args: &[Expr],
        span: Span,
    ) -> Res<(IrExpr, Ty)> {
        let unit = (IrExpr::Const(Value::Unit), Ty::Unit);
        let clock_or_atomic = match pkgname {
            "time" => self.time_call(&func.name, args, span)?,
            "atomic" => self.atomic_call(&func.name, args, span)?,
            _ => None,
        };
        if let Some(done) = clock_or_atomic {
            return Ok(done);
        }
        match (pkgname, func.name.as_str()) {
            ("fmt", "Println" | "Print") => {
                let spaced = func.name == "Println";
                let mut parts = Vec::new();
                let mut prev_str: Option<bool> = None;
                for a in args {
                    let (v, t) = self.expr(a)?;
                    let is_str = t == Ty::Str;
                    if let Some(p) = prev_str {
                        if spaced || (!p && !is_str) {
                            parts.push(FmtPart::Lit(" ".into()));
                        }
                    }
                    prev_str = Some(is_str);
                    let part = self.show_part(v, &t, false, a.span);
                    parts.push(part);
                }
                let text = IrExpr::Format(parts);
                // Println writes a whole line; Print continues the current one.
                let op = if spaced {
                    Op::Print { text }
                } else {
                    Op::Output { text }
                };
                self.cx.emit(span, op);
                Ok(unit)
            }
            ("fmt", "Printf" | "Sprintf") => {
                let Some((fmt, rest)) = args.split_first() else {
                    return Err(arity_err(&format!("fmt.{}", func.name), 1, 0, span));
                };
                let ExprKind::Str(text) = &fmt.kind else {
                    return Err(Diagnostic::new(
                        fmt.span,
                        format!("the format of fmt.{} must be a string written out", func.name),
                        "write `fmt.Printf(\"%d\\n\", n)`",
                    ));
                };
                let lines = self.printf(text, fmt.span, rest, span)?;
                let mut all = Vec::new();
                for (i, l) in lines.into_iter().enumerate() {
                    if i > 0 {
                        all.push(FmtPart::Lit("\n".into()));
                    }
                    all.extend(l);
                }
                if text.ends_with('\n') {
                    all.push(FmtPart::Lit("\n".into()));
                }
                let text = IrExpr::Format(all);
                if func.name == "Sprintf" {
                    return Ok((text, Ty::Str));
                }
                // One write of the whole text, line breaks and all, as Go's Printf makes.
                self.cx.emit(span, Op::Output { text });
                Ok(unit)
            }
            ("fmt", "Sprint") => {
                let mut parts = Vec::new();
                for a in args {
                    let (v, t) = self.expr(a)?;
                    let part = self.show_part(v, &t, false, a.span);
                    parts.push(part);
                }
                Ok((IrExpr::Format(parts), Ty::Str))
            }
            ("strconv", "Itoa") => {
                let [a] = args else {
                    return Err(arity_err("strconv.Itoa", 1, args.len(), span));
                };
                let (v, _) = self.expr(a)?;
                Ok((IrExpr::Call(Builtin::ToStr, vec![v]), Ty::Str))
            }
            // A Duration is a number of logical ticks: the conversion keeps the number.
            ("time", "Duration") => {
                let [a] = args else {
                    return Err(arity_err("time.Duration", 1, args.len(), span));
                };
                let (v, t) = self.expr(a)?;
                if !(t.is_int() || matches!(t, Ty::Duration | Ty::Unknown)) {
                    return Err(Diagnostic::new(
                        a.span,
                        format!("cannot convert {} ({}) to type time.Duration", describe_expr(a), an(&t)),
                        "convert an int, like `time.Duration(n) * time.Millisecond`",
                    ));
                }
                Ok((v, Ty::Duration))
            }
            ("time", "Sleep") => {
                let [a] = args else {
                    return Err(arity_err("time.Sleep", 1, args.len(), span));
                };
                let (v, _) = self.expr(a)?;
                self.cx.emit(span, Op::Sleep { ticks: v });
                Ok(unit)
            }
            ("fmt" | "time" | "sync" | "atomic" | "strconv", name) => Err(Diagnostic::new(
                func.span,
                format!("`{pkgname}.{name}` is not part of the Go lesson dialect"),
                "the lesson dialect knows fmt.Println, fmt.Printf, fmt.Sprintf, strconv.Itoa and time.Sleep",
            )),
            _ => Err(self.undefined(pkgname, span)),
        }
    }
}
