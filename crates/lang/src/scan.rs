//! A character cursor and the literal readers the three lexers share.

/// Walks a source text one character at a time. Every reading method either consumes at
/// least one character or reports that it consumed nothing, so lexer loops always progress.
#[derive(Clone, Debug)]
pub(crate) struct Cursor<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `src`.
    pub(crate) fn new(src: &'a str) -> Cursor<'a> {
        Cursor { src, pos: 0 }
    }

    /// A cursor at byte `pos` of `src` (used to re-read part of a token, e.g. an f-string).
    pub(crate) fn at(src: &'a str, pos: usize) -> Cursor<'a> {
        Cursor { src, pos }
    }

    /// Byte offset of the next character.
    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    /// The unread rest of the source.
    pub(crate) fn rest(&self) -> &'a str {
        self.src.get(self.pos..).unwrap_or("")
    }

    /// The text between two byte offsets already passed.
    pub(crate) fn slice(&self, start: usize, end: usize) -> &'a str {
        self.src.get(start..end).unwrap_or("")
    }

    /// The next character.
    pub(crate) fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// The character after the next one.
    pub(crate) fn peek2(&self) -> Option<char> {
        let mut it = self.rest().chars();
        it.next();
        it.next()
    }

    /// Consumes and returns the next character.
    pub(crate) fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// Consumes `c` if it is next.
    pub(crate) fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }

    /// Consumes `s` if the rest starts with it.
    pub(crate) fn eat_str(&mut self, s: &str) -> bool {
        if self.rest().starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    /// Consumes characters while `pred` holds.
    pub(crate) fn eat_while(&mut self, pred: impl Fn(char) -> bool) {
        while let Some(c) = self.peek() {
            if !pred(c) {
                break;
            }
            self.pos += c.len_utf8();
        }
    }
}

/// Characters that may start a name.
pub(crate) fn is_name_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

/// Characters that may continue a name.
pub(crate) fn is_name_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// Why a number literal could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumberError {
    /// It has a fraction or exponent; the simulator has integers only.
    Float,
    /// It does not fit in 64 bits.
    TooBig,
    /// A malformed literal such as `0x` or `1__2`.
    Malformed,
}

/// Reads an integer literal at the cursor (which must be on a digit): decimal with `_`
/// separators, or `0x`/`0o`/`0b` when `prefixes` is set.
pub(crate) fn read_number(cur: &mut Cursor<'_>, prefixes: bool) -> Result<i64, NumberError> {
    let radix = if prefixes && cur.rest().len() >= 2 && cur.peek() == Some('0') {
        match cur.peek2() {
            Some('x' | 'X') => 16,
            Some('o' | 'O') => 8,
            Some('b' | 'B') => 2,
            _ => 10,
        }
    } else {
        10
    };
    if radix != 10 {
        cur.bump();
        cur.bump();
    }
    let digits_start = cur.pos();
    cur.eat_while(|c| c.is_ascii_alphanumeric() || c == '_');
    let mut text = cur.slice(digits_start, cur.pos()).to_string();
    // A fraction or exponent makes it a float; consume it so the error covers it all.
    if radix == 10 && cur.peek() == Some('.') && cur.peek2().is_some_and(|c| c.is_ascii_digit()) {
        cur.bump();
        cur.eat_while(|c| c.is_ascii_alphanumeric() || c == '_');
        return Err(NumberError::Float);
    }
    if radix == 10 && text.contains(['e', 'E']) && !text.starts_with('_') {
        return Err(NumberError::Float);
    }
    if text.is_empty() || text.starts_with('_') || text.ends_with('_') || text.contains("__") {
        return Err(NumberError::Malformed);
    }
    text.retain(|c| c != '_');
    match i64::from_str_radix(&text, radix) {
        Ok(n) => Ok(n),
        Err(e) => match e.kind() {
            std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow => {
                Err(NumberError::TooBig)
            }
            _ => Err(NumberError::Malformed),
        },
    }
}

/// Why a string literal could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StringError {
    /// The line or file ended before the closing quote.
    Unterminated,
    /// A backslash escape the dialect does not know; the offset is where it starts.
    BadEscape(usize),
}

/// Reads a quoted string whose opening `quote` was just consumed, decoding the common
/// escapes. Stops at the end of the line unless `multiline` (then the closing delimiter
/// is `quote` repeated three times).
pub(crate) fn read_quoted(
    cur: &mut Cursor<'_>,
    quote: char,
    multiline: bool,
) -> Result<String, StringError> {
    let mut out = String::new();
    let mut bad = None;
    loop {
        if multiline {
            let triple: String = [quote; 3].iter().collect();
            if cur.eat_str(&triple) {
                break;
            }
        }
        let at = cur.pos();
        let Some(c) = cur.peek() else {
            return Err(StringError::Unterminated);
        };
        if c == '\n' && !multiline {
            return Err(StringError::Unterminated);
        }
        cur.bump();
        if c == quote && !multiline {
            break;
        }
        if c != '\\' {
            out.push(c);
            continue;
        }
        match cur.bump() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('0') => out.push('\0'),
            Some('\\') => out.push('\\'),
            Some('\'') => out.push('\''),
            Some('"') => out.push('"'),
            Some('\n') if multiline => {}
            Some(other) => {
                bad.get_or_insert(at);
                out.push(other);
            }
            None => return Err(StringError::Unterminated),
        }
    }
    match bad {
        Some(at) => Err(StringError::BadEscape(at)),
        None => Ok(out),
    }
}
