//! Recursive-descent parser for the Go lesson dialect.

mod decl;
mod expr;
mod stmt;
mod types;

use std::collections::HashSet;

use sim::ir::Span;

use super::ast::{
    BinOp, Comm, Dir, Expr, ExprKind, File, FuncDecl, Ident, Param, SelectCase, Stmt, StmtKind,
    Type, UnOp, VarSpec,
};
use super::lexer::{self, Tok};
use crate::cursor::{deref_cursor, token_kind, TokenCursor};
use crate::diagnostic::{Diagnostic, Res};
use crate::source::{join, LineIndex};

/// What the dialect supports, quoted in "not part of the dialect" errors.
pub(crate) const SUPPORTED: &str = "supported: func, type … struct, methods, var, const, :=, \
    if/else, for, defer, go, chan, select, make, close, sync.Mutex, sync.WaitGroup, map, \
    fmt.Println/Printf, time.Sleep";

/// Parses a whole file.
pub(crate) fn parse(src: &str, lines: &LineIndex<'_>) -> Res<File> {
    let lexed = lexer::lex(src, lines);
    if let Some(err) = lexed.error {
        return Err(err);
    }
    let type_names = decl::declared_type_names(&lexed.tokens);
    let mut p = Parser {
        cursor: TokenCursor::new(
            lexed.tokens,
            "split the deeply nested part into smaller functions",
        ),
        no_brace: false,
        type_names,
    };
    p.file()
}

struct Parser {
    cursor: TokenCursor<Tok>,
    /// Inside an `if`/`for` header, where `{` starts the block, not a composite literal.
    no_brace: bool,
    /// Names declared with `type`: `Name{…}` is a composite literal of one.
    type_names: HashSet<String>,
}

deref_cursor!(Parser, Tok);
token_kind!(Tok, describe);

fn describe(tok: &Tok, span: Span) -> String {
    match tok {
        Tok::Ident(n) => format!("`{n}`"),
        Tok::Kw(k) => format!("`{k}`"),
        Tok::Int(n) => format!("the number `{n}`"),
        Tok::Rune(_) => "a rune literal".into(),
        Tok::Float(x) => format!("the number `{x}`"),
        Tok::Str(_) => "a string".into(),
        Tok::Op(";") if span.start == span.end => "the end of the line".into(),
        Tok::Op(o) => format!("`{o}`"),
        Tok::Eof => "the end of the file".into(),
    }
}

fn unsupported_keyword(kw: &str) -> Option<&'static str> {
    Some(match kw {
        "switch" => "use `if` / `else if`",
        "type" => "declare types at the top level, outside functions",
        "goto" => "use `for`, `break` and `continue`",
        "fallthrough" => "use `if` / `else if`",
        "interface" => "use concrete types",
        _ => return None,
    })
}

impl Parser {
    fn ident(&mut self, what: &str, hint: &str) -> Res<Ident> {
        match self.peek().clone() {
            Tok::Ident(name) => {
                let span = self.advance().span;
                Ok(Ident { name, span })
            }
            _ => self.expected(what, hint),
        }
    }

    fn semis(&mut self) {
        while self.eat_op(";") {}
    }

    fn end_of_statement(&mut self) -> Res<()> {
        if self.eat_op(";") || self.is_op("}") || matches!(self.peek(), Tok::Eof) {
            return Ok(());
        }
        self.expected(
            "the end of the statement",
            "put each statement on its own line",
        )
    }

    fn file(&mut self) -> Res<File> {
        self.semis();
        if self.is_kw("package") {
            self.pos += 1;
            let name = self.ident("a package name", "write `package main`")?;
            if name.name != "main" {
                return Err(Diagnostic::new(
                    name.span,
                    format!(
                        "lesson programs are `package main`, not `package {}`",
                        name.name
                    ),
                    "write `package main`, or leave the line out",
                ));
            }
            self.end_of_statement()?;
        }
        self.semis();
        while self.is_kw("import") {
            self.pos += 1;
            if self.eat_op("(") {
                self.semis();
                while !self.is_op(")") {
                    self.import_path()?;
                    self.semis();
                }
                self.pos += 1;
            } else {
                self.import_path()?;
            }
            self.end_of_statement()?;
            self.semis();
        }
        let mut file = File {
            vars: Vec::new(),
            funcs: Vec::new(),
            types: Vec::new(),
        };
        loop {
            self.semis();
            match self.peek().clone() {
                Tok::Eof => break,
                Tok::Kw("func") => {
                    let f = self.func_decl()?;
                    let owner = |g: &FuncDecl| g.receiver.as_ref().map(|r| r.ty.name.clone());
                    if let Some(prev) = file
                        .funcs
                        .iter()
                        .find(|g| g.name.name == f.name.name && owner(g) == owner(&f))
                    {
                        return Err(Diagnostic::new(
                            f.name.span,
                            format!(
                                "`{}` is already defined on line {}",
                                f.name.name, prev.name.span.line
                            ),
                            "give each function its own name",
                        ));
                    }
                    file.funcs.push(f);
                }
                Tok::Kw(kw @ ("var" | "const")) => {
                    self.pos += 1;
                    let constant = kw == "const";
                    if self.eat_op("(") {
                        self.semis();
                        while !self.is_op(")") {
                            let spec = self.var_spec(constant)?;
                            file.vars.push(spec);
                            if !self.is_op(")") {
                                self.end_of_statement()?;
                            }
                            self.semis();
                        }
                        self.pos += 1;
                    } else {
                        let spec = self.var_spec(constant)?;
                        file.vars.push(spec);
                    }
                    self.end_of_statement()?;
                }
                Tok::Kw("type") => {
                    let t = self.type_decl()?;
                    if let Some(prev) = file.types.iter().find(|u| u.name.name == t.name.name) {
                        return Err(Diagnostic::new(
                            t.name.span,
                            format!(
                                "`{}` is already declared on line {}",
                                t.name.name, prev.name.span.line
                            ),
                            "give each type its own name",
                        ));
                    }
                    file.types.push(t);
                    self.end_of_statement()?;
                }
                Tok::Kw("import") => {
                    return self.err(
                        "imports must come before everything else",
                        "move the `import` up, right after `package main`",
                    )
                }
                Tok::Kw(kw) if unsupported_keyword(kw).is_some() => {
                    return self.err(
                        format!("`{kw}` is not part of the Go lesson dialect; {SUPPORTED}"),
                        unsupported_keyword(kw).unwrap_or_default(),
                    )
                }
                _ => {
                    return self.expected(
                        "`func`, `type`, `var` or `const` at the top level",
                        "statements go inside `func main() { … }`",
                    )
                }
            }
        }
        Ok(file)
    }

    fn import_path(&mut self) -> Res<()> {
        let span = self.span();
        let Tok::Str(path) = self.peek().clone() else {
            return self.expected("an import path in quotes", "write `import \"fmt\"`");
        };
        self.pos += 1;
        if !matches!(
            path.as_str(),
            "fmt" | "sync" | "sync/atomic" | "time" | "strconv"
        ) {
            return Err(Diagnostic::new(
                span,
                format!("package \"{path}\" is not part of the Go lesson dialect"),
                "the lesson dialect knows fmt, sync, sync/atomic, time and strconv",
            ));
        }
        Ok(())
    }

    fn var_spec(&mut self, constant: bool) -> Res<VarSpec> {
        let start = self.span();
        let mut names = vec![self.ident("a variable name", "write `var count int`")?];
        while self.eat_op(",") {
            names.push(self.ident("a variable name after `,`", "write `var a, b int`")?);
        }
        let ty_span = self.span();
        let ty = if self.is_op("=") {
            None
        } else {
            Some(self.ty()?)
        };
        let mut values = Vec::new();
        if self.eat_op("=") {
            values = self.expr_list()?;
            if values.len() != names.len() {
                return Err(Diagnostic::new(
                    join(start, self.prev_span()),
                    format!("{} names but {} values", names.len(), values.len()),
                    "give one value per name",
                ));
            }
        } else if constant {
            return self.expected("`=` and a value for the constant", "write `const n = 10`");
        }
        Ok(VarSpec {
            names,
            ty,
            ty_span,
            values,
            constant,
            span: join(start, self.prev_span()),
        })
    }

    fn func_decl(&mut self) -> Res<FuncDecl> {
        let start = self.advance().span;
        let receiver = if self.is_op("(") {
            Some(self.receiver()?)
        } else {
            None
        };
        let name = self.ident("a function name after `func`", "write `func main() {`")?;
        if self.is_op("[") {
            return self.err(
                "generics are not part of the Go lesson dialect",
                "write the function for one concrete type",
            );
        }
        let params = self.params()?;
        let (results, result_names) = self.result_list()?;
        let span = join(start, self.prev_span());
        if !self.is_op("{") {
            return self.expected(
                "`{` to start the function body",
                "put the `{` on the same line as `func`",
            );
        }
        let body = self.block()?;
        Ok(FuncDecl {
            name,
            params,
            results,
            result_names,
            receiver,
            body,
            span,
        })
    }
}
