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
                let start = file_offset(
                    &index,
                    program,
                    error.span.start as usize,
                    error.span.line as usize,
                );
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
