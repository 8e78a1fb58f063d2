//! The Go-shaped dialect: goroutines, channels, `select`, mutexes and WaitGroups.

pub(crate) mod ast;
mod capture;
pub(crate) mod lexer;
pub(crate) mod lower;
pub(crate) mod parser;
mod types;

use crate::diagnostic::Diagnostics;
use crate::source::LineIndex;

/// Parses and lowers a Go lesson program.
pub(crate) fn compile(src: &str, lines: &LineIndex<'_>) -> Result<sim::ir::Program, Diagnostics> {
    let file = parser::parse(src, lines)?;
    lower::lower(&file)
}
