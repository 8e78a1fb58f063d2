//! Expressions: operators, names, literals, f-strings, indexing and conditions.

use super::*;

impl FnLower<'_> {
    pub(super) fn cond(&mut self, e: &Expr) -> Res<IrExpr> {
        let v = self.expr(e)?;
        Ok(truthy(v, is_boolean(e)))
    }

    pub(super) fn expr_stmt(&mut self, e: &Expr) -> Res<()> {
        match &e.kind {
            // A docstring or a bare value does nothing.
            ExprKind::Str(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::None
            | ExprKind::Bool(_) => Ok(()),
            ExprKind::Call { .. } => self.call(e, true, Dest::NONE).map(drop),
            // A bare name does nothing, but must still exist.
            ExprKind::Name(n) => self.resolve(n, e.span).map(drop),
            // `t.start` without brackets is a classic slip.
            ExprKind::Attr(_, attr) => Err(Diagnostic::new(
                attr.span,
                format!("`.{}` is not called", attr.name),
                format!("add brackets: `.{}()`", attr.name),
            )),
            _ => self.expr(e).map(drop),
        }
    }

    /// Whether lowering `e` emits no instructions (so it can sit inside a pure expression).
    pub(super) fn is_pure(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Name(n) => match self.resolve(n, e.span) {
                Ok(Var::Shared(g)) => g.constant,
                _ => true,
            },
            ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Bool(_)
            | ExprKind::None => true,
            // `k in d` looks the key up in shared memory: a step.
            ExprKind::Binary(BinOp::In, ..) => false,
            ExprKind::Binary(_, a, b) => self.is_pure(a) && self.is_pure(b),
            ExprKind::Neg(a) | ExprKind::Not(a) => self.is_pure(a),
            ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().all(|i| self.is_pure(i)),
            ExprKind::FStr(parts) => parts.iter().all(|p| match p {
                FPart::Lit(_) => true,
                FPart::Value(e, _) => self.is_pure(e),
            }),
            _ => false,
        }
    }

    /// Lowers an operand: a value with no destination of its own.
    pub(super) fn expr(&mut self, e: &Expr) -> Res<IrExpr> {
        self.expr_to(e, Dest::NONE)
    }

    /// Lowers `e`, putting its value in `dest` where the expression makes one. Only the
    /// outermost expression of an assignment uses its target directly.
    pub(super) fn expr_to(&mut self, e: &Expr, dest: Dest) -> Res<IrExpr> {
        let into = dest.slot;
        Ok(match &e.kind {
            ExprKind::Int(n) => IrExpr::int(*n),
            ExprKind::Float(x) => IrExpr::from(*x),
            ExprKind::Str(s) => IrExpr::str(s),
            ExprKind::Bool(b) => IrExpr::bool(*b),
            ExprKind::None => IrExpr::Const(Value::Unit),
            ExprKind::Name(n) => match self.resolve(n, e.span)? {
                Var::Local(l) => IrExpr::Local(l),
                Var::Shared(g) if g.constant => IrExpr::Global(g.id),
                Var::Shared(g) => {
                    let tmp = self.cx.read_dst(into);
                    self.cx.emit(
                        e.span,
                        Op::Read {
                            dst: tmp,
                            place: Place::Global(g.id),
                        },
                    );
                    IrExpr::Local(tmp)
                }
                Var::Func(id, _) => IrExpr::MakeFun {
                    func: id,
                    captured: Vec::new(),
                },
            },
            ExprKind::FStr(parts) => {
                let mut out = Vec::new();
                for p in parts {
                    out.push(match p {
                        FPart::Lit(s) => FmtPart::Lit(s.clone()),
                        FPart::Value(v, false) => FmtPart::Show(self.expr(v)?),
                        FPart::Value(v, true) => FmtPart::Repr(self.expr(v)?),
                    });
                }
                IrExpr::Format(out)
            }
            ExprKind::Binary(op @ (BinOp::And | BinOp::Or), a, b) => {
                let left = self.expr(a)?;
                let left = truthy(left, is_boolean(a));
                if self.is_pure(b) {
                    let right = self.expr(b)?;
                    let right = truthy(right, is_boolean(b));
                    let ir_op = if *op == BinOp::And {
                        ir::BinOp::And
                    } else {
                        ir::BinOp::Or
                    };
                    return Ok(IrExpr::Binary(ir_op, Box::new(left), Box::new(right)));
                }
                // The right side has steps of its own: run them only when needed.
                let sc = self
                    .cx
                    .short_circuit(e.span, *op == BinOp::And, left, "cond");
                let right = self.expr(b)?;
                self.cx
                    .short_circuit_end(sc, e.span, truthy(right, is_boolean(b)))
            }
            ExprKind::Binary(BinOp::In, key, container) => {
                let kind = match &container.kind {
                    ExprKind::Tuple(_) => Kind::List,
                    _ => self.kind_of(container),
                };
                if matches!(kind, Kind::List | Kind::Str) {
                    // A list, a tuple or a string is a value: membership is computed.
                    let k = self.expr(key)?;
                    let c = self.expr(container)?;
                    return Ok(IrExpr::Call(Builtin::Contains, vec![c, k]));
                }
                if !matches!(kind, Kind::Dict | Kind::Unknown) {
                    return Err(Diagnostic::new(
                        container.span,
                        format!(
                            "`in` looks in a dict, a list, a tuple or a string, but this is {}",
                            kind.describe()
                        ),
                        "use `in` on a container, like `if name in seen:`",
                    ));
                }
                let k = self.expr(key)?;
                let m = self.expr(container)?;
                // The entry's value is not needed, only whether it is there.
                let value = self.cx.temp("value");
                let found = self.cx.temp("in");
                self.cx.emit(
                    e.span,
                    Op::MapRead {
                        dst: value,
                        map: m,
                        key: k,
                        default: None,
                        ok: Some(found),
                    },
                );
                IrExpr::Local(found)
            }
            ExprKind::Binary(BinOp::Mod, a, b) if matches!(a.kind, ExprKind::Str(_)) => {
                self.percent_format(a, b)?
            }
            ExprKind::Binary(op, a, b) => {
                let left = self.expr(a)?;
                let right = self.expr(b)?;
                match op {
                    BinOp::Eq => left.eq(right),
                    BinOp::Ne => left.ne(right),
                    BinOp::Lt => left.lt(right),
                    BinOp::Le => left.le(right),
                    BinOp::Gt => left.gt(right),
                    BinOp::Ge => left.ge(right),
                    other => arith(*other, left, right),
                }
            }
            ExprKind::Neg(a) => IrExpr::Unary(UnOp::Neg, Box::new(self.expr(a)?)),
            ExprKind::Not(a) => {
                let v = self.expr(a)?;
                IrExpr::Unary(UnOp::Not, Box::new(truthy(v, is_boolean(a))))
            }
            ExprKind::Tuple(items) => IrExpr::Tuple(self.exprs(items)?),
            ExprKind::List(items) => IrExpr::List(self.exprs(items)?),
            ExprKind::Dict(entries) => {
                let map = self.cx.temp(dest.name_or("dict"));
                self.cx.emit(e.span, Op::MakeMap { dst: map });
                for (k, v) in entries {
                    let k = self.expr(k)?;
                    let v = self.expr(v)?;
                    self.cx.emit(
                        e.span,
                        Op::MapWrite {
                            map: IrExpr::Local(map),
                            key: k,
                            value: v,
                        },
                    );
                }
                IrExpr::Local(map)
            }
            ExprKind::Subscript(base, key) => {
                let kind = self.kind_of(base);
                let b = self.expr(base)?;
                let k = self.expr(key)?;
                match kind {
                    Kind::List | Kind::Str => b.index(k),
                    Kind::Unknown | Kind::Dict => {
                        let tmp = self.cx.read_dst(into);
                        self.cx.emit(
                            e.span,
                            Op::MapRead {
                                dst: tmp,
                                map: b,
                                key: k,
                                default: None,
                                ok: None,
                            },
                        );
                        IrExpr::Local(tmp)
                    }
                    other => {
                        return Err(Diagnostic::new(
                            base.span,
                            format!("cannot index {} with `[…]`", other.describe()),
                            "index a dict, a list or a tuple",
                        ))
                    }
                }
            }
            ExprKind::Call { .. } => self.call(e, false, dest)?,
            ExprKind::Comp(comp) => self.comprehension(comp, e.span)?,
            ExprKind::Attr(recv, attr)
                if attr.name == "name"
                    && matches!(self.kind_of(recv), Kind::Thread(_) | Kind::Unknown) =>
            {
                // A thread's name is the runtime's bookkeeping, fixed when it was made.
                let thread = self.expr(recv)?;
                let dst = into.unwrap_or_else(|| self.cx.temp("name"));
                self.cx
                    .emit(e.span, Op::Thread(ThreadOp::Name { dst, thread }));
                IrExpr::Local(dst)
            }
            ExprKind::Attr(recv, attr)
                if attr.name == "parties" && self.kind_of(recv) == Kind::Lib(Lib::Barrier) =>
            {
                let b = self.expr(recv)?;
                self.barrier_parties(b)
            }
            ExprKind::Attr(_, attr) => {
                return Err(Diagnostic::new(
                    attr.span,
                    format!("`.{}` must be called, like `.{}()`", attr.name, attr.name),
                    "the lesson dialect has no attributes, only method calls",
                ))
            }
        })
    }

    pub(super) fn exprs(&mut self, items: &[Expr]) -> Res<Vec<IrExpr>> {
        items.iter().map(|i| self.expr(i)).collect()
    }
}
