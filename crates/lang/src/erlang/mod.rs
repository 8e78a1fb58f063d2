//! The Erlang-shaped dialect: actors with mailboxes, `!`, selective `receive` and recursion.

pub(crate) mod ast;
pub(crate) mod lexer;
pub(crate) mod lower;
pub(crate) mod parser;

use crate::diagnostic::Diagnostics;
use crate::source::LineIndex;

/// Parses and lowers an Erlang lesson program; `entry` is a shell expression (without its
/// final `.`) to start from instead of the program's own entry.
pub(crate) fn compile(
    src: &str,
    lines: &LineIndex<'_>,
    entry: Option<&str>,
) -> Result<sim::ir::Program, Diagnostics> {
    let module = parser::parse(src, lines)?;
    let entry = match entry {
        Some(text) => {
            let text = format!("{}.\n", text.trim().trim_end_matches('.'));
            let entry_lines = LineIndex::new(&text);
            let parsed = parser::parse(&text, &entry_lines)?;
            if let Some(f) = parsed.functions.first() {
                return Err(crate::diagnostic::Diagnostic::new(
                    f.span,
                    "the entry must be expressions to run, not a function definition",
                    "write a call such as `start()` or `m:start(), m:go(3)`",
                )
                .into());
            }
            Some(parsed.script)
        }
        None => None,
    };
    lower::lower(&module, entry)
}
