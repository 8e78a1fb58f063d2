//! Recursive-descent parser for the Go lesson dialect.

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
pub(crate) const SUPPORTED: &str = "supported: func, var, const, :=, if/else, for, \
    go, chan, select, make, close, sync.Mutex, sync.WaitGroup, map, fmt.Println/Printf, time.Sleep";

/// Parses a whole file.
pub(crate) fn parse(src: &str, lines: &LineIndex<'_>) -> Res<File> {
    let lexed = lexer::lex(src, lines);
    if let Some(err) = lexed.error {
        return Err(err);
    }
    let mut p = Parser {
        cursor: TokenCursor::new(
            lexed.tokens,
            "split the deeply nested part into smaller functions",
        ),
        no_brace: false,
    };
    p.file()
}

struct Parser {
    cursor: TokenCursor<Tok>,
    /// Inside an `if`/`for` header, where `{` starts the block, not a composite literal.
    no_brace: bool,
}

deref_cursor!(Parser, Tok);
token_kind!(Tok, describe);

fn describe(tok: &Tok, span: Span) -> String {
    match tok {
        Tok::Ident(n) => format!("`{n}`"),
        Tok::Kw(k) => format!("`{k}`"),
        Tok::Int(n) => format!("the number `{n}`"),
        Tok::Str(_) => "a string".into(),
        Tok::Op(";") if span.start == span.end => "the end of the line".into(),
        Tok::Op(o) => format!("`{o}`"),
        Tok::Eof => "the end of the file".into(),
    }
}

fn unsupported_keyword(kw: &str) -> Option<&'static str> {
    Some(match kw {
        "defer" => "call wg.Done() or mu.Unlock() at the end of the function instead",
        "switch" => "use `if` / `else if`",
        "type" => "use the built-in types, channels and maps",
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
        };
        loop {
            self.semis();
            match self.peek().clone() {
                Tok::Eof => break,
                Tok::Kw("func") => {
                    let f = self.func_decl()?;
                    if let Some(prev) = file.funcs.iter().find(|g| g.name.name == f.name.name) {
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
                        "`func`, `var` or `const` at the top level",
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
        if !matches!(path.as_str(), "fmt" | "sync" | "time" | "strconv") {
            return Err(Diagnostic::new(
                span,
                format!("package \"{path}\" is not part of the Go lesson dialect"),
                "the lesson dialect knows fmt, sync, time and strconv",
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

    fn ty(&mut self) -> Res<Type> {
        self.enter()?;
        let res = self.ty_inner();
        self.leave();
        res
    }

    fn ty_inner(&mut self) -> Res<Type> {
        match self.peek().clone() {
            Tok::Ident(name) => {
                self.pos += 1;
                if self.eat_op(".") {
                    let sel = self.ident("a type name after `.`", "write `sync.Mutex`")?;
                    return Ok(Type::Qualified(name, sel.name));
                }
                Ok(Type::Named(name))
            }
            Tok::Kw("chan") => {
                self.pos += 1;
                let dir = if self.eat_op("<-") {
                    Dir::Send
                } else {
                    Dir::Both
                };
                Ok(Type::Chan(dir, Box::new(self.ty()?)))
            }
            Tok::Op("<-") => {
                self.pos += 1;
                if !self.is_kw("chan") {
                    return self.expected("`chan` after `<-`", "write `<-chan int`");
                }
                self.pos += 1;
                Ok(Type::Chan(Dir::Recv, Box::new(self.ty()?)))
            }
            Tok::Kw("map") => {
                self.pos += 1;
                self.expect_op("[", "after `map`", "write `map[string]int`")?;
                let k = self.ty()?;
                self.expect_op("]", "after the key type", "write `map[string]int`")?;
                let v = self.ty()?;
                Ok(Type::Map(Box::new(k), Box::new(v)))
            }
            Tok::Op("[") => {
                self.pos += 1;
                if !self.is_op("]") {
                    return self.err(
                        "arrays are not part of the Go lesson dialect",
                        "use a slice `[]int` or a map",
                    );
                }
                self.pos += 1;
                Ok(Type::Slice(Box::new(self.ty()?)))
            }
            Tok::Op("*") => {
                self.pos += 1;
                Ok(Type::Pointer(Box::new(self.ty()?)))
            }
            Tok::Kw("func") => {
                self.pos += 1;
                let params = self.params()?;
                let results = self.results()?;
                Ok(Type::Func(
                    params.into_iter().map(|p| p.ty).collect(),
                    results,
                ))
            }
            Tok::Kw("struct") => {
                self.pos += 1;
                self.expect_op("{", "after `struct`", "write `struct{}`")?;
                self.semis();
                if !self.is_op("}") {
                    return self.err(
                        format!("structs with fields are not part of the Go lesson dialect; {SUPPORTED}"),
                        "use `struct{}` as a signal, or separate variables",
                    );
                }
                self.pos += 1;
                Ok(Type::EmptyStruct)
            }
            Tok::Kw("interface") => {
                self.pos += 1;
                if self.eat_op("{") && self.eat_op("}") {
                    return Ok(Type::Named("any".into()));
                }
                self.err(
                    format!("interfaces are not part of the Go lesson dialect; {SUPPORTED}"),
                    "use concrete types",
                )
            }
            _ => self.expected(
                "a type",
                "write a type like `int`, `chan int` or `map[string]int`",
            ),
        }
    }

    /// `(a int, b, c chan int)`: Go lets names share a type.
    fn params(&mut self) -> Res<Vec<Param>> {
        self.expect_op("(", "to start the parameters", "write `func name(x int)`")?;
        let mut params = Vec::new();
        let mut pending: Vec<Ident> = Vec::new();
        while !self.is_op(")") {
            // A parameter is `name Type`, or just `Type` in a func type.
            if let Tok::Ident(_) = self.peek() {
                let next = self.peek_at(1).clone();
                if matches!(next, Tok::Op("," | ")")) {
                    let id = self.ident("a parameter name", "")?;
                    pending.push(id);
                    if !self.eat_op(",") {
                        break;
                    }
                    continue;
                }
                if !matches!(next, Tok::Op(".")) {
                    let id = self.ident("a parameter name", "")?;
                    if self.is_op("...") {
                        return self.err(
                            "variadic parameters are not part of the Go lesson dialect",
                            "pass a slice instead",
                        );
                    }
                    let ty = self.ty()?;
                    for p in pending.drain(..) {
                        params.push(Param {
                            name: p,
                            ty: ty.clone(),
                        });
                    }
                    params.push(Param { name: id, ty });
                    if !self.eat_op(",") {
                        break;
                    }
                    continue;
                }
            }
            let span = self.span();
            let ty = self.ty()?;
            params.push(Param {
                name: Ident {
                    name: "_".into(),
                    span,
                },
                ty,
            });
            if !self.eat_op(",") {
                break;
            }
        }
        // Names without a type were types all along (`func(int, string)`).
        for p in pending {
            params.push(Param {
                ty: Type::Named(p.name.clone()),
                name: Ident {
                    name: "_".into(),
                    span: p.span,
                },
            });
        }
        self.expect_op(
            ")",
            "to close the parameters",
            "separate parameters with `,` and close with `)`",
        )?;
        Ok(params)
    }

    fn results(&mut self) -> Res<Vec<Type>> {
        if self.is_op("{") || self.is_op(";") || self.is_op(")") || self.is_op(",") {
            return Ok(Vec::new());
        }
        if self.eat_op("(") {
            let mut out = Vec::new();
            while !self.is_op(")") {
                if matches!(self.peek(), Tok::Ident(_))
                    && !matches!(self.peek_at(1), Tok::Op("," | ")" | "."))
                {
                    return self.err(
                        "named results are not part of the Go lesson dialect",
                        "list the result types only, like `(int, bool)`",
                    );
                }
                out.push(self.ty()?);
                if !self.eat_op(",") {
                    break;
                }
            }
            self.expect_op(")", "to close the results", "close the results with `)`")?;
            return Ok(out);
        }
        Ok(vec![self.ty()?])
    }

    fn func_decl(&mut self) -> Res<FuncDecl> {
        let start = self.advance().span;
        if self.is_op("(") {
            return self.err(
                format!("methods are not part of the Go lesson dialect; {SUPPORTED}"),
                "write a plain function that takes the value as a parameter",
            );
        }
        let name = self.ident("a function name after `func`", "write `func main() {`")?;
        if self.is_op("[") {
            return self.err(
                "generics are not part of the Go lesson dialect",
                "write the function for one concrete type",
            );
        }
        let params = self.params()?;
        let results = self.results()?;
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
            body,
            span,
        })
    }

    fn block(&mut self) -> Res<Vec<Stmt>> {
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

    fn stmt(&mut self) -> Res<Stmt> {
        self.enter()?;
        let res = self.stmt_inner();
        self.leave();
        res
    }

    fn stmt_inner(&mut self) -> Res<Stmt> {
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
    fn simple_stmt(&mut self) -> Res<Stmt> {
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

    fn header<T>(&mut self, f: impl FnOnce(&mut Self) -> Res<T>) -> Res<T> {
        let saved = self.no_brace;
        self.no_brace = true;
        let res = f(self);
        self.no_brace = saved;
        res
    }

    fn if_stmt(&mut self) -> Res<Stmt> {
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

    fn for_stmt(&mut self) -> Res<Stmt> {
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

    fn select_stmt(&mut self) -> Res<Stmt> {
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

    fn comm(&mut self) -> Res<Comm> {
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

    fn expr_list(&mut self) -> Res<Vec<Expr>> {
        let mut out = vec![self.expr()?];
        while self.eat_op(",") {
            out.push(self.expr()?);
        }
        Ok(out)
    }

    fn expr(&mut self) -> Res<Expr> {
        self.enter()?;
        let res = self.binary(1);
        self.leave();
        res
    }

    fn binary(&mut self, prec: u8) -> Res<Expr> {
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

    fn unary(&mut self) -> Res<Expr> {
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

    fn primary(&mut self) -> Res<Expr> {
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
                        kind: ExprKind::Composite(ty, Vec::new()),
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
                if !self.is_op("{") {
                    return self.expected(
                        "`{` after the type",
                        "write a literal like `[]int{1, 2}` or `map[string]int{}`",
                    );
                }
                self.composite(ty, start)?
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
                    args.push(self.expr()?);
                    if self.is_op("...") {
                        return self.err(
                            "`...` is not part of the Go lesson dialect",
                            "pass the values one by one",
                        );
                    }
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
                let index = self.expr()?;
                self.no_brace = saved;
                if self.is_op(":") {
                    return self.err(
                        "slicing is not part of the Go lesson dialect",
                        "index one element at a time",
                    );
                }
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
            } else if self.is_op("{") && !self.no_brace && is_type_like(&e) {
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
    fn semis_in_parens(&mut self) {
        while self.is_op(";") && self.span().start == self.span().end {
            self.pos += 1;
        }
    }

    fn composite(&mut self, ty: Type, start: Span) -> Res<Expr> {
        self.expect_op("{", "", "")?;
        self.enter()?;
        let saved = self.no_brace;
        self.no_brace = false;
        let mut elems = Vec::new();
        self.semis_in_parens();
        while !self.is_op("}") {
            let first = self.expr()?;
            if self.eat_op(":") {
                let value = self.expr()?;
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

    fn make(&mut self, start: Span) -> Res<Expr> {
        self.expect_op("(", "", "")?;
        let ty = self.ty()?;
        let size = if self.eat_op(",") {
            Some(Box::new(self.expr()?))
        } else {
            None
        };
        if self.is_op(",") {
            return self.err(
                "`make` takes a type and at most one size here",
                "write `make(chan int, 3)`",
            );
        }
        self.expect_op(")", "to close `make`", "write `make(chan int)`")?;
        Ok(Expr {
            kind: ExprKind::Make(ty, size),
            span: join(start, self.prev_span()),
        })
    }
}

fn single(mut list: Vec<Expr>, op: &str) -> Res<Expr> {
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

/// `sync.Mutex` or `T` followed by `{` may start a composite literal.
fn is_type_like(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Selector(base, _) => matches!(&base.kind, ExprKind::Ident(p) if p == "sync"),
        _ => false,
    }
}

fn type_of_expr(e: &Expr) -> Type {
    match &e.kind {
        ExprKind::Selector(base, name) => match &base.kind {
            ExprKind::Ident(p) => Type::Qualified(p.clone(), name.name.clone()),
            _ => Type::Named(name.name.clone()),
        },
        ExprKind::Ident(n) => Type::Named(n.clone()),
        _ => Type::Named(String::new()),
    }
}
