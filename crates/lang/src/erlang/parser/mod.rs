//! Recursive-descent parser for the Erlang lesson dialect.

mod expr;
mod forms;
mod macros;
mod maps;
mod records;

use sim::ir::Span;

use super::ast::{
    BinOp, CaseClause, Clause, Expr, ExprKind, Function, Guard, MapEntry, Module, RecordDef,
};
use super::lexer::{self, Tok};
use crate::cursor::{deref_cursor, token_kind, TokenCursor};
use crate::diagnostic::{Diagnostic, Res};
use crate::source::{join, LineIndex};

/// What the dialect supports, quoted in "not part of the dialect" errors.
pub(crate) const SUPPORTED: &str = "supported: functions with clauses and guards, \
    case, if, receive … after, try … catch, fun, list comprehensions, spawn, !, self(), \
    io:format, -define macros";

/// Parses a whole module.
pub(crate) fn parse(src: &str, lines: &LineIndex<'_>) -> Res<Module> {
    let lexed = lexer::lex(src, lines);
    if let Some(err) = lexed.error {
        return Err(err);
    }
    let tokens = macros::expand(lexed.tokens)?;
    let mut p = Parser {
        cursor: TokenCursor::new(
            tokens,
            "split the deeply nested part into smaller functions",
        ),
        name: None,
        exports: Vec::new(),
        imports: Vec::new(),
        records: Vec::new(),
    };
    p.module()
}

struct Parser {
    cursor: TokenCursor<Tok>,
    /// The module's name from `-module`, once read.
    name: Option<String>,
    /// Exported functions from `-export`, as read so far.
    exports: Vec<(String, usize)>,
    /// Imported functions from `-import`, as read so far.
    imports: Vec<(String, String, usize)>,
    /// Records defined so far.
    records: Vec<RecordDef>,
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
        "maybe" | "cond" | "let" => "use `case`",
        "band" | "bor" | "bxor" | "bsl" | "bsr" | "bnot" => "use `+`, `-`, `*`, `div` and `rem`",
        _ => return None,
    })
}

impl Parser {
    fn module(&mut self) -> Res<Module> {
        let mut functions: Vec<Function> = Vec::new();
        // Where each name/arity was defined, so a long module is checked in linear time.
        let mut defined: std::collections::HashMap<(String, usize), u32> =
            std::collections::HashMap::new();
        let mut script = Vec::new();
        loop {
            match self.peek() {
                Tok::Eof => break,
                Tok::Op("-") if matches!(self.peek_at(1), Tok::Atom(_) | Tok::Kw(_)) => {
                    self.attribute()?
                }
                Tok::Atom(_) if self.is_function_head() => {
                    let f = self.function()?;
                    if let Some(line) = defined.get(&(f.name.clone(), f.arity)) {
                        return Err(Diagnostic::new(
                            f.span,
                            format!(
                                "function {}/{} is already defined on line {line}",
                                f.name, f.arity
                            ),
                            "put all clauses of a function together, separated by `;`",
                        ));
                    }
                    defined.insert((f.name.clone(), f.arity), f.span.line);
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
        Ok(Module {
            functions,
            script,
            name: self.name.take(),
            exports: std::mem::take(&mut self.exports),
            imports: std::mem::take(&mut self.imports),
            records: std::mem::take(&mut self.records),
        })
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
            "record" => return self.record_def(start),
            "include" | "include_lib" | "ifdef" | "ifndef" | "undef" => {
                return Err(Diagnostic::new(
                    join(start, self.prev_span()),
                    format!("`-{name}` is not part of the Erlang lesson dialect; {SUPPORTED}"),
                    "write values out in full; includes and conditional compilation are not supported",
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
        // Only the module's name and its exports matter; the rest is skipped to the `.`.
        let body_start = self.pos;
        loop {
            match self.peek() {
                Tok::Dot => {
                    let body: Vec<Tok> = (body_start..self.pos)
                        .filter_map(|i| self.toks.get(i).map(|l| l.tok.clone()))
                        .collect();
                    self.pos += 1;
                    self.note_attribute(&name, &body);
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

    /// Records what `-module` and `-export` say; `body` is the attribute's tokens.
    fn note_attribute(&mut self, name: &str, body: &[Tok]) {
        match name {
            "module" => {
                if let Some(Tok::Atom(m)) = body.get(1) {
                    self.name = Some(m.clone());
                }
            }
            "export" => {
                for w in body.windows(3) {
                    if let [Tok::Atom(f), Tok::Op("/"), Tok::Int(a)] = w {
                        self.exports.push((f.clone(), *a as usize));
                    }
                }
            }
            "import" => {
                if let Some(Tok::Atom(m)) = body.get(1) {
                    for w in body.windows(3) {
                        if let [Tok::Atom(f), Tok::Op("/"), Tok::Int(a)] = w {
                            if f != m {
                                self.imports.push((m.clone(), f.clone(), *a as usize));
                            }
                        }
                    }
                }
            }
            _ => {}
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
}
