//! Source positions carried by every instruction.

use serde::{Deserialize, Serialize};

/// A byte range of the source plus the 1-based line and column of its start.
///
/// The UI highlights `start..end`; narration may quote `line:col`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte (inclusive).
    pub start: u32,
    /// Last byte (exclusive).
    pub end: u32,
    /// 1-based line of `start`; 0 when unknown.
    pub line: u32,
    /// 1-based column of `start`; 0 when unknown.
    pub col: u32,
}

impl Span {
    /// A span with all four fields given.
    pub const fn new(start: u32, end: u32, line: u32, col: u32) -> Span {
        Span {
            start,
            end,
            line,
            col,
        }
    }

    /// A span that only knows its line (handy for hand-built test programs).
    pub const fn line(line: u32) -> Span {
        Span {
            start: 0,
            end: 0,
            line,
            col: 1,
        }
    }
}
