//! Strings as Go sees them, a read-only run of UTF-8 bytes: `s[a:b]` slices bytes,
//! `string(x)` converts a rune, a byte, a `[]byte` or a `[]rune`, and `[]byte(s)` /
//! `[]rune(s)` copy a string into a new slice. Only reading a slice's elements is a step;
//! the string side touches nothing shared.

use sim::ir::{HeaderPart, SliceOp};

use super::*;

impl FnLower<'_> {
    /// `string(x)`.
    pub(super) fn string_conversion(
        &mut self,
        args: &[Expr],
        span: Span,
        into: Option<Local>,
    ) -> Res<(IrExpr, Ty)> {
        let [a] = args else {
            return Err(arity_err("string", 1, args.len(), span));
        };
        let (v, t) = self.expr(a)?;
        let builtin = match &t {
            Ty::Str => return Ok((v, Ty::Str)),
            // Go reads an integer as a code point (an invalid one becomes U+FFFD).
            t if t.is_int() => Builtin::RuneToStr,
            Ty::Unknown => Builtin::RuneToStr,
            Ty::Slice(e) if **e == Ty::Byte => Builtin::BytesToStr,
            Ty::Slice(e) if **e == Ty::Rune => Builtin::RunesToStr,
            other => {
                return Err(Diagnostic::new(
                    a.span,
                    format!(
                        "cannot convert {} ({}) to type string",
                        describe_expr(a),
                        an(other)
                    ),
                    "string(x) takes a rune, a byte, a []byte or a []rune; \
                     use strconv.Itoa(n) or fmt.Sprint(x) for the digits of a number",
                ))
            }
        };
        if matches!(builtin, Builtin::RuneToStr) {
            return Ok((IrExpr::Call(builtin, vec![v]), Ty::Str));
        }
        let list = self.slice_to_list(v, span);
        let dst = self.cx.dst(into, "text");
        self.cx.emit(
            span,
            Op::Set {
                dst,
                expr: IrExpr::Call(builtin, vec![list]),
            },
        );
        Ok((IrExpr::Local(dst), Ty::Str))
    }

    /// `[]byte(s)` or `[]rune(s)`: a new slice holding a copy of the string's bytes or
    /// code points.
    pub(super) fn slice_conversion(
        &mut self,
        target: &Type,
        inner: &Expr,
        span: Span,
        into: Option<Local>,
    ) -> Res<(IrExpr, Ty)> {
        let ty = self.ty_of(target, span)?;
        let (v, t) = self.expr(inner)?;
        let builtin = match (&ty, &t) {
            (Ty::Slice(e), Ty::Str | Ty::Unknown) if **e == Ty::Byte => Builtin::StrBytes,
            (Ty::Slice(e), Ty::Str | Ty::Unknown) if **e == Ty::Rune => Builtin::StrRunes,
            _ => {
                return Err(Diagnostic::new(
                    span,
                    format!(
                        "cannot convert {} ({}) to type {}",
                        describe_expr(inner),
                        an(&t),
                        ty.name()
                    ),
                    "the slice conversions are []byte(s) and []rune(s) of a string",
                ))
            }
        };
        let dst = self.cx.dst(into, "slice");
        self.cx.emit(
            span,
            Op::Slice(SliceOp::FromList {
                dst,
                list: IrExpr::Call(builtin, vec![v]),
            }),
        );
        Ok((IrExpr::Local(dst), ty))
    }

    /// `s[low:high]` of a string: the bytes from `low` up to `high`, checked at run time as
    /// Go checks them.
    pub(super) fn string_slicing(
        &mut self,
        s: IrExpr,
        bounds: [Option<&Expr>; 3],
        span: Span,
    ) -> Res<(IrExpr, Ty)> {
        if let Some(max) = bounds[2] {
            return Err(Diagnostic::new(
                max.span,
                "invalid operation: 3-index slice of string",
                "a string takes two indexes: `s[1:3]`",
            ));
        }
        let s = self.cx.stable(s, "text", span);
        let mut vals = Vec::new();
        for e in bounds.into_iter().take(2).flatten() {
            let (v, t) = self.expr(e)?;
            if !(t.is_int() || t == Ty::Unknown) {
                return Err(Diagnostic::new(
                    e.span,
                    format!("a slice index must be an int, not {}", an(&t)),
                    "write `s[1:3]`",
                ));
            }
            vals.push(self.cx.stable(v, "bound", span));
        }
        let mut vals = vals.into_iter();
        let low = match bounds[0] {
            Some(_) => vals.next().unwrap_or(IrExpr::int(0)),
            None => IrExpr::int(0),
        };
        let high = match bounds[1] {
            Some(_) => vals.next().unwrap_or(IrExpr::int(0)),
            None => IrExpr::Call(Builtin::ByteLen, vec![s.clone()]),
        };
        Ok((
            IrExpr::Call(Builtin::ByteSlice, vec![s, low, high]),
            Ty::Str,
        ))
    }

    /// The elements of a slice as a list value: each element read is a visible step, last
    /// first, so the list is built front to back by consing.
    fn slice_to_list(&mut self, slice: IrExpr, span: Span) -> IrExpr {
        let s = self.cx.stable(slice, "slice", span);
        let n = self.slice_header(s.clone(), HeaderPart::Len, span);
        let (i, acc, v) = (self.cx.temp("i"), self.cx.temp("items"), self.cx.temp("v"));
        let set = |me: &mut Self, dst: Local, expr: IrExpr| me.cx.emit(span, Op::Set { dst, expr });
        set(self, i, n);
        set(self, acc, IrExpr::Const(Value::list([])));
        let (top, end) = (self.cx.fb.label(), self.cx.fb.label());
        self.cx.fb.bind(top);
        self.cx.emit(
            span,
            Op::JumpUnless {
                cond: IrExpr::int(0).lt(IrExpr::Local(i)),
                to: end,
            },
        );
        set(
            self,
            i,
            IrExpr::Local(i).bin(ir::BinOp::Sub, IrExpr::int(1)),
        );
        self.cx.emit(
            span,
            Op::Slice(SliceOp::Get {
                dst: v,
                slice: s,
                index: IrExpr::Local(i),
            }),
        );
        set(
            self,
            acc,
            IrExpr::Cons(Box::new(IrExpr::Local(v)), Box::new(IrExpr::Local(acc))),
        );
        self.cx.emit(span, Op::Jump { to: top });
        self.cx.fb.bind(end);
        IrExpr::Local(acc)
    }
}
