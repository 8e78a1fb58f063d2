//! Recursive-descent parser for the Python lesson dialect.

use sim::ir::Span;

use super::ast::{BinOp, Expr, ExprKind, FPart, Ident, Module, Stmt, StmtKind};
use super::lexer::{self, Tok};
use crate::cursor::{deref_cursor, token_kind, TokenCursor};
use crate::diagnostic::{Diagnostic, Res};
use crate::source::{join, LineIndex};

/// What the dialect supports, quoted in "not part of the dialect" errors.
pub(crate) const SUPPORTED: &str = "supported: def, global, if/elif/else, while, \
    for … in range(…), with lock:, return, pass, break, continue, import threading, import queue";

/// Parses a whole module.
pub(crate) fn parse(src: &str, lines: &LineIndex<'_>) -> Res<Module> {
    let lexed = lexer::lex(src, lines);
    if let Some(err) = lexed.error {
        return Err(err);
    }
    let mut p = Parser {
        src,
        lines,
        cursor: TokenCursor::new(lexed.tokens, NESTING_HINT),
    };
    p.module()
}

/// A call's positional and keyword arguments.
type CallArgs = (Vec<Expr>, Vec<(Ident, Expr)>);

/// The hint on the "nested too deeply" error.
const NESTING_HINT: &str = "split the deeply nested part into smaller functions or steps";

struct Parser<'a> {
    src: &'a str,
    lines: &'a LineIndex<'a>,
    cursor: TokenCursor<Tok>,
}

deref_cursor!(Parser<'_>, Tok);
token_kind!(Tok, |tok: &Tok, _| describe(tok));

/// How a token reads in "found …" messages.
fn describe(tok: &Tok) -> String {
    match tok {
        Tok::Name(n) => format!("`{n}`"),
        Tok::Kw(k) => format!("`{k}`"),
        Tok::Int(n) => format!("the number `{n}`"),
        Tok::Str(_) | Tok::FStr(..) => "a string".into(),
        Tok::Op(o) => format!("`{o}`"),
        Tok::Newline => "the end of the line".into(),
        Tok::Indent => "an indented line".into(),
        Tok::Dedent => "the end of the block".into(),
        Tok::Eof => "the end of the file".into(),
    }
}

/// Real Python keywords the dialect leaves out, with what to do instead.
fn unsupported_keyword(kw: &str) -> Option<&'static str> {
    Some(match kw {
        "class" => "use functions and module-level variables",
        "try" | "except" | "finally" | "raise" => {
            "let the thread crash: the simulator shows why it stopped"
        }
        "async" | "await" => "use threading.Thread for concurrency in this dialect",
        "yield" => "build a list, or pass values through a queue.Queue",
        "lambda" => "define the function with `def`",
        "nonlocal" => "share state through a module-level variable and `global`",
        "del" => "assign a new value instead",
        "assert" => "check with `if` and `print`",
        _ => return None,
    })
}

fn unsupported<T>(span: Span, kw: &str, hint: &str) -> Res<T> {
    Err(Diagnostic::new(
        span,
        format!("`{kw}` is not part of the Python lesson dialect; {SUPPORTED}"),
        hint,
    ))
}

impl<'a> Parser<'a> {
    fn ident(&mut self, what: &str, hint: &str) -> Res<Ident> {
        match self.peek().clone() {
            Tok::Name(name) => {
                let span = self.advance().span;
                Ok(Ident { name, span })
            }
            _ => self.expected(what, hint),
        }
    }

    fn module(&mut self) -> Res<Module> {
        let mut body = Vec::new();
        loop {
            match self.peek() {
                Tok::Eof => break,
                Tok::Newline => {
                    self.pos += 1;
                }
                Tok::Indent => {
                    return self.err(
                        "unexpected indentation",
                        "top-level statements start at the beginning of the line",
                    )
                }
                Tok::Dedent => {
                    self.pos += 1;
                }
                _ => self.statement(&mut body)?,
            }
        }
        Ok(Module { body })
    }

    /// Parses one statement line (possibly several `;`-separated simple statements) or one
    /// compound statement, appending to `out`.
    fn statement(&mut self, out: &mut Vec<Stmt>) -> Res<()> {
        self.enter()?;
        let res = self.statement_inner(out);
        self.leave();
        res
    }

    fn statement_inner(&mut self, out: &mut Vec<Stmt>) -> Res<()> {
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

    fn simple(&mut self) -> Res<Stmt> {
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
    fn aug_op(&self) -> Option<Result<BinOp, String>> {
        let Tok::Op(op) = self.peek() else {
            return None;
        };
        Some(match *op {
            "+=" => Ok(BinOp::Add),
            "-=" => Ok(BinOp::Sub),
            "*=" => Ok(BinOp::Mul),
            "//=" => Ok(BinOp::FloorDiv),
            "%=" => Ok(BinOp::Mod),
            "/=" => Err("`/=` makes a float, which the Python lesson dialect lacks".into()),
            "**=" | "&=" | "|=" | "^=" | ">>=" | "<<=" => {
                Err(format!("`{op}` is not part of the Python lesson dialect"))
            }
            _ => return None,
        })
    }

    fn module_name(&mut self) -> Res<Ident> {
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
    fn block(&mut self, after: &str) -> Res<Vec<Stmt>> {
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

    fn block_body(&mut self) -> Res<Vec<Stmt>> {
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

    fn def(&mut self, start: Span) -> Res<Stmt> {
        self.pos += 1;
        let name = self.ident("a function name after `def`", "write `def worker():`")?;
        self.expect_op(
            "(",
            "after the function name",
            "write the parameters in brackets, like `def worker(n):`",
        )?;
        let mut params: Vec<Ident> = Vec::new();
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
            if self.is_op("=") {
                return self.err(
                    "default parameter values are not part of the Python lesson dialect",
                    "pass every argument when calling",
                );
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
            kind: StmtKind::Def { name, params, body },
            span: header,
        })
    }

    fn if_stmt(&mut self, start: Span) -> Res<Stmt> {
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

    fn for_stmt(&mut self, start: Span) -> Res<Stmt> {
        self.pos += 1;
        let target = self.ident(
            "a loop variable after `for`",
            "write `for i in range(10):` or `for _ in range(n):`",
        )?;
        if self.is_op(",") {
            return self.err(
                "unpacking several loop variables is not part of the Python lesson dialect",
                "loop over one value at a time",
            );
        }
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

    fn with_stmt(&mut self, start: Span) -> Res<Stmt> {
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

    /// `a, b` makes a tuple; a single expression stays itself.
    fn testlist(&mut self) -> Res<Expr> {
        let first = self.expr()?;
        if !self.is_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.ends_testlist() {
                break;
            }
            items.push(self.expr()?);
        }
        let span = join(
            items.first().map_or_else(|| self.span(), |e| e.span),
            self.prev_span(),
        );
        Ok(Expr {
            kind: ExprKind::Tuple(items),
            span,
        })
    }

    fn ends_testlist(&self) -> bool {
        matches!(self.peek(), Tok::Newline | Tok::Eof | Tok::Dedent)
            || self.is_op("=")
            || self.is_op(")")
            || self.is_op(";")
            || self.aug_op().is_some()
    }

    /// A full expression (no bare tuple).
    fn expr(&mut self) -> Res<Expr> {
        self.enter()?;
        let res = self.or_expr();
        self.leave();
        if self.is_kw("if") {
            return self.err(
                "conditional expressions (`a if c else b`) are not part of the Python lesson dialect",
                "use an `if` statement",
            );
        }
        if self.is_kw("for") {
            return self.err(
                "comprehensions are not part of the Python lesson dialect",
                "build the list with a `for` loop",
            );
        }
        res
    }

    fn binary_chain(
        &mut self,
        ops: &[(&str, BinOp)],
        keyword: bool,
        next: fn(&mut Self) -> Res<Expr>,
    ) -> Res<Expr> {
        let mut left = next(self)?;
        let mut chain = 0;
        loop {
            let found = ops.iter().find(|(s, _)| {
                if keyword {
                    self.is_kw(s)
                } else {
                    self.is_op(s)
                }
            });
            let Some(&(_, op)) = found else { break };
            self.pos += 1;
            self.enter()?;
            chain += 1;
            let right = next(self)?;
            let span = join(left.span, right.span);
            left = Expr {
                kind: ExprKind::Binary(op, Box::new(left), Box::new(right)),
                span,
            };
        }
        for _ in 0..chain {
            self.leave();
        }
        Ok(left)
    }

    fn or_expr(&mut self) -> Res<Expr> {
        self.binary_chain(&[("or", BinOp::Or)], true, Self::and_expr)
    }

    fn and_expr(&mut self) -> Res<Expr> {
        self.binary_chain(&[("and", BinOp::And)], true, Self::not_expr)
    }

    fn not_expr(&mut self) -> Res<Expr> {
        if self.is_kw("not") {
            let start = self.advance().span;
            self.enter()?;
            let inner = self.not_expr();
            self.leave();
            let inner = inner?;
            return Ok(Expr {
                span: join(start, inner.span),
                kind: ExprKind::Not(Box::new(inner)),
            });
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Res<Expr> {
        let left = self.arith()?;
        let mut negate = false;
        let op = match self.peek() {
            Tok::Op("==") => BinOp::Eq,
            Tok::Op("!=") => BinOp::Ne,
            Tok::Op("<") => BinOp::Lt,
            Tok::Op("<=") => BinOp::Le,
            Tok::Op(">") => BinOp::Gt,
            Tok::Op(">=") => BinOp::Ge,
            Tok::Kw("is") => {
                if matches!(self.peek_at(1), Tok::Kw("not")) {
                    self.pos += 1;
                    BinOp::Ne
                } else {
                    BinOp::Eq
                }
            }
            Tok::Kw("in") => BinOp::In,
            Tok::Kw("not") if matches!(self.peek_at(1), Tok::Kw("in")) => {
                self.pos += 1;
                negate = true;
                BinOp::In
            }
            _ => return Ok(left),
        };
        self.pos += 1;
        let right = self.arith()?;
        if matches!(
            self.peek(),
            Tok::Op("==" | "!=" | "<" | "<=" | ">" | ">=") | Tok::Kw("is" | "in")
        ) || (self.is_kw("not") && matches!(self.peek_at(1), Tok::Kw("in")))
        {
            return self.err(
                "chained comparisons are not part of the Python lesson dialect",
                "join two comparisons with `and`, like `0 <= i and i < n`",
            );
        }
        let span = join(left.span, right.span);
        let test = Expr {
            kind: ExprKind::Binary(op, Box::new(left), Box::new(right)),
            span,
        };
        Ok(if negate {
            Expr {
                kind: ExprKind::Not(Box::new(test)),
                span,
            }
        } else {
            test
        })
    }

    fn arith(&mut self) -> Res<Expr> {
        self.binary_chain(&[("+", BinOp::Add), ("-", BinOp::Sub)], false, Self::term)
    }

    fn term(&mut self) -> Res<Expr> {
        if self.is_op("/") {
            // Caught below after a left operand; a leading `/` is just junk.
            return self.expected("an expression", "start the expression with a value");
        }
        let e = self.binary_chain(
            &[
                ("*", BinOp::Mul),
                ("//", BinOp::FloorDiv),
                ("%", BinOp::Mod),
            ],
            false,
            Self::factor,
        )?;
        if self.is_op("/") {
            return self.err(
                "`/` makes a float, which the Python lesson dialect lacks",
                "use `//` to divide whole numbers",
            );
        }
        for op in ["**", "<<", ">>", "&", "|", "^", "@"] {
            if self.is_op(op) {
                return self.err(
                    format!("the `{op}` operator is not part of the Python lesson dialect"),
                    "use `+`, `-`, `*`, `//` and `%`",
                );
            }
        }
        Ok(e)
    }

    fn factor(&mut self) -> Res<Expr> {
        if self.is_op("-") || self.is_op("+") {
            let neg = self.is_op("-");
            let start = self.advance().span;
            self.enter()?;
            let inner = self.factor();
            self.leave();
            let inner = inner?;
            let span = join(start, inner.span);
            if !neg {
                return Ok(Expr { span, ..inner });
            }
            if let ExprKind::Int(n) = inner.kind {
                return Ok(Expr {
                    kind: ExprKind::Int(n.wrapping_neg()),
                    span,
                });
            }
            return Ok(Expr {
                kind: ExprKind::Neg(Box::new(inner)),
                span,
            });
        }
        self.postfix()
    }

    fn postfix(&mut self) -> Res<Expr> {
        let mut e = self.atom()?;
        let mut chain = 0;
        loop {
            if self.is_op("(") {
                self.pos += 1;
                self.enter()?;
                chain += 1;
                let (args, kwargs) = self.call_args()?;
                let span = join(e.span, self.prev_span());
                e = Expr {
                    kind: ExprKind::Call {
                        func: Box::new(e),
                        args,
                        kwargs,
                    },
                    span,
                };
            } else if self.is_op("[") {
                self.pos += 1;
                self.enter()?;
                chain += 1;
                let index = self.expr()?;
                if self.is_op(":") {
                    return self.err(
                        "slices are not part of the Python lesson dialect",
                        "index one element at a time, like `items[0]`",
                    );
                }
                self.expect_op("]", "to close the index", "close the `[` with `]`")?;
                let span = join(e.span, self.prev_span());
                e = Expr {
                    kind: ExprKind::Subscript(Box::new(e), Box::new(index)),
                    span,
                };
            } else if self.is_op(".") {
                self.pos += 1;
                self.enter()?;
                chain += 1;
                let attr = self.ident(
                    "a name after `.`",
                    "write a method or attribute name, like `t.start()`",
                )?;
                let span = join(e.span, attr.span);
                e = Expr {
                    kind: ExprKind::Attr(Box::new(e), attr),
                    span,
                };
            } else {
                break;
            }
        }
        for _ in 0..chain {
            self.leave();
        }
        Ok(e)
    }

    fn call_args(&mut self) -> Res<CallArgs> {
        let mut args = Vec::new();
        let mut kwargs: Vec<(Ident, Expr)> = Vec::new();
        while !self.is_op(")") {
            if self.is_op("*") || self.is_op("**") {
                return self.err(
                    "`*` and `**` unpacking are not part of the Python lesson dialect",
                    "pass each argument by itself",
                );
            }
            if matches!(self.peek(), Tok::Name(_)) && matches!(self.peek_at(1), Tok::Op("=")) {
                let name = self.ident("an argument name", "write `name=value`")?;
                self.pos += 1;
                let value = self.expr()?;
                if kwargs.iter().any(|(k, _)| k.name == name.name) {
                    return Err(Diagnostic::new(
                        name.span,
                        format!("keyword argument `{}` is given twice", name.name),
                        "give each keyword argument once",
                    ));
                }
                kwargs.push((name, value));
            } else {
                if !kwargs.is_empty() {
                    return self.err(
                        "a positional argument cannot follow keyword arguments",
                        "put positional arguments first",
                    );
                }
                args.push(self.expr()?);
            }
            if !self.eat_op(",") {
                break;
            }
        }
        if !self.is_op(")") {
            return self.expected(
                "`,` or `)` in the argument list",
                "separate arguments with commas and close the call with `)`",
            );
        }
        self.pos += 1;
        Ok((args, kwargs))
    }

    fn atom(&mut self) -> Res<Expr> {
        let lx = self.advance();
        let span = lx.span;
        let kind = match lx.tok {
            Tok::Name(n) => ExprKind::Name(n),
            Tok::Int(n) => ExprKind::Int(n),
            Tok::Str(mut s) => {
                // Adjacent string literals join, as in Python.
                let mut span = span;
                while let Tok::Str(more) = self.peek().clone() {
                    s.push_str(&more);
                    span = join(span, self.advance().span);
                }
                return Ok(Expr {
                    kind: ExprKind::Str(s),
                    span,
                });
            }
            Tok::FStr(raw, offset) => ExprKind::FStr(self.fstring(&raw, offset)?),
            Tok::Kw("True") => ExprKind::Bool(true),
            Tok::Kw("False") => ExprKind::Bool(false),
            Tok::Kw("None") => ExprKind::None,
            Tok::Op("(") => {
                self.enter()?;
                if self.eat_op(")") {
                    self.leave();
                    return Ok(Expr {
                        kind: ExprKind::Tuple(Vec::new()),
                        span: join(span, self.prev_span()),
                    });
                }
                let first = self.expr()?;
                let kind = if self.is_op(",") {
                    let mut items = vec![first];
                    while self.eat_op(",") {
                        if self.is_op(")") {
                            break;
                        }
                        items.push(self.expr()?);
                    }
                    ExprKind::Tuple(items)
                } else {
                    first.kind
                };
                self.expect_op(")", "to close the bracket", "close every `(` with `)`")?;
                self.leave();
                return Ok(Expr {
                    kind,
                    span: join(span, self.prev_span()),
                });
            }
            Tok::Op("[") => {
                self.enter()?;
                let mut items = Vec::new();
                while !self.is_op("]") {
                    items.push(self.expr()?);
                    if !self.eat_op(",") {
                        break;
                    }
                }
                self.expect_op(
                    "]",
                    "to close the list",
                    "separate items with commas and close the list with `]`",
                )?;
                self.leave();
                ExprKind::List(items)
            }
            Tok::Op("{") => {
                self.enter()?;
                let mut entries = Vec::new();
                while !self.is_op("}") {
                    let key = self.expr()?;
                    if !self.is_op(":") {
                        return self.expected(
                            "`:` after the dict key",
                            "write entries like `{\"a\": 1}`; sets are not part of the dialect",
                        );
                    }
                    self.pos += 1;
                    let value = self.expr()?;
                    entries.push((key, value));
                    if !self.eat_op(",") {
                        break;
                    }
                }
                self.expect_op(
                    "}",
                    "to close the dict",
                    "separate entries with commas and close the dict with `}`",
                )?;
                self.leave();
                ExprKind::Dict(entries)
            }
            Tok::Kw(kw) => {
                self.pos -= 1;
                if let Some(hint) = unsupported_keyword(kw) {
                    return unsupported(span, kw, hint);
                }
                return self.expected("an expression", "a value, a name or a call goes here");
            }
            Tok::Indent => {
                self.pos -= 1;
                return self.err(
                    "unexpected indentation",
                    "only the lines of a block after `:` are indented",
                );
            }
            other => {
                self.pos -= 1;
                return self.expected_expr(&other);
            }
        };
        Ok(Expr { kind, span })
    }

    fn expected_expr<T>(&self, found: &Tok) -> Res<T> {
        let hint = match found {
            Tok::Newline | Tok::Eof | Tok::Dedent => {
                "the line ends too early: finish the expression"
            }
            _ => "a value, a name or a call goes here",
        };
        self.err(
            format!("expected an expression, found {}", describe(found)),
            hint,
        )
    }

    /// Splits an f-string's raw text into literal text and `{expression}` parts.
    fn fstring(&mut self, raw: &str, offset: usize) -> Res<Vec<FPart>> {
        let mut parts = Vec::new();
        let mut lit = String::new();
        let mut chars = raw.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '{' if chars.peek().map(|p| p.1) == Some('{') => {
                    chars.next();
                    lit.push('{');
                }
                '}' if chars.peek().map(|p| p.1) == Some('}') => {
                    chars.next();
                    lit.push('}');
                }
                '}' => {
                    return Err(Diagnostic::new(
                        self.lines.span(offset + i, offset + i + 1),
                        "single `}` in an f-string",
                        "write `}}` for a literal brace",
                    ))
                }
                '\\' => {
                    let esc = chars.next().map(|p| p.1);
                    lit.push(match esc {
                        Some('n') => '\n',
                        Some('t') => '\t',
                        Some(other) => other,
                        None => '\\',
                    });
                }
                '{' => {
                    let start = offset + i + 1;
                    let mut end = None;
                    for (j, d) in chars.by_ref() {
                        if d == '}' {
                            end = Some(offset + j);
                            break;
                        }
                    }
                    let Some(end) = end else {
                        return Err(Diagnostic::new(
                            self.lines.span(offset + i, offset + i + 1),
                            "this `{` in the f-string is never closed",
                            "close the expression with `}`, or write `{{` for a literal brace",
                        ));
                    };
                    if !lit.is_empty() {
                        parts.push(FPart::Lit(std::mem::take(&mut lit)));
                    }
                    parts.push(self.fstring_expr(start, end)?);
                }
                c => lit.push(c),
            }
        }
        if !lit.is_empty() {
            parts.push(FPart::Lit(lit));
        }
        Ok(parts)
    }

    /// Parses the expression between `{` and `}` of an f-string, with `!r` for `repr`.
    fn fstring_expr(&mut self, start: usize, end: usize) -> Res<FPart> {
        let inner = self.src.get(start..end).unwrap_or("");
        let (text_end, repr) = if let Some(bang) = inner.rfind('!') {
            if inner.get(bang..).is_some_and(|s| s.trim() == "!r") {
                (start + bang, true)
            } else if inner.get(bang..bang + 2) == Some("!=") {
                (end, false)
            } else {
                return Err(Diagnostic::new(
                    self.lines.span(start + bang, end),
                    "only `!r` may follow an f-string expression",
                    "write `{x}` or `{x!r}`",
                ));
            }
        } else {
            (end, false)
        };
        if let Some(colon) = self.src.get(start..text_end).and_then(|s| s.find(':')) {
            return Err(Diagnostic::new(
                self.lines.span(start + colon, text_end),
                "format specs (`{x:…}`) are not part of the Python lesson dialect",
                "write `{x}`",
            ));
        }
        // Lex just the expression's bytes, keeping offsets so spans stay exact.
        let sub_src = self.src.get(..text_end).unwrap_or("");
        let lexed = lexer::lex_range(sub_src, start, self.lines);
        if let Some(err) = lexed.error {
            return Err(err);
        }
        let mut sub = Parser {
            src: self.src,
            lines: self.lines,
            cursor: TokenCursor::new(lexed.tokens, NESTING_HINT),
        };
        sub.depth = self.depth;
        while matches!(sub.peek(), Tok::Newline) {
            sub.pos += 1;
        }
        if matches!(sub.peek(), Tok::Eof) {
            return Err(Diagnostic::new(
                self.lines.span(start.saturating_sub(1), end + 1),
                "empty `{}` in an f-string",
                "put a name or expression inside, like `{count}`",
            ));
        }
        let e = sub.expr()?;
        while matches!(sub.peek(), Tok::Newline | Tok::Dedent) {
            sub.pos += 1;
        }
        if !matches!(sub.peek(), Tok::Eof) {
            return sub.expected(
                "`}` after the f-string expression",
                "put one expression inside `{}`",
            );
        }
        Ok(FPart::Value(e, repr))
    }
}

/// Only names, subscripts and attribute chains can be assigned to.
fn check_target(e: &Expr) -> Res<()> {
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
