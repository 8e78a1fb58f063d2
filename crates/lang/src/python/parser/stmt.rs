//! Statements: simple statements, blocks, `def`, `if`, `for` and `with`.

use super::*;

/// Only names, subscripts and attribute chains can be assigned to.
pub(super) fn check_target(e: &Expr) -> Res<()> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Subscript(..) => Ok(()),
        ExprKind::Tuple(items) => items.iter().try_for_each(check_target),
        ExprKind::Attr(..) => Err(Diagnostic::new(
            e.span,
            "assigning to an attribute is not part of the Python lesson dialect",
            "use a module-level variable or a dict entry instead",
        )),
        _ => Err(Diagnostic::new(
            e.span,
            "cannot assign to this",
            "the left of `=` must be a variable name or `d[key]`",
        )),
    }
}

impl Parser<'_> {
    /// Parses one statement line (possibly several `;`-separated simple statements) or one
    /// compound statement, appending to `out`.
    pub(super) fn statement(&mut self, out: &mut Vec<Stmt>) -> Res<()> {
        self.enter()?;
        let res = self.statement_inner(out);
        self.leave();
        res
    }

    pub(super) fn statement_inner(&mut self, out: &mut Vec<Stmt>) -> Res<()> {
        let start = self.span();
        if let Tok::Kw(kw) = self.peek().clone() {
            match kw {
                "def" => return self.def(start).map(|s| out.push(s)),
                "if" => return self.if_stmt(start).map(|s| out.push(s)),
                "while" => {
                    self.pos += 1;
                    let cond = self.expr()?;
                    let header = join(start, cond.span);
                    let body = self.block("`while` condition")?;
                    out.push(Stmt {
                        kind: StmtKind::While { cond, body },
                        span: header,
                    });
                    return Ok(());
                }
                "for" => return self.for_stmt(start).map(|s| out.push(s)),
                "with" => return self.with_stmt(start).map(|s| out.push(s)),
                "elif" | "else" => {
                    return self.err(
                        format!("`{kw}` without a matching `if`"),
                        "line it up under its `if`, at the same indentation",
                    )
                }
                _ => {}
            }
        }
        loop {
            let stmt = self.simple()?;
            out.push(stmt);
            if self.eat_op(";") {
                if matches!(self.peek(), Tok::Newline | Tok::Eof) {
                    break;
                }
                continue;
            }
            break;
        }
        match self.peek() {
            Tok::Newline => {
                self.pos += 1;
                Ok(())
            }
            Tok::Eof | Tok::Dedent => Ok(()),
            _ => self.expected(
                "the end of the statement",
                "put each statement on its own line",
            ),
        }
    }

    pub(super) fn simple(&mut self) -> Res<Stmt> {
        let start = self.span();
        if let Tok::Kw(kw) = self.peek().clone() {
            if let Some(hint) = unsupported_keyword(kw) {
                return unsupported(start, kw, hint);
            }
            let simple = |kind| Ok(Stmt { kind, span: start });
            match kw {
                "pass" => {
                    self.pos += 1;
                    return simple(StmtKind::Pass);
                }
                "break" => {
                    self.pos += 1;
                    return simple(StmtKind::Break);
                }
                "continue" => {
                    self.pos += 1;
                    return simple(StmtKind::Continue);
                }
                "return" => {
                    self.pos += 1;
                    if matches!(self.peek(), Tok::Newline | Tok::Eof | Tok::Dedent)
                        || self.is_op(";")
                    {
                        return simple(StmtKind::Return(None));
                    }
                    let value = self.testlist()?;
                    return Ok(Stmt {
                        span: join(start, value.span),
                        kind: StmtKind::Return(Some(value)),
                    });
                }
                "global" => {
                    self.pos += 1;
                    let mut names = vec![self.ident(
                        "a variable name after `global`",
                        "write `global count` to change the module-level `count`",
                    )?];
                    while self.eat_op(",") {
                        names.push(
                            self.ident(
                                "a variable name after `,`",
                                "list names like `global a, b`",
                            )?,
                        );
                    }
                    let span = join(start, self.prev_span());
                    return Ok(Stmt {
                        kind: StmtKind::Global(names),
                        span,
                    });
                }
                "import" => {
                    self.pos += 1;
                    let module = self.module_name()?;
                    if self.is_op(",") || self.is_kw("as") {
                        return self.err(
                            "import one module per line, without `as`",
                            "write `import threading` and `import queue` on separate lines",
                        );
                    }
                    let span = join(start, module.span);
                    return Ok(Stmt {
                        kind: StmtKind::Import {
                            module,
                            names: Vec::new(),
                        },
                        span,
                    });
                }
                "from" => {
                    self.pos += 1;
                    let module = self.module_name()?;
                    if !self.eat_kw("import") {
                        return self.expected(
                            "`import` after the module name",
                            "write `from threading import Thread, Lock`",
                        );
                    }
                    let paren = self.eat_op("(");
                    let mut names = vec![self.ident(
                        "a name to import",
                        "write `from threading import Thread, Lock`",
                    )?];
                    while self.eat_op(",") {
                        if paren && self.is_op(")") {
                            break;
                        }
                        names.push(
                            self.ident("a name to import", "separate the names with commas")?,
                        );
                    }
                    if self.is_kw("as") {
                        return self.err(
                            "`import … as …` is not part of the Python lesson dialect",
                            "import names under their own names",
                        );
                    }
                    if paren {
                        self.expect_op(")", "to close the import list", "close the `(`")?;
                    }
                    let span = join(start, self.prev_span());
                    return Ok(Stmt {
                        kind: StmtKind::Import { module, names },
                        span,
                    });
                }
                _ => {}
            }
        }
        let first = self.testlist()?;
        if let Some(op) = self.aug_op() {
            let op_span = self.advance().span;
            let op = op.map_err(|msg| {
                Diagnostic::new(op_span, msg, "use `+=`, `-=`, `*=`, `//=` or `%=`")
            })?;
            let value = self.testlist()?;
            check_target(&first)?;
            return Ok(Stmt {
                span: join(start, value.span),
                kind: StmtKind::AugAssign {
                    target: first,
                    op,
                    op_span: join(op_span, value.span),
                    value,
                },
            });
        }
        if self.is_op("=") {
            let mut targets = vec![first];
            let mut value = None;
            while self.eat_op("=") {
                let next = self.testlist()?;
                if let Some(prev) = value.replace(next) {
                    targets.push(prev);
                }
            }
            for t in &targets {
                check_target(t)?;
            }
            let value = value.unwrap_or(Expr {
                kind: ExprKind::None,
                span: start,
            });
            return Ok(Stmt {
                span: join(start, value.span),
                kind: StmtKind::Assign { targets, value },
            });
        }
        if self.is_op(":=") {
            return self.err(
                "`:=` is not part of the Python lesson dialect",
                "assign with `=` on its own line first",
            );
        }
        if self.is_op(":") {
            return self.err(
                "type annotations are not part of the Python lesson dialect",
                "write `count = 0` without `: int`",
            );
        }
        Ok(Stmt {
            span: first.span,
            kind: StmtKind::Expr(first),
        })
    }

    /// An augmented-assignment operator at the cursor: `Some(Ok(op))`, `Some(Err(why))` for
    /// one the dialect lacks, `None` when there is none.
    pub(super) fn aug_op(&self) -> Option<Result<BinOp, String>> {
        let Tok::Op(op) = self.peek() else {
            return None;
        };
        Some(match *op {
            "+=" => Ok(BinOp::Add),
            "-=" => Ok(BinOp::Sub),
            "*=" => Ok(BinOp::Mul),
            "//=" => Ok(BinOp::FloorDiv),
            "%=" => Ok(BinOp::Mod),
            "/=" => Ok(BinOp::Div),
            "**=" | "&=" | "|=" | "^=" | ">>=" | "<<=" => {
                Err(format!("`{op}` is not part of the Python lesson dialect"))
            }
            _ => return None,
        })
    }

    pub(super) fn module_name(&mut self) -> Res<Ident> {
        let mut id = self.ident(
            "a module name",
            "the lesson dialect knows `threading`, `queue` and `time`",
        )?;
        while self.eat_op(".") {
            let part = self.ident("a name after `.`", "write a module name like `threading`")?;
            id.name.push('.');
            id.name.push_str(&part.name);
            id.span = join(id.span, part.span);
        }
        Ok(id)
    }

    /// `:` then either an indented block or simple statements on the same line.
    pub(super) fn block(&mut self, after: &str) -> Res<Vec<Stmt>> {
        if !self.is_op(":") {
            return self.expected(
                &format!("`:` after the {after}"),
                "a block header ends with a colon, like `while running:`",
            );
        }
        self.pos += 1;
        self.enter()?;
        let res = self.block_body();
        self.leave();
        res
    }

    pub(super) fn block_body(&mut self) -> Res<Vec<Stmt>> {
        let mut body = Vec::new();
        if !matches!(self.peek(), Tok::Newline) {
            // `if x: y = 1` — simple statements on the header line.
            self.statement(&mut body)?;
            return Ok(body);
        }
        self.pos += 1;
        if !matches!(self.peek(), Tok::Indent) {
            return self.expected(
                "an indented block",
                "indent the lines that belong to the block by four spaces",
            );
        }
        self.pos += 1;
        loop {
            match self.peek() {
                Tok::Dedent => {
                    self.pos += 1;
                    break;
                }
                Tok::Eof => break,
                Tok::Newline => self.pos += 1,
                Tok::Indent => {
                    return self.err(
                        "unexpected indentation",
                        "indent every line of a block by the same amount",
                    )
                }
                _ => self.statement(&mut body)?,
            }
        }
        Ok(body)
    }

    pub(super) fn def(&mut self, start: Span) -> Res<Stmt> {
        self.pos += 1;
        let name = self.ident("a function name after `def`", "write `def worker():`")?;
        self.expect_op(
            "(",
            "after the function name",
            "write the parameters in brackets, like `def worker(n):`",
        )?;
        let mut params: Vec<Ident> = Vec::new();
        let mut defaults: Vec<Option<Expr>> = Vec::new();
        while !self.is_op(")") {
            if self.is_op("*") || self.is_op("**") {
                return self.err(
                    "`*args` and `**kwargs` are not part of the Python lesson dialect",
                    "list each parameter by name",
                );
            }
            let p = self.ident(
                "a parameter name or `)`",
                "parameters are plain names separated by commas",
            )?;
            let default = if self.eat_op("=") {
                Some(self.expr()?)
            } else {
                None
            };
            if default.is_none() && defaults.iter().any(Option::is_some) {
                // CPython's own rule, and its wording.
                return Err(Diagnostic::new(
                    p.span,
                    "non-default argument follows default argument",
                    "put the parameters with defaults last, like `def f(a, b=1):`",
                ));
            }
            if self.is_op(":") {
                return self.err(
                    "type annotations are not part of the Python lesson dialect",
                    "write the parameter name alone",
                );
            }
            if params.iter().any(|q| q.name == p.name) {
                return Err(Diagnostic::new(
                    p.span,
                    format!("parameter `{}` appears twice", p.name),
                    "give each parameter its own name",
                ));
            }
            params.push(p);
            defaults.push(default);
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op(
            ")",
            "to close the parameter list",
            "separate parameters with commas and close with `)`",
        )?;
        if self.is_op("->") {
            return self.err(
                "return type annotations are not part of the Python lesson dialect",
                "end the header with `):`",
            );
        }
        let header = join(start, self.prev_span());
        let body = self.block("function header")?;
        Ok(Stmt {
            kind: StmtKind::Def {
                name,
                params,
                defaults,
                body,
            },
            span: header,
        })
    }

    pub(super) fn if_stmt(&mut self, start: Span) -> Res<Stmt> {
        self.pos += 1;
        let cond = self.expr()?;
        let header = join(start, cond.span);
        let body = self.block("`if` condition")?;
        let mut branches = vec![(cond, body)];
        let mut orelse = Vec::new();
        loop {
            if self.eat_kw("elif") {
                let cond = self.expr()?;
                let body = self.block("`elif` condition")?;
                branches.push((cond, body));
            } else if self.eat_kw("else") {
                orelse = self.block("`else`")?;
                break;
            } else {
                break;
            }
        }
        Ok(Stmt {
            kind: StmtKind::If { branches, orelse },
            span: header,
        })
    }

    pub(super) fn for_stmt(&mut self, start: Span) -> Res<Stmt> {
        self.pos += 1;
        let target = self.loop_targets()?;
        if !self.eat_kw("in") {
            return self.expected(
                "`in` after the loop variable",
                "write `for i in range(10):`",
            );
        }
        let iter = self.expr()?;
        let header = join(start, iter.span);
        let body = self.block("`for` header")?;
        Ok(Stmt {
            kind: StmtKind::For { target, iter, body },
            span: header,
        })
    }

    /// The targets of a `for`, up to `in`: one, or several that make a tuple
    /// (`for a, b in pairs`).
    pub(super) fn loop_targets(&mut self) -> Res<Expr> {
        let first = self.loop_target()?;
        Ok(if self.is_op(",") {
            // `for a, b in pairs:` unpacks each item into several names.
            let mut items = vec![first];
            while self.is_op(",") {
                self.pos += 1;
                if self.is_kw("in") {
                    break;
                }
                items.push(self.loop_target()?);
            }
            let span = join(items[0].span, items[items.len() - 1].span);
            Expr {
                kind: ExprKind::Tuple(items),
                span,
            }
        } else {
            first
        })
    }

    /// One loop target: a name, or `(a, b)` to unpack into.
    pub(super) fn loop_target(&mut self) -> Res<Expr> {
        if !self.is_op("(") {
            let id = self.ident(
                "a loop variable after `for`",
                "write `for i in range(10):` or `for i, item in enumerate(items):`",
            )?;
            return Ok(Expr {
                kind: ExprKind::Name(id.name),
                span: id.span,
            });
        }
        let start = self.advance().span;
        let mut items = Vec::new();
        while !self.is_op(")") {
            items.push(self.loop_target()?);
            if self.is_op(",") {
                self.pos += 1;
            } else if !self.is_op(")") {
                return self.expected("`,` or `)` in the loop variables", "write `(key, value)`");
            }
        }
        let end = self.advance().span;
        Ok(Expr {
            kind: ExprKind::Tuple(items),
            span: join(start, end),
        })
    }

    pub(super) fn with_stmt(&mut self, start: Span) -> Res<Stmt> {
        self.pos += 1;
        let ctx = self.expr()?;
        if self.is_kw("as") {
            return self.err(
                "`with … as …` is not part of the Python lesson dialect",
                "write `with lock:`; the lesson dialect uses `with` only for locks",
            );
        }
        if self.is_op(",") {
            return self.err(
                "one lock per `with` in the Python lesson dialect",
                "nest two `with` blocks to hold two locks",
            );
        }
        let header = join(start, ctx.span);
        let body = self.block("`with` lock")?;
        Ok(Stmt {
            kind: StmtKind::With { ctx, body },
            span: header,
        })
    }
}
