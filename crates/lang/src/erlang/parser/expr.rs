//! Expressions: matches, operators by precedence, calls, and the block forms (`case`, `receive`, `if`, `fun`).

use super::*;

impl Parser {
    pub(super) fn expr(&mut self) -> Res<Expr> {
        self.enter()?;
        let res = if self.is_kw("catch") {
            self.catch_expr()
        } else {
            self.match_expr()
        };
        self.leave();
        res
    }

    pub(super) fn match_expr(&mut self) -> Res<Expr> {
        let left = self.binary(1)?;
        let make = |kind: fn(Box<Expr>, Box<Expr>) -> ExprKind, l: Expr, r: Expr| Expr {
            span: join(l.span, r.span),
            kind: kind(Box::new(l), Box::new(r)),
        };
        if self.eat_op("=") {
            let right = self.expr()?;
            return Ok(make(ExprKind::Match, left, right));
        }
        if self.eat_op("!") {
            let right = self.expr()?;
            return Ok(make(ExprKind::Send, left, right));
        }
        Ok(left)
    }

    /// The binary operator at the cursor: its precedence (1 = loosest) and meaning.
    pub(super) fn binary_op(&self) -> Option<(u8, BinOp)> {
        let text = match self.peek() {
            Tok::Op(o) => *o,
            Tok::Kw(k) => *k,
            _ => return None,
        };
        Some(match text {
            "orelse" => (1, BinOp::Or),
            "andalso" => (2, BinOp::And),
            "==" | "=:=" => (3, BinOp::Eq),
            "/=" | "=/=" => (3, BinOp::Ne),
            "<" => (3, BinOp::Lt),
            "=<" => (3, BinOp::Le),
            ">" => (3, BinOp::Gt),
            ">=" => (3, BinOp::Ge),
            "++" => (4, BinOp::Append),
            "+" => (5, BinOp::Add),
            "-" => (5, BinOp::Sub),
            "or" => (5, BinOp::Or),
            "*" => (6, BinOp::Mul),
            "div" => (6, BinOp::Div),
            "rem" => (6, BinOp::Rem),
            "and" => (6, BinOp::And),
            _ => return None,
        })
    }

    /// Precedence climbing: one frame per operator, not per precedence level, so deep
    /// input stays within the nesting limit.
    pub(super) fn binary(&mut self, min_prec: u8) -> Res<Expr> {
        let mut left = self.unary()?;
        let mut chain = 0;
        let mut compared = false;
        while let Some((prec, op)) = self.binary_op() {
            if prec < min_prec {
                break;
            }
            if prec == 3 {
                if compared {
                    return self.err(
                        "comparisons cannot be chained",
                        "join two comparisons with `andalso`",
                    );
                }
                compared = true;
            }
            self.pos += 1;
            self.enter()?;
            chain += 1;
            // `++` is right-associative; the rest are left-associative.
            let next = if op == BinOp::Append { prec } else { prec + 1 };
            let right = self.binary(next)?;
            if prec == 3 && matches!(self.binary_op(), Some((3, _))) {
                return self.err(
                    "comparisons cannot be chained",
                    "join two comparisons with `andalso`",
                );
            }
            left = Expr {
                span: join(left.span, right.span),
                kind: ExprKind::Binary(op, Box::new(left), Box::new(right)),
            };
        }
        for _ in 0..chain {
            self.leave();
        }
        if self.is_op("/") {
            return self.err(
                "`/` makes a float, which the Erlang lesson dialect lacks",
                "use `div` to divide integers",
            );
        }
        if self.is_op("--") {
            return self.err(
                "`--` is not part of the Erlang lesson dialect",
                "build the list you need with `[H | T]`",
            );
        }
        Ok(left)
    }

    pub(super) fn unary(&mut self) -> Res<Expr> {
        let start = self.span();
        if self.is_op("-") || self.is_op("+") || self.is_kw("not") {
            let neg = self.is_op("-");
            let not = self.is_kw("not");
            self.pos += 1;
            self.enter()?;
            let inner = self.unary();
            self.leave();
            let inner = inner?;
            let span = join(start, inner.span);
            return Ok(if not {
                Expr {
                    kind: ExprKind::Not(Box::new(inner)),
                    span,
                }
            } else if !neg {
                Expr { span, ..inner }
            } else if let ExprKind::Int(n) = inner.kind {
                Expr {
                    kind: ExprKind::Int(n.wrapping_neg()),
                    span,
                }
            } else {
                Expr {
                    kind: ExprKind::Neg(Box::new(inner)),
                    span,
                }
            });
        }
        self.postfix()
    }

    pub(super) fn postfix(&mut self) -> Res<Expr> {
        let mut e = self.primary()?;
        // `m:f(…)`: a call into another module.
        if self.is_op(":") {
            let ExprKind::Atom(module) = &e.kind else {
                return self.err(
                    "a module name must be an atom",
                    "write `io:format(…)` or `timer:sleep(…)`",
                );
            };
            let module = (module.clone(), e.span);
            self.pos += 1;
            let fspan = self.span();
            let Tok::Atom(fname) = self.peek().clone() else {
                return self.expected("a function name after `:`", "write `module:function(Args)`");
            };
            self.pos += 1;
            if !self.is_op("(") {
                return self.expected(
                    "`(` after the function name",
                    "call it with brackets, like `io:format(\"hi~n\")`",
                );
            }
            let args = self.args()?;
            return Ok(Expr {
                span: join(module.1, self.prev_span()),
                kind: ExprKind::Call {
                    module: Some(module),
                    func: Box::new(Expr {
                        kind: ExprKind::Atom(fname),
                        span: fspan,
                    }),
                    args,
                },
            });
        }
        let mut chain = 0;
        while self.is_op("(") {
            self.enter()?;
            chain += 1;
            let args = self.args()?;
            e = Expr {
                span: join(e.span, self.prev_span()),
                kind: ExprKind::Call {
                    module: None,
                    func: Box::new(e),
                    args,
                },
            };
        }
        for _ in 0..chain {
            self.leave();
        }
        while self.is_op("#") {
            e = if matches!(self.peek_at(1), Tok::Op("{")) {
                self.map_expr(Some(e))?
            } else {
                self.record_suffix(e)?
            };
        }
        Ok(e)
    }

    pub(super) fn args(&mut self) -> Res<Vec<Expr>> {
        self.expect_op("(", "", "")?;
        let mut args = Vec::new();
        while !self.is_op(")") {
            args.push(self.expr()?);
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op(
            ")",
            "to close the call",
            "separate arguments with `,` and close with `)`",
        )?;
        Ok(args)
    }

    pub(super) fn primary(&mut self) -> Res<Expr> {
        let start = self.span();
        let lx = self.advance();
        let kind = match lx.tok {
            Tok::Var(v) if v == "_" => ExprKind::Wildcard,
            Tok::Var(v) => ExprKind::Var(v),
            Tok::Atom(a) => ExprKind::Atom(a),
            Tok::Int(n) => ExprKind::Int(n),
            Tok::Str(mut s) => {
                let mut span = start;
                while let Tok::Str(more) = self.peek().clone() {
                    s.push_str(&more);
                    span = join(span, self.advance().span);
                }
                return Ok(Expr {
                    kind: ExprKind::Str(s),
                    span,
                });
            }
            Tok::Op("(") => {
                self.enter()?;
                let inner = self.expr();
                self.leave();
                let inner = inner?;
                self.expect_op(")", "to close the bracket", "close every `(` with `)`")?;
                return Ok(Expr {
                    span: join(start, self.prev_span()),
                    ..inner
                });
            }
            Tok::Op("{") => {
                let mut items = Vec::new();
                while !self.is_op("}") {
                    items.push(self.expr()?);
                    if !self.eat_op(",") {
                        break;
                    }
                }
                self.expect_op(
                    "}",
                    "to close the tuple",
                    "separate elements with `,` and close the tuple with `}`",
                )?;
                ExprKind::Tuple(items)
            }
            Tok::Op("[") => {
                let mut items = Vec::new();
                let mut tail = None;
                while !self.is_op("]") {
                    items.push(self.expr()?);
                    if self.is_op("||") && items.len() == 1 {
                        let head = items.pop().expect("one item");
                        return self.comprehension(start, head);
                    }
                    if self.eat_op("|") {
                        tail = Some(Box::new(self.expr()?));
                        break;
                    }
                    if !self.eat_op(",") {
                        break;
                    }
                }
                self.expect_op(
                    "]",
                    "to close the list",
                    "separate items with `,` and close the list with `]`",
                )?;
                ExprKind::List(items, tail)
            }
            Tok::Kw("fun") => return self.fun(start),
            Tok::Kw("try") => return self.try_expr(start),
            Tok::Kw("receive") => return self.receive(start),
            Tok::Kw("case") => {
                let subject = self.expr()?;
                if !self.is_kw("of") {
                    return self.expected(
                        "`of` after the `case` expression",
                        "write `case Expr of Pattern -> Body end`",
                    );
                }
                self.pos += 1;
                let clauses = self.case_clauses("case", start)?;
                ExprKind::Case(Box::new(subject), clauses)
            }
            Tok::Kw("if") => {
                let mut branches = Vec::new();
                loop {
                    let head = self.span();
                    let mut alts = Vec::new();
                    loop {
                        let mut conj = vec![self.expr()?];
                        while self.eat_op(",") {
                            conj.push(self.expr()?);
                        }
                        alts.push(conj);
                        if !self.eat_op(";") || self.is_kw("end") {
                            break;
                        }
                        // `;` followed by a guard then `->` continues this guard; a `;`
                        // after a body starts a new branch (handled below).
                    }
                    if !self.is_op("->") {
                        return self.expected(
                            "`->` after the `if` guard",
                            "write `if X > 0 -> pos; true -> other end`",
                        );
                    }
                    self.pos += 1;
                    let body = self.body("`if` branch")?;
                    branches.push((alts, body, join(head, self.prev_span())));
                    if !self.eat_op(";") {
                        break;
                    }
                }
                self.close_end("if", start)?;
                ExprKind::If(branches)
            }
            Tok::Kw("begin") => {
                let body = self.body("`begin` block")?;
                self.close_end("begin", start)?;
                ExprKind::Block(body)
            }
            Tok::Kw(kw) => {
                self.pos -= 1;
                if let Some(hint) = unsupported_keyword(kw) {
                    return self.err(
                        format!("`{kw}` is not part of the Erlang lesson dialect; {SUPPORTED}"),
                        hint,
                    );
                }
                return self.expected("an expression", "a value, a variable or a call goes here");
            }
            Tok::Op("<<") => {
                self.pos -= 1;
                return self.err(
                    format!("binaries are not part of the Erlang lesson dialect; {SUPPORTED}"),
                    "use strings, atoms and lists",
                );
            }
            Tok::Op("#") if matches!(self.peek(), Tok::Atom(_)) => {
                self.pos -= 1;
                return self.record_expr(None);
            }
            Tok::Op("#") if matches!(self.peek(), Tok::Op("{")) => {
                self.pos -= 1;
                return self.map_expr(None);
            }
            Tok::Op("#") => {
                self.pos -= 1;
                return self.expected(
                    "a record name or `{` after `#`",
                    "write `#point{x = 1}` for a record or `#{key => Value}` for a map",
                );
            }
            Tok::Op("?") => {
                self.pos -= 1;
                return self.err(
                    "macros are not part of the Erlang lesson dialect",
                    "write the value out in full",
                );
            }
            other => {
                self.pos -= 1;
                let hint = match other {
                    Tok::Dot | Tok::Eof => "the expression ends too early",
                    _ => "a value, a variable or a call goes here",
                };
                return self.err(
                    format!("expected an expression, found {}", describe(&other)),
                    hint,
                );
            }
        };
        Ok(Expr {
            kind,
            span: join(start, self.prev_span()),
        })
    }

    pub(super) fn close_end(&mut self, what: &str, start: Span) -> Res<()> {
        if self.is_kw("end") {
            self.pos += 1;
            return Ok(());
        }
        self.expected(
            &format!("`end` to close the `{what}` on line {}", start.line),
            if what == "receive" || what == "case" {
                "separate clauses with `;` (none after the last) and close with `end`"
            } else {
                "close the block with `end`"
            },
        )
    }

    pub(super) fn case_clauses(&mut self, what: &str, start: Span) -> Res<Vec<CaseClause>> {
        let mut clauses = Vec::new();
        loop {
            let head = self.span();
            let pattern = self.expr()?;
            let guard = self.guard()?;
            let head = join(head, self.prev_span());
            if !self.is_op("->") {
                return self.expected("`->` after the pattern", "write `Pattern -> Body`");
            }
            self.pos += 1;
            let body = self.body(&format!("`{what}` clause"))?;
            clauses.push(CaseClause {
                pattern,
                guard,
                body,
                span: head,
            });
            if !self.eat_op(";") {
                break;
            }
            if self.is_kw("end") || self.is_kw("after") {
                return self.err(
                    format!("`;` after the last clause of `{what}`"),
                    "remove the `;`: it only goes between clauses",
                );
            }
        }
        if what == "receive" && self.is_kw("after") {
            return Ok(clauses);
        }
        self.close_end(what, start)?;
        Ok(clauses)
    }

    pub(super) fn receive(&mut self, start: Span) -> Res<Expr> {
        let clauses = if self.is_kw("after") {
            Vec::new()
        } else {
            self.case_clauses("receive", start)?
        };
        let mut after = None;
        if self.is_kw("after") {
            self.pos += 1;
            let timeout = self.expr()?;
            if !self.is_op("->") {
                return self.expected(
                    "`->` after the `after` timeout",
                    "write `after 100 -> timeout`",
                );
            }
            self.pos += 1;
            let body = self.body("`after` clause")?;
            after = Some((Box::new(timeout), body));
            self.close_end("receive", start)?;
        }
        Ok(Expr {
            kind: ExprKind::Receive { clauses, after },
            span: join(start, self.prev_span()),
        })
    }

    pub(super) fn fun(&mut self, start: Span) -> Res<Expr> {
        // `fun name/Arity` or `fun module:name/Arity`.
        if let Tok::Atom(_) = self.peek() {
            // The module of `fun module:name/1` is this file, whatever it is called.
            if matches!(self.peek_at(1), Tok::Op(":")) {
                self.pos += 2;
            }
            return self.fun_ref(start);
        }
        let mut clauses = Vec::new();
        loop {
            let head = self.span();
            clauses.push(self.clause_rest(head, "fun")?);
            if !self.eat_op(";") {
                break;
            }
        }
        if let Some(first) = clauses.first() {
            if clauses.iter().any(|c| c.params.len() != first.params.len()) {
                return Err(Diagnostic::new(
                    start,
                    "all clauses of a `fun` must have the same number of parameters",
                    "give each clause the same parameters",
                ));
            }
        }
        self.close_end("fun", start)?;
        Ok(Expr {
            kind: ExprKind::Fun(clauses),
            span: join(start, self.prev_span()),
        })
    }

    pub(super) fn fun_ref(&mut self, start: Span) -> Res<Expr> {
        let Tok::Atom(name) = self.advance().tok else {
            return self.expected("a function name", "write `fun name/1`");
        };
        if !self.eat_op("/") {
            return self.expected(
                "`/` and the arity after the function name",
                "write `fun name/1`, or `fun() -> … end` for a new function",
            );
        }
        let Tok::Int(arity) = self.peek().clone() else {
            return self.expected("the number of parameters", "write `fun name/1`");
        };
        self.pos += 1;
        Ok(Expr {
            kind: ExprKind::FunRef(name, usize::try_from(arity).unwrap_or(usize::MAX)),
            span: join(start, self.prev_span()),
        })
    }
}
