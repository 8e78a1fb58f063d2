//! ` ```glossary ` blocks: `[[terms]]` tables in TOML.

use toml::de::DeValue;

use crate::diagnostic::{Problem, Sink};
use crate::model::{Glossary, GlossaryEntry};

use super::program::FencedBlock;
use super::toml_fields::{parse_toml, type_name, Fields};

/// Builds a glossary block; entries with problems are reported and left out.
pub(crate) fn parse_glossary(sink: &mut Sink<'_>, block: &FencedBlock) -> Option<Glossary> {
    let table = parse_toml(
        sink,
        &block.content,
        block.content_start,
        "a glossary block",
    )?;
    let mut top = Fields::new(
        table.get_ref(),
        block.content_start,
        block.info_span.clone(),
        "the glossary block",
    );
    let Some(list) = top.value("terms") else {
        sink.push(
            top.missing("terms", "…")
                .expected("one `[[terms]]` table per term"),
        );
        top.finish(sink, &["terms"]);
        return None;
    };
    let list_span = top.place(list.span());
    let DeValue::Array(items) = list.get_ref() else {
        sink.push(top.wrong_type(
            "terms",
            "a list of tables written as `[[terms]]`",
            list.get_ref(),
            list_span,
        ));
        return None;
    };
    let mut entries = Vec::new();
    for item in items.iter() {
        let span = top.place(item.span());
        let DeValue::Table(table) = item.get_ref() else {
            sink.push(
                Problem::error(
                    "wrong-type",
                    span,
                    format!(
                        "a term must be a table, found {}",
                        type_name(item.get_ref())
                    ),
                )
                .expected("a `[[terms]]` table"),
            );
            continue;
        };
        let mut fields = Fields::new(table, block.content_start, span.clone(), "a glossary term");
        let term = fields.required_string(sink, "term", "\"Mailbox\"");
        let definition = fields.required_string(
            sink,
            "definition",
            "\"The queue where an actor's messages wait.\"",
        );
        let aliases = fields
            .string_list(sink, "aliases")
            .map(|(a, _)| a)
            .unwrap_or_default();
        fields.finish(sink, &["term", "definition", "aliases"]);
        if let (Some((term, _)), Some((definition, _))) = (term, definition) {
            entries.push(GlossaryEntry {
                term,
                aliases: aliases.into_iter().map(|(a, _)| a).collect(),
                definition,
                span,
            });
        }
    }
    top.finish(sink, &["terms"]);
    Some(Glossary {
        entries,
        span: block.span.clone(),
    })
}
