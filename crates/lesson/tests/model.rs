//! Grading helpers and source positions of the parsed model.

use lesson::{parse_lesson, MultipleChoice, QuestionKind, ShortAnswer};

#[test]
fn multiple_choice_needs_exactly_the_set() {
    let q = MultipleChoice {
        answers: vec!["a".into(), "b".into()],
        distractors: vec!["c".into()],
        select_all: true,
    };
    assert!(q.is_correct(&["b", "a"]));
    assert!(!q.is_correct(&["a"]));
    assert!(!q.is_correct(&["a", "b", "c"]));
    assert_eq!(q.choices().count(), 3);
}

#[test]
fn short_answers_ignore_case_and_spacing() {
    let q = ShortAnswer {
        answer: "shared memory".into(),
        alternatives: vec!["sharing".into()],
    };
    assert!(q.accepts("  Shared   Memory "));
    assert!(q.accepts("SHARING"));
    assert!(!q.accepts("locks"));
}

#[test]
fn predictions_compare_line_by_line() {
    assert!(lesson::check::prediction_matches(
        "a 1\nb 2",
        "  a 1 \n\n b  2"
    ));
    assert!(!lesson::check::prediction_matches("a 1\nb 2", "b 2\na 1"));
}

#[test]
fn program_source_lines_map_to_the_lesson_file() {
    let text = "+++\nid = \"x\"\ntitle = \"X\"\norder = 1\nsummary = \"s\"\nminutes = 1\n+++\n\n```sim python id=p\ncount = 0\n```\n";
    let lesson = parse_lesson("x.md", text).into_result().expect("parses");
    let p = lesson.program("p").expect("program");
    assert_eq!(p.source, "count = 0\n");
    assert_eq!(p.source_line, 10);
    assert_eq!(&text[p.source_offset..p.source_offset + 5], "count");
}

#[test]
fn compile_errors_point_into_the_lesson_file() {
    let text = "+++\nid = \"x\"\ntitle = \"X\"\norder = 1\nsummary = \"s\"\nminutes = 1\n+++\n\n```sim python id=p\ncount = 0\ncount +=\n```\n";
    let check = lesson::check::check_lesson("x.md", text);
    let error = check
        .diagnostics
        .iter()
        .find(|d| d.code == "compile-error")
        .expect("a compile error");
    assert_eq!(error.line, 11, "{error}");
    assert!(error.message.contains("program `p`"), "{error}");
}

#[test]
fn entry_errors_point_at_the_entry_attribute() {
    // The fence is line 9: "```sim erlang id=p " is 19 characters and `entry="` 7 more, so
    // the value `m:go(` is columns 27-31 and ends too early at column 32.
    let text = "+++\nid = \"x\"\ntitle = \"X\"\norder = 1\nsummary = \"s\"\nminutes = 1\n+++\n\n```sim erlang id=p entry=\"m:go(\"\n-module(m).\n-export([go/1]).\ngo(N) -> N.\n```\n";
    let check = lesson::check::check_lesson("x.md", text);
    let error = check
        .diagnostics
        .iter()
        .find(|d| d.code == "compile-error")
        .expect("a compile error");
    assert_eq!((error.line, error.col), (9, 32), "{error}");
    assert!(error.message.contains("in the entry"), "{error}");
}

#[test]
fn questions_know_their_section() {
    let text = "+++\nid = \"x\"\ntitle = \"X\"\norder = 1\nsummary = \"s\"\nminutes = 1\n+++\n\n## Part two\n\n```quiz\n[[questions]]\nid = \"q\"\ntype = \"ShortAnswer\"\nprompt = \"?\"\nanswer = \"y\"\n```\n";
    let lesson = parse_lesson("x.md", text).into_result().expect("parses");
    let (section, question) = lesson.questions().next().expect("one question");
    assert_eq!(section.anchor, "part-two");
    assert!(matches!(question.kind, QuestionKind::ShortAnswer(_)));
}

#[test]
fn a_title_heading_is_a_warning_not_an_error() {
    let text = "+++\nid = \"x\"\ntitle = \"X\"\norder = 1\nsummary = \"s\"\nminutes = 1\n+++\n\n# X\n\nText.\n";
    let parsed = parse_lesson("x.md", text);
    assert!(!parsed.has_errors());
    let warning = parsed.diagnostics.first().expect("a warning");
    assert_eq!(
        (warning.code, warning.line, warning.col),
        ("title-heading", 9, 1)
    );
    assert!(parsed.into_result().is_ok());
}
