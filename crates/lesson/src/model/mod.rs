//! The parsed lesson, as the app renders it and the checker runs it.

mod answer;
mod explore;
mod fix;
mod glossary;
mod lesson;
mod program;
mod quiz;

pub use answer::{answer_matches, lines_match};
pub use explore::{Claim, ExploreExpectation, Quantifier};
pub use fix::FixTheBug;
pub use glossary::{Glossary, GlossaryEntry};
pub use lesson::{Block, Compare, Lesson, LessonMeta, Level, ProgramRef, Prose, Section};
pub use program::{Dialect, Expect, Finding, MailboxBound, OverflowPolicy, Program, ScheduleSpec};
pub use quiz::{
    normalize_answer, Goal, MultipleChoice, OutputLine, PredictOutcome, PredictTarget, Question,
    QuestionKind, Quiz, ScheduleChallenge, ShortAnswer,
};
