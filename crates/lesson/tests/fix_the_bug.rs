//! Fix-the-bug exercises and predictions over every schedule. The program is two threads that
//! each do `count += 1` once (a read, then a write). Worked out by hand: without a lock the
//! count ends 1 when both read before either writes and 2 otherwise; with the lock every
//! schedule ends 2.

use lesson::check::{check_lesson, compile_edit, explored_values, judge_fix};

const UNLOCKED: &str = "import threading\ncount = 0\nlock = threading.Lock()\n\
    def bump():\n    global count\n    count += 1\n\
    a = threading.Thread(target=bump)\nb = threading.Thread(target=bump)\n\
    a.start()\nb.start()\na.join()\nb.join()\nprint(\"count is\", count)\n";

fn locked() -> String {
    UNLOCKED.replace("    count += 1\n", "    with lock:\n        count += 1\n")
}

/// A lesson with the unlocked program (`expect=race`: round-robin interleaves the two
/// reads) and one quiz block holding `questions`.
fn lesson(program: &str, expect: &str, questions: &str) -> String {
    format!(
        "+++\nid = \"x\"\ntitle = \"X\"\norder = 1\nsummary = \"s\"\nminutes = 1\n+++\n\n\
         ```sim python id=p{expect}\n{program}```\n\n```quiz\n{questions}```\n"
    )
}

fn fix_question(goal: &str, solution: &str) -> String {
    format!(
        "[[questions]]\nid = \"f\"\ntype = \"FixTheBug\"\nprogram = \"p\"\ngoal = \"{goal}\"\n\
         prompt = \"Fix it.\"\nsolution = \"\"\"\n{solution}\"\"\"\n"
    )
}

fn error_codes(text: &str) -> Vec<String> {
    check_lesson("x.md", text)
        .diagnostics
        .into_iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{} {}", d.code, d.message))
        .collect()
}

#[test]
fn a_broken_program_and_a_passing_fix_check_clean() {
    let text = lesson(
        UNLOCKED,
        " expect=race",
        &fix_question("none: lost-update; all: count = 2", &locked()),
    );
    let check = check_lesson("x.md", &text);
    assert_eq!(error_codes(&text), Vec::<String>::new());
    assert_eq!(check.summary.fixes_ok, 1);
}

#[test]
fn a_program_that_is_not_broken_is_an_error() {
    let text = lesson(&locked(), "", &fix_question("all: count = 2", &locked()));
    let codes = error_codes(&text);
    assert_eq!(codes.len(), 1, "{codes:?}");
    assert!(codes[0].starts_with("fix-not-broken"), "{codes:?}");
}

#[test]
fn a_reference_fix_that_fails_is_an_error_at_the_clause() {
    // The "fix" is the broken program itself: some schedule still ends with count 1.
    let text = lesson(
        UNLOCKED,
        " expect=race",
        &fix_question("all: count = 2", UNLOCKED),
    );
    let check = check_lesson("x.md", &text);
    let errors: Vec<_> = check.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].code, "explore-false");
    assert!(
        errors[0].message.contains("reference fix"),
        "{}",
        errors[0].message
    );
    // The clause `all: count = 2` is on the quiz's `goal` line.
    let goal_line = text.lines().position(|l| l.starts_with("goal =")).unwrap() + 1;
    assert_eq!(errors[0].line, goal_line);
}

#[test]
fn a_reference_fix_that_does_not_compile_is_an_error() {
    let text = lesson(
        UNLOCKED,
        " expect=race",
        &fix_question("all: count = 2", "count = = 1\n"),
    );
    let codes = error_codes(&text);
    assert_eq!(codes.len(), 1, "{codes:?}");
    assert!(codes[0].starts_with("compile-error"), "{codes:?}");
}

#[test]
fn a_bad_goal_is_reported_where_it_is_written() {
    let text = lesson(
        UNLOCKED,
        " expect=race",
        &fix_question("most: count = 2", &locked()),
    );
    let codes = error_codes(&text);
    assert!(
        codes.iter().any(|c| c.starts_with("bad-explore")),
        "{codes:?}"
    );
}

#[test]
fn a_students_edit_is_judged_by_exploring_it() {
    let text = lesson(
        UNLOCKED,
        " expect=race",
        &fix_question("all: count = 2", &locked()),
    );
    let parsed = lesson::parse_lesson("x.md", &text).into_result().unwrap();
    let program = parsed.program("p").unwrap();
    let (_, question) = parsed.questions().next().unwrap();
    let lesson::QuestionKind::FixTheBug(fix) = &question.kind else {
        panic!("a fix-the-bug question");
    };
    let good = judge_fix(
        &compile_edit(program, &locked()).unwrap(),
        program,
        &fix.goal,
    );
    assert!(good.passed && good.failures.is_empty(), "{good:?}");
    let bad = judge_fix(
        &compile_edit(program, UNLOCKED).unwrap(),
        program,
        &fix.goal,
    );
    assert!(!bad.passed);
    assert_eq!(bad.failures.len(), 1);
    assert!(bad.failures[0].contains("count = 1"), "{}", bad.failures[0]);
    assert!(
        bad.failures[0].contains("replay schedule"),
        "{}",
        bad.failures[0]
    );
    let broken = compile_edit(program, "def f(:\n").unwrap_err();
    assert!(broken.starts_with("line 1:"), "{broken}");
}

#[test]
fn every_schedule_predictions_take_the_explorers_values() {
    let every = |choices: &str| {
        format!(
            "[[questions]]\nid = \"e\"\ntype = \"PredictOutcome\"\nprogram = \"p\"\n\
             schedule = \"every\"\nvariable = \"count\"\nchoices = {choices}\nprompt = \"Which?\"\n"
        )
    };
    let good = lesson(UNLOCKED, " expect=race", &every("[\"2\", \"1, 2\"]"));
    assert_eq!(error_codes(&good), Vec::<String>::new());
    assert_eq!(check_lesson("x.md", &good).summary.computed_answers, 1);
    let wrong = lesson(UNLOCKED, " expect=race", &every("[\"2\", \"0, 1, 2\"]"));
    let codes = error_codes(&wrong);
    assert!(codes[0].starts_with("answer-not-in-choices"), "{codes:?}");

    let parsed = lesson::parse_lesson("x.md", &good).into_result().unwrap();
    let program = parsed.program("p").unwrap();
    let ir = compile_edit(program, &program.source).unwrap();
    assert_eq!(explored_values(&ir, program, "count").unwrap(), "1, 2");
    let ir = compile_edit(program, &locked()).unwrap();
    assert_eq!(explored_values(&ir, program, "count").unwrap(), "2");
    assert!(explored_values(&ir, program, "nope").is_err());
}

#[test]
fn every_needs_a_variable_and_no_seed() {
    let text = lesson(
        UNLOCKED,
        " expect=race",
        "[[questions]]\nid = \"e\"\ntype = \"PredictOutcome\"\nprogram = \"p\"\n\
         schedule = \"every\"\nline = 1\nprompt = \"Which?\"\n\n\
         [[questions]]\nid = \"g\"\ntype = \"PredictOutcome\"\nprogram = \"p\"\n\
         schedule = \"every\"\nseed = 3\nvariable = \"count\"\nprompt = \"Which?\"\n",
    );
    let codes = error_codes(&text);
    assert!(
        codes.iter().any(|c| c.starts_with("every-needs-variable")),
        "{codes:?}"
    );
    assert!(
        codes.iter().any(|c| c.starts_with("seed-without-random")),
        "{codes:?}"
    );
}
