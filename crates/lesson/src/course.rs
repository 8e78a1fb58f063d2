//! A course: every lesson, in order, and the glossary they share.

use serde::Serialize;

use crate::diagnostic::{place, sort_diagnostics, Diagnostic, LineIndex, Problem};
use crate::model::{GlossaryEntry, Lesson};
use crate::parse::parse_lesson;

/// The lessons of a course, sorted by their `order`.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Course {
    /// The lessons that parsed without errors, by ascending `order`.
    pub lessons: Vec<Lesson>,
}

impl Course {
    /// Parses `(file name, text)` pairs into a course. Lessons with errors are left out and
    /// their diagnostics returned, along with problems between lessons (a lesson id or an
    /// `order` used twice, a glossary term defined twice).
    pub fn parse<N: AsRef<str>, T: AsRef<str>>(files: &[(N, T)]) -> (Course, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let mut lessons: Vec<(Lesson, &str)> = Vec::new();
        for (name, text) in files {
            let parsed = parse_lesson(name.as_ref(), text.as_ref());
            let failed = parsed.has_errors();
            diagnostics.extend(parsed.diagnostics);
            if !failed {
                lessons.push((parsed.lesson, text.as_ref()));
            }
        }
        lessons.sort_by(|a, b| (a.0.meta.order, &a.0.file).cmp(&(b.0.meta.order, &b.0.file)));
        let mut kept: Vec<Lesson> = Vec::new();
        for (lesson, text) in lessons {
            let clashes = cross_lesson_problems(&kept, &lesson);
            let index = LineIndex::new(text);
            let failed = !clashes.is_empty();
            diagnostics.extend(
                clashes
                    .into_iter()
                    .map(|p| place(&lesson.file, text, &index, p)),
            );
            if !failed {
                kept.push(lesson);
            }
        }
        sort_diagnostics(&mut diagnostics);
        diagnostics.sort_by(|a, b| a.file.cmp(&b.file));
        (Course { lessons: kept }, diagnostics)
    }

    /// The lesson with this id.
    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|l| l.meta.id == id)
    }

    /// Every glossary entry of the course, in lesson order.
    pub fn glossary(&self) -> impl Iterator<Item = &GlossaryEntry> {
        self.lessons.iter().flat_map(Lesson::glossary)
    }

    /// The glossary entry a word (a term or an alias) names, for tooltips.
    pub fn define(&self, word: &str) -> Option<&GlossaryEntry> {
        self.glossary().find(|e| e.matches(word))
    }
}

/// Problems between `lesson` and the lessons already accepted.
fn cross_lesson_problems(kept: &[Lesson], lesson: &Lesson) -> Vec<Problem> {
    let mut problems = Vec::new();
    let head = 0..3;
    if let Some(other) = kept.iter().find(|l| l.meta.id == lesson.meta.id) {
        problems.push(
            Problem::error(
                "duplicate-lesson-id",
                head.clone(),
                format!(
                    "the lesson id `{}` is also used by {}",
                    lesson.meta.id, other.file
                ),
            )
            .expected("a different `id` for each lesson")
            .hint("the id is part of links and saved progress; rename the newer lesson"),
        );
    }
    if let Some(other) = kept.iter().find(|l| l.meta.order == lesson.meta.order) {
        problems.push(
            Problem::error(
                "duplicate-order",
                head,
                format!(
                    "`order = {}` is also used by {}",
                    lesson.meta.order, other.file
                ),
            )
            .expected("a different `order` for each lesson")
            .hint("leave gaps (10, 20, 30…) so a lesson can be slotted in later"),
        );
    }
    for entry in lesson.glossary() {
        let clash = kept.iter().find_map(|l| {
            l.glossary()
                .find(|e| e.term.eq_ignore_ascii_case(&entry.term))
                .map(|_| &l.file)
        });
        if let Some(file) = clash {
            problems.push(
                Problem::error(
                    "duplicate-term",
                    entry.span.clone(),
                    format!(
                        "the glossary term `{}` is already defined in {file}",
                        entry.term
                    ),
                )
                .expected("each term defined once in the course")
                .hint("tooltips need one definition; keep the better one"),
            );
        }
    }
    problems
}
