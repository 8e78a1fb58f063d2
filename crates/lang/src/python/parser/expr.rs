//! Expressions: operators by precedence, calls, atoms and f-strings.

use super::*;
use crate::python::ast::CompKind;

impl Parser<'_> {
    /// `a, b` makes a tuple; a single expression stays itself.
    pub(super) fn testlist(&mut self) -> Res<Expr> {
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

    pub(super) fn ends_testlist(&self) -> bool {
        matches!(self.peek(), Tok::Newline | Tok::Eof | Tok::Dedent)
            || self.is_op("=")
            || self.is_op(")")
            || self.is_op(";")
            || self.aug_op().is_some()
    }

    /// A full expression (no bare tuple).
    pub(super) fn expr(&mut self) -> Res<Expr> {
        self.enter()?;
        let res = self.or_expr();
        self.leave();
        if self.is_kw("if") {
            return self.err(
                "conditional expressions (`a if c else b`) are not part of the Python lesson dialect",
                "use an `if` statement",
            );
        }
        // A `for` after an expression starts a comprehension; the bracket that holds it
        // reads the clauses (see `comp`), and anywhere else the caller reports what it expected.
        res
    }

    pub(super) fn binary_chain(
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

    pub(super) fn or_expr(&mut self) -> Res<Expr> {
        self.binary_chain(&[("or", BinOp::Or)], true, Self::and_expr)
    }

    pub(super) fn and_expr(&mut self) -> Res<Expr> {
        self.binary_chain(&[("and", BinOp::And)], true, Self::not_expr)
    }

    pub(super) fn not_expr(&mut self) -> Res<Expr> {
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

    pub(super) fn comparison(&mut self) -> Res<Expr> {
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

    pub(super) fn arith(&mut self) -> Res<Expr> {
        self.binary_chain(&[("+", BinOp::Add), ("-", BinOp::Sub)], false, Self::term)
    }

    pub(super) fn term(&mut self) -> Res<Expr> {
        if self.is_op("/") {
            // Caught below after a left operand; a leading `/` is just junk.
            return self.expected("an expression", "start the expression with a value");
        }
        let e = self.binary_chain(
            &[
                ("*", BinOp::Mul),
                ("/", BinOp::Div),
                ("//", BinOp::FloorDiv),
                ("%", BinOp::Mod),
            ],
            false,
            Self::factor,
        )?;
        for op in ["**", "<<", ">>", "&", "|", "^", "@"] {
            if self.is_op(op) {
                return self.err(
                    format!("the `{op}` operator is not part of the Python lesson dialect"),
                    "use `+`, `-`, `*`, `/`, `//` and `%`",
                );
            }
        }
        Ok(e)
    }

    pub(super) fn factor(&mut self) -> Res<Expr> {
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

    pub(super) fn postfix(&mut self) -> Res<Expr> {
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

    pub(super) fn call_args(&mut self) -> Res<CallArgs> {
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
                let arg = self.expr()?;
                if self.is_kw("for") {
                    // `sum(x * x for x in xs)`: a generator expression needs no brackets of its
                    // own when it is the only argument.
                    let start = arg.span;
                    let comp = self.comprehension(CompKind::Gen, arg, None)?;
                    let arg = self.comp_expr(comp, start);
                    if !args.is_empty() || !kwargs.is_empty() || self.is_op(",") {
                        return Err(Diagnostic::new(
                            arg.span,
                            "a generator expression must be the only argument unless it has its own brackets",
                            "write `f((x for x in xs), other)` or pass a list comprehension `[x for x in xs]`",
                        ));
                    }
                    args.push(arg);
                    break;
                }
                args.push(arg);
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

    pub(super) fn atom(&mut self) -> Res<Expr> {
        let lx = self.advance();
        let span = lx.span;
        let kind = match lx.tok {
            Tok::Name(n) => ExprKind::Name(n),
            Tok::Int(n) => ExprKind::Int(n),
            Tok::Float(x) => ExprKind::Float(x),
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
                if self.is_kw("for") {
                    let comp = self.comprehension(CompKind::Gen, first, None)?;
                    self.expect_op(
                        ")",
                        "to close the generator expression",
                        "close it with `)`",
                    )?;
                    self.leave();
                    return Ok(self.comp_expr(comp, span));
                }
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
                    let item = self.expr()?;
                    if items.is_empty() && self.is_kw("for") {
                        let comp = self.comprehension(CompKind::List, item, None)?;
                        self.expect_op(
                            "]",
                            "to close the list comprehension",
                            "close it with `]`",
                        )?;
                        self.leave();
                        return Ok(self.comp_expr(comp, span));
                    }
                    items.push(item);
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
                    if entries.is_empty() && self.is_kw("for") {
                        return Err(Diagnostic::new(
                            key.span,
                            "set comprehensions are not part of the Python lesson dialect: it has no sets",
                            "build a dict `{x: True for x in xs}` or a list `[x for x in xs]` instead",
                        ));
                    }
                    if !self.is_op(":") {
                        return self.expected(
                            "`:` after the dict key",
                            "write entries like `{\"a\": 1}`; sets are not part of the dialect",
                        );
                    }
                    self.pos += 1;
                    let value = self.expr()?;
                    if entries.is_empty() && self.is_kw("for") {
                        let comp = self.comprehension(CompKind::Dict, key, Some(value))?;
                        self.expect_op(
                            "}",
                            "to close the dict comprehension",
                            "close it with `}`",
                        )?;
                        self.leave();
                        return Ok(self.comp_expr(comp, span));
                    }
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

    pub(super) fn expected_expr<T>(&self, found: &Tok) -> Res<T> {
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
    pub(super) fn fstring(&mut self, raw: &str, offset: usize) -> Res<Vec<FPart>> {
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
    pub(super) fn fstring_expr(&mut self, start: usize, end: usize) -> Res<FPart> {
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
