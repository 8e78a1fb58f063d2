//! Python tokens, with the INDENT/DEDENT tokens that make blocks.

use sim::ir::Span;

use crate::cursor;
use crate::diagnostic::Diagnostic;
use crate::scan::{self, Cursor, NumberError, StringError};
use crate::source::LineIndex;
use crate::token::{Token, TokenClass};

/// Python's reserved words. Some are only here so the parser can name them as unsupported.
pub(crate) const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Operators and punctuation, longest first so the lexer takes the longest match.
const OPERATORS: &[&str] = &[
    "**=", "//=", ">>=", "<<=", "...", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "==", "!=",
    "<=", ">=", "//", "**", "->", ":=", "<<", ">>", "+", "-", "*", "/", "%", "<", ">", "=", "(",
    ")", "[", "]", "{", "}", ",", ":", ".", ";", "@", "&", "|", "^", "~",
];

/// What a token is.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Tok {
    /// A name that is not a keyword.
    Name(String),
    /// A reserved word.
    Kw(&'static str),
    /// An integer.
    Int(i64),
    /// A float literal (`2.5`, `1e-5`).
    Float(f64),
    /// A string, escapes decoded.
    Str(String),
    /// An f-string: the raw text between the quotes and the byte offset where it starts.
    FStr(String, usize),
    /// An operator or punctuation mark.
    Op(&'static str),
    /// End of a logical line.
    Newline,
    /// The start of a more indented block.
    Indent,
    /// The end of an indented block.
    Dedent,
    /// End of input.
    Eof,
}

/// A token and where it is.
pub(crate) type Lexeme = cursor::Lexeme<Tok>;

/// The result of lexing: tokens end with `Eof`; `error` is the first problem found.
pub(crate) type Lexed = cursor::Lexed<Tok>;

struct Lexer<'a> {
    cur: Cursor<'a>,
    lines: &'a LineIndex<'a>,
    out: Lexed,
    indents: Vec<usize>,
    depth: usize,
    at_line_start: bool,
}

/// Splits `src` into tokens. Never fails: problems are recorded in `error` and lexing goes on,
/// so highlighting works on broken code too.
pub(crate) fn lex(src: &str, lines: &LineIndex<'_>) -> Lexed {
    let mut lx = Lexer {
        cur: Cursor::new(src),
        lines,
        out: Lexed::default(),
        indents: vec![0],
        depth: 0,
        at_line_start: true,
    };
    lx.run();
    lx.out
}

/// Lexes `src[start..]` as if inside brackets (newlines ignored): the expression of an
/// f-string's `{…}`. Spans stay offsets into the whole source.
pub(crate) fn lex_range(src: &str, start: usize, lines: &LineIndex<'_>) -> Lexed {
    let mut lx = Lexer {
        cur: Cursor::at(src, start),
        lines,
        out: Lexed::default(),
        indents: vec![0],
        depth: 1,
        at_line_start: false,
    };
    lx.run();
    lx.out
}

impl<'a> Lexer<'a> {
    fn span(&self, start: usize) -> Span {
        self.lines.span(start, self.cur.pos())
    }

    fn push(&mut self, tok: Tok, start: usize, class: Option<TokenClass>) {
        let span = self.span(start);
        self.out.push(tok, span, class);
    }

    fn error(&mut self, start: usize, message: String, hint: &str) {
        let span = self.span(start);
        self.out.error(span, message, hint);
    }

    fn last_is_newline(&self) -> bool {
        matches!(
            self.out.tokens.last().map(|l| &l.tok),
            None | Some(Tok::Newline | Tok::Indent | Tok::Dedent)
        )
    }

    fn run(&mut self) {
        loop {
            if self.at_line_start && self.depth == 0 {
                self.at_line_start = false;
                self.indentation();
            }
            let start = self.cur.pos();
            let Some(c) = self.cur.peek() else { break };
            match c {
                '\n' => {
                    self.cur.bump();
                    if self.depth == 0 {
                        if !self.last_is_newline() {
                            self.push(Tok::Newline, start, None);
                        }
                        self.at_line_start = true;
                    }
                }
                ' ' | '\t' | '\r' | '\x0c' => {
                    self.cur.bump();
                }
                '#' => {
                    self.cur.eat_while(|c| c != '\n');
                    let span = self.span(start);
                    self.out.highlights.push(Token {
                        span,
                        class: TokenClass::Comment,
                    });
                }
                '\\' => {
                    self.cur.bump();
                    self.cur.eat('\r');
                    if !self.cur.eat('\n') {
                        self.error(
                            start,
                            "unexpected `\\` in the middle of a line".into(),
                            "a backslash may only end a line, to continue it on the next",
                        );
                    }
                }
                '0'..='9' => self.number(start),
                '"' | '\'' => self.string(start, false),
                c if scan::is_name_start(c) => self.name(start),
                _ => self.operator(start, c),
            }
        }
        let end = self.cur.pos();
        if !self.last_is_newline() {
            self.push(Tok::Newline, end, None);
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(Tok::Dedent, end, None);
        }
        self.push(Tok::Eof, end, None);
    }

    /// Measures the indentation of a new line and emits INDENT/DEDENT. Blank and comment-only
    /// lines do not count.
    fn indentation(&mut self) {
        let start = self.cur.pos();
        let mut width = 0usize;
        while let Some(c) = self.cur.peek() {
            match c {
                ' ' => width += 1,
                '\t' => width = (width / 8 + 1) * 8,
                '\x0c' | '\r' => {}
                _ => break,
            }
            self.cur.bump();
        }
        match self.cur.peek() {
            None | Some('\n' | '#') => return,
            _ => {}
        }
        let current = self.indents.last().copied().unwrap_or(0);
        if width > current {
            self.indents.push(width);
            self.push(Tok::Indent, start, None);
        } else if width < current {
            while self.indents.last().is_some_and(|&w| w > width) {
                self.indents.pop();
                self.push(Tok::Dedent, self.cur.pos(), None);
            }
            if self.indents.last().copied().unwrap_or(0) != width {
                self.error(
                    start,
                    "this line's indentation does not match any enclosing block".into(),
                    "indent the line exactly as far as the block it belongs to",
                );
                self.indents.push(width);
            }
        }
    }

    fn number(&mut self, start: usize) {
        match scan::read_number(&mut self.cur, true) {
            Ok(n) => self.push(Tok::Int(n), start, Some(TokenClass::Number)),
            Err(NumberError::Float) => match self.float_literal(start) {
                Some(x) => self.push(Tok::Float(x), start, Some(TokenClass::Number)),
                None => self.error(
                    start,
                    "this is not a valid floating-point number".into(),
                    "write a float like `2.5`, `1e-5` or `3.0`",
                ),
            },
            Err(NumberError::TooBig) => self.error(
                start,
                "this number does not fit in 64 bits".into(),
                "use a number between -9223372036854775808 and 9223372036854775807",
            ),
            Err(NumberError::Malformed) => self.error(
                start,
                "this is not a valid number".into(),
                "write digits like `42` or `100_000`",
            ),
        }
    }

    /// Finishes a float literal whose digits, fraction and `e` the integer reader has
    /// already consumed: an exponent's sign and digits follow here. `None` when the text is
    /// not a finite float.
    fn float_literal(&mut self, start: usize) -> Option<f64> {
        let so_far = self.cur.slice(start, self.cur.pos());
        if so_far.ends_with(['e', 'E']) && matches!(self.cur.peek(), Some('+' | '-')) {
            self.cur.bump();
            self.cur.eat_while(|c| c.is_ascii_digit() || c == '_');
        }
        let text = self.cur.slice(start, self.cur.pos());
        if text.starts_with('_') || text.ends_with('_') || text.contains("__") {
            return None;
        }
        let digits: String = text.chars().filter(|c| *c != '_').collect();
        if digits.contains(['x', 'X', 'b', 'B', 'o', 'O']) {
            return None;
        }
        digits.parse::<f64>().ok().filter(|x| x.is_finite())
    }

    fn string(&mut self, start: usize, fstring: bool) {
        let Some(quote) = self.cur.bump() else { return };
        let pair: String = [quote, quote].iter().collect();
        let triple = self.cur.rest().starts_with(pair.as_str());
        if triple {
            self.cur.bump();
            self.cur.bump();
        }
        if fstring {
            let body = self.cur.pos();
            let res = scan::read_quoted(&mut self.cur, quote, triple);
            let close = if triple { 3 } else { 1 };
            match res {
                Ok(_) | Err(StringError::BadEscape(_)) => {
                    let end = self.cur.pos().saturating_sub(close);
                    let raw = self.cur.slice(body, end).to_string();
                    self.push(Tok::FStr(raw, body), start, Some(TokenClass::String));
                }
                Err(StringError::Unterminated) => self.unterminated(start),
            }
            return;
        }
        match scan::read_quoted(&mut self.cur, quote, triple) {
            Ok(s) => self.push(Tok::Str(s), start, Some(TokenClass::String)),
            Err(StringError::Unterminated) => self.unterminated(start),
            Err(StringError::BadEscape(at)) => {
                let span = self.lines.span(at, at + 2);
                self.out.highlights.push(Token {
                    span: self.span(start),
                    class: TokenClass::String,
                });
                if self.out.error.is_none() {
                    self.out.error = Some(Diagnostic::new(
                        span,
                        "unknown escape sequence in this string",
                        "the lesson dialect knows \\n, \\t, \\\\, \\' and \\\"",
                    ));
                }
                self.out.tokens.push(Lexeme {
                    tok: Tok::Str(String::new()),
                    span: self.span(start),
                });
            }
        }
    }

    fn unterminated(&mut self, start: usize) {
        self.error(
            start,
            "this string has no closing quote".into(),
            "end the string with the same quote it starts with, on the same line",
        );
    }

    fn name(&mut self, start: usize) {
        self.cur.eat_while(scan::is_name_char);
        let text = self.cur.slice(start, self.cur.pos());
        // String prefixes: f"..." is an f-string; r/b/u prefixes are read as plain strings.
        if matches!(self.cur.peek(), Some('"' | '\'')) {
            let lower = text.to_ascii_lowercase();
            if lower == "f" {
                return self.string(start, true);
            }
            if matches!(lower.as_str(), "r" | "u" | "b" | "rb" | "br") {
                if lower.contains('b') {
                    self.error(
                        start,
                        "byte strings are not part of the Python lesson dialect".into(),
                        "use a plain string like \"text\"",
                    );
                    let quote = self.cur.bump().unwrap_or('"');
                    let _ = scan::read_quoted(&mut self.cur, quote, false);
                    return;
                }
                return self.string(start, false);
            }
        }
        match KEYWORDS.iter().find(|k| **k == text) {
            Some(kw) => self.push(Tok::Kw(kw), start, Some(TokenClass::Keyword)),
            None => self.push(
                Tok::Name(text.to_string()),
                start,
                Some(TokenClass::Identifier),
            ),
        }
    }

    fn operator(&mut self, start: usize, c: char) {
        let rest = self.cur.rest();
        let Some(op) = OPERATORS.iter().find(|op| rest.starts_with(**op)) else {
            self.cur.bump();
            self.error(
                start,
                format!("unexpected character `{c}`"),
                "remove it; only Python's own operators and brackets may appear here",
            );
            return;
        };
        self.cur.eat_str(op);
        match *op {
            "(" | "[" | "{" => self.depth += 1,
            ")" | "]" | "}" => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
        let class = if matches!(
            *op,
            "(" | ")" | "[" | "]" | "{" | "}" | "," | ":" | "." | ";"
        ) {
            TokenClass::Punctuation
        } else {
            TokenClass::Operator
        };
        self.push(Tok::Op(op), start, Some(class));
    }
}
