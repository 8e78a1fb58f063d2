//! The Python-shaped dialect: threads, locks and queues over module-level shared variables.

pub(crate) mod ast;
pub(crate) mod lexer;
pub(crate) mod lower;
pub(crate) mod parser;
mod scope;

use crate::diagnostic::Diagnostics;
use crate::source::LineIndex;

/// Parses and lowers a Python lesson program.
pub(crate) fn compile(src: &str, lines: &LineIndex<'_>) -> Result<sim::ir::Program, Diagnostics> {
    let module = parser::parse(src, lines)?;
    lower::lower(&module)
}
