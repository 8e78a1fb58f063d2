//! Fix-the-bug exercises: the student edits a broken program in place until exploring every
//! schedule of *their* program shows what a correct one must.

use std::ops::Range;

use serde::Serialize;

use super::explore::ExploreExpectation;
use super::lesson::ProgramRef;

/// A `FixTheBug` question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FixTheBug {
    /// The broken program; the student starts from its source.
    pub program: ProgramRef,
    /// What every schedule of a fixed program must show, as `explore=` clauses. The checker
    /// proves that the broken program breaks at least one and that `solution` keeps them all.
    pub goal: Vec<ExploreExpectation>,
    /// A reference fix, in the broken program's dialect. Never shown before answering.
    pub solution: String,
    /// Where `solution` is written in the lesson file.
    pub solution_span: Range<usize>,
}
