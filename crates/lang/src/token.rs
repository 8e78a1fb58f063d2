//! Token classes for colouring code: the one source of truth the UI paints from.

use serde::{Deserialize, Serialize};
use sim::ir::Span;

/// What a piece of source is, for colouring.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TokenClass {
    /// A reserved word: `def`, `receive`, `func`, `select`, …
    Keyword,
    /// A name: variables, functions, modules, fields.
    Identifier,
    /// An integer literal.
    Number,
    /// A string literal (including Go raw strings and Python f-strings).
    String,
    /// An Erlang atom (bare or quoted).
    Atom,
    /// An operator: `+`, `!`, `<-`, `:=`, `->`, …
    Operator,
    /// Brackets, commas, colons, dots and semicolons.
    Punctuation,
    /// A comment.
    Comment,
    /// Text the lexer could not read; the compiler reports it as an error.
    Invalid,
}

/// One coloured piece of source. Whitespace and newlines are not tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub class: TokenClass,
}
