//! The bundled course, embedded at build time and parsed once.

use std::sync::OnceLock;

use lesson::{Course, Diagnostic};

include!(concat!(env!("OUT_DIR"), "/lessons.rs"));

/// The parsed course and any problems found while parsing it.
pub fn course() -> &'static (Course, Vec<Diagnostic>) {
    static COURSE: OnceLock<(Course, Vec<Diagnostic>)> = OnceLock::new();
    COURSE.get_or_init(|| Course::parse(LESSON_FILES))
}
