//! Checks the simulator-graded questions: a prediction must have an answer the simulator
//! can compute (among the choices, if there are any), and a challenge's goal must be
//! reachable.

use crate::diagnostic::Problem;
use crate::model::{
    Goal, OutputLine, PredictOutcome, PredictTarget, Program, Question, ScheduleChallenge,
};

use super::budget::CheckBudget;
use super::run::{predicted_answer, prediction_matches, run_program_for, sim_options};
use super::search::{find_schedule, SearchResult};

/// Computes a prediction's answer. Returns true when it exists and fits the choices.
pub(crate) fn check_prediction(
    ir: &sim::ir::Program,
    program: &Program,
    question: &Question,
    predict: &PredictOutcome,
    budget: &CheckBudget,
    push: &mut impl FnMut(Problem),
) -> Option<String> {
    let run = match run_program_for(ir, program, predict.schedule.as_ref(), budget.max_run_steps) {
        Ok(run) => run,
        Err(message) => {
            push(
                Problem::error("bad-schedule", question.span.clone(), format!("question `{}` gives a schedule that cannot be used: {message}", question.id))
                    .expected("`schedule = \"round-robin\"`, `seed = N`, or a schedule string copied from the app"),
            );
            return None;
        }
    };
    if let Some(reason) = run.runaway() {
        push(
            Problem::error(
                "runaway-program",
                question.span.clone(),
                format!(
                    "question `{}` runs `{}`, but {reason}",
                    question.id, program.id
                ),
            )
            .expected("a run that ends, so there is an outcome to predict"),
        );
        return None;
    }
    let Some(answer) = predicted_answer(&run, &predict.target) else {
        if let PredictTarget::Line(line) = &predict.target {
            push(missing_line(question, program, *line, run.lines().len()));
            return None;
        }
        let PredictTarget::Variable(name) = &predict.target else {
            return None;
        };
        let names: Vec<String> = run
            .world
            .shared_state()
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        push(
            Problem::error("unknown-variable", question.span.clone(), format!("question `{}` asks for `{name}`, but `{}` has no shared variable by that name", question.id, program.id))
                .expected("the name of a module-level (Python) or package-level (Go) variable")
                .hint(if names.is_empty() {
                    "this program has no shared variables; predict its output instead (leave out `variable`)".to_string()
                } else {
                    format!("shared variables: {}", names.join(", "))
                }),
        );
        return None;
    };
    if answer.trim().is_empty() {
        let message = match &predict.target {
            PredictTarget::Line(line) => format!(
                "question `{}` asks for {line} `{}` prints, but that line is blank",
                question.id, program.id
            ),
            _ => format!(
                "question `{}` asks what `{}` prints, but it prints nothing",
                question.id, program.id
            ),
        };
        push(
            Problem::error("empty-answer", question.span.clone(), message)
                .expected("a run with some output to predict"),
        );
        return None;
    }
    if !predict.choices.is_empty()
        && !predict
            .choices
            .iter()
            .any(|c| prediction_matches(&answer, c))
    {
        push(
            Problem::error(
                "answer-not-in-choices",
                question.span.clone(),
                format!(
                    "the simulator's answer to `{}` is not among its choices",
                    question.id
                ),
            )
            .expected(format!("`choices` to include {answer:?}"))
            .hint("the answer comes from running the program; add it to `choices`"),
        );
        return None;
    }
    Some(answer)
}

/// The error for a `line` the run never printed.
fn missing_line(
    question: &Question,
    program: &Program,
    line: OutputLine,
    printed: usize,
) -> Problem {
    let lines = match printed {
        1 => "1 line".to_string(),
        n => format!("{n} lines"),
    };
    let problem = Problem::error(
        "line-out-of-range",
        question.span.clone(),
        format!(
            "question `{}` asks for {line} `{}` prints, but under this schedule it prints {}",
            question.id,
            program.id,
            if printed == 0 {
                "nothing".to_string()
            } else {
                format!("only {lines}")
            }
        ),
    );
    if printed == 0 {
        problem
            .expected("a run with some output to predict")
            .hint("check the schedule, or predict a shared variable with `variable` instead")
    } else {
        problem
            .expected(format!("`line` from 1 to {printed}, or `line = \"last\"`"))
            .hint(format!(
                "lines are counted over the whole output under the question's schedule; \
                 `switchboard run <lesson> --program {}` with that schedule prints them",
                program.id
            ))
    }
}

/// Searches for a schedule that reaches the goal. Returns true when one exists.
pub(crate) fn check_challenge(
    ir: &sim::ir::Program,
    program: &Program,
    question: &Question,
    challenge: &ScheduleChallenge,
    budget: &CheckBudget,
    push: &mut impl FnMut(Problem),
) -> bool {
    if let Goal::FinalValue { variable, .. } = &challenge.goal {
        if ir.globals.iter().all(|g| &g.name != variable) {
            push(
                Problem::error("unknown-variable", question.span.clone(), format!("question `{}` sets a goal for `{variable}`, but `{}` has no shared variable by that name", question.id, program.id))
                    .expected("the name of a module-level (Python) or package-level (Go) variable"),
            );
            return false;
        }
    }
    let mut options = sim_options(program);
    options.record_trace = false;
    let world = match sim::World::new(ir.clone(), options) {
        Ok(world) => world,
        Err(e) => {
            push(
                Problem::error(
                    "bad-program",
                    program.info_span.clone(),
                    format!("program `{}` cannot start: {e}", program.id),
                )
                .hint("this is a bug in Switchboard's compiler; please report it"),
            );
            return false;
        }
    };
    let bounds = budget.search_bounds();
    match find_schedule(&world, &challenge.goal, bounds) {
        SearchResult::Found(_) => true,
        SearchResult::Impossible => {
            push(
                Problem::error(
                    "unreachable-goal",
                    question.span.clone(),
                    format!(
                        "no schedule of `{}` reaches the goal `{}` of question `{}`",
                        program.id,
                        challenge.goal.name(),
                        question.id
                    ),
                )
                .expected("a goal some schedule can reach, so the student can win")
                .hint("every schedule was tried; change the goal or the program"),
            );
            false
        }
        SearchResult::GaveUp { states, queued } => {
            push(
                Problem::error("unreachable-goal", question.span.clone(), format!("no schedule of `{}` reaching `{}` was found within the search bounds ({} distinct states, {} depth; stopped after {states} states with {queued} still queued)", program.id, challenge.goal.name(), bounds.max_states, bounds.max_depth))
                    .expected("a small program whose goal is reachable within the bounds")
                    .hint("shorten the program (fewer loop iterations or processes) so the search can cover it"),
            );
            false
        }
    }
}
