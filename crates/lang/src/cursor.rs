//! What the three dialects share between lexing and parsing: the lexer's output
//! ([`Lexeme`], [`Lexed`]) and the parsers' token cursor ([`TokenCursor`]).

use sim::ir::Span;

use crate::diagnostic::{Diagnostic, Res};
use crate::scan::Cursor;
use crate::source::LineIndex;
use crate::token::{Token, TokenClass};
use crate::MAX_NESTING;

/// What the shared cursor needs to know about a dialect's token type.
pub(crate) trait TokenKind: Clone + 'static {
    /// The end-of-input token, returned when peeking past the last token.
    fn eof() -> &'static Self;

    /// The operator or punctuation mark this token is, if it is one.
    fn op(&self) -> Option<&'static str>;

    /// The reserved word this token is, if it is one.
    fn kw(&self) -> Option<&'static str>;

    /// How the token reads in "found …" messages; `span` is where it is.
    fn describe(&self, span: Span) -> String;
}

/// A token and where it is.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Lexeme<T> {
    /// What it is.
    pub tok: T,
    /// Where it is.
    pub span: Span,
}

/// The result of lexing: tokens end with `Eof`; `error` is the first problem found.
#[derive(Clone, Debug)]
pub(crate) struct Lexed<T> {
    /// The tokens.
    pub tokens: Vec<Lexeme<T>>,
    /// Colours for display, including comments and unreadable text.
    pub highlights: Vec<Token>,
    /// The first lexical error, if any.
    pub error: Option<Diagnostic>,
}

impl<T> Default for Lexed<T> {
    fn default() -> Self {
        Lexed {
            tokens: Vec::new(),
            highlights: Vec::new(),
            error: None,
        }
    }
}

impl<T> Lexed<T> {
    /// Records a token, coloured as `class` if it has one.
    pub(crate) fn push(&mut self, tok: T, span: Span, class: Option<TokenClass>) {
        if let Some(class) = class {
            self.highlights.push(Token { span, class });
        }
        self.tokens.push(Lexeme { tok, span });
    }

    /// Marks `span` as unreadable and keeps the first error.
    pub(crate) fn error(&mut self, span: Span, message: String, hint: &str) {
        self.highlights.push(Token {
            span,
            class: TokenClass::Invalid,
        });
        if self.error.is_none() {
            self.error = Some(Diagnostic::new(span, message, hint));
        }
    }
}

/// Characters that group or separate rather than compute, coloured as punctuation.
const PUNCTUATION: [&str; 10] = ["(", ")", "{", "}", "[", "]", ",", ";", ".", ":"];

impl<T> Lexed<T> {
    /// Reads the first of `operators` (longest first) that starts at `cur` as
    /// `op(…)`, or reports `c` as a character `dialect` has no use for. `start`
    /// is where the token began; `lines` turns offsets into spans.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn operator(
        &mut self,
        cur: &mut Cursor<'_>,
        lines: &LineIndex<'_>,
        start: usize,
        c: char,
        operators: &[&'static str],
        op: impl Fn(&'static str) -> T,
        dialect: &str,
    ) {
        let rest = cur.rest();
        match operators.iter().find(|o| rest.starts_with(**o)) {
            Some(o) => {
                cur.eat_str(o);
                let class = if PUNCTUATION.contains(o) {
                    TokenClass::Punctuation
                } else {
                    TokenClass::Operator
                };
                self.push(op(o), lines.span(start, cur.pos()), Some(class));
            }
            None => {
                cur.bump();
                self.error(
                    lines.span(start, cur.pos()),
                    format!("unexpected character `{c}`"),
                    &format!(
                        "remove it; only {dialect}'s own operators and brackets may appear here"
                    ),
                );
            }
        }
    }
}

/// A position in a token list, with the helpers every recursive-descent parser needs.
/// Parsers deref to it.
pub(crate) struct TokenCursor<T> {
    /// The tokens.
    pub toks: Vec<Lexeme<T>>,
    /// Index of the next token.
    pub pos: usize,
    /// How deeply the parser is nested (see [`TokenCursor::enter`]).
    pub depth: usize,
    /// The hint on the "nested too deeply" error.
    nesting_hint: &'static str,
}

impl<T: TokenKind> TokenCursor<T> {
    /// A cursor at the first of `toks`; `nesting_hint` goes on the "nested too deeply" error.
    pub(crate) fn new(toks: Vec<Lexeme<T>>, nesting_hint: &'static str) -> Self {
        TokenCursor {
            toks,
            pos: 0,
            depth: 0,
            nesting_hint,
        }
    }

    /// The next token (`Eof` past the end).
    pub(crate) fn peek(&self) -> &T {
        self.toks.get(self.pos).map_or(T::eof(), |l| &l.tok)
    }

    /// The token `n` after the next one (`Eof` past the end).
    pub(crate) fn peek_at(&self, n: usize) -> &T {
        self.toks.get(self.pos + n).map_or(T::eof(), |l| &l.tok)
    }

    /// Where the next token is (the last token's span past the end).
    pub(crate) fn span(&self) -> Span {
        self.toks
            .get(self.pos)
            .or(self.toks.last())
            .map_or_else(Span::default, |l| l.span)
    }

    /// Where the token just consumed is.
    pub(crate) fn prev_span(&self) -> Span {
        self.pos
            .checked_sub(1)
            .and_then(|i| self.toks.get(i))
            .map_or_else(|| self.span(), |l| l.span)
    }

    /// Consumes and returns the next token (`Eof` past the end, without moving).
    pub(crate) fn advance(&mut self) -> Lexeme<T> {
        let lx = self.toks.get(self.pos).cloned().unwrap_or(Lexeme {
            tok: T::eof().clone(),
            span: self.span(),
        });
        if self.pos < self.toks.len() {
            self.pos += 1;
        }
        lx
    }

    /// Whether the next token is the operator `op`.
    pub(crate) fn is_op(&self, op: &str) -> bool {
        matches!(self.peek().op(), Some(o) if o == op)
    }

    /// Whether the next token is the keyword `kw`.
    pub(crate) fn is_kw(&self, kw: &str) -> bool {
        matches!(self.peek().kw(), Some(k) if k == kw)
    }

    /// Consumes the operator `op` if it is next.
    pub(crate) fn eat_op(&mut self, op: &str) -> bool {
        if self.is_op(op) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Consumes the keyword `kw` if it is next.
    pub(crate) fn eat_kw(&mut self, kw: &str) -> bool {
        if self.is_kw(kw) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// An error at the next token.
    pub(crate) fn err<R>(&self, message: impl Into<String>, hint: impl Into<String>) -> Res<R> {
        Err(Diagnostic::new(self.span(), message, hint))
    }

    /// "expected `what`, found …" at the next token.
    pub(crate) fn expected<R>(&self, what: &str, hint: &str) -> Res<R> {
        let found = self.peek().describe(self.span());
        self.err(format!("expected {what}, found {found}"), hint)
    }

    /// Consumes the operator `op`, or reports it missing `context`.
    pub(crate) fn expect_op(&mut self, op: &str, context: &str, hint: &str) -> Res<Span> {
        if self.is_op(op) {
            Ok(self.advance().span)
        } else {
            self.expected(&format!("`{op}` {context}"), hint)
        }
    }

    /// Goes one level deeper, failing past [`MAX_NESTING`]. Pair with [`TokenCursor::leave`].
    pub(crate) fn enter(&mut self) -> Res<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return self.err("this program is nested too deeply", self.nesting_hint);
        }
        Ok(())
    }

    /// Comes back out one level.
    pub(crate) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }
}

/// Implements [`TokenKind`] for a dialect's `Tok` enum, which has `Op(&'static str)`,
/// `Kw(&'static str)` and `Eof` variants; `$describe` is called as `$describe(&tok, span)`.
macro_rules! token_kind {
    ($tok:ident, $describe:expr) => {
        impl $crate::cursor::TokenKind for $tok {
            fn eof() -> &'static Self {
                &$tok::Eof
            }

            fn op(&self) -> Option<&'static str> {
                match self {
                    $tok::Op(o) => Some(o),
                    _ => None,
                }
            }

            fn kw(&self) -> Option<&'static str> {
                match self {
                    $tok::Kw(k) => Some(k),
                    _ => None,
                }
            }

            fn describe(&self, span: ::sim::ir::Span) -> String {
                ($describe)(self, span)
            }
        }
    };
}

/// Lets a parser struct deref to its `cursor: TokenCursor<$tok>` field.
macro_rules! deref_cursor {
    ($parser:ty, $tok:ty) => {
        impl ::std::ops::Deref for $parser {
            type Target = $crate::cursor::TokenCursor<$tok>;

            fn deref(&self) -> &Self::Target {
                &self.cursor
            }
        }

        impl ::std::ops::DerefMut for $parser {
            fn deref_mut(&mut self) -> &mut Self::Target {
                &mut self.cursor
            }
        }
    };
}

pub(crate) use {deref_cursor, token_kind};
