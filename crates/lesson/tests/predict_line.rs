//! `line = N` and `line = "last"` predictions: the parsed target, the answer the simulator
//! computes for it, and the checker's error for a line the program never prints.

use lesson::check::{check_lesson, compile_program, predicted_answer, run_program};
use lesson::{parse_lesson, OutputLine, PredictOutcome, PredictTarget, QuestionKind};

/// A lesson whose program prints `first`, `second`, then its count; `line` goes into the
/// question as written.
fn lesson_text(program: &str, line: &str) -> String {
    format!(
        "+++\nid = \"x\"\ntitle = \"X\"\norder = 1\nsummary = \"s\"\nminutes = 1\n+++\n\n\
         ```sim python id=p\n{program}```\n\n\
         ```quiz\n[[questions]]\nid = \"q\"\ntype = \"PredictOutcome\"\nprogram = \"p\"\n\
         schedule = \"round-robin\"\nline = {line}\nprompt = \"Which line?\"\n```\n"
    )
}

const PRINTS_THREE: &str =
    "count = 2\nprint(\"first\")\nprint(\"second\")\nprint(\"count is\", count)\n";

fn prediction(text: &str) -> (lesson::Lesson, PredictOutcome) {
    let lesson = parse_lesson("x.md", text).into_result().expect("parses");
    let (_, question) = lesson.questions().next().expect("one question");
    let QuestionKind::PredictOutcome(predict) = question.kind.clone() else {
        panic!("a prediction");
    };
    (lesson, predict)
}

/// The answer the checker computes, by running the program as the app does.
fn computed(text: &str) -> Option<String> {
    let (lesson, predict) = prediction(text);
    let program = lesson.program(&predict.program.id).expect("program");
    let ir = compile_program("x.md", text, program).expect("compiles");
    let run = run_program(&ir, program, predict.schedule.as_ref()).expect("runs");
    predicted_answer(&run, &predict.target)
}

#[test]
fn line_parses_as_a_number_or_last() {
    let (_, p) = prediction(&lesson_text(PRINTS_THREE, "2"));
    assert_eq!(p.target, PredictTarget::Line(OutputLine::Number(2)));
    let (_, p) = prediction(&lesson_text(PRINTS_THREE, "\"last\""));
    assert_eq!(p.target, PredictTarget::Line(OutputLine::Last));
}

#[test]
fn the_computed_line_follows_the_program() {
    let first = lesson_text(PRINTS_THREE, "1");
    let second = lesson_text(PRINTS_THREE, "2");
    let last = lesson_text(PRINTS_THREE, "\"last\"");
    assert_eq!(computed(&first).as_deref(), Some("first"));
    assert_eq!(computed(&second).as_deref(), Some("second"));
    assert_eq!(computed(&last).as_deref(), Some("count is 2"));

    // Change the program and the expected line changes with it.
    let edited = PRINTS_THREE
        .replace("count = 2", "count = 7")
        .replace("\"second\"", "\"middle\"");
    assert_eq!(
        computed(&lesson_text(&edited, "2")).as_deref(),
        Some("middle")
    );
    assert_eq!(
        computed(&lesson_text(&edited, "\"last\"")).as_deref(),
        Some("count is 7")
    );
    // A new last line moves `last`, not line 1.
    let longer = format!("{PRINTS_THREE}print(\"done\")\n");
    assert_eq!(
        computed(&lesson_text(&longer, "\"last\"")).as_deref(),
        Some("done")
    );
    assert_eq!(
        computed(&lesson_text(&longer, "1")).as_deref(),
        Some("first")
    );
}

#[test]
fn a_line_prediction_passes_the_checker() {
    for line in ["1", "3", "\"last\""] {
        let check = check_lesson("x.md", &lesson_text(PRINTS_THREE, line));
        let problems: Vec<String> = check.diagnostics.iter().map(ToString::to_string).collect();
        assert!(
            problems.is_empty(),
            "line = {line}: {}",
            problems.join("\n")
        );
        assert_eq!(check.summary.computed_answers, 1);
    }
}

#[test]
fn a_line_beyond_the_output_is_a_checker_error_with_a_hint() {
    let text = lesson_text(PRINTS_THREE, "4");
    let check = check_lesson("x.md", &text);
    let error = check
        .diagnostics
        .iter()
        .find(|d| d.code == "line-out-of-range")
        .unwrap_or_else(|| panic!("an error, got {:?}", check.diagnostics));
    assert!(error.is_error());
    assert!(
        error
            .message
            .contains("asks for line 4 `p` prints, but under this schedule it prints only 3 lines"),
        "{error}"
    );
    assert_eq!(
        error.expected.as_deref(),
        Some("`line` from 1 to 3, or `line = \"last\"`")
    );
    assert!(error.hint.is_some());
    // It points at the question's `[[questions]]` table.
    assert_eq!((error.line, error.col), (17, 1), "{error}");
    assert_eq!(check.summary.computed_answers, 0);
}

#[test]
fn last_of_a_silent_program_is_a_checker_error() {
    let check = check_lesson("x.md", &lesson_text("count = 1\n", "\"last\""));
    let error = check
        .diagnostics
        .iter()
        .find(|d| d.code == "line-out-of-range")
        .expect("an error");
    assert!(error.message.contains("prints nothing"), "{error}");
    assert!(error.hint.is_some());
}

#[test]
fn choices_must_include_the_computed_line() {
    let text = lesson_text(PRINTS_THREE, "\"last\"").replace(
        "prompt = ",
        "choices = [\"first\", \"count is 3\"]\nprompt = ",
    );
    let check = check_lesson("x.md", &text);
    assert!(
        check
            .diagnostics
            .iter()
            .any(|d| d.code == "answer-not-in-choices"),
        "{:?}",
        check.diagnostics
    );
}
