//! Predictions about every schedule (`schedule = "every"`): the answer is every final value a
//! variable can end with, as the explorer finds them, so it cannot be typed wrong.

use sim::explore::{explore, ExploreConfig};
use sim::World;

use crate::diagnostic::Problem;
use crate::model::{PredictOutcome, PredictTarget, Program, Question};

use super::explore::EXPLORE_MAX_STATES;
use super::run::{prediction_matches, sim_options};
use super::CheckBudget;

/// Every final value of `variable` over every schedule of `ir`, smallest first, joined by
/// `", "` (`"2, 3, 4"`). Numbers sort as numbers.
pub fn explored_values(
    ir: &sim::ir::Program,
    program: &Program,
    variable: &str,
) -> Result<String, String> {
    explored_values_within(ir, program, variable, EXPLORE_MAX_STATES)
}

/// [`explored_values`] within a bound of `max_states` distinct states: past it, an error.
fn explored_values_within(
    ir: &sim::ir::Program,
    program: &Program,
    variable: &str,
    max_states: u64,
) -> Result<String, String> {
    if !ir.globals.iter().any(|g| g.name == variable) {
        return Err(format!(
            "program `{}` has no shared variable `{variable}`",
            program.id
        ));
    }
    let world = World::new(ir.clone(), sim_options(program)).map_err(|e| e.to_string())?;
    let report = explore(
        &world,
        ExploreConfig {
            watch: Some(vec![variable.to_string()]),
            output: false,
            findings: false,
            max_states,
            ..ExploreConfig::default()
        },
    );
    if !report.complete {
        return Err(format!(
            "exploring `{}` needs more than {max_states} states",
            program.id
        ));
    }
    let mut values: Vec<String> = report
        .classes
        .iter()
        .flat_map(|c| c.outcome.values.iter())
        .filter(|(name, _)| name == variable)
        .map(|(_, v)| v.show(world.style()))
        .collect();
    values.sort_by(|a, b| match (a.parse::<i64>(), b.parse::<i64>()) {
        (Ok(x), Ok(y)) => x.cmp(&y),
        _ => a.cmp(b),
    });
    values.dedup();
    Ok(values.join(", "))
}

/// The explored answer to a `schedule = "every"` prediction.
pub fn explored_answer(
    ir: &sim::ir::Program,
    program: &Program,
    predict: &PredictOutcome,
) -> Result<String, String> {
    explored_answer_within(ir, program, predict, EXPLORE_MAX_STATES)
}

/// [`explored_answer`] within a bound of `max_states` distinct states.
fn explored_answer_within(
    ir: &sim::ir::Program,
    program: &Program,
    predict: &PredictOutcome,
    max_states: u64,
) -> Result<String, String> {
    match &predict.target {
        PredictTarget::Variable(name) => explored_values_within(ir, program, name, max_states),
        _ => Err("a prediction over every schedule asks for a variable".to_string()),
    }
}

/// Checks a `schedule = "every"` prediction: the explorer finds its answer, and the answer
/// is among the choices. Returns true when both hold.
pub(crate) fn check_every(
    ir: &sim::ir::Program,
    program: &Program,
    question: &Question,
    predict: &PredictOutcome,
    budget: &CheckBudget,
    push: &mut impl FnMut(Problem),
) -> Option<String> {
    let answer = match explored_answer_within(ir, program, predict, budget.max_explore_states) {
        Ok(answer) => answer,
        Err(message) => {
            push(
                Problem::error("explore-answer", question.span.clone(), message)
                    .expected("a shared variable of a program small enough to explore"),
            );
            return None;
        }
    };
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
                    "the explorer's answer to `{}` is not among its choices",
                    question.id
                ),
            )
            .expected(format!("`choices` to include {answer:?}"))
            .hint("the answer is every final value, smallest first, joined by \", \""),
        );
        return None;
    }
    Some(answer)
}
