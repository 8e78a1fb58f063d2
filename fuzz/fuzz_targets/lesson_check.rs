//! The whole checker on arbitrary text: parse, compile every program, run it, search every
//! schedule challenge. The checker's own budgets bound each run (`MAX_RUN_STEPS` steps) and
//! each search (`SearchBounds::default()`); inputs are kept short so a lesson stays small.
#![no_main]

mod lesson_diagnostics;

/// Longer lessons add little coverage and make each run slower.
const MAX_INPUT: usize = 4096;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_INPUT {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let check = lesson::check::check_lesson("fuzz.md", text);
    lesson_diagnostics::check("fuzz.md", text, &check.diagnostics);
    assert!(check.summary.programs_ok <= check.summary.programs);
    assert!(check.summary.computed_answers <= check.summary.questions);
    assert!(check.summary.challenges_won <= check.summary.questions);
});
