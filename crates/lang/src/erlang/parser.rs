//! Recursive-descent parser for the Erlang lesson dialect.

use sim::ir::Span;

use super::ast::{BinOp, CaseClause, Clause, Expr, ExprKind, Function, Guard, Module};
use super::lexer::{self, Tok};
use crate::cursor::{deref_cursor, token_kind, TokenCursor};
use crate::diagnostic::{Diagnostic, Res};
use crate::source::{join, LineIndex};

/// What the dialect supports, quoted in "not part of the dialect" errors.
pub(crate) const SUPPORTED: &str = "supported: functions with clauses and guards, \
    case, if, receive … after, fun, spawn, !, self(), io:format";

/// Parses a whole module.
pub(crate) fn parse(src: &str, lines: &LineIndex<'_>) -> Res<Module> {
    let lexed = lexer::lex(src, lines);
    if let Some(err) = lexed.error {
        return Err(err);
    }
    let mut p = Parser {
        cursor: TokenCursor::new(
            lexed.tokens,
            "split the deeply nested part into smaller functions",
        ),
    };
    p.module()
}

struct Parser {
    cursor: TokenCursor<Tok>,
}

deref_cursor!(Parser, Tok);
token_kind!(Tok, |tok: &Tok, _| describe(tok));

fn describe(tok: &Tok) -> String {
    match tok {
        Tok::Atom(a) => format!("the atom `{a}`"),
        Tok::Var(v) => format!("the variable `{v}`"),
        Tok::Kw(k) => format!("`{k}`"),
        Tok::Int(n) => format!("the number `{n}`"),
        Tok::Str(_) => "a string".into(),
        Tok::Op(o) => format!("`{o}`"),
        Tok::Dot => "`.`".into(),
        Tok::Eof => "the end of the file".into(),
    }
}

fn unsupported_keyword(kw: &str) -> Option<&'static str> {
    Some(match kw {
        "try" | "catch" => "let the process crash; the simulator shows the reason",
        "maybe" | "cond" | "let" => "use `case`",
        "band" | "bor" | "bxor" | "bsl" | "bsr" | "bnot" => "use `+`, `-`, `*`, `div` and `rem`",
        _ => return None,
    })
}

impl Parser {
    fn module(&mut self) -> Res<Module> {
        let mut functions: Vec<Function> = Vec::new();
        let mut script = Vec::new();
        loop {
            match self.peek() {
                Tok::Eof => break,
                Tok::Op("-") if matches!(self.peek_at(1), Tok::Atom(_) | Tok::Kw(_)) => {
                    self.attribute()?
                }
                Tok::Atom(_) if self.is_function_head() => {
                    let f = self.function()?;
                    if let Some(prev) = functions
                        .iter()
                        .find(|g| g.name == f.name && g.arity == f.arity)
                    {
                        return Err(Diagnostic::new(
                            f.span,
                            format!(
                                "function {}/{} is already defined on line {}",
                                f.name, f.arity, prev.span.line
                            ),
                            "put all clauses of a function together, separated by `;`",
                        ));
                    }
                    functions.push(f);
                }
                _ => {
                    let mut exprs = self.body("expression")?;
                    if let ([only], Tok::Atom(_) | Tok::Var(_) | Tok::Int(_) | Tok::Kw(_)) =
                        (exprs.as_slice(), self.peek())
                    {
                        // `main() ok.`: a function head missing its arrow.
                        if let ExprKind::Call {
                            module: None,
                            func,
                            args,
                        } = &only.kind
                        {
                            if let (ExprKind::Atom(name), true) = (
                                &func.kind,
                                args.iter().all(|a| {
                                    matches!(a.kind, ExprKind::Var(_) | ExprKind::Wildcard)
                                }),
                            ) {
                                let shown = if args.is_empty() { "()" } else { "(…)" };
                                return self.err(
                                    format!("expected `->` after `{name}{shown}` to define a function, or `.` to end the expression"),
                                    "a function clause is `name(Args) -> Body.`",
                                );
                            }
                        }
                    }
                    self.end_form("the expression")?;
                    script.append(&mut exprs);
                }
            }
        }
        Ok(Module { functions, script })
    }

    fn end_form(&mut self, what: &str) -> Res<()> {
        match self.peek() {
            Tok::Dot => {
                self.pos += 1;
                Ok(())
            }
            Tok::Op(";") => self.err(
                format!("expected `.` after {what}, found `;`"),
                "`;` separates clauses of one function; end the last clause with `.`",
            ),
            _ => self.expected(
                &format!("`,` or `.` after {what}"),
                "separate expressions with `,` and end the form with `.`",
            ),
        }
    }

    /// `name(` … `)` followed by `->` or `when`: a function definition, not a call.
    fn is_function_head(&self) -> bool {
        if !matches!(self.peek_at(1), Tok::Op("(")) {
            return false;
        }
        let mut depth = 0usize;
        let mut i = self.pos + 1;
        while let Some(lx) = self.toks.get(i) {
            match &lx.tok {
                Tok::Op("(" | "[" | "{") => depth += 1,
                Tok::Op(")" | "]" | "}") => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return matches!(
                            self.toks.get(i + 1).map(|l| &l.tok),
                            Some(Tok::Op("->") | Tok::Kw("when"))
                        );
                    }
                }
                Tok::Dot | Tok::Eof => return false,
                _ => {}
            }
            i += 1;
        }
        false
    }

    fn attribute(&mut self) -> Res<()> {
        let start = self.advance().span;
        let name = match self.advance().tok {
            Tok::Atom(a) => a,
            Tok::Kw(k) => k.to_string(),
            _ => String::new(),
        };
        match name.as_str() {
            "module" | "export" | "compile" | "author" | "vsn" | "spec" | "type" | "import"
            | "export_type" | "behaviour" | "behavior" | "moduledoc" | "doc" => {}
            "record" | "define" | "include" | "include_lib" | "ifdef" | "ifndef" | "undef" => {
                return Err(Diagnostic::new(
                    join(start, self.prev_span()),
                    format!("`-{name}` is not part of the Erlang lesson dialect; {SUPPORTED}"),
                    if name == "record" {
                        "use tuples like `{point, X, Y}`"
                    } else {
                        "write values out in full; macros and includes are not supported"
                    },
                ));
            }
            _ => {
                return Err(Diagnostic::new(
                    join(start, self.prev_span()),
                    format!("unknown attribute `-{name}`"),
                    "the lesson dialect accepts `-module(name).` and `-export([…]).`",
                ))
            }
        }
        // The attribute's contents are ignored; skip to its `.` with brackets balanced.
        loop {
            match self.peek() {
                Tok::Dot => {
                    self.pos += 1;
                    return Ok(());
                }
                Tok::Eof => {
                    return self.expected(
                        "`.` to end the attribute",
                        "end attributes with `.`, like `-module(counter).`",
                    )
                }
                _ => self.pos += 1,
            }
        }
    }

    fn function(&mut self) -> Res<Function> {
        let name_span = self.span();
        let Tok::Atom(name) = self.peek().clone() else {
            return self.expected("a function name", "write `name(Args) -> Body.`");
        };
        let mut clauses = Vec::new();
        loop {
            let clause_start = self.span();
            match self.peek().clone() {
                Tok::Atom(n) if n == name => {
                    self.pos += 1;
                }
                Tok::Atom(other) => {
                    return self.err(
                        format!(
                            "expected another clause of `{name}`, found `{other}`"
                        ),
                        format!(
                            "end `{name}` with `.` before defining `{other}`; `;` separates clauses of one function"
                        ),
                    )
                }
                _ => {
                    return self.expected(
                        &format!("another clause of `{name}`"),
                        "`;` separates clauses of one function; end the last one with `.`",
                    )
                }
            }
            let clause = self.clause_rest(clause_start, "function")?;
            if let Some(first) = clauses.first() {
                let first: &Clause = first;
                if first.params.len() != clause.params.len() {
                    return Err(Diagnostic::new(
                        clause.span,
                        format!(
                            "this clause of `{name}` has {} parameters, the first has {}",
                            clause.params.len(),
                            first.params.len()
                        ),
                        "end the function with `.` before defining one with a different number of parameters",
                    ));
                }
            }
            clauses.push(clause);
            match self.peek() {
                Tok::Op(";") => {
                    self.pos += 1;
                }
                Tok::Dot => {
                    self.pos += 1;
                    break;
                }
                Tok::Eof => {
                    return self.expected(
                        &format!("`.` to end `{name}`"),
                        "end every function with `.`",
                    )
                }
                _ => {
                    return self.expected(
                        "`,`, `;` or `.` after the expression",
                        "`,` separates expressions, `;` clauses, and `.` ends the function",
                    )
                }
            }
        }
        let arity = clauses.first().map_or(0, |c| c.params.len());
        Ok(Function {
            name,
            arity,
            clauses,
            span: name_span,
        })
    }

    /// `(Params) [when Guard] -> Body`, after the name (or `fun`).
    fn clause_rest(&mut self, start: Span, what: &str) -> Res<Clause> {
        self.expect_op(
            "(",
            &format!("to start the {what}'s parameters"),
            "write the parameters in brackets, like `loop(N) ->`",
        )?;
        let mut params = Vec::new();
        while !self.is_op(")") {
            params.push(self.expr()?);
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op(
            ")",
            "to close the parameters",
            "separate parameters with `,` and close with `)`",
        )?;
        let guard = self.guard()?;
        let head = join(start, self.prev_span());
        if !self.is_op("->") {
            return self.expected("`->` after the clause head", "write `name(Args) -> Body`");
        }
        self.pos += 1;
        let body = self.body("clause body")?;
        Ok(Clause {
            params,
            guard,
            body,
            span: head,
        })
    }

    /// `when G1, G2; G3` or nothing.
    fn guard(&mut self) -> Res<Guard> {
        if !self.is_kw("when") {
            return Ok(Vec::new());
        }
        self.pos += 1;
        let mut alts = Vec::new();
        loop {
            let mut conj = vec![self.expr()?];
            while self.eat_op(",") {
                conj.push(self.expr()?);
            }
            alts.push(conj);
            if !self.eat_op(";") {
                break;
            }
        }
        Ok(alts)
    }

    /// Expressions separated by `,`.
    fn body(&mut self, what: &str) -> Res<Vec<Expr>> {
        let mut out = Vec::new();
        if matches!(self.peek(), Tok::Dot | Tok::Eof) || self.is_op(";") || self.is_kw("end") {
            return self.expected(
                &format!("an expression for the {what}"),
                "a body needs at least one expression, like `ok`",
            );
        }
        loop {
            out.push(self.expr()?);
            if !self.eat_op(",") {
                break;
            }
        }
        Ok(out)
    }

    fn expr(&mut self) -> Res<Expr> {
        self.enter()?;
        let res = self.match_expr();
        self.leave();
        res
    }

    fn match_expr(&mut self) -> Res<Expr> {
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
    fn binary_op(&self) -> Option<(u8, BinOp)> {
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
    fn binary(&mut self, min_prec: u8) -> Res<Expr> {
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

    fn unary(&mut self) -> Res<Expr> {
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

    fn postfix(&mut self) -> Res<Expr> {
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
        if self.is_op("#") {
            return self.err(
                format!("records are not part of the Erlang lesson dialect; {SUPPORTED}"),
                "use tuples like `{point, X, Y}`",
            );
        }
        Ok(e)
    }

    fn args(&mut self) -> Res<Vec<Expr>> {
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

    fn primary(&mut self) -> Res<Expr> {
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
                    if self.is_op("||") {
                        return self.err(
                            format!("list comprehensions are not part of the Erlang lesson dialect; {SUPPORTED}"),
                            "write a recursive function over the list",
                        );
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
            Tok::Op("#") => {
                self.pos -= 1;
                return self.err(
                    format!(
                        "maps and records are not part of the Erlang lesson dialect; {SUPPORTED}"
                    ),
                    "use tuples and lists",
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

    fn close_end(&mut self, what: &str, start: Span) -> Res<()> {
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

    fn case_clauses(&mut self, what: &str, start: Span) -> Res<Vec<CaseClause>> {
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

    fn receive(&mut self, start: Span) -> Res<Expr> {
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

    fn fun(&mut self, start: Span) -> Res<Expr> {
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

    fn fun_ref(&mut self, start: Span) -> Res<Expr> {
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
