//! The malformed-lesson corpus: every file in `tests/malformed/` must produce the listed
//! error, at the listed line and column, with the listed words in its message.

use std::collections::BTreeSet;
use std::path::Path;

/// (file stem, diagnostic code, line, column, part of the message).
const CASES: &[(&str, &str, usize, usize, &str)] = &[
    (
        "bad-toml-front-matter",
        "bad-toml",
        3,
        21,
        "invalid TOML in the front matter",
    ),
    (
        "compare-bad-toml",
        "bad-toml",
        17,
        29,
        "invalid TOML in a compare block",
    ),
    (
        "compare-fence-attribute",
        "unknown-attribute",
        16,
        12,
        "a `compare` block takes no attributes on",
    ),
    (
        "compare-five-programs",
        "compare-size",
        17,
        12,
        "a compare block shows two to four programs,",
    ),
    (
        "compare-missing-program",
        "missing-program",
        17,
        21,
        "this compare block names `locked`, but no",
    ),
    (
        "compare-not-a-list",
        "wrong-type",
        17,
        12,
        "`programs` in the compare block must be a",
    ),
    (
        "compare-one-program",
        "compare-size",
        17,
        12,
        "a compare block shows two to four programs,",
    ),
    (
        "compare-repeated-program",
        "duplicate-id",
        17,
        21,
        "`racy` is named twice in this compare block",
    ),
    (
        "front-matter-bad-id",
        "bad-id",
        2,
        6,
        "`Shared Memory!` is not a valid lesson id",
    ),
    (
        "front-matter-empty-title",
        "empty-value",
        3,
        9,
        "`title` is empty",
    ),
    (
        "front-matter-missing-id",
        "missing-key",
        1,
        1,
        "the front matter has no `id`",
    ),
    (
        "front-matter-missing-minutes",
        "missing-key",
        1,
        1,
        "the front matter has no `minutes`",
    ),
    (
        "front-matter-missing-order",
        "missing-key",
        1,
        1,
        "the front matter has no `order`",
    ),
    (
        "front-matter-missing-title",
        "missing-key",
        1,
        1,
        "the front matter has no `title`",
    ),
    (
        "front-matter-misspelt-key",
        "missing-key",
        1,
        1,
        "the front matter has no `summary`",
    ),
    (
        "front-matter-negative-minutes",
        "out-of-range",
        6,
        11,
        "`minutes` is out of range",
    ),
    (
        "front-matter-order-string",
        "wrong-type",
        4,
        9,
        "`order` in the front matter must be a whole",
    ),
    (
        "front-matter-unknown-key",
        "unknown-key",
        7,
        1,
        "unknown key `author` in the front matter",
    ),
    (
        "front-matter-unknown-level",
        "unknown-level",
        7,
        9,
        "unknown level `junoir`",
    ),
    (
        "glossary-duplicate-term",
        "duplicate-id",
        14,
        1,
        "the glossary term `mailbox` is used twice",
    ),
    (
        "glossary-missing-definition",
        "missing-key",
        10,
        1,
        "a glossary term has no `definition`",
    ),
    (
        "glossary-unknown-key",
        "unknown-key",
        13,
        1,
        "unknown key `alias` in a glossary term",
    ),
    (
        "no-front-matter",
        "missing-front-matter",
        1,
        1,
        "a lesson must start with TOML front matter",
    ),
    (
        "program-bad-expect",
        "bad-value",
        9,
        30,
        "unknown expectation `explodes` in `expect`",
    ),
    (
        "program-bad-flag",
        "bad-value",
        9,
        31,
        "`network=maybe` is not true or false",
    ),
    (
        "program-bad-id",
        "bad-id",
        9,
        18,
        "`Racy!` is not a valid program id",
    ),
    (
        "program-bad-mailbox",
        "bad-number",
        9,
        31,
        "`mailbox=0` is not a mailbox size",
    ),
    (
        "program-bad-seed",
        "bad-number",
        9,
        28,
        "`seed=lots` is not a whole number",
    ),
    (
        "program-duplicate-attribute",
        "duplicate-attribute",
        9,
        30,
        "`seed` is given twice",
    ),
    (
        "program-duplicate-id",
        "duplicate-id",
        14,
        14,
        "the program id `racy` is used twice in this",
    ),
    (
        "program-id-without-value",
        "missing-id",
        9,
        4,
        "this program has no `id`",
    ),
    (
        "program-in-list",
        "nested-block",
        11,
        3,
        "a `sim` block must not sit inside a list or",
    ),
    (
        "program-missing-dialect",
        "missing-dialect",
        9,
        8,
        "a `sim` block must name its dialect first",
    ),
    (
        "program-missing-id",
        "missing-id",
        9,
        4,
        "this program has no `id`",
    ),
    (
        "program-misspelt-attribute",
        "unknown-attribute",
        9,
        23,
        "unknown attribute `sed` on a program",
    ),
    (
        "program-overflow-without-mailbox",
        "overflow-without-mailbox",
        9,
        32,
        "`overflow` needs a bounded mailbox",
    ),
    (
        "program-py-dialect",
        "unknown-dialect",
        9,
        8,
        "unknown dialect `py`",
    ),
    (
        "program-random-without-seed",
        "missing-seed",
        9,
        32,
        "a random schedule needs a seed",
    ),
    (
        "program-seed-with-round-robin",
        "seed-without-random",
        9,
        49,
        "`seed` does not apply to",
    ),
    (
        "program-unclosed-fence",
        "unclosed-fence",
        11,
        1,
        "this `sim` block is never closed",
    ),
    (
        "program-unclosed-quote",
        "unclosed-quote",
        9,
        29,
        "the quoted value of `title` is never closed",
    ),
    (
        "program-unknown-attribute",
        "unknown-attribute",
        9,
        23,
        "unknown attribute `colour` on a program",
    ),
    (
        "program-unknown-dialect",
        "unknown-dialect",
        9,
        8,
        "unknown dialect `rust`",
    ),
    (
        "quiz-answer-in-distractors",
        "answer-in-distractors",
        22,
        26,
        "`a mailbox` is both an answer and a",
    ),
    (
        "quiz-bad-toml",
        "bad-toml",
        19,
        8,
        "invalid TOML in a quiz block",
    ),
    (
        "quiz-challenge-final-value-missing",
        "missing-key",
        17,
        1,
        "a ScheduleChallenge question has no `value`",
    ),
    (
        "quiz-challenge-stray-value",
        "unused-key",
        23,
        9,
        "`value` only applies to `goal =",
    ),
    (
        "quiz-challenge-unknown-goal",
        "unknown-goal",
        22,
        8,
        "unknown goal `lose-update`",
    ),
    (
        "quiz-duplicate-question-id",
        "duplicate-id",
        24,
        6,
        "the question id `q1` is used twice in this",
    ),
    (
        "quiz-explanation-number",
        "wrong-type",
        22,
        15,
        "`explanation` in a quiz question must be a",
    ),
    (
        "quiz-mc-missing-answer",
        "missing-key",
        17,
        1,
        "a MultipleChoice question has no `answer`",
    ),
    (
        "quiz-mc-numbers",
        "wrong-type",
        22,
        21,
        "every item of `distractors` must be a",
    ),
    (
        "quiz-missing-id",
        "missing-key",
        17,
        1,
        "a quiz question has no `id`",
    ),
    (
        "quiz-missing-type",
        "missing-key",
        17,
        1,
        "a quiz question has no `type`",
    ),
    (
        "quiz-no-distractors",
        "empty-value",
        22,
        15,
        "`distractors` is empty",
    ),
    (
        "quiz-no-questions",
        "missing-key",
        16,
        4,
        "the quiz block has no `questions`",
    ),
    (
        "quiz-predict-line-and-variable",
        "line-and-variable",
        23,
        8,
        "asks for a printed `line` and a `variable` at once",
    ),
    (
        "quiz-predict-line-float",
        "wrong-type",
        22,
        8,
        "`line` in a PredictOutcome question must be a line number",
    ),
    (
        "quiz-predict-line-word",
        "bad-line",
        22,
        8,
        "`line = \"first\"` is not a line number or `\"last\"`",
    ),
    (
        "quiz-predict-line-zero",
        "bad-line",
        22,
        8,
        "`line = 0` is not a line: lines are counted from 1",
    ),
    (
        "quiz-predict-missing-program",
        "missing-program",
        20,
        11,
        "question `q1` names `rasy`, but no program",
    ),
    (
        "quiz-predict-one-choice",
        "too-few-choices",
        22,
        11,
        "`choices` needs at least two values",
    ),
    (
        "quiz-predict-seed-string",
        "wrong-type",
        22,
        8,
        "`seed` in a PredictOutcome question must be",
    ),
    (
        "quiz-predict-typed-answer",
        "typed-answer",
        22,
        10,
        "a PredictOutcome question must not state",
    ),
    (
        "quiz-questions-not-tables",
        "wrong-type",
        17,
        14,
        "a question must be a table, found a string",
    ),
    (
        "quiz-set-answer-in-distractors",
        "answer-in-distractors",
        22,
        21,
        "`b` is both an answer and a distractor",
    ),
    (
        "quiz-short-answer-distractors",
        "unknown-key",
        22,
        1,
        "unknown key `distractors` in a ShortAnswer",
    ),
    (
        "quiz-singular-table",
        "missing-key",
        16,
        4,
        "the quiz block has no `questions`",
    ),
    (
        "quiz-unknown-type",
        "unknown-question-type",
        19,
        8,
        "unknown question type `MultipleChoise`",
    ),
    (
        "unclosed-front-matter",
        "unclosed-front-matter",
        1,
        1,
        "the front matter is never closed",
    ),
];

fn corpus_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/malformed"))
}

#[test]
fn every_malformed_lesson_reports_its_error_at_the_right_place() {
    let mut failures = Vec::new();
    for (stem, code, line, col, words) in CASES {
        let name = format!("{stem}.md");
        let text = std::fs::read_to_string(corpus_dir().join(&name)).expect("corpus file exists");
        let parsed = lesson::parse_lesson(&name, &text);
        let found = parsed.diagnostics.iter().any(|d| {
            d.is_error()
                && d.code == *code
                && d.line == *line
                && d.col == *col
                && d.message.contains(words)
        });
        if !found {
            let got: Vec<String> = parsed.diagnostics.iter().map(|d| d.to_string()).collect();
            failures.push(format!(
                "{name}: wanted {code} at {line}:{col} containing {words:?}, got:\n{}",
                got.join("\n")
            ));
        }
        assert!(parsed.has_errors(), "{name} must not parse cleanly");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_corpus_is_large_and_fully_listed() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(corpus_dir())
        .expect("corpus folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| p.file_stem().expect("stem").to_string_lossy().into_owned())
        .collect();
    let listed: BTreeSet<String> = CASES.iter().map(|c| c.0.to_string()).collect();
    assert_eq!(
        on_disk, listed,
        "every corpus file needs a row in CASES, and every row a file"
    );
    assert!(
        CASES.len() >= 40,
        "the corpus must hold at least 40 lessons"
    );
}

#[test]
fn every_diagnostic_says_what_was_expected_or_how_to_fix_it() {
    for (stem, ..) in CASES {
        let name = format!("{stem}.md");
        let text = std::fs::read_to_string(corpus_dir().join(&name)).expect("corpus file exists");
        for d in lesson::parse_lesson(&name, &text).diagnostics {
            assert!(
                d.expected.is_some() || d.hint.is_some(),
                "{name}: `{d}` has neither expected nor hint"
            );
            assert_eq!(d.file, name);
            assert!(
                d.span.start <= d.span.end && d.span.end <= text.len(),
                "{name}: span out of the file"
            );
        }
    }
}
