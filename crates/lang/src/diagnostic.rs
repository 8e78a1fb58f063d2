//! Compile errors as students see them: a position, what went wrong, and what to do about it.

use std::fmt;

use serde::{Deserialize, Serialize};
use sim::ir::Span;

/// One compile error: where it is, what was expected or went wrong, and a hint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The source the error points at; `span.line` and `span.col` are 1-based.
    pub span: Span,
    /// What was expected or what is wrong, in one sentence.
    pub message: String,
    /// What the student can do about it.
    pub hint: String,
}

impl Diagnostic {
    /// An error at `span` with a message and a hint.
    pub fn new(span: Span, message: impl Into<String>, hint: impl Into<String>) -> Diagnostic {
        Diagnostic {
            span,
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// `line:col` of the start of the span, as editors print it.
    pub fn line_col(&self) -> String {
        format!("{}:{}", self.span.line, self.span.col)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.line_col(), self.message)?;
        if !self.hint.is_empty() {
            write!(f, "\n  hint: {}", self.hint)?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

/// The errors of one compile, in source order. Never empty when returned as an error.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// The first error (the one to show when there is room for only one).
    pub fn first(&self) -> Option<&Diagnostic> {
        self.0.first()
    }

    /// All errors.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// Number of errors.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Diagnostics {
        Diagnostics(vec![d])
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// Result of a compile stage that stops at its first error.
pub(crate) type Res<T> = Result<T, Diagnostic>;
