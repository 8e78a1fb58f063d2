//! Reading a lesson file into the model. No file IO: callers pass the name and the text.

mod body;
mod compare;
mod explore;
mod fix;
mod front_matter;
mod glossary;
mod ids;
mod info;
mod program;
mod quiz;
mod references;
mod schedule;
mod toml_fields;

/// The format's own tables, so tools (the Studio's reference panel) list what the parser accepts.
pub mod format {
    pub use super::body::BLOCK_KINDS;
    pub use super::program::ATTRIBUTES as PROGRAM_ATTRIBUTES;
    pub use super::quiz::{
        COMMON as QUESTION_FIELDS, GOALS as CHALLENGE_GOALS, TYPES as QUESTION_TYPES,
    };
}

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Sink};
use crate::model::Lesson;

/// A lesson as far as it could be read, and every problem found on the way.
#[derive(Clone, Debug, Serialize)]
pub struct ParsedLesson {
    /// Everything that could be read; broken blocks are left out.
    pub lesson: Lesson,
    /// Problems in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl ParsedLesson {
    /// True when any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The lesson if nothing is wrong with it, else the diagnostics.
    pub fn into_result(self) -> Result<Lesson, Vec<Diagnostic>> {
        if self.has_errors() {
            Err(self.diagnostics)
        } else {
            Ok(self.lesson)
        }
    }
}

/// Parses one lesson file. Never panics, whatever the text.
///
/// `file_name` is only used to label diagnostics.
pub fn parse_lesson(file_name: &str, text: &str) -> ParsedLesson {
    let mut sink = Sink::new(file_name, text);
    let (meta, body_start) = front_matter::parse_front_matter(&mut sink, text);
    let sections = body::parse_body(&mut sink, text, body_start);
    let lesson = Lesson {
        file: file_name.to_string(),
        meta,
        sections,
    };
    references::check_references(&mut sink, &lesson);
    ParsedLesson {
        lesson,
        diagnostics: sink.finish(),
    }
}
