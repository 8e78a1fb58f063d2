//! Fix-the-bug exercises: exploring every schedule of a program against the fix's goal. The
//! checker proves that the broken program fails and the reference fix passes; the app grades
//! a student's edited program with the same [`judge_fix`].

use crate::diagnostic::Problem;
use crate::model::{ExploreExpectation, FixTheBug, Program, Question};

use super::compile::lang_dialect;
use super::explore::check_explore;
use super::CheckBudget;

/// What exploring a program against a fix's goal found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixJudgement {
    /// Every clause of the goal holds over every schedule.
    pub passed: bool,
    /// One sentence per clause that fails, each naming a schedule that shows it.
    pub failures: Vec<String>,
}

/// Explores `ir` (compiled from `program`'s source or from an edit of it, run with the
/// program's own options) and judges it against `goal`.
pub fn judge_fix(
    ir: &sim::ir::Program,
    program: &Program,
    goal: &[ExploreExpectation],
) -> FixJudgement {
    let problems = explore_against(ir, program, goal, &CheckBudget::default());
    FixJudgement {
        passed: problems.is_empty(),
        failures: problems
            .iter()
            .map(|p| match &p.hint {
                Some(hint) => format!("{}; {hint}", p.message),
                None => p.message.clone(),
            })
            .collect(),
    }
}

/// Compiles an edited program in the dialect (and with the entry) of `program`. The error
/// is the dialect's first message with its line and column in the edited text.
pub fn compile_edit(program: &Program, source: &str) -> Result<sim::ir::Program, String> {
    lang::compile_with_entry(
        lang_dialect(program.dialect),
        source,
        program.entry.as_deref(),
    )
    .map_err(|errors| match errors.first() {
        Some(e) => format!("line {}:{}: {}", e.span.line, e.span.col, e.message),
        None => "the program does not compile".to_string(),
    })
}

/// Every problem the goal's clauses show on `ir`, placed at the clauses.
fn explore_against(
    ir: &sim::ir::Program,
    program: &Program,
    goal: &[ExploreExpectation],
    budget: &CheckBudget,
) -> Vec<Problem> {
    let mut with_goal = program.clone();
    with_goal.expect.explore = goal.to_vec();
    let mut problems = Vec::new();
    let held = check_explore(ir, &with_goal, budget, &mut |p| problems.push(p));
    if problems.is_empty() && held < goal.len() {
        // The simulator refused the program before exploring: nothing was proved.
        problems.push(Problem::error(
            "fix-unexplored",
            goal[0].span.clone(),
            "the program could not be explored",
        ));
    }
    problems
}

/// Checks one exercise: the broken program must fail the goal and the reference fix must
/// pass it. Returns true when both hold.
pub(crate) fn check_fix(
    ir: &sim::ir::Program,
    program: &Program,
    question: &Question,
    fix: &FixTheBug,
    budget: &CheckBudget,
    push: &mut impl FnMut(Problem),
) -> bool {
    let mut ok = true;
    if explore_against(ir, program, &fix.goal, budget).is_empty() {
        push(
            Problem::error(
                "fix-not-broken",
                question.span.clone(),
                format!(
                    "question `{}` asks to fix `{}`, but every schedule of it already meets the goal",
                    question.id, program.id
                ),
            )
            .expected("a broken program: at least one `goal` clause false for it")
            .hint("the goal should name what the bug breaks, such as `none: lost-update`"),
        );
        ok = false;
    }
    let solution = match compile_edit(program, &fix.solution) {
        Ok(ir) => ir,
        Err(message) => {
            push(
                Problem::error(
                    "compile-error",
                    fix.solution_span.clone(),
                    format!(
                        "the reference fix of `{}` does not compile: {message}",
                        question.id
                    ),
                )
                .expected(format!(
                    "a program the {} dialect can run",
                    program.dialect.as_str()
                )),
            );
            return false;
        }
    };
    for problem in explore_against(&solution, program, &fix.goal, budget) {
        let mut problem = problem;
        problem.message = format!(
            "the reference fix of `{}`: {}",
            question.id, problem.message
        );
        push(problem);
        ok = false;
    }
    ok
}
