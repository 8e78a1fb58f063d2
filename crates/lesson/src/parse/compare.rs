//! ` ```compare ` blocks: two to four programs under one control bar.

use crate::diagnostic::{Problem, Sink};
use crate::model::{Compare, ProgramRef};

use super::program::FencedBlock;
use super::toml_fields::{parse_toml, Fields};

/// Builds a compare block; whether the programs exist is checked once the lesson is read.
pub(crate) fn parse_compare(sink: &mut Sink<'_>, block: &FencedBlock) -> Option<Compare> {
    let table = parse_toml(sink, &block.content, block.content_start, "a compare block")?;
    let mut fields = Fields::new(
        table.get_ref(),
        block.content_start,
        block.info_span.clone(),
        "the compare block",
    );
    let title = fields.string(sink, "title").map(|(t, _)| t);
    if !fields.has("programs") {
        sink.push(fields.missing("programs", "[\"racy\", \"locked\"]"));
    }
    let programs = fields.string_list(sink, "programs");
    fields.finish(sink, &["title", "programs"]);
    let (programs, span) = programs?;
    if !(2..=4).contains(&programs.len()) {
        sink.push(
            Problem::error(
                "compare-size",
                span,
                format!(
                    "a compare block shows two to four programs, not {}",
                    programs.len()
                ),
            )
            .expected("`programs = [\"a\", \"b\"]` with two to four ids")
            .hint("split a longer comparison into two blocks"),
        );
        return None;
    }
    for (i, (id, span)) in programs.iter().enumerate() {
        if let Some((_, first)) = programs[..i].iter().find(|(other, _)| other == id) {
            sink.push(
                Problem::error(
                    "duplicate-id",
                    span.clone(),
                    format!("`{id}` is named twice in this compare block"),
                )
                .expected("each program once")
                .related(first.clone(), "first named here"),
            );
            return None;
        }
    }
    Some(Compare {
        title,
        programs: programs
            .into_iter()
            .map(|(id, span)| ProgramRef { id, span })
            .collect(),
        span: block.span.clone(),
    })
}
