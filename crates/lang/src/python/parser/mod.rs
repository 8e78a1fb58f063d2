//! Recursive-descent parser for the Python lesson dialect.

mod comp;
mod expr;
mod stmt;

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
        Tok::Float(x) => format!("the number `{x}`"),
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
}
