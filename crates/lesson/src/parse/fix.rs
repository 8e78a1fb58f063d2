//! `type = "FixTheBug"` questions: the broken program, what a fix must show, and a fix.

use crate::diagnostic::{Problem, Sink};
use crate::model::FixTheBug;

use super::explore::parse_explore;
use super::quiz::program_ref;
use super::toml_fields::Fields;

/// Reads `program`, `goal` (clauses as in `explore=`) and `solution`.
pub(super) fn fix_the_bug(sink: &mut Sink<'_>, fields: &mut Fields<'_, '_>) -> Option<FixTheBug> {
    let program = program_ref(sink, fields);
    let goal = fields
        .required_string(sink, "goal", "\"none: lost-update; all: count = 2\"")
        .and_then(|(text, span)| {
            let before = sink.len();
            let clauses = parse_explore(sink, &text, span.clone());
            if sink.len() > before {
                return None; // the broken clause is already reported
            }
            if clauses.is_empty() {
                sink.push(
                    Problem::error("bad-explore", span, "`goal` has no clause")
                        .expected("`all: CLAIM`, `some: CLAIM` or `none: CLAIM`, separated by `;`"),
                );
                return None;
            }
            Some(clauses)
        });
    let solution = fields.required_string(sink, "solution", "\"\"\"…the fixed program…\"\"\"");
    let (solution, solution_span) = solution?;
    if solution.trim().is_empty() {
        sink.push(
            Problem::error("empty-value", solution_span, "`solution` is empty")
                .expected("the fixed program, which the checker explores")
                .hint("a fix that passes proves the exercise can be solved"),
        );
        return None;
    }
    Some(FixTheBug {
        program: program?,
        goal: goal?,
        solution,
        solution_span,
    })
}
