//! Checks that need the whole lesson: unique ids, and names that must point at a program.

use std::ops::Range;

use crate::diagnostic::{Problem, Sink};
use crate::model::{Lesson, ProgramRef, QuestionKind};
use crate::suggest::did_you_mean;

/// Reports duplicate program, question and glossary names, and references to missing programs.
pub(crate) fn check_references(sink: &mut Sink<'_>, lesson: &Lesson) {
    let programs: Vec<(&str, Range<usize>)> = lesson
        .programs()
        .map(|p| (p.id.as_str(), p.id_span.clone()))
        .collect();
    report_duplicates(sink, &programs, "program id", LINK_HINT);
    let questions: Vec<(&str, Range<usize>)> = lesson
        .questions()
        .map(|(_, q)| (q.id.as_str(), q.id_span.clone()))
        .collect();
    report_duplicates(sink, &questions, "question id", LINK_HINT);
    let terms: Vec<(String, Range<usize>)> = lesson
        .glossary()
        .map(|e| (e.term.to_lowercase(), e.span.clone()))
        .collect();
    let terms: Vec<(&str, Range<usize>)> =
        terms.iter().map(|(t, s)| (t.as_str(), s.clone())).collect();
    report_duplicates(
        sink,
        &terms,
        "glossary term",
        "a tooltip can show only one definition; merge the two entries",
    );

    let ids: Vec<&str> = programs.iter().map(|(id, _)| *id).collect();
    for compare in lesson.compares() {
        for program in &compare.programs {
            check_program_ref(sink, program, &ids, "this compare block");
        }
    }
    for (_, question) in lesson.questions() {
        let program = match &question.kind {
            QuestionKind::PredictOutcome(p) => &p.program,
            QuestionKind::ScheduleChallenge(c) => &c.program,
            QuestionKind::FixTheBug(f) => &f.program,
            _ => continue,
        };
        check_program_ref(sink, program, &ids, &format!("question `{}`", question.id));
    }
}

const LINK_HINT: &str = "links and saved progress use ids, so each must be unique in its lesson";

fn report_duplicates(sink: &mut Sink<'_>, names: &[(&str, Range<usize>)], what: &str, hint: &str) {
    for (i, (name, span)) in names.iter().enumerate() {
        if let Some((_, first)) = names[..i].iter().find(|(other, _)| other == name) {
            sink.push(
                Problem::error(
                    "duplicate-id",
                    span.clone(),
                    format!("the {what} `{name}` is used twice in this lesson"),
                )
                .expected(format!("a different {what} for each"))
                .hint(hint)
                .related(first.clone(), "first used here"),
            );
        }
    }
}

fn check_program_ref(sink: &mut Sink<'_>, program: &ProgramRef, ids: &[&str], user: &str) {
    if ids.contains(&program.id.as_str()) {
        return;
    }
    let hint = did_you_mean(&program.id, ids.iter().copied()).or_else(|| {
        Some(if ids.is_empty() {
            "this lesson has no ` ```sim ` blocks yet".to_string()
        } else {
            format!("programs in this lesson: {}", ids.join(", "))
        })
    });
    sink.push(
        Problem::error(
            "missing-program",
            program.span.clone(),
            format!("{user} names `{}`, but no program has that id", program.id),
        )
        .expected("the `id` of a ` ```sim ` block in this lesson")
        .maybe_hint(hint),
    );
}
