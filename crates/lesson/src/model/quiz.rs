//! Quiz blocks and the four kinds of question.

use std::ops::Range;

use serde::Serialize;

use super::fix::FixTheBug;
use super::lesson::ProgramRef;
use super::program::ScheduleSpec;

/// A ` ```quiz ` block.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Quiz {
    /// The questions in the order written.
    pub questions: Vec<Question>,
    /// Where the block is in the lesson file.
    pub span: Range<usize>,
}

/// One question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Question {
    /// Id, unique in the lesson; `lesson-id/question-id` keys saved progress.
    pub id: String,
    /// Where the id is written in the lesson file.
    pub id_span: Range<usize>,
    /// The question, in Markdown.
    pub prompt: String,
    /// Shown after answering, right or wrong, in Markdown.
    pub explanation: Option<String>,
    /// What kind of answer it wants.
    pub kind: QuestionKind,
    /// Where the question's table is in the lesson file.
    pub span: Range<usize>,
}

/// The five kinds of question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type")]
pub enum QuestionKind {
    /// Pick one answer, or exactly a set of answers.
    MultipleChoice(MultipleChoice),
    /// Type a short answer.
    ShortAnswer(ShortAnswer),
    /// Predict what a program prints, or a variable's final value, under a given schedule.
    /// The expected answer is computed by the simulator.
    PredictOutcome(PredictOutcome),
    /// Be the scheduler and reach a goal; the simulator judges it.
    ScheduleChallenge(ScheduleChallenge),
    /// Edit a broken program until every schedule of it behaves; the explorer grades it.
    FixTheBug(FixTheBug),
}

impl QuestionKind {
    /// The `type` spelling used in quiz blocks.
    pub fn type_name(&self) -> &'static str {
        match self {
            QuestionKind::MultipleChoice(_) => "MultipleChoice",
            QuestionKind::ShortAnswer(_) => "ShortAnswer",
            QuestionKind::PredictOutcome(_) => "PredictOutcome",
            QuestionKind::ScheduleChallenge(_) => "ScheduleChallenge",
            QuestionKind::FixTheBug(_) => "FixTheBug",
        }
    }

    /// True when the simulator, not the file, provides the answer or the judgement.
    pub fn is_simulator_graded(&self) -> bool {
        matches!(
            self,
            QuestionKind::PredictOutcome(_)
                | QuestionKind::ScheduleChallenge(_)
                | QuestionKind::FixTheBug(_)
        )
    }
}

/// A multiple-choice question.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MultipleChoice {
    /// The right answers: one, or a set when `select_all` is true.
    pub answers: Vec<String>,
    /// The wrong answers shown beside them.
    pub distractors: Vec<String>,
    /// True when `answer` was written as a list: the student must pick exactly that set.
    pub select_all: bool,
}

impl MultipleChoice {
    /// Every choice, answers first; the app shuffles them.
    pub fn choices(&self) -> impl Iterator<Item = &str> {
        self.answers
            .iter()
            .chain(&self.distractors)
            .map(String::as_str)
    }

    /// True when `picked` is exactly the set of right answers.
    pub fn is_correct<S: AsRef<str>>(&self, picked: &[S]) -> bool {
        let mut picked: Vec<&str> = picked.iter().map(AsRef::as_ref).collect();
        picked.sort_unstable();
        picked.dedup();
        let mut answers: Vec<&str> = self.answers.iter().map(String::as_str).collect();
        answers.sort_unstable();
        picked == answers
    }
}

/// A typed answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ShortAnswer {
    /// The answer shown as correct.
    pub answer: String,
    /// Other answers that also count.
    pub alternatives: Vec<String>,
}

impl ShortAnswer {
    /// True when `typed` matches the answer or an alternative as [`answer_matches`] compares
    /// them (spacing and case ignored, a bare number for a line with one number).
    ///
    /// [`answer_matches`]: super::answer_matches
    pub fn accepts(&self, typed: &str) -> bool {
        std::iter::once(&self.answer)
            .chain(&self.alternatives)
            .any(|a| super::answer_matches(a, typed))
    }
}

/// Trims an answer and collapses runs of whitespace, so `" 4 "` and `"4"` compare equal.
pub fn normalize_answer(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A predict-the-outcome question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PredictOutcome {
    /// The program to run.
    pub program: ProgramRef,
    /// The schedule to run it under; `None` means the program's own.
    pub schedule: Option<ScheduleSpec>,
    /// What the student predicts.
    pub target: PredictTarget,
    /// Values to pick from; empty means the student types the answer. The simulator's
    /// answer must be one of them (the checker verifies it).
    pub choices: Vec<String>,
    /// `schedule = "every"`: the answer is what exploring every schedule finds (every final
    /// value the variable can end with), not one run's outcome.
    pub every: bool,
}

/// What a predict-the-outcome question asks for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "name", rename_all = "lowercase")]
pub enum PredictTarget {
    /// Everything the program prints, lines joined by newlines.
    Output,
    /// The final value of a shared variable.
    Variable(String),
    /// One printed line (`line = 2` or `line = "last"` in a quiz block).
    Line(OutputLine),
}

/// Which printed line a [`PredictTarget::Line`] question asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputLine {
    /// The Nth line printed, counting from 1.
    Number(usize),
    /// The last line printed.
    Last,
}

impl OutputLine {
    /// The line this picks out of the printed lines, if there is one.
    pub fn pick<'a, S: AsRef<str>>(&self, lines: &'a [S]) -> Option<&'a str> {
        let line = match self {
            OutputLine::Number(n) => lines.get(n.checked_sub(1)?),
            OutputLine::Last => lines.last(),
        };
        line.map(AsRef::as_ref)
    }
}

impl std::fmt::Display for OutputLine {
    /// `line 2` or `the last line`, for messages and labels.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OutputLine::Number(n) => write!(f, "line {n}"),
            OutputLine::Last => f.write_str("the last line"),
        }
    }
}

impl Serialize for OutputLine {
    /// As written in a quiz block: a number, or `"last"`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            OutputLine::Number(n) => serializer.serialize_u64(*n as u64),
            OutputLine::Last => serializer.serialize_str("last"),
        }
    }
}

/// A schedule challenge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScheduleChallenge {
    /// The program the student schedules.
    pub program: ProgramRef,
    /// What the student's schedule must achieve.
    pub goal: Goal,
}

/// What a schedule challenge asks the student to make happen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Goal {
    /// Lose an update.
    LostUpdate,
    /// Reach a deadlock.
    Deadlock,
    /// Make the race detector fire.
    Race,
    /// Overflow a bounded mailbox or buffer.
    Overflow,
    /// Print exactly this output (lines joined by `\n`), such as one line before another.
    Output {
        /// The whole printed output wanted.
        output: String,
    },
    /// End with a shared variable at a given value.
    FinalValue {
        /// The shared variable.
        variable: String,
        /// Its wanted final value, as the simulator prints it.
        value: String,
    },
}

impl Goal {
    /// The `goal` spelling used in quiz blocks.
    pub fn name(&self) -> &'static str {
        match self {
            Goal::LostUpdate => "lost-update",
            Goal::Deadlock => "deadlock",
            Goal::Race => "race",
            Goal::Overflow => "overflow",
            Goal::Output { .. } => "output",
            Goal::FinalValue { .. } => "final-value",
        }
    }
}
