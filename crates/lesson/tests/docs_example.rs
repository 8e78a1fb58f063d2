//! The complete example lesson in docs/lesson-format.md must stay correct.

fn example_lesson() -> String {
    let guide = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/lesson-format.md"
    ))
    .expect("docs/lesson-format.md exists");
    let start = guide
        .find("````markdown\n")
        .expect("the guide has a ````markdown example")
        + "````markdown\n".len();
    let end = start
        + guide[start..]
            .find("\n````\n")
            .expect("the example is closed");
    guide[start..=end].to_string()
}

#[test]
fn the_guide_example_passes_the_checker() {
    let check = lesson::check::check_lesson("docs-example.md", &example_lesson());
    let problems: Vec<String> = check.diagnostics.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(check.summary.programs, 2);
    assert_eq!(check.summary.questions, 4);
    assert_eq!(check.summary.computed_answers, 1);
    assert_eq!(check.summary.challenges_won, 1);
}

#[test]
fn the_guide_example_exposes_every_block_kind() {
    let lesson = lesson::parse_lesson("docs-example.md", &example_lesson())
        .into_result()
        .expect("parses");
    assert_eq!(lesson.meta.id, "two-adders");
    let anchors: Vec<&str> = lesson.sections.iter().map(|s| s.anchor.as_str()).collect();
    assert_eq!(anchors, ["intro", "the-race", "the-fix"]);
    let adders = lesson.program("adders").expect("program");
    assert!(adders.expand);
    assert_eq!(adders.dialect, lesson::Dialect::Python);
    assert_eq!(lesson.compares().count(), 1);
    assert_eq!(lesson.glossary().count(), 1);
    let kinds: Vec<&str> = lesson
        .questions()
        .map(|(_, q)| q.kind.type_name())
        .collect();
    assert_eq!(
        kinds,
        [
            "PredictOutcome",
            "ScheduleChallenge",
            "MultipleChoice",
            "ShortAnswer"
        ]
    );
}
