//! The bundled course, embedded at build time and parsed once.

use std::sync::OnceLock;

use lesson::{Course, Diagnostic};

include!(concat!(env!("OUT_DIR"), "/lessons.rs"));

/// The parsed course and any problems found while parsing it.
pub fn course() -> &'static (Course, Vec<Diagnostic>) {
    static COURSE: OnceLock<(Course, Vec<Diagnostic>)> = OnceLock::new();
    COURSE.get_or_init(|| {
        let (mut course, diagnostics) = Course::parse(LESSON_FILES);
        if COURSE_ORDERED {
            // A course folder's `course.toml` lists the order; it outranks `order =`.
            course
                .lessons
                .sort_by_key(|l| LESSON_FILES.iter().position(|(f, _)| *f == l.file));
        }
        (course, diagnostics)
    })
}

/// The course's name: `course.toml`'s `title`, or the bundled course's.
pub fn course_title() -> &'static str {
    COURSE_TITLE.unwrap_or("Lessons")
}

/// The lessons the quiz draws from: those `course.toml`'s `quiz = […]` names, or every
/// lesson when it names none.
pub fn quiz_course() -> &'static Course {
    static QUIZ: OnceLock<Course> = OnceLock::new();
    QUIZ.get_or_init(|| {
        let all = &course().0;
        match QUIZ_FILES {
            None => all.clone(),
            Some(files) => Course {
                lessons: all
                    .lessons
                    .iter()
                    .filter(|l| files.contains(&l.file.as_str()))
                    .cloned()
                    .collect(),
            },
        }
    })
}

/// Names the browser tab after a course whose `course.toml` gives a title.
pub fn title_document() {
    if let (Some(title), Some(doc)) = (COURSE_TITLE, web_sys::window().and_then(|w| w.document())) {
        doc.set_title(&format!("{title} · Switchboard"));
    }
}
