//! The Erlang-shaped dialect: actors with mailboxes, `!`, selective `receive` and recursion.

pub(crate) mod ast;
pub(crate) mod lexer;
pub(crate) mod lower;
pub(crate) mod parser;

use crate::diagnostic::Diagnostics;
use crate::source::LineIndex;

/// Parses and lowers an Erlang lesson program.
pub(crate) fn compile(src: &str, lines: &LineIndex<'_>) -> Result<sim::ir::Program, Diagnostics> {
    let module = parser::parse(src, lines)?;
    lower::lower(&module)
}
