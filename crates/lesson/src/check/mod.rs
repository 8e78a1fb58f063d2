//! The checker: compiles every program of a lesson, runs it under its stated schedule, and
//! makes sure every question can be answered. `switchboard check` and `cargo test` use it.
//!
//! It is separate from the parser because it needs the dialects (`lang`) and the simulator
//! (`sim`); the parsed model does not.

mod budget;
mod compile;
mod every;
mod explore;
mod fix;
mod questions;
mod run;
mod search;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::course::Course;
use crate::diagnostic::{place, sort_diagnostics, Diagnostic, LineIndex, Problem};
use crate::model::{Lesson, Program, QuestionKind};
use crate::parse::parse_lesson;
use crate::suggest::one_of;

pub use budget::CheckBudget;
pub use compile::{compile_program, file_offset, lang_dialect};
pub use every::{explored_answer, explored_values};
use explore::check_explore;
pub use explore::EXPLORE_MAX_STATES;
pub use fix::{compile_edit, judge_fix, FixJudgement};
pub use run::{
    findings_of, goal_reached, output_lines, predicted_answer, prediction_matches, run_program,
    run_program_for, scheduler_for, sim_options, Run, MAX_RUN_STEPS,
};
pub use search::{find_schedule, goal_search, SearchBounds, SearchResult};

/// The result of checking one lesson file.
#[derive(Clone, Debug, Serialize)]
pub struct LessonCheck {
    /// The file name.
    pub file: String,
    /// The lesson id, when the front matter could be read.
    pub id: String,
    /// Every problem, parser's and checker's, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Counts for the one-line summary.
    pub summary: LessonSummary,
    /// Each prediction the simulator answered, by question id, with its answer: what a
    /// student's reply is graded against.
    pub answers: Vec<(String, String)>,
}

impl LessonCheck {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// What a lesson holds and how much of it the simulator vouched for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LessonSummary {
    /// Program blocks.
    pub programs: usize,
    /// Programs that compiled and ran as their `expect` says.
    pub programs_ok: usize,
    /// Questions of every kind.
    pub questions: usize,
    /// Predict-the-outcome answers the simulator computed.
    pub computed_answers: usize,
    /// Schedule challenges for which a winning schedule was found.
    pub challenges_won: usize,
    /// `explore=` clauses the explorer proved over every schedule.
    pub explorations_ok: usize,
    /// `explore=` clauses written.
    pub explorations: usize,
    /// Fix-the-bug exercises whose broken program fails and whose reference fix passes.
    pub fixes_ok: usize,
}

impl std::ops::AddAssign for LessonSummary {
    fn add_assign(&mut self, other: LessonSummary) {
        self.programs += other.programs;
        self.programs_ok += other.programs_ok;
        self.questions += other.questions;
        self.computed_answers += other.computed_answers;
        self.challenges_won += other.challenges_won;
        self.explorations_ok += other.explorations_ok;
        self.explorations += other.explorations;
        self.fixes_ok += other.fixes_ok;
    }
}

/// Checks one lesson file with the default budget. Never panics, whatever the text.
pub fn check_lesson(file: &str, text: &str) -> LessonCheck {
    check_lesson_with(file, text, &CheckBudget::default())
}

/// Checks one lesson file within `budget`: a run, exploration or search that would go past
/// it stops there and is reported as an error naming the bound. Never panics, whatever the
/// text.
pub fn check_lesson_with(file: &str, text: &str, budget: &CheckBudget) -> LessonCheck {
    let parsed = parse_lesson(file, text);
    let mut diagnostics = parsed.diagnostics;
    let mut answers = Vec::new();
    let summary = check_parsed(&parsed.lesson, text, budget, &mut diagnostics, &mut answers);
    sort_diagnostics(&mut diagnostics);
    LessonCheck {
        file: file.to_string(),
        id: parsed.lesson.meta.id.clone(),
        diagnostics,
        summary,
        answers,
    }
}

/// Checks several lesson files as one course: each lesson on its own, then what must hold
/// between lessons (unique ids and orders, one definition per glossary term).
pub fn check_course<N: AsRef<str>, T: AsRef<str>>(files: &[(N, T)]) -> Vec<LessonCheck> {
    let mut checks: Vec<LessonCheck> = files
        .iter()
        .map(|(name, text)| check_lesson(name.as_ref(), text.as_ref()))
        .collect();
    // The course-level pass re-reports each lesson's own errors; keep only the new ones.
    let (_, course_diagnostics) = Course::parse(files);
    for diagnostic in course_diagnostics {
        if let Some(check) = checks.iter_mut().find(|c| c.file == diagnostic.file) {
            if !check.diagnostics.contains(&diagnostic) {
                check.diagnostics.push(diagnostic);
            }
        }
    }
    for check in &mut checks {
        sort_diagnostics(&mut check.diagnostics);
    }
    checks
}

/// Compiles and runs every program, then checks every question against the runs.
fn check_parsed(
    lesson: &Lesson,
    text: &str,
    budget: &CheckBudget,
    diagnostics: &mut Vec<Diagnostic>,
    answers: &mut Vec<(String, String)>,
) -> LessonSummary {
    let index = LineIndex::new(text);
    let mut push = |problem: Problem| diagnostics.push(place(&lesson.file, text, &index, problem));
    let mut summary = LessonSummary {
        programs: lesson.programs().count(),
        questions: lesson.questions().count(),
        ..LessonSummary::default()
    };
    let mut compiled: BTreeMap<&str, sim::ir::Program> = BTreeMap::new();
    for program in lesson.programs() {
        match compile_program(&lesson.file, text, program) {
            Ok(ir) => {
                if check_program_run(&ir, program, budget, &mut push) {
                    summary.programs_ok += 1;
                }
                summary.explorations += program.expect.explore.len();
                summary.explorations_ok += check_explore(&ir, program, budget, &mut push);
                compiled.insert(&program.id, ir);
            }
            Err(errors) => diagnostics_extend(&mut push, errors),
        }
    }
    for (_, question) in lesson.questions() {
        let Some(program) = question_program(&question.kind).and_then(|id| lesson.program(id))
        else {
            continue;
        };
        let Some(ir) = compiled.get(program.id.as_str()) else {
            continue;
        };
        match &question.kind {
            QuestionKind::PredictOutcome(predict) if predict.every => {
                // Not a guard: a failed prediction over every schedule must not fall
                // through to the seeded check below.
                if let Some(answer) =
                    every::check_every(ir, program, question, predict, budget, &mut push)
                {
                    summary.computed_answers += 1;
                    answers.push((question.id.clone(), answer));
                }
            }
            QuestionKind::FixTheBug(fix)
                if fix::check_fix(ir, program, question, fix, budget, &mut push) =>
            {
                summary.fixes_ok += 1;
            }
            QuestionKind::PredictOutcome(predict) => {
                if let Some(answer) =
                    questions::check_prediction(ir, program, question, predict, budget, &mut push)
                {
                    summary.computed_answers += 1;
                    answers.push((question.id.clone(), answer));
                }
            }
            QuestionKind::ScheduleChallenge(challenge)
                if questions::check_challenge(
                    ir, program, question, challenge, budget, &mut push,
                ) =>
            {
                summary.challenges_won += 1;
            }
            _ => {}
        }
    }
    summary
}

/// Already-placed diagnostics (from the compiler) go straight through.
fn diagnostics_extend(push: &mut impl FnMut(Problem), errors: Vec<Diagnostic>) {
    for d in errors {
        let mut problem = Problem::error(d.code, d.span, d.message);
        problem.expected = d.expected;
        problem.hint = d.hint;
        push(problem);
    }
}

fn question_program(kind: &QuestionKind) -> Option<&str> {
    match kind {
        QuestionKind::PredictOutcome(p) => Some(&p.program.id),
        QuestionKind::ScheduleChallenge(c) => Some(&c.program.id),
        QuestionKind::FixTheBug(f) => Some(&f.program.id),
        _ => None,
    }
}

/// Runs a program under its stated schedule and compares what the detectors see with its
/// `expect`. Returns true when they agree.
fn check_program_run(
    ir: &sim::ir::Program,
    program: &Program,
    budget: &CheckBudget,
    push: &mut impl FnMut(Problem),
) -> bool {
    let run = match run_program_for(ir, program, None, budget.max_run_steps) {
        Ok(run) => run,
        Err(message) => {
            push(
                Problem::error(
                    "bad-schedule",
                    program.info_span.clone(),
                    format!("program `{}` cannot be scheduled: {message}", program.id),
                )
                .expected(
                    "`schedule=round-robin`, `seed=N`, or a schedule string copied from the app",
                )
                .hint("record a schedule in the app and copy it from the URL"),
            );
            return false;
        }
    };
    if let Some(reason) = run.runaway() {
        push(
            Problem::error(
                "runaway-program",
                program.info_span.clone(),
                format!(
                    "program `{}` does not finish under its schedule: {reason}",
                    program.id
                ),
            )
            .expected(format!(
                "a program that ends within {} steps",
                budget.max_run_steps
            ))
            .hint("students step through these programs; keep loops short"),
        );
        return false;
    }
    let seen = run.findings();
    let wanted = &program.expect.findings;
    if &seen == wanted {
        return true;
    }
    let span = program
        .expect
        .span
        .clone()
        .unwrap_or_else(|| program.info_span.clone());
    let names = |fs: &[crate::Finding]| -> String {
        if fs.is_empty() {
            "a clean run".to_string()
        } else {
            one_of(&fs.iter().map(|f| f.as_str()).collect::<Vec<_>>()).replace(" or ", " and ")
        }
    };
    let hint = better_seed(ir, program, wanted, budget.max_run_steps)
        .map(|seed| {
            format!(
                "seed={seed} shows exactly {}; or change `expect` to match what happens",
                names(wanted)
            )
        })
        .unwrap_or_else(|| {
            format!(
                "write `expect={}` if that is what the program should show",
                if seen.is_empty() {
                    "ok".to_string()
                } else {
                    seen.iter()
                        .map(|f| f.as_str())
                        .collect::<Vec<_>>()
                        .join(",")
                }
            )
        });
    push(
        Problem::error(
            "unexpected-run",
            span,
            format!(
                "program `{}` shows {} under its schedule, but `expect` says {}",
                program.id,
                names(&seen),
                names(wanted)
            ),
        )
        .expected(format!("the run to show exactly {}", names(wanted)))
        .hint(hint),
    );
    false
}

/// A seed under which the program shows exactly the wanted findings, to suggest in a hint.
fn better_seed(
    ir: &sim::ir::Program,
    program: &Program,
    wanted: &[crate::Finding],
    max_steps: u64,
) -> Option<u64> {
    (0..64).find(|seed| {
        run_program_for(
            ir,
            program,
            Some(&crate::ScheduleSpec::Random { seed: *seed }),
            max_steps,
        )
        .is_ok_and(|run| run.runaway().is_none() && run.findings() == wanted)
    })
}
