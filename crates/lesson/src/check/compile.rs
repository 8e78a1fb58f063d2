//! Compiles a program block with its dialect's front end and moves the dialect's errors to
//! their place in the lesson file.

use crate::diagnostic::{place, LineIndex, Problem};
use crate::model::{Dialect, Program};
use crate::Diagnostic;

/// The `lang` dialect for a lesson dialect.
pub fn lang_dialect(dialect: Dialect) -> lang::Dialect {
    match dialect {
        Dialect::Python => lang::Dialect::Python,
        Dialect::Erlang => lang::Dialect::Erlang,
        Dialect::Go => lang::Dialect::Go,
    }
}

/// Compiles `program`, a block of the lesson `file` whose full text is `text`. Errors point
/// into the lesson file, at the line and column of the offending code.
pub fn compile_program(
    file: &str,
    text: &str,
    program: &Program,
) -> Result<sim::ir::Program, Vec<Diagnostic>> {
    let index = LineIndex::new(text);
    lang::compile_with_entry(
        lang_dialect(program.dialect),
        &program.source,
        program.entry.as_deref(),
    )
    .map_err(|errors| {
        errors
            .iter()
            .map(|error| {
                let start =
                    entry_offset(text, program, error.span.start as usize).unwrap_or_else(|| {
                        file_offset(
                            &index,
                            program,
                            error.span.start as usize,
                            error.span.line as usize,
                        )
                    });
                let len = (error.span.end.saturating_sub(error.span.start)) as usize;
                let problem = Problem::error(
                    "compile-error",
                    start..start + len,
                    format!("{} (in program `{}`)", error.message, program.id),
                )
                .expected(format!(
                    "a program the {} dialect can run",
                    program.dialect.as_str()
                ))
                .maybe_hint((!error.hint.is_empty()).then(|| error.hint.clone()));
                place(file, text, &index, problem)
            })
            .collect()
    })
}

/// Where an error in the block's `entry="…"` is in the lesson file: the dialect reads the
/// entry as if it followed the source, so offsets from `source.len()` on are in the entry.
/// `None` for an error in the source itself, or when the attribute cannot be found.
fn entry_offset(text: &str, program: &Program, offset: usize) -> Option<usize> {
    let entry = program.entry.as_deref()?;
    let inside = offset.checked_sub(program.source.len())?;
    let info = text.get(program.info_span.clone())?;
    let value = info.find("entry=")? + "entry=".len();
    let quoted = info[value..].starts_with(['"', '\'']);
    let value = value + usize::from(quoted);
    // The dialect trims the entry before reading it.
    let lead = entry.len() - entry.trim_start().len();
    Some(program.info_span.start + value + (lead + inside).min(entry.len()))
}

/// Where byte `offset` of a program's source is in the lesson file.
///
/// When the fence is not indented the source is a verbatim slice of the file. When it is,
/// the Markdown parser stripped the indent from every line, so we go line by line.
pub fn file_offset(index: &LineIndex, program: &Program, offset: usize, line: usize) -> usize {
    let offset = offset.min(program.source.len());
    if program.source_indent == 0 || line == 0 {
        return program.source_offset + offset;
    }
    let line_start_in_source = program.source[..floor(&program.source, offset)]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let file_line = program.source_line + line - 1;
    index
        .line_start(file_line)
        .map_or(program.source_offset + offset, |start| {
            start + program.source_indent + (offset - line_start_in_source)
        })
}

fn floor(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}
