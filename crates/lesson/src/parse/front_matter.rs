//! The TOML front matter between the `+++` lines at the top of a lesson.

use std::ops::Range;

use crate::diagnostic::{Problem, Sink};
use crate::model::{LessonMeta, Level};
use crate::suggest::{did_you_mean, one_of};

use super::ids::check_id;
use super::toml_fields::{parse_toml, Fields};

const KEYS: [&str; 6] = ["id", "title", "order", "level", "summary", "minutes"];

/// Reads the front matter. Returns what it could read and the byte offset where the body
/// starts (0 when there is no usable front matter).
pub(crate) fn parse_front_matter(sink: &mut Sink<'_>, text: &str) -> (LessonMeta, usize) {
    let mut meta = LessonMeta::default();
    // Editors on some systems start files with a byte-order mark; it is not an error.
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = lines_with_offsets(text, start);
    let Some((first, first_span)) = lines.next() else {
        sink.push(missing_front_matter(start..start));
        return (meta, start);
    };
    if first.trim_end() != "+++" {
        sink.push(missing_front_matter(first_span));
        return (meta, start);
    }
    let open = first_span;
    let Some(close) = lines
        .find(|(line, _)| line.trim_end() == "+++")
        .map(|(_, span)| span)
    else {
        sink.push(
            Problem::error(
                "unclosed-front-matter",
                open.clone(),
                "the front matter is never closed",
            )
            .expected("a second `+++` line after the front matter")
            .hint("add a line with just `+++` between the TOML and the lesson text"),
        );
        return (meta, text.len());
    };
    let toml_start = line_end(text, open.end);
    let toml_text = text.get(toml_start..close.start).unwrap_or_default();
    let body_start = line_end(text, close.end);
    let Some(table) = parse_toml(sink, toml_text, toml_start, "the front matter") else {
        return (meta, body_start);
    };

    let mut fields = Fields::new(table.get_ref(), toml_start, open, "the front matter");
    if let Some((id, span)) = fields.required_string(sink, "id", "\"shared-memory\"") {
        if check_id(sink, &id, span, "lesson id") {
            meta.id = id;
        }
    }
    if let Some((title, _)) = fields.required_string(sink, "title", "\"Why shared memory hurts\"") {
        meta.title = title;
    }
    if let Some((summary, _)) =
        fields.required_string(sink, "summary", "\"One sentence for the course path.\"")
    {
        meta.summary = summary;
    }
    if fields.has("order") {
        if let Some((order, _)) = fields.integer(sink, "order", 0..100_000) {
            meta.order = order as u32;
        }
    } else {
        sink.push(fields.missing("order", "3"));
    }
    if fields.has("minutes") {
        if let Some((minutes, _)) = fields.integer(sink, "minutes", 1..1_000) {
            meta.minutes = minutes as u32;
        }
    } else {
        sink.push(fields.missing("minutes", "10"));
    }
    if let Some((level, span)) = fields.string(sink, "level") {
        match Level::ALL.iter().find(|(name, _)| *name == level) {
            Some((_, found)) => meta.level = *found,
            None => sink.push(bad_level(&level, span)),
        }
    }
    fields.finish(sink, &KEYS);
    (meta, body_start)
}

fn missing_front_matter(span: Range<usize>) -> Problem {
    Problem::error(
        "missing-front-matter",
        span,
        "a lesson must start with TOML front matter",
    )
    .expected(
        "`+++` on the first line, then `id`, `title`, `order`, `summary` and `minutes`, then `+++`",
    )
    .hint("see the example lesson in docs/lesson-format.md")
}

fn bad_level(level: &str, span: Range<usize>) -> Problem {
    let names: Vec<&str> = Level::ALL.iter().map(|(n, _)| *n).collect();
    Problem::error("unknown-level", span, format!("unknown level `{level}`"))
        .expected(format!("one of {}", one_of(&names)))
        .maybe_hint(did_you_mean(level, names.iter().copied()))
}

/// Lines (without their newline) with their byte spans, starting at `start`.
fn lines_with_offsets(text: &str, start: usize) -> impl Iterator<Item = (&str, Range<usize>)> {
    let rest = text.get(start..).unwrap_or_default();
    rest.split_inclusive('\n').scan(start, |offset, line| {
        let begin = *offset;
        *offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        Some((content, begin..begin + content.len()))
    })
}

/// The offset just past the newline that ends the line containing `offset`.
fn line_end(text: &str, offset: usize) -> usize {
    text.get(offset..)
        .and_then(|rest| rest.find('\n'))
        .map_or(text.len(), |i| offset + i + 1)
}
