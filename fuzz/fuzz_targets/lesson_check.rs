//! The whole checker on arbitrary text: parse, compile every program, run it, search every
//! schedule challenge, explore every `explore=` clause. The checker runs within a budget far
//! below the course's ([`FUZZ_BUDGET`]), so a lesson whose programs have many states (the
//! course's worker pool has 154,435) is reported as over budget in a fraction of a second
//! instead of being explored to the end; inputs are kept short so a lesson stays small.
#![no_main]

mod lesson_diagnostics;

use lesson::check::{check_lesson_with, CheckBudget};

/// Longer lessons add little coverage and make each run slower.
const MAX_INPUT: usize = 4096;

/// A few thousand states or steps each: enough to reach every kind of finding the small
/// programs of a fuzzed lesson have, small enough that one input takes well under a second
/// in the instrumented build.
const FUZZ_BUDGET: CheckBudget = CheckBudget {
    max_run_steps: 5_000,
    max_explore_states: 2_000,
    max_search_states: 2_000,
    max_search_depth: 400,
};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_INPUT {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let check = check_lesson_with("fuzz.md", text, &FUZZ_BUDGET);
    lesson_diagnostics::check("fuzz.md", text, &check.diagnostics);
    assert!(check.summary.programs_ok <= check.summary.programs);
    assert!(check.summary.computed_answers <= check.summary.questions);
    assert!(check.summary.challenges_won <= check.summary.questions);
    assert!(check.summary.explorations_ok <= check.summary.explorations);
});
