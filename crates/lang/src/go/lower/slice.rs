//! Slices with Go's semantics: a header value over a backing array on the simulator's heap.
//! Literals, `make`, re-slicing, `len` and `cap` are header arithmetic (never steps); reading
//! and writing `s[i]`, `append` and `copy` are visible steps on the array's elements, so two
//! goroutines writing one element race and `append` aliases when the capacity allows.

use sim::ir::{HeaderPart, SliceOp, SliceRef};

use super::*;

/// How many bytes Go gives one element of the type: `append` grows capacity by size class.
fn elem_size(t: &Ty) -> u32 {
    match t {
        Ty::Byte => 1,
        Ty::Rune => 4,
        Ty::Int | Ty::Unknown => 8,
        Ty::Str => 16,
        Ty::Bool => 1,
        Ty::Unit => 0,
        Ty::Slice(_) => 24,
        _ => 8,
    }
}

/// The nil slice, as a constant.
pub(super) fn nil_slice() -> IrExpr {
    IrExpr::Const(Value::slice(SliceRef::NIL))
}

impl FnLower<'_> {
    /// `[]T{a, b, c}`: a new backing array holding the elements.
    pub(super) fn slice_literal(
        &mut self,
        ty: Ty,
        elems: &[(Option<Expr>, Expr)],
        dest: &Dest,
        span: Span,
    ) -> Res<(IrExpr, Ty)> {
        let Ty::Slice(elem) = &ty else {
            return Ok((nil_slice(), ty));
        };
        let mut items = Vec::new();
        for (k, v) in elems {
            if let Some(k) = k {
                return Err(Diagnostic::new(
                    k.span,
                    "keyed slice elements are not part of the Go lesson dialect",
                    "list the elements in order",
                ));
            }
            let (iv, it) = self.value(v, "elem")?;
            if Self::clash(&iv, &it, elem) {
                return Err(Diagnostic::new(
                    v.span,
                    format!("cannot use {} as {} in a slice literal", an(&it), an(elem)),
                    format!("every element of a {} is {}", ty.name(), an(elem)),
                ));
            }
            // Elements read from shared memory sit in scratch slots the next element's read
            // may reuse: keep each in its own slot.
            let iv = self.coerce(iv, &it, elem);
            items.push(self.cx.stable(iv, "elem", span));
        }
        let dst = self.cx.temp(dest.name_or("slice"));
        self.cx
            .emit(span, Op::Slice(SliceOp::Literal { dst, items }));
        Ok((IrExpr::Local(dst), ty))
    }

    /// `make([]T, len)` / `make([]T, len, cap)`.
    pub(super) fn make_go_slice(
        &mut self,
        t: &Type,
        len: &Expr,
        cap: Option<&Expr>,
        dest: &Dest,
        span: Span,
    ) -> Res<(IrExpr, Ty)> {
        let ty = type_of(t, span)?;
        let Ty::Slice(elem) = &ty else {
            return Err(Diagnostic::new(
                span,
                "`make` of a slice needs a slice type",
                "write `make([]int, 3)`",
            ));
        };
        let mut sizes = Vec::new();
        for e in std::iter::once(len).chain(cap) {
            let (v, st) = self.expr(e)?;
            if !(st.is_int() || st == Ty::Unknown) {
                return Err(Diagnostic::new(
                    e.span,
                    "a slice's length must be an int",
                    "write `make([]int, 3)` or `make([]int, 0, 10)`",
                ));
            }
            sizes.push(self.cx.stable(v, "n", span));
        }
        if let [IrExpr::Const(Value::Int(l)), IrExpr::Const(Value::Int(c))] = sizes.as_slice() {
            if l > c {
                return Err(Diagnostic::new(
                    span,
                    format!("invalid argument: length and capacity swapped ({l} > {c})"),
                    "the length comes first and may not exceed the capacity",
                ));
            }
        }
        let mut sizes = sizes.into_iter();
        let len = sizes.next().unwrap_or(IrExpr::int(0));
        let dst = self.cx.temp(dest.name_or("slice"));
        self.cx.emit(
            span,
            Op::Slice(SliceOp::Make {
                dst,
                len,
                cap: sizes.next(),
                zero: IrExpr::Const(elem.zero()),
            }),
        );
        Ok((IrExpr::Local(dst), ty))
    }

    /// `s[i]`: one visible read of the element.
    pub(super) fn slice_get(
        &mut self,
        slice: IrExpr,
        index: IrExpr,
        elem: Ty,
        into: Option<Local>,
        span: Span,
    ) -> (IrExpr, Ty) {
        let dst = self.cx.read_dst(into);
        self.cx
            .emit(span, Op::Slice(SliceOp::Get { dst, slice, index }));
        (IrExpr::Local(dst), elem)
    }

    /// `s[low:high:max]`: a new header over the same array.
    pub(super) fn slicing(
        &mut self,
        base: &Expr,
        bounds: [Option<&Expr>; 3],
        span: Span,
    ) -> Res<(IrExpr, Ty)> {
        let (b, bty) = self.expr(base)?;
        if bty == Ty::Str {
            return self.string_slicing(b, bounds, span);
        }
        if !matches!(bty, Ty::Slice(_) | Ty::Unknown) {
            return Err(Diagnostic::new(
                base.span,
                format!("cannot slice {}", an(&bty)),
                "slice a slice: `s[1:3]`",
            ));
        }
        let b = self.cx.stable(b, "slice", span);
        let mut vals = Vec::new();
        for e in bounds {
            vals.push(match e {
                Some(e) => {
                    let (v, t) = self.expr(e)?;
                    if !(t.is_int() || t == Ty::Unknown) {
                        return Err(Diagnostic::new(
                            e.span,
                            format!("a slice index must be an int, not {}", an(&t)),
                            "write `s[1:3]`",
                        ));
                    }
                    if let IrExpr::Const(Value::Int(n)) = v {
                        if n < 0 {
                            return Err(Diagnostic::new(
                                e.span,
                                format!("invalid argument: index {n} (constant of type int) must not be negative"),
                                "slice indexes count from 0",
                            ));
                        }
                    }
                    Some(self.cx.stable(v, "bound", span))
                }
                None => None,
            });
        }
        let mut vals = vals.into_iter();
        let dst = self.cx.temp("slice");
        self.cx.emit(
            span,
            Op::Slice(SliceOp::Reslice {
                dst,
                slice: b,
                low: vals.next().flatten(),
                high: vals.next().flatten(),
                max: vals.next().flatten(),
            }),
        );
        Ok((IrExpr::Local(dst), bty))
    }

    /// `len(s)` / `cap(s)` of a slice.
    pub(super) fn slice_header(&mut self, slice: IrExpr, part: HeaderPart, span: Span) -> IrExpr {
        let dst = self.cx.temp(match part {
            HeaderPart::Len => "len",
            HeaderPart::Cap => "cap",
        });
        self.cx
            .emit(span, Op::Slice(SliceOp::Header { dst, slice, part }));
        IrExpr::Local(dst)
    }

    /// The built-ins on slices: `cap`, `append` and `copy` (`len` of a slice comes through
    /// [`FnLower::slice_header`]).
    pub(super) fn slice_builtin(
        &mut self,
        name: &str,
        args: &[Expr],
        span: Span,
        into: Option<Local>,
    ) -> Res<(IrExpr, Ty)> {
        match name {
            "cap" => {
                let [a] = args else {
                    return Err(arity_err("cap", 1, args.len(), span));
                };
                let (v, t) = self.expr(a)?;
                match t {
                    Ty::Chan(..) => Ok(self.chan_fill(v, true, into, span)),
                    Ty::Slice(_) | Ty::Unknown => {
                        Ok((self.slice_header(v, HeaderPart::Cap, span), Ty::Int))
                    }
                    _ => Err(Diagnostic::new(
                        a.span,
                        format!("`cap` of {} is not part of the Go lesson dialect", an(&t)),
                        "`cap` gives a slice's capacity or a channel's buffer size",
                    )),
                }
            }
            "append" => self.append(args, span, into),
            _ => self.copy(args, span, into),
        }
    }

    fn append(&mut self, args: &[Expr], span: Span, into: Option<Local>) -> Res<(IrExpr, Ty)> {
        let Some((first, rest)) = args.split_first() else {
            return Err(Diagnostic::new(
                span,
                "not enough arguments for append()",
                "write `s = append(s, v)`",
            ));
        };
        let (s, st) = self.expr(first)?;
        let elem = match &st {
            Ty::Slice(e) => (**e).clone(),
            Ty::Unknown => Ty::Unknown,
            other => {
                return Err(Diagnostic::new(
                    first.span,
                    format!(
                        "invalid argument: `{}` ({}) is not a slice",
                        describe_expr(first),
                        an(other)
                    ),
                    "the first argument of append is the slice appended to",
                ))
            }
        };
        let s = self.cx.stable(s, "slice", span);
        if let Some(last) = rest
            .last()
            .filter(|l| matches!(l.kind, ExprKind::Spread(_)))
        {
            return self.append_spread(s, (&st, &elem), rest, last, span, into);
        }
        let mut items = Vec::new();
        for r in rest {
            let (v, t) = self.expr(r)?;
            if t.clashes(&elem) {
                return Err(Diagnostic::new(
                    r.span,
                    format!("cannot use {} as {} in append", an(&t), an(&elem)),
                    format!("append {} values to a {}", elem.name(), st.name()),
                ));
            }
            items.push(self.cx.stable(v, "elem", span));
        }
        let dst = self.cx.dst(into, "slice");
        self.cx.emit(
            span,
            Op::Slice(SliceOp::Append {
                dst,
                slice: s,
                items,
                spread: None,
                elem_size: elem_size(&elem),
                zero: IrExpr::Const(elem.zero()),
            }),
        );
        Ok((IrExpr::Local(dst), st))
    }

    /// `append(s, xs...)`: the elements of `xs` (a slice of the same type, or a string when
    /// `s` is a `[]byte`) appended to `s`.
    fn append_spread(
        &mut self,
        s: IrExpr,
        (st, elem): (&Ty, &Ty),
        rest: &[Expr],
        last: &Expr,
        span: Span,
        into: Option<Local>,
    ) -> Res<(IrExpr, Ty)> {
        let ExprKind::Spread(inner) = &last.kind else {
            return Err(Diagnostic::new(
                last.span,
                "expected `xs...`",
                "write `append(a, b...)`",
            ));
        };
        if rest.len() > 1 {
            return Err(Diagnostic::new(
                rest[0].span,
                "too many arguments: `append(s, xs...)` takes the slice and one spread slice",
                "append single values in a second call: `s = append(s, v)`",
            ));
        }
        let (v, t) = self.expr(inner)?;
        let spread = match &t {
            Ty::Str if *elem == Ty::Byte => {
                let dst = self.cx.temp("bytes");
                self.cx.emit(
                    span,
                    Op::Slice(SliceOp::FromList {
                        dst,
                        list: IrExpr::Call(Builtin::StrBytes, vec![v]),
                    }),
                );
                IrExpr::Local(dst)
            }
            Ty::Slice(e) if !e.clashes(elem) => self.cx.stable(v, "spread", span),
            Ty::Unknown => self.cx.stable(v, "spread", span),
            _ => {
                return Err(Diagnostic::new(
                    inner.span,
                    format!(
                        "cannot use {} ({}) as {} in append",
                        describe_expr(inner),
                        an(&t),
                        st.name()
                    ),
                    format!("spread a {} into a {}", st.name(), st.name()),
                ))
            }
        };
        let dst = self.cx.dst(into, "slice");
        self.cx.emit(
            span,
            Op::Slice(SliceOp::Append {
                dst,
                slice: s,
                items: Vec::new(),
                spread: Some(spread),
                elem_size: elem_size(elem),
                zero: IrExpr::Const(elem.zero()),
            }),
        );
        Ok((IrExpr::Local(dst), st.clone()))
    }

    fn copy(&mut self, args: &[Expr], span: Span, into: Option<Local>) -> Res<(IrExpr, Ty)> {
        let [to, from] = args else {
            return Err(arity_err("copy", 2, args.len(), span));
        };
        let (tv, tt) = self.expr(to)?;
        let tv = self.cx.stable(tv, "dst", span);
        let (fv, ft) = self.expr(from)?;
        for (e, t) in [(to, &tt), (from, &ft)] {
            if !matches!(t, Ty::Slice(_) | Ty::Unknown) {
                return Err(Diagnostic::new(
                    e.span,
                    format!("invalid argument: copy needs slices, not {}", an(t)),
                    "write `n := copy(dst, src)`",
                ));
            }
        }
        if tt.clashes(&ft) {
            return Err(Diagnostic::new(
                span,
                format!(
                    "arguments to copy have different element types: {} and {}",
                    tt.name(),
                    ft.name()
                ),
                "copy between slices of the same type",
            ));
        }
        let count = self.cx.dst(into, "n");
        self.cx.emit(
            span,
            Op::Slice(SliceOp::Copy {
                count: Some(count),
                to: tv,
                from: fv,
            }),
        );
        Ok((IrExpr::Local(count), Ty::Int))
    }

    /// `s[i] = v`: one visible write of the element.
    pub(super) fn slice_put(
        &mut self,
        slice: IrExpr,
        index: &Expr,
        value: IrExpr,
        span: Span,
    ) -> Res<()> {
        let slice = self.cx.stable(slice, "slice", span);
        let (iv, it) = self.expr(index)?;
        if !(it.is_int() || it == Ty::Unknown) {
            return Err(Diagnostic::new(
                index.span,
                format!("a slice index must be an int, not {}", an(&it)),
                "write `s[0] = v`",
            ));
        }
        let value = self.cx.staged(value, &[&slice, &iv], span);
        self.cx.emit(
            span,
            Op::Slice(SliceOp::Put {
                slice,
                index: iv,
                value,
            }),
        );
        Ok(())
    }

    /// `s[i] op= v` and `s[i]++`: read the element, compute, write it back.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn slice_update(
        &mut self,
        slice: IrExpr,
        index: &Expr,
        op: BinOp,
        value: Option<&Expr>,
        target_span: Span,
        op_span: Span,
        span: Span,
    ) -> Res<()> {
        let slice = self.cx.stable(slice, "slice", span);
        let (iv, _) = self.expr(index)?;
        let iv = self.cx.stable(iv, "index", span);
        let tmp = self.cx.scratch();
        self.cx.emit(
            target_span,
            Op::Slice(SliceOp::Get {
                dst: tmp,
                slice: slice.clone(),
                index: iv.clone(),
            }),
        );
        let r = match value {
            Some(v) => self.expr(v)?.0,
            None => IrExpr::int(1),
        };
        let e = arith(op, IrExpr::Local(tmp), r);
        self.cx.assign_local(op_span, tmp, e);
        self.cx.emit(
            span,
            Op::Slice(SliceOp::Put {
                slice,
                index: iv,
                value: IrExpr::Local(tmp),
            }),
        );
        Ok(())
    }

    /// `s == nil` / `s != nil`: whether the header is the nil slice's.
    pub(super) fn slice_nil_compare(
        &mut self,
        op: BinOp,
        a: &Expr,
        b: &Expr,
    ) -> Res<Option<(IrExpr, Ty)>> {
        let is_nil = |e: &Expr, me: &Self| matches!(&e.kind, ExprKind::Ident(n) if n == "nil" && me.lookup(n).is_none());
        if !matches!(op, BinOp::Eq | BinOp::Ne) {
            return Ok(None);
        }
        let side = if is_nil(b, self) {
            a
        } else if is_nil(a, self) {
            b
        } else {
            return Ok(None);
        };
        let (v, t) = self.expr(side)?;
        if !matches!(t, Ty::Slice(_)) {
            return Ok(None);
        }
        Ok(Some((arith(op, v, nil_slice()), Ty::Bool)))
    }

    /// `for i, v := range s`: the header is read once; each `v` is a visible read of
    /// `s[i]`.
    pub(super) fn range_slice(
        &mut self,
        (key, value): (Option<&Ident>, Option<&Ident>),
        slice: IrExpr,
        elem: Ty,
        body: &[Stmt],
        span: Span,
    ) -> Res<()> {
        let s = self.cx.stable(slice, "slice", span);
        let n = self.slice_header(s.clone(), HeaderPart::Len, span);
        let counter = self.cx.temp("i");
        self.cx.emit(
            span,
            Op::Set {
                dst: counter,
                expr: IrExpr::int(0),
            },
        );
        let (top, next, end) = (self.cx.fb.label(), self.cx.fb.label(), self.cx.fb.label());
        self.cx.fb.bind(top);
        self.cx.emit(
            span,
            Op::JumpUnless {
                cond: IrExpr::Local(counter).lt(n),
                to: end,
            },
        );
        self.scopes.push(HashMap::new());
        let item = match value {
            Some(v) if v.name != "_" => {
                let dst = self.cx.temp("v");
                self.cx.emit(
                    span,
                    Op::Slice(SliceOp::Get {
                        dst,
                        slice: s,
                        index: IrExpr::Local(counter),
                    }),
                );
                // Each iteration's `v` is a copy of the element, so a struct is copied.
                let item = match &elem {
                    Ty::Struct(n) => self.copy_struct(IrExpr::Local(dst), n, &v.name, span),
                    _ => IrExpr::Local(dst),
                };
                Some((v, item))
            }
            _ => None,
        };
        self.as_bookkeeping(|me| {
            if let Some(k) = key {
                me.declare(k, Ty::Int, IrExpr::Local(counter), span);
            }
            if let Some((v, e)) = item {
                me.declare(v, elem, e, span);
            }
        });
        let res = self.loop_body(body, next, end);
        self.scopes.pop();
        res?;
        self.cx.count_and_repeat(span, counter, (next, top, end));
        Ok(())
    }
}
