//! Statements: blocks, simple statements, `if`, the forms of `for`, and `select`.

use super::expr::single;
use super::*;

impl Parser {
    pub(super) fn block(&mut self) -> Res<Vec<Stmt>> {
        let open = self.span();
        self.expect_op("{", "to start a block", "blocks are written in `{ … }`")?;
        self.enter()?;
        let saved = self.no_brace;
        self.no_brace = false;
        let mut out = Vec::new();
        loop {
            self.semis();
            match self.peek() {
                Tok::Op("}") => {
                    self.pos += 1;
                    break;
                }
                Tok::Eof => {
                    return Err(Diagnostic::new(
                        self.span(),
                        format!(
                            "expected `}}` to close the block opened on line {}",
                            open.line
                        ),
                        "every `{` needs a matching `}`",
                    ))
                }
                _ => out.push(self.stmt()?),
            }
        }
        self.no_brace = saved;
        self.leave();
        Ok(out)
    }

    pub(super) fn stmt(&mut self) -> Res<Stmt> {
        self.enter()?;
        let res = self.stmt_inner();
        self.leave();
        res
    }

    pub(super) fn stmt_inner(&mut self) -> Res<Stmt> {
        let start = self.span();
        let kind = match self.peek().clone() {
            Tok::Kw("var" | "const") => {
                let constant = self.is_kw("const");
                self.pos += 1;
                let spec = self.var_spec(constant)?;
                StmtKind::Var(spec)
            }
            Tok::Kw("go") => {
                self.pos += 1;
                let call = self.expr()?;
                if !matches!(call.kind, ExprKind::Call(..)) {
                    return Err(Diagnostic::new(
                        call.span,
                        "`go` must be followed by a function call",
                        "write `go worker(i)` or `go func() { … }()`, with the brackets",
                    ));
                }
                StmtKind::Go(call)
            }
            Tok::Kw("return") => {
                self.pos += 1;
                let values = if self.is_op(";") || self.is_op("}") {
                    Vec::new()
                } else {
                    self.expr_list()?
                };
                StmtKind::Return(values)
            }
            Tok::Kw("break") => {
                self.pos += 1;
                if matches!(self.peek(), Tok::Ident(_)) {
                    return self.err(
                        "labels are not part of the Go lesson dialect",
                        "use a flag variable, or `return` from a function",
                    );
                }
                StmtKind::Break
            }
            Tok::Kw("continue") => {
                self.pos += 1;
                StmtKind::Continue
            }
            Tok::Kw("if") => return self.if_stmt(),
            Tok::Kw("for") => return self.for_stmt(),
            Tok::Kw("select") => return self.select_stmt(),
            Tok::Kw("else") => {
                return self.err(
                    "`else` must be on the same line as the `}` before it",
                    "write `} else {`",
                )
            }
            Tok::Kw("func") => {
                return self.err(
                    "functions cannot be declared inside functions",
                    "write `name := func() { … }`, or declare the function at the top level",
                )
            }
            Tok::Kw("import") => {
                return self.err(
                    "imports go at the top of the file",
                    "move the `import` up, right after `package main`",
                )
            }
            Tok::Kw(kw) if unsupported_keyword(kw).is_some() => {
                return self.err(
                    format!("`{kw}` is not part of the Go lesson dialect; {SUPPORTED}"),
                    unsupported_keyword(kw).unwrap_or_default(),
                )
            }
            Tok::Op("{") => {
                let body = self.block()?;
                StmtKind::Block(body)
            }
            Tok::Ident(_) if matches!(self.peek_at(1), Tok::Op(":")) => {
                return self.err(
                    "labels are not part of the Go lesson dialect",
                    "use a flag variable, or `return` from a function",
                )
            }
            _ => self.simple_stmt()?.kind,
        };
        let span = join(start, self.prev_span());
        self.end_of_statement()?;
        Ok(Stmt { kind, span })
    }

    /// Statements allowed in `if`/`for` headers: assignments, `:=`, `++`, sends, calls.
    pub(super) fn simple_stmt(&mut self) -> Res<Stmt> {
        let start = self.span();
        let lhs = self.expr_list()?;
        let assign_op = |tok: &Tok| -> Option<BinOp> {
            match tok {
                Tok::Op("+=") => Some(BinOp::Add),
                Tok::Op("-=") => Some(BinOp::Sub),
                Tok::Op("*=") => Some(BinOp::Mul),
                Tok::Op("/=") => Some(BinOp::Div),
                Tok::Op("%=") => Some(BinOp::Rem),
                _ => None,
            }
        };
        let kind = match self.peek().clone() {
            Tok::Op(":=") => {
                self.pos += 1;
                let mut names = Vec::new();
                for e in lhs {
                    match e.kind {
                        ExprKind::Ident(name) => names.push(Ident { name, span: e.span }),
                        _ => {
                            return Err(Diagnostic::new(
                                e.span,
                                "only names can be declared with `:=`",
                                "use `=` to assign to a map entry or an existing variable",
                            ))
                        }
                    }
                }
                if self.is_kw("range") {
                    return self.err(
                        "`range` only works in a `for` header",
                        "write `for v := range ch {`",
                    );
                }
                let values = self.expr_list()?;
                StmtKind::Define(names, values)
            }
            Tok::Op("=") => {
                let op_span = self.advance().span;
                let values = self.expr_list()?;
                StmtKind::Assign(lhs, None, values, join(op_span, self.prev_span()))
            }
            tok if assign_op(&tok).is_some() => {
                let op_span = self.advance().span;
                let values = self.expr_list()?;
                StmtKind::Assign(
                    lhs,
                    assign_op(&tok),
                    values,
                    join(op_span, self.prev_span()),
                )
            }
            Tok::Op(op @ ("<<=" | ">>=" | "&=" | "|=" | "^=" | "&^=")) => {
                return self.err(
                    format!("`{op}` is not part of the Go lesson dialect"),
                    "use `+=`, `-=`, `*=`, `/=` or `%=`",
                )
            }
            Tok::Op(op @ ("++" | "--")) => {
                let op_span = self.advance().span;
                let target = single(lhs, op)?;
                StmtKind::IncDec(target, op == "++", op_span)
            }
            Tok::Op("<-") => {
                self.pos += 1;
                let ch = single(lhs, "<-")?;
                let value = self.expr()?;
                StmtKind::Send(ch, value)
            }
            _ => {
                let e = single(lhs, "")?;
                StmtKind::Expr(e)
            }
        };
        Ok(Stmt {
            kind,
            span: join(start, self.prev_span()),
        })
    }

    pub(super) fn header<T>(&mut self, f: impl FnOnce(&mut Self) -> Res<T>) -> Res<T> {
        let saved = self.no_brace;
        self.no_brace = true;
        let res = f(self);
        self.no_brace = saved;
        res
    }

    pub(super) fn if_stmt(&mut self) -> Res<Stmt> {
        let start = self.advance().span;
        let (init, cond) = self.header(|p| {
            let first = p.simple_stmt()?;
            if p.eat_op(";") {
                let cond = p.expr()?;
                return Ok((Some(Box::new(first)), cond));
            }
            match first.kind {
                StmtKind::Expr(e) => Ok((None, e)),
                _ => Err(Diagnostic::new(
                    first.span,
                    "expected a condition after `if`",
                    "write `if x > 0 {`; an assignment needs `;` and a condition after it",
                )),
            }
        })?;
        let span = join(start, cond.span);
        if !self.is_op("{") {
            return self.expected(
                "`{` after the `if` condition",
                "Go needs braces: `if x > 0 {`",
            );
        }
        let then = self.block()?;
        let els = if self.is_kw("else") {
            self.pos += 1;
            if self.is_kw("if") {
                Some(vec![self.if_stmt()?])
            } else if self.is_op("{") {
                Some(self.block()?)
            } else {
                return self.expected("`{` or `if` after `else`", "write `} else {`");
            }
        } else {
            None
        };
        Ok(Stmt {
            kind: StmtKind::If {
                init,
                cond,
                then,
                els,
            },
            span,
        })
    }

    pub(super) fn for_stmt(&mut self) -> Res<Stmt> {
        let start = self.advance().span;
        if self.is_op("{") {
            let body = self.block()?;
            return Ok(Stmt {
                kind: StmtKind::While(None, body),
                span: start,
            });
        }
        let kind = self.header(|p| {
            if p.is_kw("range") {
                p.pos += 1;
                let over = p.expr()?;
                return Ok(StmtKind::Range {
                    key: None,
                    value: None,
                    over,
                    body: Vec::new(),
                });
            }
            // `k, v := range x`
            let save = p.pos;
            let mut names = Vec::new();
            while let Tok::Ident(name) = p.peek().clone() {
                let span = p.advance().span;
                names.push(Ident { name, span });
                if !p.eat_op(",") {
                    break;
                }
            }
            if !names.is_empty()
                && (p.is_op(":=") || p.is_op("="))
                && matches!(p.peek_at(1), Tok::Kw("range"))
            {
                let define = p.is_op(":=");
                p.pos += 2;
                if !define {
                    return p.err(
                        "`for k = range` is not part of the Go lesson dialect",
                        "declare the loop variables with `:=`",
                    );
                }
                if names.len() > 2 {
                    return p.err(
                        "`range` gives at most two values",
                        "write `for i, v := range xs {`",
                    );
                }
                let over = p.expr()?;
                let mut it = names.into_iter();
                let first = it.next();
                let second = it.next();
                let (key, value) = match second {
                    Some(v) => (first, Some(v)),
                    None => (first, None),
                };
                let blank = |i: Option<Ident>| i.filter(|i| i.name != "_");
                return Ok(StmtKind::Range {
                    key: blank(key),
                    value: blank(value),
                    over,
                    body: Vec::new(),
                });
            }
            p.pos = save;
            let init = if p.is_op(";") {
                None
            } else {
                Some(p.simple_stmt()?)
            };
            if p.is_op("{") {
                return match init {
                    Some(Stmt {
                        kind: StmtKind::Expr(cond),
                        ..
                    }) => Ok(StmtKind::While(Some(cond), Vec::new())),
                    _ => p.expected(
                        "`;` after the loop's first statement",
                        "write `for i := 0; i < n; i++ {`",
                    ),
                };
            }
            if !p.eat_op(";") {
                return p.expected(
                    "`{` or `;` in the `for` header",
                    "write `for cond {` or `for i := 0; i < n; i++ {`",
                );
            }
            let cond = if p.is_op(";") { None } else { Some(p.expr()?) };
            p.expect_op(
                ";",
                "after the loop condition",
                "write `for i := 0; i < n; i++ {`",
            )?;
            let post = if p.is_op("{") {
                None
            } else {
                let s = p.simple_stmt()?;
                if matches!(s.kind, StmtKind::Define(..)) {
                    return Err(Diagnostic::new(
                        s.span,
                        "the loop's last statement cannot declare a variable",
                        "write `i++` or `i += 2`",
                    ));
                }
                Some(Box::new(s))
            };
            Ok(StmtKind::For {
                init: init.map(Box::new),
                cond,
                post,
                body: Vec::new(),
            })
        })?;
        let span = join(start, self.prev_span());
        if !self.is_op("{") {
            return self.expected("`{` to start the loop body", "write `for … {`");
        }
        let body_block = self.block()?;
        let kind = match kind {
            StmtKind::While(c, _) => StmtKind::While(c, body_block),
            StmtKind::For {
                init, cond, post, ..
            } => StmtKind::For {
                init,
                cond,
                post,
                body: body_block,
            },
            StmtKind::Range {
                key, value, over, ..
            } => StmtKind::Range {
                key,
                value,
                over,
                body: body_block,
            },
            other => other,
        };
        Ok(Stmt { kind, span })
    }

    pub(super) fn select_stmt(&mut self) -> Res<Stmt> {
        let start = self.advance().span;
        self.expect_op("{", "after `select`", "write `select {`")?;
        let mut cases = Vec::new();
        let mut seen_default = false;
        loop {
            self.semis();
            let case_start = self.span();
            let comm = match self.peek() {
                Tok::Op("}") => {
                    self.pos += 1;
                    break;
                }
                Tok::Kw("default") => {
                    self.pos += 1;
                    if seen_default {
                        return Err(Diagnostic::new(
                            case_start,
                            "a `select` may have only one `default`",
                            "merge the two default cases",
                        ));
                    }
                    seen_default = true;
                    Comm::Default
                }
                Tok::Kw("case") => {
                    self.pos += 1;
                    self.comm()?
                }
                _ => return self.expected(
                    "`case`, `default` or `}` in the `select`",
                    "each case of a select is `case <-ch:`, `case v := <-ch:` or `case ch <- v:`",
                ),
            };
            let span = join(case_start, self.prev_span());
            self.expect_op(":", "after the case", "end the case line with `:`")?;
            let mut body = Vec::new();
            loop {
                self.semis();
                if self.is_kw("case") || self.is_kw("default") || self.is_op("}") {
                    break;
                }
                if matches!(self.peek(), Tok::Eof) {
                    return self.expected("`}` to close the `select`", "close the select with `}`");
                }
                body.push(self.stmt()?);
            }
            cases.push(SelectCase { comm, body, span });
        }
        Ok(Stmt {
            kind: StmtKind::Select(cases),
            span: start,
        })
    }

    pub(super) fn comm(&mut self) -> Res<Comm> {
        let lhs = self.expr_list()?;
        if self.is_op(":=") || self.is_op("=") {
            let define = self.is_op(":=");
            self.pos += 1;
            let rhs = self.expr()?;
            let ExprKind::Unary(UnOp::Recv, chan) = rhs.kind else {
                return Err(Diagnostic::new(
                    rhs.span,
                    "a select case can only receive here, like `v := <-ch`",
                    "write `case v := <-ch:`",
                ));
            };
            if lhs.len() > 2 {
                return self.err(
                    "a receive gives at most two values",
                    "write `case v, ok := <-ch:`",
                );
            }
            if define && lhs.iter().any(|e| !matches!(e.kind, ExprKind::Ident(_))) {
                return self.err(
                    "only names can be declared with `:=`",
                    "write `case v := <-ch:`",
                );
            }
            return Ok(Comm::Recv {
                lhs,
                define,
                chan: *chan,
            });
        }
        let first = single(lhs, "case")?;
        if self.eat_op("<-") {
            let value = self.expr()?;
            return Ok(Comm::Send { chan: first, value });
        }
        match first.kind {
            ExprKind::Unary(UnOp::Recv, chan) => Ok(Comm::Recv {
                lhs: Vec::new(),
                define: false,
                chan: *chan,
            }),
            _ => Err(Diagnostic::new(
                first.span,
                "a select case must send or receive on a channel",
                "write `case <-ch:`, `case v := <-ch:` or `case ch <- v:`",
            )),
        }
    }
}
