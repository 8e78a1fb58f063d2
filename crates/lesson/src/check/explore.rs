//! Verifies a program's `explore=` expectations by exploring every schedule: the state
//! explorer visits each distinct state once and reports every ending with its exact number
//! of schedules, so "every schedule prints 4" is a fact the checker proves, not a sentence
//! the author typed.

use sim::explore::{explore, Count, Ending, ExploreConfig, OutcomeClass, Report, StopReason};
use sim::World;

use crate::diagnostic::Problem;
use crate::model::{Claim, ExploreExpectation, Program, Quantifier};

use super::budget::CheckBudget;
use super::run::sim_options;
use crate::answer_matches;

/// Most distinct states an exploration expectation may need. Lesson programs are small; one
/// that needs more is cut down rather than trusted half-explored.
pub const EXPLORE_MAX_STATES: u64 = 200_000;

/// Explores `ir` once and checks each of the program's `explore=` clauses against the
/// report. Returns how many clauses hold.
pub(crate) fn check_explore(
    ir: &sim::ir::Program,
    program: &Program,
    budget: &CheckBudget,
    push: &mut impl FnMut(Problem),
) -> usize {
    let clauses = &program.expect.explore;
    if clauses.is_empty() {
        return 0;
    }
    let world = match World::new(ir.clone(), sim_options(program)) {
        Ok(world) => world,
        Err(_) => return 0, // the plain run reports a program the simulator refuses
    };
    let mut known = true;
    for clause in clauses {
        if let Claim::Value { variable, .. } = &clause.claim {
            if !ir.globals.iter().any(|g| &g.name == variable) {
                let names: Vec<&str> = ir.globals.iter().map(|g| g.name.as_str()).collect();
                push(
                    Problem::error(
                        "unknown-variable",
                        clause.span.clone(),
                        format!(
                            "program `{}` has no shared variable `{variable}`",
                            program.id
                        ),
                    )
                    .expected(if names.is_empty() {
                        "a shared (global) variable; this program has none".to_string()
                    } else {
                        format!("one of {}", crate::suggest::one_of(&names))
                    })
                    .hint("claims about printed lines are written `prints LINE`"),
                );
                known = false;
            }
        }
    }
    if !known {
        return 0;
    }
    let max_states = budget.max_explore_states;
    let report = explore(&world, config_for(clauses, max_states));
    if !report.complete {
        let first = &clauses[0];
        push(
            Problem::error(
                "explore-bound",
                first.span.clone(),
                format!(
                    "exploring `{}` hit its bound of {} before every schedule was seen ({} states seen, {} still queued)",
                    program.id,
                    match report.stop {
                        Some(StopReason::Depth) => "depth".to_string(),
                        _ => format!("{max_states} distinct states"),
                    },
                    report.states,
                    report.queued
                ),
            )
            .expected(format!(
                "a program whose schedules fit in {max_states} distinct states"
            ))
            .hint("fewer processes or shorter loops; the claim cannot be checked otherwise"),
        );
        return 0;
    }
    clauses
        .iter()
        .filter(|clause| match verdict(&world, &report, clause) {
            None => true,
            Some((message, hint)) => {
                push(
                    Problem::error("explore-false", clause.span.clone(), message)
                        .expected(format!(
                            "`{}` to hold for `{}`",
                            clause.describe(),
                            program.id
                        ))
                        .hint(hint),
                );
                false
            }
        })
        .count()
}

/// Watches only what the clauses talk about, so the search merges states that differ in
/// nothing the claims can see.
fn config_for(clauses: &[ExploreExpectation], max_states: u64) -> ExploreConfig {
    let watch = clauses
        .iter()
        .filter_map(|c| match &c.claim {
            Claim::Value { variable, .. } => Some(variable.clone()),
            _ => None,
        })
        .collect();
    let any = |f: fn(&Claim) -> bool| clauses.iter().any(|c| f(&c.claim));
    ExploreConfig {
        watch: Some(watch),
        output: any(|c| matches!(c, Claim::Prints { .. })),
        findings: any(|c| matches!(c, Claim::Race | Claim::LostUpdate | Claim::Crash)),
        max_states,
        ..ExploreConfig::default()
    }
}

/// Whether one ending shows the claim.
fn shows(world: &World, class: &OutcomeClass, claim: &Claim) -> bool {
    let outcome = &class.outcome;
    match claim {
        Claim::Value { variable, value } => outcome
            .values
            .iter()
            .any(|(n, v)| n == variable && answer_matches(&v.show(world.style()), value)),
        Claim::Prints { line } => outcome
            .output
            .iter()
            .flat_map(|t| t.as_str().split('\n'))
            .any(|printed| answer_matches(printed, line)),
        Claim::Deadlock => outcome.ending == Ending::Deadlock,
        Claim::Race => outcome.race,
        Claim::LostUpdate => outcome.lost_update,
        Claim::Crash => outcome.crash,
    }
}

/// `None` when the clause holds; otherwise the message and a hint.
fn verdict(
    world: &World,
    report: &Report,
    clause: &ExploreExpectation,
) -> Option<(String, String)> {
    let claim = clause.claim.describe();
    let (matching, other): (Vec<&OutcomeClass>, Vec<&OutcomeClass>) = report
        .classes
        .iter()
        .partition(|class| shows(world, class, &clause.claim));
    // The most common endings only: a program with many is summed up, not listed.
    let endings = |classes: &[&OutcomeClass]| -> String {
        let mut listed: Vec<String> = classes
            .iter()
            .take(3)
            .map(|c| format!("`{}` ({} schedules)", c.outcome.label(world), c.exact))
            .collect();
        if classes.len() > 3 {
            listed.push(format!("and {} other endings", classes.len() - 3));
        }
        listed.join(", ")
    };
    match clause.quantifier {
        Quantifier::All if !other.is_empty() => {
            let example = other[0];
            Some((
                format!(
                    "not every schedule shows `{claim}`: {} of {} schedules end otherwise, such as `{}`",
                    count_of(&other),
                    report.total,
                    example.outcome.label(world)
                ),
                format!(
                    "replay schedule `{}` to see it; every ending: {}",
                    example.schedule,
                    endings(&report.classes.iter().collect::<Vec<_>>())
                ),
            ))
        }
        Quantifier::Some if matching.is_empty() => Some((
            format!(
                "no schedule shows `{claim}`; all {} schedules end as {}",
                report.total,
                endings(&other)
            ),
            "write the claim for one of those endings, or `none:` if that is the point".to_string(),
        )),
        Quantifier::None if !matching.is_empty() => {
            let example = matching[0];
            Some((
                format!(
                    "some schedule shows `{claim}`: {} of {} schedules, such as `{}`",
                    count_of(&matching),
                    report.total,
                    example.outcome.label(world)
                ),
                format!("replay schedule `{}` to see it", example.schedule),
            ))
        }
        _ => None,
    }
}

/// The schedules of several endings, summed exactly.
fn count_of(classes: &[&OutcomeClass]) -> Count {
    let mut sum = Count::zero();
    for class in classes {
        sum += &class.exact;
    }
    sum
}
