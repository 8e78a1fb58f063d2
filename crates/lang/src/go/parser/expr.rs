//! Expressions: operators by precedence, operands, composite literals and `make`.

use super::*;

pub(super) fn single(mut list: Vec<Expr>, op: &str) -> Res<Expr> {
    if list.len() == 1 {
        if let Some(e) = list.pop() {
            return Ok(e);
        }
    }
    let span = list.first().map(|e| e.span).unwrap_or_default();
    let span = list.last().map_or(span, |l| join(span, l.span));
    Err(Diagnostic::new(
        span,
        if op.is_empty() {
            "expected one expression here, found a list".to_string()
        } else {
            format!("`{op}` works on one value, not a list")
        },
        "write one value, or assign several with `a, b = x, y`",
    ))
}

/// `sync.Mutex`, or a type declared with `type`, followed by `{` starts a composite literal.
pub(super) fn is_type_like(e: &Expr, type_names: &std::collections::HashSet<String>) -> bool {
    match &e.kind {
        ExprKind::Selector(base, _) => matches!(&base.kind, ExprKind::Ident(p) if p == "sync"),
        ExprKind::Ident(n) => type_names.contains(n),
        _ => false,
    }
}

pub(super) fn type_of_expr(e: &Expr) -> Type {
    match &e.kind {
        ExprKind::Selector(base, name) => match &base.kind {
            ExprKind::Ident(p) => Type::Qualified(p.clone(), name.name.clone()),
            _ => Type::Named(name.name.clone()),
        },
        ExprKind::Ident(n) => Type::Named(n.clone()),
        _ => Type::Named(String::new()),
    }
}

impl Parser {
    pub(super) fn expr_list(&mut self) -> Res<Vec<Expr>> {
        let mut out = vec![self.expr()?];
        while self.eat_op(",") {
            out.push(self.expr()?);
        }
        Ok(out)
    }

    pub(super) fn expr(&mut self) -> Res<Expr> {
        self.enter()?;
        let res = self.binary(1);
        self.leave();
        res
    }

    pub(super) fn binary(&mut self, prec: u8) -> Res<Expr> {
        let mut left = self.unary()?;
        let mut chain = 0;
        loop {
            let (op_prec, op) = match self.peek() {
                Tok::Op("||") => (1, BinOp::Or),
                Tok::Op("&&") => (2, BinOp::And),
                Tok::Op("==") => (3, BinOp::Eq),
                Tok::Op("!=") => (3, BinOp::Ne),
                Tok::Op("<") => (3, BinOp::Lt),
                Tok::Op("<=") => (3, BinOp::Le),
                Tok::Op(">") => (3, BinOp::Gt),
                Tok::Op(">=") => (3, BinOp::Ge),
                Tok::Op("+") => (4, BinOp::Add),
                Tok::Op("-") => (4, BinOp::Sub),
                Tok::Op("*") => (5, BinOp::Mul),
                Tok::Op("/") => (5, BinOp::Div),
                Tok::Op("%") => (5, BinOp::Rem),
                Tok::Op(op @ ("|" | "^" | "<<" | ">>" | "&" | "&^")) => {
                    return self.err(
                        format!("the `{op}` operator is not part of the Go lesson dialect"),
                        "use `+`, `-`, `*`, `/`, `%`, comparisons, `&&` and `||`",
                    )
                }
                _ => break,
            };
            if op_prec < prec {
                break;
            }
            self.pos += 1;
            self.enter()?;
            chain += 1;
            let right = self.binary(op_prec + 1)?;
            left = Expr {
                span: join(left.span, right.span),
                kind: ExprKind::Binary(op, Box::new(left), Box::new(right)),
            };
        }
        for _ in 0..chain {
            self.leave();
        }
        Ok(left)
    }

    pub(super) fn unary(&mut self) -> Res<Expr> {
        let start = self.span();
        let op = match self.peek() {
            Tok::Op("-") => Some(UnOp::Neg),
            Tok::Op("+") => None,
            Tok::Op("!") => Some(UnOp::Not),
            Tok::Op("<-") => Some(UnOp::Recv),
            Tok::Op("&") => Some(UnOp::Addr),
            Tok::Op("*") => Some(UnOp::Deref),
            Tok::Op("^") => {
                return self.err(
                    "the `^` operator is not part of the Go lesson dialect",
                    "use `-x` or `!b`",
                )
            }
            _ => return self.primary(),
        };
        self.pos += 1;
        if op == Some(UnOp::Recv) && self.is_kw("chan") {
            return self.err(
                "a channel type cannot be used as a value here",
                "write `make(<-chan int)` only inside `make`",
            );
        }
        self.enter()?;
        let inner = self.unary();
        self.leave();
        let inner = inner?;
        let span = join(start, inner.span);
        Ok(match op {
            None => Expr { span, ..inner },
            Some(UnOp::Neg) => match inner.kind {
                ExprKind::Int(n) => Expr {
                    kind: ExprKind::Int(n.wrapping_neg()),
                    span,
                },
                kind => Expr {
                    kind: ExprKind::Unary(
                        UnOp::Neg,
                        Box::new(Expr {
                            kind,
                            span: inner.span,
                        }),
                    ),
                    span,
                },
            },
            Some(op) => Expr {
                kind: ExprKind::Unary(op, Box::new(inner)),
                span,
            },
        })
    }

    pub(super) fn primary(&mut self) -> Res<Expr> {
        let start = self.span();
        let mut e = match self.peek().clone() {
            Tok::Ident(name) => {
                self.pos += 1;
                if name == "make" && self.is_op("(") {
                    return self.make(start);
                }
                if name == "new" && self.is_op("(") {
                    self.pos += 1;
                    let ty = self.ty()?;
                    self.expect_op(")", "after the type", "write `new(sync.WaitGroup)`")?;
                    Expr {
                        kind: ExprKind::New(ty),
                        span: join(start, self.prev_span()),
                    }
                } else {
                    Expr {
                        kind: ExprKind::Ident(name),
                        span: start,
                    }
                }
            }
            Tok::Int(n) => {
                self.pos += 1;
                Expr {
                    kind: ExprKind::Int(n),
                    span: start,
                }
            }
            Tok::Rune(n) => {
                self.pos += 1;
                Expr {
                    kind: ExprKind::Rune(n),
                    span: start,
                }
            }
            Tok::Float(x) => {
                self.pos += 1;
                Expr {
                    kind: ExprKind::Float(x),
                    span: start,
                }
            }
            Tok::Str(s) => {
                self.pos += 1;
                Expr {
                    kind: ExprKind::Str(s),
                    span: start,
                }
            }
            Tok::Op("(") => {
                self.pos += 1;
                let saved = self.no_brace;
                self.no_brace = false;
                let inner = self.expr()?;
                self.no_brace = saved;
                self.expect_op(")", "to close the bracket", "close every `(` with `)`")?;
                Expr {
                    span: join(start, self.prev_span()),
                    ..inner
                }
            }
            Tok::Kw("func") => {
                self.pos += 1;
                let params = self.params()?;
                let results = self.results()?;
                if !self.is_op("{") {
                    return self.expected("`{` to start the function body", "write `func() { … }`");
                }
                let saved = self.no_brace;
                let body = self.block()?;
                self.no_brace = saved;
                Expr {
                    kind: ExprKind::FuncLit(params, results, body),
                    span: join(start, self.prev_span()),
                }
            }
            Tok::Op("[") | Tok::Kw("map" | "struct") => {
                let ty = self.ty()?;
                if matches!(ty, Type::Slice(_)) && self.eat_op("(") {
                    // `[]byte(s)`: a conversion, which the lowering checks.
                    let saved = self.no_brace;
                    self.no_brace = false;
                    let inner = self.expr()?;
                    self.no_brace = saved;
                    self.expect_op(")", "to close the conversion", "write `[]byte(s)`")?;
                    Expr {
                        kind: ExprKind::Convert(ty, Box::new(inner)),
                        span: join(start, self.prev_span()),
                    }
                } else if !self.is_op("{") {
                    return self.expected(
                        "`{` after the type",
                        "write a literal like `[]int{1, 2}` or `map[string]int{}`",
                    );
                } else {
                    self.composite(ty, start)?
                }
            }
            Tok::Kw("chan") => {
                return self.err(
                    "a channel type cannot be used as a value here",
                    "make a channel with `make(chan int)`",
                )
            }
            Tok::Kw(kw) if unsupported_keyword(kw).is_some() => {
                return self.err(
                    format!("`{kw}` is not part of the Go lesson dialect; {SUPPORTED}"),
                    unsupported_keyword(kw).unwrap_or_default(),
                )
            }
            other => {
                let hint = if matches!(other, Tok::Op(";") | Tok::Eof) {
                    "the line ends too early: finish the expression"
                } else {
                    "a value, a name or a call goes here"
                };
                return self.err(
                    format!("expected an expression, found {}", describe(&other, start)),
                    hint,
                );
            }
        };
        let mut chain = 0;
        loop {
            if self.is_op("(") {
                self.pos += 1;
                self.enter()?;
                chain += 1;
                let saved = self.no_brace;
                self.no_brace = false;
                let mut args = Vec::new();
                self.semis_in_parens();
                while !self.is_op(")") {
                    let arg = self.expr()?;
                    if self.is_op("...") {
                        let dots = self.advance().span;
                        args.push(Expr {
                            span: join(arg.span, dots),
                            kind: ExprKind::Spread(Box::new(arg)),
                        });
                        self.eat_op(",");
                        self.semis_in_parens();
                        if !self.is_op(")") {
                            return self.err(
                                "`...` spreads only the last argument of a call",
                                "write `f(xs...)` with the slice last",
                            );
                        }
                        break;
                    }
                    args.push(arg);
                    if !self.eat_op(",") {
                        break;
                    }
                    self.semis_in_parens();
                }
                self.semis_in_parens();
                self.no_brace = saved;
                self.expect_op(
                    ")",
                    "to close the call",
                    "separate arguments with `,` and close with `)`",
                )?;
                e = Expr {
                    span: join(e.span, self.prev_span()),
                    kind: ExprKind::Call(Box::new(e), args),
                };
            } else if self.is_op("[") {
                self.pos += 1;
                self.enter()?;
                chain += 1;
                let saved = self.no_brace;
                self.no_brace = false;
                if self.is_op(":") {
                    e = self.slicing(e, None)?;
                    self.no_brace = saved;
                    continue;
                }
                let index = self.expr()?;
                if self.is_op(":") {
                    e = self.slicing(e, Some(index))?;
                    self.no_brace = saved;
                    continue;
                }
                self.no_brace = saved;
                self.expect_op("]", "to close the index", "close the `[` with `]`")?;
                e = Expr {
                    span: join(e.span, self.prev_span()),
                    kind: ExprKind::Index(Box::new(e), Box::new(index)),
                };
            } else if self.is_op(".") {
                self.pos += 1;
                self.enter()?;
                chain += 1;
                if self.is_op("(") {
                    return self.err(
                        "type assertions are not part of the Go lesson dialect",
                        "use values of one type",
                    );
                }
                let name = self.ident("a name after `.`", "write `wg.Wait()` or `fmt.Println`")?;
                e = Expr {
                    span: join(e.span, name.span),
                    kind: ExprKind::Selector(Box::new(e), name),
                };
            } else if self.is_op("{") && !self.no_brace && is_type_like(&e, &self.type_names) {
                let ty = type_of_expr(&e);
                let s = e.span;
                e = self.composite(ty, s)?;
            } else {
                break;
            }
        }
        for _ in 0..chain {
            self.leave();
        }
        Ok(e)
    }

    /// A newline inside brackets put an automatic `;` there; Go only does that after a
    /// trailing comma, which is fine to skip.
    pub(super) fn semis_in_parens(&mut self) {
        while self.is_op(";") && self.span().start == self.span().end {
            self.pos += 1;
        }
    }

    pub(super) fn composite(&mut self, ty: Type, start: Span) -> Res<Expr> {
        self.expect_op("{", "", "")?;
        self.enter()?;
        let saved = self.no_brace;
        self.no_brace = false;
        let mut elems = Vec::new();
        self.semis_in_parens();
        // Elements of a slice or map of composites may leave out their type: `{1, 2}`.
        let elem_ty = match &ty {
            Type::Slice(e) | Type::Map(_, e) => Some((**e).clone()),
            _ => None,
        };
        while !self.is_op("}") {
            let first = self.element(elem_ty.as_ref())?;
            if self.eat_op(":") {
                let value = self.element(elem_ty.as_ref())?;
                elems.push((Some(first), value));
            } else {
                elems.push((None, first));
            }
            if !self.eat_op(",") {
                break;
            }
            self.semis_in_parens();
        }
        self.semis_in_parens();
        self.no_brace = saved;
        self.leave();
        self.expect_op(
            "}",
            "to close the literal",
            "separate elements with `,` and close with `}`",
        )?;
        Ok(Expr {
            kind: ExprKind::Composite(ty, elems),
            span: join(start, self.prev_span()),
        })
    }

    /// One element of a composite literal: an expression, or `{…}` of the element type.
    fn element(&mut self, elem_ty: Option<&Type>) -> Res<Expr> {
        match elem_ty {
            Some(t) if self.is_op("{") => {
                let start = self.span();
                self.composite(t.clone(), start)
            }
            Some(Type::Pointer(t))
                if self.is_op("&") && matches!(self.peek_at(1), Tok::Op("{")) =>
            {
                let start = self.advance().span;
                let inner = self.composite((**t).clone(), self.span())?;
                Ok(Expr {
                    span: join(start, inner.span),
                    kind: ExprKind::Unary(UnOp::Addr, Box::new(inner)),
                })
            }
            _ => self.expr(),
        }
    }

    pub(super) fn make(&mut self, start: Span) -> Res<Expr> {
        self.expect_op("(", "", "")?;
        let ty = self.ty()?;
        let size = if self.eat_op(",") {
            Some(Box::new(self.expr()?))
        } else {
            None
        };
        let kind = match (&ty, size) {
            (Type::Slice(_), Some(len)) => {
                let cap = if self.eat_op(",") {
                    Some(Box::new(self.expr()?))
                } else {
                    None
                };
                ExprKind::MakeSlice(ty, len, cap)
            }
            (Type::Slice(_), None) => {
                return self.err(
                    "`make` of a slice needs its length",
                    "write `make([]int, 3)` or `make([]int, 0, 10)`",
                )
            }
            (_, size) => ExprKind::Make(ty, size),
        };
        if self.is_op(",") {
            return self.err(
                "`make` takes a type and at most one size here",
                "write `make(chan int, 3)`",
            );
        }
        self.expect_op(")", "to close `make`", "write `make(chan int)`")?;
        Ok(Expr {
            kind,
            span: join(start, self.prev_span()),
        })
    }
}

impl Parser {
    /// The rest of `base[low:high]` or `base[low:high:max]` after `low`, standing at the
    /// first `:`.
    fn slicing(&mut self, base: Expr, low: Option<Expr>) -> Res<Expr> {
        self.expect_op(":", "", "")?;
        let high = if self.is_op("]") || self.is_op(":") {
            None
        } else {
            Some(Box::new(self.expr()?))
        };
        let max = if self.eat_op(":") {
            if high.is_none() {
                return self.err(
                    "the middle index is required in a 3-index slice",
                    "write `s[low:high:max]`",
                );
            }
            if self.is_op("]") {
                return self.err(
                    "the final index is required in a 3-index slice",
                    "write `s[low:high:max]`",
                );
            }
            Some(Box::new(self.expr()?))
        } else {
            None
        };
        self.expect_op(
            "]",
            "to close the slice expression",
            "write `s[low:high]`, `s[:n]` or `s[n:]`",
        )?;
        Ok(Expr {
            span: join(base.span, self.prev_span()),
            kind: ExprKind::Slicing(Box::new(base), low.map(Box::new), high, max),
        })
    }
}
