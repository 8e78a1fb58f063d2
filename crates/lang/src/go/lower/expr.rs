//! Expressions: operators, variables, receives, `make`, literals and function literals.

use super::*;

impl FnLower<'_> {
    /// Lowers an operand: a value with no destination of its own.
    pub(super) fn expr(&mut self, e: &Expr) -> Res<(IrExpr, Ty)> {
        self.expr_to(e, Dest::NONE)
    }

    /// Lowers `e`, putting its value in `dest` where the expression makes one (a receive,
    /// a read of shared memory, a call's result, a new channel or map). Only the outermost
    /// expression of an assignment uses its target directly.
    pub(super) fn expr_to(&mut self, e: &Expr, dest: Dest) -> Res<(IrExpr, Ty)> {
        let span = e.span;
        let into = dest.slot;
        Ok(match &e.kind {
            ExprKind::Int(n) => (IrExpr::int(*n), Ty::Int),
            ExprKind::Rune(n) => (IrExpr::int(*n), Ty::Rune),
            ExprKind::Float(x) => (IrExpr::from(*x), Ty::Float),
            ExprKind::New(t) => self.new_value(t, &dest, span)?,
            ExprKind::Spread(_) => {
                return Err(Diagnostic::new(
                    span,
                    "`xs...` passes a slice to a variadic function",
                    "write it as the last argument of a call, like `sum(xs...)`",
                ))
            }
            ExprKind::Str(s) => (IrExpr::str(s), Ty::Str),
            ExprKind::Ident(n) => match n.as_str() {
                "true" | "false" if self.lookup(n).is_none() => {
                    (IrExpr::bool(n == "true"), Ty::Bool)
                }
                "nil" if self.lookup(n).is_none() => (IrExpr::Const(Value::Unit), Ty::Unknown),
                _ => {
                    let Some(var) = self.lookup(n) else {
                        return Err(self.undefined(n, span));
                    };
                    (self.load(&var, span, into)?, var.ty)
                }
            },
            ExprKind::Binary(op @ (BinOp::And | BinOp::Or), a, b) => {
                let (l, _) = self.expr(a)?;
                if self.is_pure(b) {
                    let (r, _) = self.expr(b)?;
                    return Ok((arith(*op, l, r), Ty::Bool));
                }
                let sc = self.cx.short_circuit(span, *op == BinOp::And, l, "cond");
                let (r, _) = self.expr(b)?;
                (self.cx.short_circuit_end(sc, span, r), Ty::Bool)
            }
            ExprKind::Binary(..) if floats::fold_float(e).is_some() => {
                let x = floats::fold_float(e).unwrap_or_default();
                (IrExpr::from(x), Ty::Float)
            }
            ExprKind::Binary(op, a, b) => {
                if let Some(r) = self.slice_nil_compare(*op, a, b)? {
                    return Ok(r);
                }
                let left = self.expr(a)?;
                let right = self.expr(b)?;
                let ((l, lt), (r, rt)) = self.balance(left, right, a, b);
                if let (Ty::Struct(name), BinOp::Eq | BinOp::Ne) = (&lt, op) {
                    if lt.clashes(&rt) {
                        return Err(Diagnostic::new(
                            span,
                            format!("mismatched types {} and {}", lt.name(), rt.name()),
                            "compare two values of the same struct type",
                        ));
                    }
                    let same = self.struct_eq(l, r, name, span)?;
                    let v = if *op == BinOp::Eq { same } else { !same };
                    return Ok((v, Ty::Bool));
                }
                let arithmetic = matches!(
                    op,
                    BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Rem
                );
                if arithmetic && lt.clashes(&rt) {
                    return Err(Diagnostic::new(
                        span,
                        format!("mismatched types {} and {}", lt.name(), rt.name()),
                        "both sides of an arithmetic operator must have the same type",
                    ));
                }
                let ty = if arithmetic {
                    if rt == Ty::Duration {
                        // `2 * time.Second` is a Duration, as is a Duration times a count.
                        rt
                    } else if matches!(lt, Ty::Unknown) {
                        rt
                    } else {
                        lt
                    }
                } else {
                    Ty::Bool
                };
                (arith(*op, l, r), ty)
            }
            ExprKind::Unary(op, a) => match op {
                UnOp::Neg => {
                    let (v, t) = self.expr(a)?;
                    (IrExpr::Unary(IrUnOp::Neg, Box::new(v)), t)
                }
                UnOp::Not => {
                    let (v, _) = self.expr(a)?;
                    (IrExpr::Unary(IrUnOp::Not, Box::new(v)), Ty::Bool)
                }
                UnOp::Recv => {
                    let (c, cty) = self.expr(a)?;
                    self.check_chan(&cty, a, false)?;
                    let elem = match cty {
                        Ty::Chan(_, e) => *e,
                        _ => Ty::Unknown,
                    };
                    let dst = self.cx.dst(into, "v");
                    self.cx.emit(
                        span,
                        Op::ChanRecv {
                            chan: c,
                            dst: Some(dst),
                            ok: None,
                        },
                    );
                    (IrExpr::Local(dst), elem)
                }
                UnOp::Addr => self.address_of(a, &dest, span)?,
                UnOp::Deref => self.deref(a, into, span)?,
            },
            ExprKind::Call(..) => self.call(e, false, into)?,
            ExprKind::Make(t, size) => {
                let ty = self.ty_of(t, span)?;
                match &ty {
                    Ty::Chan(_, elem) => {
                        let cap = match size {
                            Some(s) => {
                                let (v, st) = self.expr(s)?;
                                if !(st.is_int() || st == Ty::Unknown) {
                                    return Err(Diagnostic::new(
                                        s.span,
                                        "a channel's buffer size must be an int",
                                        "write `make(chan int, 3)`",
                                    ));
                                }
                                v
                            }
                            None => IrExpr::int(0),
                        };
                        let dst = self.cx.temp(dest.name_or("ch"));
                        let zero = IrExpr::Const(elem.zero());
                        self.cx.emit(
                            span,
                            Op::MakeChan {
                                dst,
                                capacity: Some(cap),
                                zero,
                            },
                        );
                        (IrExpr::Local(dst), ty)
                    }
                    Ty::Map(..) => {
                        let dst = self.cx.temp(dest.name_or("m"));
                        self.cx.emit(span, Op::MakeMap { dst });
                        (IrExpr::Local(dst), ty)
                    }
                    _ => {
                        return Err(Diagnostic::new(
                            span,
                            format!("cannot make {} in the Go lesson dialect", an(&ty)),
                            "`make` makes channels and maps; write slices as `[]int{}`",
                        ))
                    }
                }
            }
            ExprKind::MakeSlice(t, len, cap) => {
                self.make_go_slice(t, len, cap.as_deref(), &dest, span)?
            }
            ExprKind::Convert(t, inner) => self.slice_conversion(t, inner, span, into)?,
            ExprKind::Slicing(base, low, high, max) => self.slicing(
                base,
                [low.as_deref(), high.as_deref(), max.as_deref()],
                span,
            )?,
            ExprKind::Selector(base, name) => {
                if let Some(field) = self.timer_field(base, name)? {
                    return Ok(field);
                }
                if let ExprKind::Ident(p) = &base.kind {
                    if p == "time" && self.lookup(p).is_none() {
                        if let Some(n) = time_unit(&name.name) {
                            return Ok((IrExpr::int(n), Ty::Duration));
                        }
                    }
                }
                self.field_read(base, name, into, span)?
            }
            ExprKind::Index(base, index) => {
                let (b, bty) = self.expr(base)?;
                let (i, _) = self.expr(index)?;
                match bty {
                    Ty::Map(_, v) => {
                        let dst = self.cx.read_dst(into);
                        self.cx.emit(
                            span,
                            Op::MapRead {
                                dst,
                                map: b,
                                key: i,
                                default: Some(IrExpr::Const(v.zero())),
                                ok: None,
                            },
                        );
                        (IrExpr::Local(dst), *v)
                    }
                    Ty::Slice(elem) => self.slice_get(b, i, *elem, into, span),
                    // A string is immutable: reading a byte touches nothing shared.
                    Ty::Str => (IrExpr::Call(Builtin::ByteAt, vec![b, i]), Ty::Byte),
                    Ty::Unknown => (b.index(i), Ty::Unknown),
                    other => {
                        return Err(Diagnostic::new(
                            base.span,
                            format!("cannot index {}", an(&other)),
                            "index a map, a slice or a string",
                        ))
                    }
                }
            }
            ExprKind::FuncLit(params, results, body) => {
                self.func_lit(params, results, body, span)?
            }
            ExprKind::Composite(t, elems) => {
                let ty = self.ty_of(t, span)?;
                match &ty {
                    Ty::Struct(name) => self.struct_lit(name, elems, &dest, span)?,
                    Ty::Once | Ty::RwMutex if elems.is_empty() => {
                        (self.zero_of(&ty, dest.name_or("mu"), span), ty)
                    }
                    Ty::Mutex | Ty::WaitGroup if elems.is_empty() => {
                        let fallback = if ty == Ty::Mutex { "mu" } else { "wg" };
                        let dst = self.cx.temp(dest.name_or(fallback));
                        let op = if ty == Ty::Mutex {
                            Op::MakeLock { dst }
                        } else {
                            Op::MakeWaitGroup { dst }
                        };
                        self.cx.emit(span, op);
                        (IrExpr::Local(dst), ty)
                    }
                    Ty::Unit if elems.is_empty() => (IrExpr::Const(Value::Unit), Ty::Unit),
                    Ty::Slice(_) => self.slice_literal(ty.clone(), elems, &dest, span)?,
                    Ty::Map(..) => {
                        let dst = self.cx.temp(dest.name_or("m"));
                        self.cx.emit(span, Op::MakeMap { dst });
                        for (k, v) in elems {
                            let Some(k) = k else {
                                return Err(Diagnostic::new(
                                    v.span,
                                    "map literal entries need a key",
                                    "write `map[string]int{\"a\": 1}`",
                                ));
                            };
                            let (kv, _) = self.expr(k)?;
                            let (vv, _) = self.expr(v)?;
                            self.cx.emit(span, Op::MapWrite {
                                map: IrExpr::Local(dst),
                                key: kv,
                                value: vv,
                            });
                        }
                        (IrExpr::Local(dst), ty)
                    }
                    _ => {
                        return Err(Diagnostic::new(
                            span,
                            format!("cannot write {} literal in the Go lesson dialect", an(&ty)),
                            "write `sync.WaitGroup{}`, `struct{}{}`, `[]int{1, 2}` or `map[string]int{}`",
                        ))
                    }
                }
            }
        })
    }

    /// The value of a variable (a visible read for shared ones).
    pub(super) fn load(&mut self, var: &Var, span: Span, into: Option<Local>) -> Res<IrExpr> {
        Ok(match &var.store {
            Store::Local(l) => IrExpr::Local(*l),
            Store::Cell(c) => {
                let tmp = self.cx.read_dst(into);
                self.cx.emit(
                    span,
                    Op::Read {
                        dst: tmp,
                        place: Place::Cell(IrExpr::Local(*c)),
                    },
                );
                IrExpr::Local(tmp)
            }
            Store::Global(g, true) => IrExpr::Global(*g),
            Store::Global(g, false) => {
                let tmp = self.cx.read_dst(into);
                self.cx.emit(
                    span,
                    Op::Read {
                        dst: tmp,
                        place: Place::Global(*g),
                    },
                );
                IrExpr::Local(tmp)
            }
            Store::Const(v) => IrExpr::Const(v.clone()),
            Store::Func(id) => IrExpr::MakeFun {
                func: *id,
                captured: Vec::new(),
            },
        })
    }

    pub(super) fn check_chan(&self, ty: &Ty, e: &Expr, sending: bool) -> Res<()> {
        match ty {
            Ty::Chan(Dir::Recv, _) if sending => Err(Diagnostic::new(
                e.span,
                "cannot send on a receive-only channel (<-chan)",
                "this side may only receive; send on the channel's other end",
            )),
            Ty::Chan(Dir::Send, _) if !sending => Err(Diagnostic::new(
                e.span,
                "cannot receive from a send-only channel (chan<-)",
                "this side may only send; receive on the channel's other end",
            )),
            Ty::Chan(..) | Ty::Unknown => Ok(()),
            other => Err(Diagnostic::new(
                e.span,
                format!(
                    "cannot {} `{}`: it is {}, not a channel",
                    if sending { "send on" } else { "receive from" },
                    describe_expr(e),
                    an(other)
                ),
                "make a channel with `make(chan int)`",
            )),
        }
    }

    pub(super) fn is_pure(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Int(_) | ExprKind::Rune(_) | ExprKind::Str(_) => true,
            ExprKind::Ident(n) => !matches!(
                self.lookup(n),
                Some(Var {
                    store: Store::Cell(_) | Store::Global(_, false),
                    ..
                })
            ),
            ExprKind::Binary(_, a, b) => self.is_pure(a) && self.is_pure(b),
            ExprKind::Unary(UnOp::Neg | UnOp::Not, a) => self.is_pure(a),
            _ => false,
        }
    }

    /// `func(params) { body }`: a new function whose leading parameters are the
    /// variables it captures (cells for shared ones).
    pub(super) fn func_lit(
        &mut self,
        params: &[Param],
        results: &[Type],
        body: &[Stmt],
        span: Span,
    ) -> Res<(IrExpr, Ty)> {
        self.func_lit_named(params, results, body, span, None)
    }

    /// A function literal called `name` (by default `outer.funcN`, as Go names them).
    pub(super) fn func_lit_named(
        &mut self,
        params: &[Param],
        results: &[Type],
        body: &[Stmt],
        span: Span,
        name: Option<String>,
    ) -> Res<(IrExpr, Ty)> {
        let fty = func_type(params, results, span)?;
        let mut names = Vec::new();
        idents_in(body, &mut names);
        let own: HashSet<&str> = params.iter().map(|p| p.name.name.as_str()).collect();
        let mut captured: Vec<(String, Var)> = Vec::new();
        for n in names {
            if own.contains(n.as_str()) {
                continue;
            }
            let in_scope = self.scopes.iter().rev().find_map(|s| s.get(&n)).cloned();
            if let Some(var) = in_scope {
                if matches!(var.store, Store::Local(_) | Store::Cell(_)) {
                    captured.push((n, var));
                }
            }
        }
        let name = name.unwrap_or_else(|| {
            self.closures += 1;
            format!("{}.func{}", self.cx.name, self.closures)
        });
        // A captured cell's slot holds the cell, not the value (which is on the whiteboard):
        // hidden, like the creator's.
        let mut slot_names: Vec<String> = captured
            .iter()
            .map(|(n, var)| match var.store {
                Store::Cell(_) => format!("${n}"),
                _ => n.clone(),
            })
            .collect();
        slot_names.extend(params.iter().map(|p| p.name.name.clone()));
        let slot_refs: Vec<&str> = slot_names.iter().map(String::as_str).collect();
        let id = FuncId(self.out.len() as u32);
        self.out.push(ir::Function::default());
        let results_ty = results
            .iter()
            .map(|r| type_of(r, span))
            .collect::<Res<Vec<_>>>()?;
        let mut scope = HashMap::new();
        for (i, (n, var)) in captured.iter().enumerate() {
            let store = match var.store {
                Store::Cell(_) => Store::Cell(Local(i as u32)),
                _ => Store::Local(Local(i as u32)),
            };
            scope.insert(
                n.clone(),
                Var {
                    store,
                    ty: var.ty.clone(),
                },
            );
        }
        let func = {
            let mut inner = FnLower {
                pkg: self.pkg,
                out: &mut *self.out,
                cx: LowerCx::new(
                    FunctionBuilder::new(id, &name, &slot_refs),
                    &name,
                    Scratch::new(student_names(params, body, self.pkg)),
                ),
                scopes: vec![scope],
                cells: HashSet::new(),
                loops: Vec::new(),
                results: results_ty,
                closures: 0,
                hidden_vars: HashSet::new(),
                defers: None,
                deferred: 0,
                result_vars: Vec::new(),
                addr_taken: super::pointers::address_taken(body),
            };
            inner.cells = inner.cell_names(body);
            inner.cx.fb.at(span);
            inner.bind_params(params, captured.len() as u32)?;
            inner.body(body, span)?;
            let mut f = inner.cx.fb.finish();
            f.span = span;
            f
        };
        if let Some(slot) = self.out.get_mut(id.index()) {
            *slot = func;
        }
        let captured_vals = captured
            .iter()
            .map(|(_, var)| match var.store {
                Store::Local(l) | Store::Cell(l) => IrExpr::Local(l),
                _ => IrExpr::Const(Value::Unit),
            })
            .collect();
        Ok((
            IrExpr::MakeFun {
                func: id,
                captured: captured_vals,
            },
            fty,
        ))
    }
}
