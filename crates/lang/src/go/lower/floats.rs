//! Numbers: `float64` constants meeting floats, the conversions `float64(n)` and `int(x)`,
//! and Printf's `%f` / `%.2f`, `%05d` and `%x`, worked out digit by digit as the lowering's
//! own bookkeeping (never steps).

use super::*;

impl FnLower<'_> {
    /// An integer value where a float is wanted becomes a float (Go's untyped constants:
    /// `var total float64 = 0`, `price * 2`).
    pub(super) fn coerce(&self, v: IrExpr, have: &Ty, want: &Ty) -> IrExpr {
        match (have, want) {
            // `nil` where a slice is wanted is the empty (nil) slice.
            (_, Ty::Slice(_)) if v == IrExpr::Const(Value::Unit) => IrExpr::Const(want.zero()),
            (Ty::Int, Ty::Float) => match v {
                IrExpr::Const(Value::Int(n)) => IrExpr::Const(Value::from(n as f64)),
                other => IrExpr::Call(Builtin::ToFloat, vec![other]),
            },
            _ => v,
        }
    }

    /// Whether a value of type `have` cannot be stored where `want` is expected; an integer
    /// constant fits a float, as Go's untyped constants do.
    pub(super) fn clash(v: &IrExpr, have: &Ty, want: &Ty) -> bool {
        have.clashes(want) && !(matches!(v, IrExpr::Const(Value::Int(_))) && *want == Ty::Float)
    }

    /// The two operands of an arithmetic or comparison operator, with an integer constant
    /// beside a float made a float.
    pub(super) fn balance(
        &self,
        (l, lt): (IrExpr, Ty),
        (r, rt): (IrExpr, Ty),
        a: &Expr,
        b: &Expr,
    ) -> ((IrExpr, Ty), (IrExpr, Ty)) {
        match (&lt, &rt) {
            (Ty::Float, Ty::Int) if const_eval(b, self.pkg).is_some() || is_int_lit(b) => {
                let r = self.coerce(r, &rt, &lt);
                ((l, lt.clone()), (r, lt))
            }
            (Ty::Int, Ty::Float) if const_eval(a, self.pkg).is_some() || is_int_lit(a) => {
                let l = self.coerce(l, &lt, &rt);
                ((l, rt.clone()), (r, rt))
            }
            _ => ((l, lt), (r, rt)),
        }
    }

    /// `float64(x)`, `float32(x)`, `int(x)` and the sized integer conversions.
    pub(super) fn conversion(
        &mut self,
        name: &str,
        args: &[Expr],
        span: Span,
    ) -> Res<Option<(IrExpr, Ty)>> {
        let (builtin, ty) = match name {
            "float64" | "float32" => (Builtin::ToFloat, Ty::Float),
            "rune" => (Builtin::ToInt, Ty::Rune),
            "byte" => (Builtin::ToInt, Ty::Byte),
            "int" | "int8" | "int16" | "int32" | "int64" | "uint" | "uint8" | "uint16"
            | "uint32" | "uint64" => (Builtin::ToInt, Ty::Int),
            _ => return Ok(None),
        };
        let [a] = args else {
            return Err(arity_err(name, 1, args.len(), span));
        };
        let (v, t) = self.expr(a)?;
        if !(t.is_int() || matches!(t, Ty::Float | Ty::Unknown)) {
            return Err(Diagnostic::new(
                a.span,
                format!(
                    "cannot convert {} ({}) to type {name}",
                    describe_expr(a),
                    an(&t)
                ),
                "convert numbers only; use strconv.Itoa for text",
            ));
        }
        let v = IrExpr::Call(builtin, vec![v]);
        if ty == Ty::Byte {
            // A byte keeps the low eight bits, as Go's conversion of a variable does.
            let m = |e: IrExpr| e.bin(ir::BinOp::Rem, IrExpr::int(256));
            return Ok(Some((m(m(v) + 256), ty)));
        }
        Ok(Some((v, ty)))
    }

    /// `%.Nf` of a float: rounded to `prec` decimals (halves to even), as bookkeeping.
    pub(super) fn fixed(&mut self, v: IrExpr, prec: u32, span: Span) -> IrExpr {
        let set = |me: &mut Self, dst: Local, expr: IrExpr| {
            me.cx.emit(span, Op::Set { dst, expr });
        };
        let scale = 10i64.pow(prec);
        let x = self.cx.temp("x");
        set(self, x, IrExpr::Call(Builtin::ToFloat, vec![v]));
        let neg = self.cx.temp("neg");
        set(self, neg, IrExpr::Local(x).lt(IrExpr::from(0.0)));
        let a = self.cx.temp("a");
        set(self, a, IrExpr::Local(x));
        let nonneg = self.cx.fb.label();
        self.cx.emit(
            span,
            Op::JumpUnless {
                cond: IrExpr::Local(neg),
                to: nonneg,
            },
        );
        set(
            self,
            a,
            IrExpr::from(0.0).bin(ir::BinOp::Sub, IrExpr::Local(x)),
        );
        self.cx.fb.bind(nonneg);
        // t = |x| * 10^prec; n = ⌊t⌋, rounded up past a half, or at a half to even.
        let t = self.cx.temp("t");
        set(
            self,
            t,
            IrExpr::Local(a).bin(ir::BinOp::Mul, IrExpr::from(scale as f64)),
        );
        let n = self.cx.temp("n");
        set(
            self,
            n,
            IrExpr::Call(Builtin::ToInt, vec![IrExpr::Local(t)]),
        );
        let d = self.cx.temp("d");
        set(
            self,
            d,
            IrExpr::Local(t).bin(
                ir::BinOp::Sub,
                IrExpr::Call(Builtin::ToFloat, vec![IrExpr::Local(n)]),
            ),
        );
        let up = IrExpr::Local(d).gt(IrExpr::from(0.5)).bin(
            ir::BinOp::Or,
            IrExpr::Local(d).eq(IrExpr::from(0.5)).bin(
                ir::BinOp::And,
                IrExpr::Local(n)
                    .bin(ir::BinOp::Rem, IrExpr::int(2))
                    .eq(IrExpr::int(1)),
            ),
        );
        let skip = self.cx.fb.label();
        self.cx.emit(span, Op::JumpUnless { cond: up, to: skip });
        set(
            self,
            n,
            IrExpr::Local(n).bin(ir::BinOp::Add, IrExpr::int(1)),
        );
        self.cx.fb.bind(skip);
        let s = self.cx.temp("fixed");
        set(
            self,
            s,
            IrExpr::Call(
                Builtin::ToStr,
                vec![IrExpr::Local(n).bin(ir::BinOp::Div, IrExpr::int(scale))],
            ),
        );
        if prec > 0 {
            let frac = self.cx.temp("frac");
            set(
                self,
                frac,
                IrExpr::Call(
                    Builtin::ToStr,
                    vec![IrExpr::Local(n).bin(ir::BinOp::Rem, IrExpr::int(scale))],
                ),
            );
            let (top, end) = (self.cx.fb.label(), self.cx.fb.label());
            self.cx.fb.bind(top);
            let short = IrExpr::Call(Builtin::Len, vec![IrExpr::Local(frac)])
                .lt(IrExpr::int(i64::from(prec)));
            self.cx.emit(
                span,
                Op::JumpUnless {
                    cond: short,
                    to: end,
                },
            );
            set(
                self,
                frac,
                IrExpr::str("0").bin(ir::BinOp::Add, IrExpr::Local(frac)),
            );
            self.cx.emit(span, Op::Jump { to: top });
            self.cx.fb.bind(end);
            set(
                self,
                s,
                IrExpr::Local(s)
                    .bin(ir::BinOp::Add, IrExpr::str("."))
                    .bin(ir::BinOp::Add, IrExpr::Local(frac)),
            );
        }
        let positive = self.cx.fb.label();
        self.cx.emit(
            span,
            Op::JumpUnless {
                cond: IrExpr::Local(neg),
                to: positive,
            },
        );
        set(
            self,
            s,
            IrExpr::str("-").bin(ir::BinOp::Add, IrExpr::Local(s)),
        );
        self.cx.fb.bind(positive);
        IrExpr::Local(s)
    }
}

impl FnLower<'_> {
    /// `%05d`: the integer padded with zeros after its sign to `width` characters.
    pub(super) fn zero_padded(&mut self, v: IrExpr, width: i64, span: Span) -> IrExpr {
        let n = self.cx.temp("n");
        self.cx.emit(span, Op::Set { dst: n, expr: v });
        let neg = IrExpr::Local(n).lt(IrExpr::int(0));
        let digits = self.cx.temp("digits");
        self.cx.emit(
            span,
            Op::Set {
                dst: digits,
                expr: IrExpr::Call(
                    Builtin::ToStr,
                    vec![IrExpr::Call(Builtin::Abs, vec![IrExpr::Local(n)])],
                ),
            },
        );
        let room = self.cx.temp("room");
        self.cx.emit(
            span,
            Op::Set {
                dst: room,
                expr: IrExpr::int(width),
            },
        );
        let positive = self.cx.fb.label();
        self.cx.emit(
            span,
            Op::JumpUnless {
                cond: neg.clone(),
                to: positive,
            },
        );
        self.cx.emit(
            span,
            Op::Set {
                dst: room,
                expr: IrExpr::int(width - 1),
            },
        );
        self.cx.fb.bind(positive);
        let (top, end) = (self.cx.fb.label(), self.cx.fb.label());
        self.cx.fb.bind(top);
        let short = IrExpr::Call(Builtin::Len, vec![IrExpr::Local(digits)]).lt(IrExpr::Local(room));
        self.cx.emit(
            span,
            Op::JumpUnless {
                cond: short,
                to: end,
            },
        );
        self.cx.emit(
            span,
            Op::Set {
                dst: digits,
                expr: IrExpr::str("0").bin(ir::BinOp::Add, IrExpr::Local(digits)),
            },
        );
        self.cx.emit(span, Op::Jump { to: top });
        self.cx.fb.bind(end);
        let done = self.cx.fb.label();
        self.cx.emit(
            span,
            Op::JumpUnless {
                cond: neg,
                to: done,
            },
        );
        self.cx.emit(
            span,
            Op::Set {
                dst: digits,
                expr: IrExpr::str("-").bin(ir::BinOp::Add, IrExpr::Local(digits)),
            },
        );
        self.cx.fb.bind(done);
        IrExpr::Local(digits)
    }
}

impl FnLower<'_> {
    /// `%x` / `%X` of an integer: its digits in base 16, with a `-` when negative.
    pub(super) fn hex(&mut self, v: IrExpr, upper: bool, span: Span) -> IrExpr {
        let digits: Vec<IrExpr> = (0..16)
            .map(|d| {
                let c = std::char::from_digit(d, 16).unwrap_or('0');
                let c = if upper { c.to_ascii_uppercase() } else { c };
                IrExpr::str(&c.to_string())
            })
            .collect();
        let n = self.cx.temp("n");
        self.cx.emit(span, Op::Set { dst: n, expr: v });
        let neg = self.cx.temp("neg");
        self.cx.emit(
            span,
            Op::Set {
                dst: neg,
                expr: IrExpr::Local(n).lt(IrExpr::int(0)),
            },
        );
        self.cx.emit(
            span,
            Op::Set {
                dst: n,
                expr: IrExpr::Call(Builtin::Abs, vec![IrExpr::Local(n)]),
            },
        );
        let s = self.cx.temp("hex");
        self.cx.emit(
            span,
            Op::Set {
                dst: s,
                expr: IrExpr::str(""),
            },
        );
        let top = self.cx.fb.label();
        self.cx.fb.bind(top);
        let digit =
            IrExpr::List(digits).index(IrExpr::Local(n).bin(ir::BinOp::Rem, IrExpr::int(16)));
        self.cx.emit(
            span,
            Op::Set {
                dst: s,
                expr: digit.bin(ir::BinOp::Add, IrExpr::Local(s)),
            },
        );
        self.cx.emit(
            span,
            Op::Set {
                dst: n,
                expr: IrExpr::Local(n).bin(ir::BinOp::Div, IrExpr::int(16)),
            },
        );
        self.cx.emit(
            span,
            Op::JumpIf {
                cond: IrExpr::Local(n).gt(IrExpr::int(0)),
                to: top,
            },
        );
        let done = self.cx.fb.label();
        self.cx.emit(
            span,
            Op::JumpUnless {
                cond: IrExpr::Local(neg),
                to: done,
            },
        );
        self.cx.emit(
            span,
            Op::Set {
                dst: s,
                expr: IrExpr::str("-").bin(ir::BinOp::Add, IrExpr::Local(s)),
            },
        );
        self.cx.fb.bind(done);
        IrExpr::Local(s)
    }
}

fn is_int_lit(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Int(_) | ExprKind::Rune(_) => true,
        ExprKind::Unary(UnOp::Neg, a) => is_int_lit(a),
        ExprKind::Binary(_, a, b) => is_int_lit(a) && is_int_lit(b),
        _ => false,
    }
}

/// An exact rational `num / den` (`den > 0`), for folding float constants as Go does.
type Ratio = (i128, i128);

/// A constant expression with a float literal in it, folded exactly as Go folds constants
/// (`0.1 + 0.2` is exactly `0.3`), then rounded once to a float. `None` when it is not such
/// a constant, or when the exact value grows too large to round exactly here.
pub(super) fn fold_float(e: &Expr) -> Option<f64> {
    if !has_float_lit(e) {
        return None;
    }
    let (n, d) = ratio(e, 0)?;
    const EXACT: i128 = 1 << 53;
    // Both fit a float exactly, so one division rounds the exact quotient correctly.
    (n.abs() < EXACT && d < EXACT).then(|| n as f64 / d as f64)
}

fn has_float_lit(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Float(_) => true,
        ExprKind::Unary(UnOp::Neg, a) => has_float_lit(a),
        ExprKind::Binary(_, a, b) => has_float_lit(a) || has_float_lit(b),
        _ => false,
    }
}

fn ratio(e: &Expr, depth: u32) -> Option<Ratio> {
    if depth > 32 {
        return None;
    }
    let r = match &e.kind {
        ExprKind::Int(n) | ExprKind::Rune(n) => (i128::from(*n), 1),
        ExprKind::Float(x) => decimal(*x)?,
        ExprKind::Unary(UnOp::Neg, a) => {
            let (n, d) = ratio(a, depth + 1)?;
            (n.checked_neg()?, d)
        }
        ExprKind::Binary(op, a, b) => {
            let (an, ad) = ratio(a, depth + 1)?;
            let (bn, bd) = ratio(b, depth + 1)?;
            match op {
                BinOp::Add | BinOp::Sub => {
                    let l = an.checked_mul(bd)?;
                    let r = bn.checked_mul(ad)?;
                    let n = if *op == BinOp::Add {
                        l.checked_add(r)?
                    } else {
                        l.checked_sub(r)?
                    };
                    (n, ad.checked_mul(bd)?)
                }
                BinOp::Mul => (an.checked_mul(bn)?, ad.checked_mul(bd)?),
                BinOp::Div if bn != 0 => {
                    let n = an.checked_mul(bd)?;
                    let d = ad.checked_mul(bn)?;
                    if d < 0 {
                        (n.checked_neg()?, d.checked_neg()?)
                    } else {
                        (n, d)
                    }
                }
                _ => return None,
            }
        }
        _ => return None,
    };
    Some(reduce(r))
}

/// The literal's decimal digits as a ratio: `0.1` is `1/10`.
fn decimal(x: f64) -> Option<Ratio> {
    let text = format!("{x}");
    let (int, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
    if frac.len() > 30 {
        return None;
    }
    let digits: i128 = format!("{int}{frac}").parse().ok()?;
    Some(reduce((digits, 10i128.checked_pow(frac.len() as u32)?)))
}

fn reduce((n, d): Ratio) -> Ratio {
    let (mut a, mut b) = (n.unsigned_abs(), d.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    let g = a.max(1) as i128;
    (n / g, d / g)
}
