//! Quiz questions as the app asks and grades them.
//!
//! Every simulator-graded answer goes through `lesson::check`, the same path the
//! `switchboard check` command uses, so the browser and the checker cannot disagree:
//! a prediction's answer is computed by running the program under the question's
//! schedule, and a challenge is judged by replaying the student's schedule on a fresh
//! world. Nothing here touches the DOM, so it is tested natively.

use std::sync::Arc;

use lesson::check::{
    compile_edit, explored_answer, find_schedule, goal_reached, judge_fix, lang_dialect,
    predicted_answer, prediction_matches, run_program, sim_options, SearchBounds, SearchResult,
};
use lesson::{
    Course, Goal, Lesson, MultipleChoice, PredictOutcome, PredictTarget, Program, Question,
    QuestionKind, ScheduleChallenge, ScheduleSpec, Section,
};
use sim::schedule::{Schedule, SplitMix64};
use sim::timeline::Timeline;
use sim::{World, WorldStatus};

use crate::model::session::{Policy, Session};

mod challenge;
mod shown;
#[cfg(test)]
mod tests;

pub use challenge::{
    goal_text, judge_schedule, judge_world, schedule_steps, winning_schedule, Judgement,
};
pub use shown::{shown_answer, shuffled, shuffled_choices, Shown};

/// Longest answer text kept or compared; anything longer is cut, so a pasted novel
/// cannot stall the page.
pub const MAX_ANSWER_CHARS: usize = 2_000;

/// One question of the course, with the lesson and section it belongs to.
#[derive(Clone, Copy, Debug)]
pub struct QuestionRef<'a> {
    /// The lesson holding the question.
    pub lesson: &'a Lesson,
    /// The section the question's quiz block sits in.
    pub section: &'a Section,
    /// The question.
    pub question: &'a Question,
}

impl<'a> QuestionRef<'a> {
    /// The key saved progress uses: `lesson-id/question-id`.
    pub fn key(&self) -> String {
        question_key(&self.lesson.meta.id, &self.question.id)
    }

    /// A link back to the lesson section that teaches this question.
    pub fn href(&self) -> String {
        if self.section.anchor.is_empty() {
            format!("/lessons/{}", self.lesson.meta.id)
        } else {
            format!("/lessons/{}#{}", self.lesson.meta.id, self.section.anchor)
        }
    }

    /// The section's heading, or the lesson title for the untitled introduction.
    pub fn section_title(&self) -> String {
        self.section
            .heading
            .clone()
            .unwrap_or_else(|| self.lesson.meta.title.clone())
    }

    /// The program a simulator-graded question runs, if it names one that exists.
    pub fn program(&self) -> Option<&'a Program> {
        question_program(self.lesson, self.question)
    }
}

/// The key of a question in saved progress.
pub fn question_key(lesson: &str, question: &str) -> String {
    format!("{lesson}/{question}")
}

/// Every question of the course, lesson by lesson, in file order.
pub fn course_questions(course: &Course) -> Vec<QuestionRef<'_>> {
    course.lessons.iter().flat_map(lesson_questions).collect()
}

/// Every question of one lesson, in file order.
pub fn lesson_questions(lesson: &Lesson) -> Vec<QuestionRef<'_>> {
    lesson
        .questions()
        .map(|(section, question)| QuestionRef {
            lesson,
            section,
            question,
        })
        .collect()
}

/// The question saved under `key`, if the course still has it.
pub fn find_question<'a>(course: &'a Course, key: &str) -> Option<QuestionRef<'a>> {
    let (lesson, question) = key.split_once('/')?;
    let lesson = course.lesson(lesson)?;
    lesson
        .questions()
        .find(|(_, q)| q.id == question)
        .map(|(section, question)| QuestionRef {
            lesson,
            section,
            question,
        })
}

/// The program a predict or challenge question names, looked up in its lesson.
pub fn question_program<'a>(lesson: &'a Lesson, question: &Question) -> Option<&'a Program> {
    match &question.kind {
        QuestionKind::PredictOutcome(p) => lesson.program(&p.program.id),
        QuestionKind::ScheduleChallenge(c) => lesson.program(&c.program.id),
        QuestionKind::FixTheBug(f) => lesson.program(&f.program.id),
        _ => None,
    }
}

/// What a student gave as an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Choices picked, by their text: a multiple-choice question or a prediction with
    /// choices.
    Picked(Vec<String>),
    /// Text typed: a short answer or a typed prediction.
    Typed(String),
    /// The schedule the student played in a challenge, as a schedule string.
    Played(String),
    /// The student gave up on a challenge.
    GaveUp,
}

impl Answer {
    /// The answer as saved in progress: the picked texts, the typed text, or the schedule.
    pub fn given(&self) -> Vec<String> {
        match self {
            Answer::Picked(picked) => picked.iter().map(|p| clip(p)).collect(),
            Answer::Typed(text) | Answer::Played(text) => vec![clip(text)],
            Answer::GaveUp => Vec::new(),
        }
    }
}

/// Cuts a text to [`MAX_ANSWER_CHARS`] characters.
pub fn clip(text: &str) -> String {
    text.chars().take(MAX_ANSWER_CHARS).collect()
}

/// The grade of one answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// Whether the answer was right.
    pub correct: bool,
    /// The right answer, to show after answering.
    pub expected: Expected,
    /// What the student's own answer did, when that helps (a challenge run that ended
    /// without reaching its goal).
    pub note: Option<String>,
}

/// The right answer to a question, as shown after answering.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    /// The right choices (one, or the whole set).
    Choices(Vec<String>),
    /// The written answer and the alternatives that also count.
    Text {
        /// The answer.
        answer: String,
        /// Other accepted answers.
        alternatives: Vec<String>,
    },
    /// The answer the simulator computed by running the program.
    Computed(String),
    /// A challenge's goal, in words.
    Goal(String),
    /// A fix-the-bug exercise's reference fix, shown once the student has answered.
    Fix(String),
}

/// Grades `answer` to `question` of `lesson`. Simulator-graded questions run their
/// program, so grading against an edited program gives the edited answer. An error is a
/// question that cannot be graded (its program does not compile, say), never a panic.
pub fn grade(lesson: &Lesson, question: &Question, answer: &Answer) -> Result<Verdict, String> {
    match &question.kind {
        QuestionKind::MultipleChoice(mc) => {
            let correct = match answer {
                Answer::Picked(picked) => mc.is_correct(picked),
                _ => false,
            };
            Ok(Verdict {
                correct,
                expected: Expected::Choices(mc.answers.clone()),
                note: None,
            })
        }
        QuestionKind::ShortAnswer(short) => {
            let correct = match answer {
                Answer::Typed(text) => short.accepts(&clip(text)),
                _ => false,
            };
            Ok(Verdict {
                correct,
                expected: Expected::Text {
                    answer: short.answer.clone(),
                    alternatives: short.alternatives.clone(),
                },
                note: None,
            })
        }
        QuestionKind::PredictOutcome(predict) => {
            let expected = computed_answer(lesson, predict)?;
            let correct = match answer {
                Answer::Typed(text) => prediction_matches(&expected, &clip(text)),
                Answer::Picked(picked) => {
                    picked.len() == 1 && prediction_matches(&expected, &picked[0])
                }
                _ => false,
            };
            Ok(Verdict {
                correct,
                expected: Expected::Computed(expected),
                note: None,
            })
        }
        QuestionKind::ScheduleChallenge(challenge) => {
            let expected = Expected::Goal(goal_text(&challenge.goal));
            let (correct, note) = match answer {
                Answer::Played(schedule) => match judge_schedule(lesson, challenge, schedule)? {
                    Judgement::Reached => (true, None),
                    Judgement::Ended(what) => (false, Some(what)),
                    Judgement::Running => (
                        false,
                        Some("The run was still going and had not reached the goal.".to_string()),
                    ),
                },
                Answer::GaveUp => (false, Some("You gave up on this one.".to_string())),
                _ => (false, None),
            };
            Ok(Verdict {
                correct,
                expected,
                note,
            })
        }
        QuestionKind::FixTheBug(fix) => {
            let program = program_of(lesson, &fix.program.id)?;
            let (correct, note) = match answer {
                Answer::Typed(source) => match compile_edit(program, &clip_source(source)) {
                    Ok(ir) => {
                        let judged = judge_fix(&ir, program, &fix.goal);
                        let note = (!judged.passed).then(|| judged.failures.join("\n"));
                        (judged.passed, note)
                    }
                    Err(e) => (false, Some(format!("Your program does not compile: {e}"))),
                },
                Answer::GaveUp => (false, Some("You gave up on this one.".to_string())),
                _ => (false, None),
            };
            Ok(Verdict {
                correct,
                expected: Expected::Fix(fix.solution.clone()),
                note,
            })
        }
    }
}

/// Longest edited program graded; a program is longer than a typed answer, but a paste of
/// megabytes still must not stall the page.
pub const MAX_SOURCE_CHARS: usize = 20_000;

/// Cuts an edited program to [`MAX_SOURCE_CHARS`] characters.
pub fn clip_source(text: &str) -> String {
    text.chars().take(MAX_SOURCE_CHARS).collect()
}

/// Compiles a lesson program for the simulator. The error names the first problem.
pub fn compile(program: &Program) -> Result<sim::ir::Program, String> {
    lang::compile(lang_dialect(program.dialect), &program.source).map_err(|errors| {
        errors.first().map_or_else(
            || format!("program `{}` does not compile", program.id),
            |e| {
                format!(
                    "program `{}` does not compile: {}:{}: {}",
                    program.id, e.span.line, e.span.col, e.message
                )
            },
        )
    })
}

fn program_of<'a>(lesson: &'a Lesson, id: &str) -> Result<&'a Program, String> {
    lesson
        .program(id)
        .ok_or_else(|| format!("the lesson has no program `{id}`"))
}

/// The answer to a predict-the-outcome question, computed by running its program under
/// its schedule, exactly as the checker does.
pub fn computed_answer(lesson: &Lesson, predict: &PredictOutcome) -> Result<String, String> {
    let program = program_of(lesson, &predict.program.id)?;
    let ir = compile(program)?;
    if predict.every {
        return explored_answer(&ir, program, predict);
    }
    let run = run_program(&ir, program, predict.schedule.as_ref())?;
    if let Some(reason) = run.runaway() {
        return Err(format!("program `{}` has no outcome: {reason}", program.id));
    }
    predicted_answer(&run, &predict.target).ok_or_else(|| match &predict.target {
        PredictTarget::Variable(name) => {
            format!("program `{}` has no shared variable `{name}`", program.id)
        }
        PredictTarget::Output => format!("program `{}` has no output", program.id),
        PredictTarget::Line(line) => format!("program `{}` does not print {line}", program.id),
    })
}

/// The schedule a prediction runs under: the question's, or else the program's own.
pub fn prediction_schedule<'a>(
    program: &'a Program,
    predict: &'a PredictOutcome,
) -> &'a ScheduleSpec {
    predict.schedule.as_ref().unwrap_or(&program.schedule)
}

/// The schedule in words, for the question ("round-robin", "seeded random, seed 11").
pub fn schedule_text(spec: &ScheduleSpec) -> String {
    match spec {
        ScheduleSpec::RoundRobin => {
            "round-robin: the processes take turns, one step each".to_string()
        }
        ScheduleSpec::Random { seed } => format!("seeded random, seed {seed}"),
        ScheduleSpec::Replay { schedule } => format!("the recorded schedule {schedule}"),
    }
}

/// A session that plays exactly the graded run of a prediction: the same scheduler with
/// the same seed, or the recorded schedule replayed (then it stands at the end).
pub fn prediction_session(
    program: Arc<sim::ir::Program>,
    options: sim::Options,
    spec: &ScheduleSpec,
) -> Result<Session, String> {
    let policy = match spec {
        ScheduleSpec::RoundRobin => Policy::RoundRobin,
        ScheduleSpec::Random { seed } => Policy::Random(*seed),
        ScheduleSpec::Replay { .. } => Policy::Manual,
    };
    let mut session = Session::new(program, options, policy)?;
    if let ScheduleSpec::Replay { schedule } = spec {
        session.replay(schedule)?;
    }
    Ok(session)
}
