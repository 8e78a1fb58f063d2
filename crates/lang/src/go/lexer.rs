//! Go tokens, with Go's automatic semicolons at line ends.

use crate::cursor;
use crate::scan::{self, Cursor, NumberError, StringError};
use crate::source::LineIndex;
use crate::token::{Token, TokenClass};

/// Go's reserved words. Some are only here so the parser can name them as unsupported.
pub(crate) const KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

/// Operators and punctuation, longest first.
const OPERATORS: &[&str] = &[
    "<<=", ">>=", "&^=", "...", "&&", "||", "<-", "++", "--", "==", "!=", "<=", ">=", ":=", "+=",
    "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "&^", "+", "-", "*", "/", "%", "&", "|",
    "^", "<", ">", "=", "!", "(", ")", "[", "]", "{", "}", ",", ";", ".", ":", "~",
];

/// What a token is.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Tok {
    /// A name.
    Ident(String),
    /// A reserved word.
    Kw(&'static str),
    /// An integer (including a rune literal like `'a'`).
    Int(i64),
    /// A rune literal like `'a'`: its code point (an untyped rune constant).
    Rune(i64),
    /// A floating-point literal (`2.5`, `1e9`).
    Float(f64),
    /// A string, escapes decoded.
    Str(String),
    /// An operator or punctuation mark (`;` included, whether written or automatic).
    Op(&'static str),
    /// End of input.
    Eof,
}

/// A token and where it is.
pub(crate) type Lexeme = cursor::Lexeme<Tok>;

/// The result of lexing: tokens end with `Eof`; `error` is the first problem found.
pub(crate) type Lexed = cursor::Lexed<Tok>;

/// Whether a line ending after this token gets an automatic semicolon.
fn ends_statement(tok: &Tok) -> bool {
    match tok {
        Tok::Ident(_) | Tok::Int(_) | Tok::Rune(_) | Tok::Float(_) | Tok::Str(_) => true,
        Tok::Kw(k) => matches!(*k, "break" | "continue" | "fallthrough" | "return"),
        Tok::Op(o) => matches!(*o, "++" | "--" | ")" | "]" | "}"),
        Tok::Eof => false,
    }
}

/// Splits `src` into tokens. Never fails: problems are recorded in `error`.
pub(crate) fn lex(src: &str, lines: &LineIndex<'_>) -> Lexed {
    let mut cur = Cursor::new(src);
    let mut out = Lexed::default();
    let auto_semi = |out: &mut Lexed, at: usize| {
        if out.tokens.last().is_some_and(|l| ends_statement(&l.tok)) {
            out.tokens.push(Lexeme {
                tok: Tok::Op(";"),
                span: lines.span(at, at),
            });
        }
    };
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
            '\n' => {
                auto_semi(&mut out, start);
                cur.bump();
            }
            c if c.is_whitespace() => {
                cur.bump();
            }
            '/' if cur.peek2() == Some('/') => {
                cur.eat_while(|c| c != '\n');
                out.highlights.push(Token {
                    span: lines.span(start, cur.pos()),
                    class: TokenClass::Comment,
                });
            }
            '/' if cur.peek2() == Some('*') => {
                cur.bump();
                cur.bump();
                let mut closed = false;
                let mut newline = false;
                while let Some(ch) = cur.bump() {
                    if ch == '\n' {
                        newline = true;
                    }
                    if ch == '*' && cur.eat('/') {
                        closed = true;
                        break;
                    }
                }
                if !closed {
                    error(
                        &mut out,
                        &cur,
                        "this comment is never closed".into(),
                        "end it with `*/`",
                    );
                    continue;
                }
                out.highlights.push(Token {
                    span: lines.span(start, cur.pos()),
                    class: TokenClass::Comment,
                });
                if newline {
                    auto_semi(&mut out, start);
                }
            }
            '0'..='9' => match scan::read_number(&mut cur, true) {
                Ok(n) => push(&mut out, &cur, Tok::Int(n), TokenClass::Number),
                Err(NumberError::Float) => match float_literal(&mut cur, start) {
                    Some(x) => push(&mut out, &cur, Tok::Float(x), TokenClass::Number),
                    None => error(
                        &mut out,
                        &cur,
                        "this is not a valid floating-point number".into(),
                        "write it like `2.5`, `0.125` or `1e9`",
                    ),
                },
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
            },
            '"' => {
                cur.bump();
                match scan::read_quoted(&mut cur, '"', false) {
                    Ok(s) => push(&mut out, &cur, Tok::Str(s), TokenClass::String),
                    Err(StringError::Unterminated) => error(
                        &mut out,
                        &cur,
                        "this string has no closing `\"`".into(),
                        "end the string with `\"` on the same line, or use a `raw` string",
                    ),
                    Err(StringError::BadEscape(_)) => error(
                        &mut out,
                        &cur,
                        "unknown escape sequence in this string".into(),
                        "the lesson dialect knows \\n, \\t, \\\\ and \\\"",
                    ),
                }
            }
            '`' => {
                cur.bump();
                let body = cur.pos();
                cur.eat_while(|c| c != '`');
                let text = cur.slice(body, cur.pos()).to_string();
                if cur.eat('`') {
                    push(&mut out, &cur, Tok::Str(text), TokenClass::String);
                } else {
                    error(
                        &mut out,
                        &cur,
                        "this raw string has no closing backquote".into(),
                        "end it with a backquote",
                    );
                }
            }
            '\'' => {
                cur.bump();
                match scan::read_quoted(&mut cur, '\'', false) {
                    Ok(s) if s.chars().count() == 1 => {
                        let ch = s.chars().next().map_or(0, |c| c as i64);
                        push(&mut out, &cur, Tok::Rune(ch), TokenClass::Number)
                    }
                    _ => error(
                        &mut out,
                        &cur,
                        "a rune literal holds exactly one character".into(),
                        "write 'a', or use \"double quotes\" for a string",
                    ),
                }
            }
            c if scan::is_name_start(c) => {
                cur.eat_while(scan::is_name_char);
                let text = cur.slice(start, cur.pos());
                match KEYWORDS.iter().find(|k| **k == text) {
                    Some(k) => push(&mut out, &cur, Tok::Kw(k), TokenClass::Keyword),
                    None => push(
                        &mut out,
                        &cur,
                        Tok::Ident(text.to_string()),
                        TokenClass::Identifier,
                    ),
                }
            }
            _ => out.operator(&mut cur, lines, start, c, OPERATORS, Tok::Op, "Go"),
        }
    }
    let end = src.len();
    auto_semi(&mut out, end);
    out.tokens.push(Lexeme {
        tok: Tok::Eof,
        span: lines.span(end, end),
    });
    out
}

/// Finishes a float literal the number scanner stopped in (it stops before an exponent's
/// sign: `1.5e-3`) and reads its value.
fn float_literal(cur: &mut Cursor<'_>, start: usize) -> Option<f64> {
    let so_far = cur.slice(start, cur.pos());
    if so_far.ends_with(['e', 'E']) && matches!(cur.peek(), Some('+' | '-')) {
        cur.bump();
        cur.eat_while(|c| c.is_ascii_digit() || c == '_');
    }
    let text: String = cur
        .slice(start, cur.pos())
        .chars()
        .filter(|c| *c != '_')
        .collect();
    if !text.starts_with(|c: char| c.is_ascii_digit()) || text.contains(['x', 'X', 'b', 'o']) {
        return None;
    }
    text.parse::<f64>().ok().filter(|x| x.is_finite())
}
