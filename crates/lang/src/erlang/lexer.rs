//! Erlang tokens: atoms, variables, integers, strings and punctuation.

use crate::cursor;
use crate::scan::{self, Cursor, NumberError, StringError};
use crate::source::LineIndex;
use crate::token::{Token, TokenClass};

/// Erlang's reserved words. Some are only here so the parser can name them as unsupported.
pub(crate) const KEYWORDS: &[&str] = &[
    "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case",
    "catch", "cond", "div", "end", "fun", "if", "let", "maybe", "not", "of", "or", "orelse",
    "receive", "rem", "try", "when", "xor",
];

/// Operators and punctuation, longest first.
const OPERATORS: &[&str] = &[
    "=:=", "=/=", "...", "->", "==", "/=", "=<", ">=", "++", "--", "<-", "<=", "||", "::", "=>",
    ":=", "..", "<<", ">>", "+", "-", "*", "/", "!", "=", "<", ">", "|", "(", ")", "{", "}", "[",
    "]", ",", ";", ":", ".", "#", "?",
];

/// What a token is.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Tok {
    /// An atom (bare or quoted), not a keyword.
    Atom(String),
    /// A variable (starts with a capital or `_`).
    Var(String),
    /// A reserved word.
    Kw(&'static str),
    /// An integer (including `$c` and `16#ff`).
    Int(i64),
    /// A string.
    Str(String),
    /// An operator or punctuation mark.
    Op(&'static str),
    /// The `.` that ends a form (followed by whitespace, a comment or the end of input).
    Dot,
    /// End of input.
    Eof,
}

/// A token and where it is.
pub(crate) type Lexeme = cursor::Lexeme<Tok>;

/// The result of lexing: tokens end with `Eof`; `error` is the first problem found.
pub(crate) type Lexed = cursor::Lexed<Tok>;

/// Splits `src` into tokens. Never fails: problems are recorded in `error`.
pub(crate) fn lex(src: &str, lines: &LineIndex<'_>) -> Lexed {
    let mut cur = Cursor::new(src);
    let mut out = Lexed::default();
    loop {
        let start = cur.pos();
        let Some(c) = cur.peek() else { break };
        let push = |out: &mut Lexed, cur: &Cursor<'_>, tok: Tok, class: TokenClass| {
            out.push(tok, lines.span(start, cur.pos()), Some(class));
        };
        let error = |out: &mut Lexed, cur: &Cursor<'_>, message: String, hint: &str| {
            out.error(lines.span(start, cur.pos()), message, hint);
        };
        match c {
            c if c.is_whitespace() => {
                cur.bump();
            }
            '%' => {
                cur.eat_while(|c| c != '\n');
                out.highlights.push(Token {
                    span: lines.span(start, cur.pos()),
                    class: TokenClass::Comment,
                });
            }
            '0'..='9' => {
                let res = scan::read_number(&mut cur, false);
                // `16#ff`: a base, then digits in that base.
                if cur.peek() == Some('#') {
                    cur.bump();
                    let digits = cur.pos();
                    cur.eat_while(|c| c.is_ascii_alphanumeric());
                    let text = cur.slice(digits, cur.pos());
                    let value = match res {
                        Ok(base @ 2..=36) => i64::from_str_radix(text, base as u32).ok(),
                        _ => None,
                    };
                    match value {
                        Some(n) => push(&mut out, &cur, Tok::Int(n), TokenClass::Number),
                        None => error(
                            &mut out,
                            &cur,
                            "this is not a valid based number".into(),
                            "write a base from 2 to 36, `#`, then digits, like `16#ff`",
                        ),
                    }
                    continue;
                }
                match res {
                    Ok(n) => push(&mut out, &cur, Tok::Int(n), TokenClass::Number),
                    Err(NumberError::Float) => error(
                        &mut out,
                        &cur,
                        "floats are not part of the Erlang lesson dialect".into(),
                        "use integers; `div` divides them",
                    ),
                    Err(NumberError::TooBig) => error(
                        &mut out,
                        &cur,
                        "this number does not fit in 64 bits".into(),
                        "use a smaller number",
                    ),
                    Err(NumberError::Malformed) => error(
                        &mut out,
                        &cur,
                        "this is not a valid number".into(),
                        "write digits like `42`",
                    ),
                }
            }
            '$' => {
                cur.bump();
                let ch = match cur.bump() {
                    Some('\\') => match cur.bump() {
                        Some('n') => Some('\n'),
                        Some('t') => Some('\t'),
                        Some('s') => Some(' '),
                        other => other,
                    },
                    other => other,
                };
                match ch {
                    Some(ch) if !ch.is_whitespace() || ch == '\n' || ch == '\t' || ch == ' ' => {
                        push(&mut out, &cur, Tok::Int(ch as i64), TokenClass::Number)
                    }
                    _ => error(
                        &mut out,
                        &cur,
                        "`$` must be followed by a character".into(),
                        "write `$a` for the character code of `a`",
                    ),
                }
            }
            '"' => {
                cur.bump();
                match scan::read_quoted(&mut cur, '"', false) {
                    Ok(s) => push(&mut out, &cur, Tok::Str(s), TokenClass::String),
                    Err(StringError::Unterminated) => error(
                        &mut out,
                        &cur,
                        "this string has no closing `\"`".into(),
                        "end the string with `\"` on the same line",
                    ),
                    Err(StringError::BadEscape(_)) => error(
                        &mut out,
                        &cur,
                        "unknown escape sequence in this string".into(),
                        "the lesson dialect knows \\n, \\t, \\\\ and \\\"",
                    ),
                }
            }
            '\'' => {
                cur.bump();
                match scan::read_quoted(&mut cur, '\'', false) {
                    Ok(s) => push(&mut out, &cur, Tok::Atom(s), TokenClass::Atom),
                    Err(_) => error(
                        &mut out,
                        &cur,
                        "this quoted atom has no closing `'`".into(),
                        "end the atom with `'` on the same line",
                    ),
                }
            }
            c if c.is_ascii_uppercase() || c == '_' => {
                cur.eat_while(|c| scan::is_name_char(c) || c == '@');
                let text = cur.slice(start, cur.pos()).to_string();
                push(&mut out, &cur, Tok::Var(text), TokenClass::Identifier);
            }
            c if c.is_alphabetic() => {
                cur.eat_while(|c| scan::is_name_char(c) || c == '@');
                let text = cur.slice(start, cur.pos());
                match KEYWORDS.iter().find(|k| **k == text) {
                    Some(k) => push(&mut out, &cur, Tok::Kw(k), TokenClass::Keyword),
                    None => push(
                        &mut out,
                        &cur,
                        Tok::Atom(text.to_string()),
                        TokenClass::Atom,
                    ),
                }
            }
            '.' if cur.peek2().is_none_or(|c| c.is_whitespace() || c == '%') => {
                cur.bump();
                push(&mut out, &cur, Tok::Dot, TokenClass::Punctuation);
            }
            _ => out.operator(&mut cur, lines, start, c, OPERATORS, Tok::Op, "Erlang"),
        }
    }
    let end = src.len();
    out.tokens.push(Lexeme {
        tok: Tok::Eof,
        span: lines.span(end, end),
    });
    out
}
