//! Problems found in a lesson, each tied to a place in the file.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

/// How bad a problem is. Errors make `switchboard check` fail; warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look, but the lesson still works.
    Warning,
    /// The lesson is broken or would mislead a student.
    Error,
}

/// One problem in one lesson file: where it is, what is wrong, what was expected, and a hint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A short stable name for the kind of problem (`bad-toml`, `unknown-attribute`, ...), so
    /// tests and tools can match on it without parsing the message.
    pub code: &'static str,
    /// The file name the lesson was parsed under.
    pub file: String,
    /// Byte range in the lesson file that the caret underlines.
    pub span: Range<usize>,
    /// 1-based line of `span.start`.
    pub line: usize,
    /// 1-based column of `span.start`, counted in characters.
    pub col: usize,
    /// What is wrong, in one sentence.
    pub message: String,
    /// What the format wanted at that place, when that helps.
    pub expected: Option<String>,
    /// How to fix it.
    pub hint: Option<String>,
    /// Another place worth showing, such as the first definition of a duplicate id.
    pub related: Option<Related>,
}

/// A second place in the same file that explains a diagnostic.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Related {
    /// Byte range in the lesson file.
    pub span: Range<usize>,
    /// 1-based line of `span.start`.
    pub line: usize,
    /// 1-based column of `span.start`.
    pub col: usize,
    /// What this place is ("first defined here").
    pub message: String,
}

impl Diagnostic {
    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {level}[{}]: {}",
            self.file, self.line, self.col, self.code, self.message
        )?;
        if let Some(expected) = &self.expected {
            write!(f, "\n  expected: {expected}")?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        if let Some(related) = &self.related {
            write!(
                f,
                "\n  note: {}:{}:{}: {}",
                self.file, related.line, related.col, related.message
            )?;
        }
        Ok(())
    }
}

/// Finds the line and column of a byte offset.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    /// Indexes `text` once so lookups are a binary search.
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex {
            line_starts,
            len: text.len(),
        }
    }

    /// 1-based line and column (in characters) of `offset`; offsets past the end clamp to it.
    pub fn location(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(self.len));
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let col = text.get(start..offset).map_or(0, |s| s.chars().count()) + 1;
        (line + 1, col)
    }

    /// Byte offset where the 1-based `line` starts, if the text has that line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        line.checked_sub(1)
            .and_then(|i| self.line_starts.get(i))
            .copied()
    }
}

/// The largest char boundary at or before `offset`, so slicing never panics.
pub(crate) fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// A problem before it is placed in a file; [`Sink`] turns it into a [`Diagnostic`].
#[derive(Clone, Debug)]
pub(crate) struct Problem {
    pub severity: Severity,
    pub code: &'static str,
    pub span: Range<usize>,
    pub message: String,
    pub expected: Option<String>,
    pub hint: Option<String>,
    pub related: Option<(Range<usize>, String)>,
}

impl Problem {
    /// An error with a code, a place and a message.
    pub fn error(code: &'static str, span: Range<usize>, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Error,
            code,
            span,
            message: message.into(),
            expected: None,
            hint: None,
            related: None,
        }
    }

    /// A warning with a code, a place and a message.
    pub fn warning(code: &'static str, span: Range<usize>, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(code, span, message)
        }
    }

    /// Says what the format wanted here.
    pub fn expected(mut self, expected: impl Into<String>) -> Problem {
        self.expected = Some(expected.into());
        self
    }

    /// Says how to fix it.
    pub fn hint(mut self, hint: impl Into<String>) -> Problem {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a hint only when there is one.
    pub fn maybe_hint(mut self, hint: Option<String>) -> Problem {
        if hint.is_some() {
            self.hint = hint;
        }
        self
    }

    /// Points at a second place in the file.
    pub fn related(mut self, span: Range<usize>, message: impl Into<String>) -> Problem {
        self.related = Some((span, message.into()));
        self
    }
}

/// Collects the problems of one file and places them at `file:line:col`.
#[derive(Debug)]
pub(crate) struct Sink<'t> {
    file: String,
    text: &'t str,
    index: LineIndex,
    diagnostics: Vec<Diagnostic>,
}

impl<'t> Sink<'t> {
    /// A sink for the lesson `file` whose content is `text`.
    pub fn new(file: &str, text: &'t str) -> Sink<'t> {
        Sink {
            file: file.to_string(),
            text,
            index: LineIndex::new(text),
            diagnostics: Vec::new(),
        }
    }

    /// Records a problem.
    pub fn push(&mut self, problem: Problem) {
        let diagnostic = place(&self.file, self.text, &self.index, problem);
        self.diagnostics.push(diagnostic);
    }

    /// How many problems are recorded so far.
    pub fn len(&self) -> usize {
        self.diagnostics.len()
    }

    /// 1-based line and column of a byte offset in this file.
    pub fn location(&self, offset: usize) -> (usize, usize) {
        self.index.location(self.text, offset)
    }

    /// The diagnostics in file order.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        sort_diagnostics(&mut self.diagnostics);
        self.diagnostics
    }
}

/// Places a problem in a file.
pub(crate) fn place(file: &str, text: &str, index: &LineIndex, problem: Problem) -> Diagnostic {
    let start = floor_char_boundary(text, problem.span.start);
    let end = floor_char_boundary(text, problem.span.end.max(start));
    let (line, col) = index.location(text, start);
    let related = problem.related.map(|(span, message)| {
        let (line, col) = index.location(text, span.start);
        Related {
            span,
            line,
            col,
            message,
        }
    });
    Diagnostic {
        severity: problem.severity,
        code: problem.code,
        file: file.to_string(),
        span: start..end,
        line,
        col,
        message: problem.message,
        expected: problem.expected,
        hint: problem.hint,
        related,
    }
}

/// Orders diagnostics by position so output reads top to bottom.
pub(crate) fn sort_diagnostics(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.line, a.col, a.code)
            .cmp(&(b.line, b.col, b.code))
            .then_with(|| a.message.cmp(&b.message))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_are_one_based_and_count_characters() {
        let text = "ab\nçd\n";
        let index = LineIndex::new(text);
        assert_eq!(index.location(text, 0), (1, 1));
        assert_eq!(index.location(text, 3), (2, 1));
        assert_eq!(index.location(text, 5), (2, 2));
        assert_eq!(index.location(text, 4), (2, 1), "inside a char clamps back");
        assert_eq!(index.location(text, 999), (3, 1));
    }
}
