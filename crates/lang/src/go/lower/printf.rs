//! `Printf` formats: verbs, flags, widths and precisions, split into output parts at compile
//! time (padding and digit work are the lowering's bookkeeping, never steps).

use super::*;

impl FnLower<'_> {
    /// Splits a `Printf` format into output lines at compile time.
    pub(super) fn printf(
        &mut self,
        text: &str,
        fmt_span: Span,
        args: &[Expr],
        span: Span,
    ) -> Res<Vec<Vec<FmtPart>>> {
        let mut lines: Vec<Vec<FmtPart>> = vec![Vec::new()];
        let mut lit = String::new();
        let mut next = args.iter();
        let mut chars = text.chars();
        let flush = |lit: &mut String, lines: &mut Vec<Vec<FmtPart>>| {
            if !lit.is_empty() {
                if let Some(l) = lines.last_mut() {
                    l.push(FmtPart::Lit(std::mem::take(lit)));
                }
            }
        };
        while let Some(c) = chars.next() {
            if c == '\n' {
                flush(&mut lit, &mut lines);
                lines.push(Vec::new());
                continue;
            }
            if c != '%' {
                lit.push(c);
                continue;
            }
            // Flags, a width and a precision: `%-8s`, `%+v`, `%05d`, `%8.2f`.
            let mut spec = chars.clone();
            let (mut left, mut plus, mut zero) = (false, false, false);
            loop {
                match spec.clone().next() {
                    Some('-') => left = true,
                    Some('+') => plus = true,
                    Some('0') => zero = true,
                    _ => break,
                }
                spec.next();
            }
            let digits: String = spec.clone().take_while(|c| c.is_ascii_digit()).collect();
            for _ in 0..digits.len() {
                spec.next();
            }
            let width = digits.parse::<i64>().ok();
            let mut precision = None;
            if spec.clone().next() == Some('.') {
                spec.next();
                let p: String = spec.clone().take_while(|c| c.is_ascii_digit()).collect();
                for _ in 0..p.len() {
                    spec.next();
                }
                precision = Some(p.parse::<u32>().unwrap_or(0).min(9));
            }
            let plain = !(left || plus || zero) && width.is_none() && precision.is_none();
            chars = spec;
            let verb = chars.clone().next();
            if zero && !left && matches!(verb, Some('d')) && precision.is_none() {
                chars.next();
                flush(&mut lit, &mut lines);
                let Some(a) = next.next() else {
                    return Err(Diagnostic::new(
                        fmt_span,
                        "the format has more verbs than values given",
                        "give one value for each verb",
                    ));
                };
                let (v, _) = self.expr(a)?;
                let text = self.zero_padded(v, width.unwrap_or(0), span);
                if let Some(l) = lines.last_mut() {
                    l.push(FmtPart::Show(text));
                }
                continue;
            }
            if matches!(verb, Some('f' | 'F' | 'x' | 'X')) || (plus && matches!(verb, Some('v'))) {
                chars.next();
                flush(&mut lit, &mut lines);
                let Some(a) = next.next() else {
                    return Err(Diagnostic::new(
                        fmt_span,
                        "the format has more verbs than values given",
                        "give one value for each verb",
                    ));
                };
                let (v, ty) = self.expr(a)?;
                let text = if verb == Some('v') {
                    let part = self.show_part(v, &ty, true, a.span);
                    IrExpr::Format(vec![part])
                } else if matches!(verb, Some('x' | 'X')) {
                    if !(ty.is_int() || ty == Ty::Unknown) || zero || precision.is_some() {
                        return Err(Diagnostic::new(
                            a.span,
                            "%x prints an integer in base 16 here",
                            "give an int value, like `%x` of 255",
                        ));
                    }
                    self.hex(v, verb == Some('X'), span)
                } else {
                    if !(ty.is_int() || matches!(ty, Ty::Float | Ty::Unknown)) || zero {
                        return Err(Diagnostic::new(
                            a.span,
                            "%f prints a float64 (zero padding is not part of the dialect)",
                            "give a float64 value, like `%.2f` of a price",
                        ));
                    }
                    self.fixed(v, precision.unwrap_or(6), span)
                };
                let text = self.padded(text, width, left, span);
                if let Some(l) = lines.last_mut() {
                    l.push(FmtPart::Show(text));
                }
                continue;
            }
            if verb.is_some()
                && !plain
                && !matches!(verb, Some('v' | 'd' | 's' | 'q' | 't' | 'T' | 'g' | 'c'))
                || plus
                || zero
                || precision.is_some()
            {
                return Err(Diagnostic::new(
                    fmt_span,
                    "this Printf flag or precision is not part of the Go lesson dialect",
                    "use a width like %5d or %-8s, %.2f for floats, %+v for fields, %05d",
                ));
            }
            match chars.next() {
                Some('%') if plain => lit.push('%'),
                Some('T') => {
                    flush(&mut lit, &mut lines);
                    let Some(a) = next.next() else {
                        return Err(Diagnostic::new(
                            fmt_span,
                            "the format has more verbs than values given",
                            "give one value for each verb",
                        ));
                    };
                    let (_, ty) = self.expr(a)?;
                    if matches!(ty, Ty::Unknown) {
                        return Err(Diagnostic::new(
                            a.span,
                            "the type of this value is not known before the program runs",
                            "print a value of a declared type with %T",
                        ));
                    }
                    let name = self.padded(IrExpr::str(&ty.name()), width, left, span);
                    if let Some(l) = lines.last_mut() {
                        l.push(FmtPart::Show(name));
                    }
                }
                Some(verb @ ('v' | 'd' | 's' | 'q' | 't' | 'g' | 'c')) => {
                    flush(&mut lit, &mut lines);
                    let Some(a) = next.next() else {
                        return Err(Diagnostic::new(
                            fmt_span,
                            format!(
                                "the format has more verbs than the {} value{} given",
                                args.len(),
                                if args.len() == 1 { "" } else { "s" }
                            ),
                            "give one value for each %v, %d, %s, %q or %t",
                        ));
                    };
                    let (v, ty) = self.expr(a)?;
                    let part = if verb == 'q' && ty == Ty::Rune {
                        FmtPart::Show(IrExpr::Call(Builtin::RuneQuote, vec![v]))
                    } else if verb == 'q' {
                        FmtPart::Repr(v)
                    } else if verb == 'c' {
                        if !(ty.is_int() || ty == Ty::Unknown) {
                            return Err(Diagnostic::new(
                                a.span,
                                format!("%c prints a rune, not {}", an(&ty)),
                                "give a rune or a byte, like `%c` of 'x' or s[0]",
                            ));
                        }
                        FmtPart::Show(IrExpr::Call(Builtin::RuneToStr, vec![v]))
                    } else if verb == 'd' && ty == Ty::Duration {
                        // A Duration is an int64 count of nanoseconds; a tick is a millisecond.
                        FmtPart::Show(v.bin(ir::BinOp::Mul, IrExpr::int(1_000_000)))
                    } else {
                        self.show_part(v, &ty, false, a.span)
                    };
                    let part = match width {
                        Some(_) => FmtPart::Show(self.padded(
                            IrExpr::Format(vec![part]),
                            width,
                            left,
                            span,
                        )),
                        None => part,
                    };
                    if let Some(l) = lines.last_mut() {
                        l.push(part);
                    }
                }
                other => {
                    return Err(Diagnostic::new(
                        fmt_span,
                        format!(
                            "`%{}` is not part of the Go lesson dialect's Printf",
                            other.map(String::from).unwrap_or_default()
                        ),
                        "use %v, %+v, %d, %s, %q, %c, %t, %T, %f, %.2f, %g, %x or %%, with a width like %5d or %-8s",
                    ))
                }
            }
        }
        flush(&mut lit, &mut lines);
        if next.next().is_some() {
            return Err(Diagnostic::new(
                span,
                "more values than verbs in the format",
                "give one value for each %v, %d, %s, %q or %t",
            ));
        }
        if lines.len() > 1 && lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        Ok(lines)
    }

    /// `text` padded with spaces to `width` characters (on the right when `left`), as
    /// Printf's `%5d` and `%-5s` do; the padding is bookkeeping, never a step.
    fn padded(&mut self, text: IrExpr, width: Option<i64>, left: bool, span: Span) -> IrExpr {
        let Some(width) = width else {
            return text;
        };
        let p = self.cx.temp("padded");
        self.cx.emit(span, Op::Set { dst: p, expr: text });
        let (top, end) = (self.cx.fb.label(), self.cx.fb.label());
        self.cx.fb.bind(top);
        let short = IrExpr::Call(Builtin::Len, vec![IrExpr::Local(p)])
            .bin(ir::BinOp::Lt, IrExpr::int(width));
        self.cx.emit(
            span,
            Op::JumpUnless {
                cond: short,
                to: end,
            },
        );
        let grown = if left {
            IrExpr::Local(p).bin(ir::BinOp::Add, IrExpr::str(" "))
        } else {
            IrExpr::str(" ").bin(ir::BinOp::Add, IrExpr::Local(p))
        };
        self.cx.emit(
            span,
            Op::Set {
                dst: p,
                expr: grown,
            },
        );
        self.cx.emit(span, Op::Jump { to: top });
        self.cx.fb.bind(end);
        IrExpr::Local(p)
    }
}
