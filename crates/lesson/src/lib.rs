//! Switchboard's lesson files.
//!
//! A lesson is Markdown with TOML front matter. Fenced blocks carry the interactive parts:
//! ` ```sim python|erlang|go ` programs, ` ```compare ` panels, ` ```quiz ` questions and
//! ` ```glossary ` terms. [`parse_lesson`] turns `(file name, text)` into a [`Lesson`] plus
//! [`Diagnostic`]s; [`Course`] gathers lessons; the [`check`] module runs every program and
//! works out every simulator-graded answer. The format is documented in
//! `docs/lesson-format.md`.

pub mod check;
mod course;
mod diagnostic;
pub mod model;
mod parse;
mod suggest;

pub use course::Course;
pub use diagnostic::{Diagnostic, LineIndex, Related, Severity};
pub use model::*;
pub use parse::{format, parse_lesson, ParsedLesson};
