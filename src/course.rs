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
