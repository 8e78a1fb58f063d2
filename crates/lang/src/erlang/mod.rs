//! The Erlang-shaped dialect: actors with mailboxes, `!`, selective `receive` and recursion.

pub(crate) mod ast;
pub(crate) mod lexer;
pub(crate) mod lower;
pub(crate) mod parser;

use crate::diagnostic::Diagnostics;
use crate::source::LineIndex;

/// Parses and lowers an Erlang lesson program; `entry` is a shell expression (without its
/// final `.`) to start from instead of the program's own entry.
///
/// The entry is read as if it were typed on a line of its own after the module, so its
/// errors have spans from the end of `src` on (line and column as on that extra line) and
/// messages that say they are in the entry; front ends place them next to where the entry
/// is written.
pub(crate) fn compile(
    src: &str,
    lines: &LineIndex<'_>,
    entry: Option<&str>,
) -> Result<sim::ir::Program, Diagnostics> {
    let module = parser::parse(src, lines)?;
    let entry = match entry {
        Some(text) => match parse_entry(src, text) {
            Ok(script) => Some(script),
            Err(e) => return Err(in_entry(src, e)),
        },
        None => None,
    };
    lower::lower(&module, entry).map_err(|e| in_entry(src, e))
}

/// Parses the entry after a blank copy of the module (newlines kept, everything else a
/// space), so byte offsets and line numbers continue where the module ends.
fn parse_entry(src: &str, text: &str) -> Result<Vec<ast::Expr>, Diagnostics> {
    let blank: String = src
        .bytes()
        .map(|b| if b == b'\n' { '\n' } else { ' ' })
        .collect();
    let gap = if src.is_empty() || src.ends_with('\n') {
        ""
    } else {
        "\n"
    };
    let text = format!("{blank}{gap}{}.\n", text.trim().trim_end_matches('.'));
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
    Ok(parsed.script)
}

/// Says which errors are in the entry (those past the end of the module's text).
fn in_entry(src: &str, mut errors: Diagnostics) -> Diagnostics {
    for e in &mut errors.0 {
        if e.span.start as usize >= src.len() && !e.message.starts_with("in the entry") {
            e.message = format!("in the entry: {}", e.message);
        }
    }
    errors
}
