//! Reads TOML tables key by key, reporting wrong types, missing keys and unknown keys with
//! the exact place in the lesson file.

use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::diagnostic::{Problem, Sink};
use crate::suggest::{did_you_mean, one_of};

/// Parses a TOML block that starts at byte `base` of the lesson file.
///
/// On a syntax error, reports it (placed in the lesson file) and returns `None`.
pub(crate) fn parse_toml<'i>(
    sink: &mut Sink<'_>,
    toml_text: &'i str,
    base: usize,
    what: &str,
) -> Option<Spanned<DeTable<'i>>> {
    match DeTable::parse(toml_text) {
        Ok(table) => Some(table),
        Err(error) => {
            let span = error
                .span()
                .map_or(base..base, |s| base + s.start..base + s.end.max(s.start));
            let message = error.message().trim().trim_end_matches('.').to_string();
            sink.push(
                Problem::error(
                    "bad-toml",
                    span,
                    format!("invalid TOML in {what}: {message}"),
                )
                .expected("TOML such as `key = \"value\"`, one per line")
                .hint("strings need double quotes; lists look like `[\"a\", \"b\"]`"),
            );
            None
        }
    }
}

/// A string and where it is written.
pub(crate) type Located = (String, Range<usize>);

/// One TOML table being read. Keys that are read are remembered, so [`Fields::finish`] can
/// report every key nobody asked for.
pub(crate) struct Fields<'a, 'i> {
    table: &'a DeTable<'i>,
    base: usize,
    /// Where to point when a required key is missing (the table header, say).
    anchor: Range<usize>,
    /// What the table is, for messages: "the front matter", "a MultipleChoice question".
    what: String,
    read: Vec<String>,
}

impl<'a, 'i> Fields<'a, 'i> {
    /// Reads `table`, whose TOML text starts at byte `base` of the lesson file.
    pub fn new(
        table: &'a DeTable<'i>,
        base: usize,
        anchor: Range<usize>,
        what: impl Into<String>,
    ) -> Fields<'a, 'i> {
        Fields {
            table,
            base,
            anchor,
            what: what.into(),
            read: Vec::new(),
        }
    }

    /// Renames the table for later messages, once its kind is known.
    pub fn set_what(&mut self, what: impl Into<String>) {
        self.what = what.into();
    }

    /// Moves a span inside the TOML text to the lesson file.
    pub fn place(&self, span: Range<usize>) -> Range<usize> {
        self.base + span.start..self.base + span.end
    }

    /// The raw value of `key`, marking it read.
    pub fn value(&mut self, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
        let table: &'a DeTable<'i> = self.table;
        let value = table.get(key)?;
        self.read.push(key.to_string());
        Some(value)
    }

    /// True when the table has `key`, without marking it read.
    pub fn has(&self, key: &str) -> bool {
        self.table.get(key).is_some()
    }

    /// The span of `key`'s value in the lesson file.
    pub fn value_span(&self, key: &str) -> Option<Range<usize>> {
        self.table.get(key).map(|v| self.place(v.span()))
    }

    /// A string value; a value of another type is reported.
    pub fn string(&mut self, sink: &mut Sink<'_>, key: &str) -> Option<(String, Range<usize>)> {
        let value = self.value(key)?;
        let span = self.place(value.span());
        match value.get_ref() {
            DeValue::String(s) => Some((s.to_string(), span)),
            other => {
                sink.push(self.wrong_type(key, "a string in double quotes", other, span));
                None
            }
        }
    }

    /// A string value that must be there and must not be blank.
    pub fn required_string(
        &mut self,
        sink: &mut Sink<'_>,
        key: &str,
        example: &str,
    ) -> Option<(String, Range<usize>)> {
        if !self.has(key) {
            sink.push(self.missing(key, example));
            return None;
        }
        let (text, span) = self.string(sink, key)?;
        if text.trim().is_empty() {
            sink.push(
                Problem::error("empty-value", span, format!("`{key}` is empty"))
                    .expected(format!("some text, such as `{key} = {example}`")),
            );
            return None;
        }
        Some((text, span))
    }

    /// An integer value within `range`.
    pub fn integer(
        &mut self,
        sink: &mut Sink<'_>,
        key: &str,
        range: Range<u64>,
    ) -> Option<(u64, Range<usize>)> {
        let value = self.value(key)?;
        let span = self.place(value.span());
        let DeValue::Integer(int) = value.get_ref() else {
            sink.push(self.wrong_type(key, "a whole number", value.get_ref(), span));
            return None;
        };
        let parsed = u64::from_str_radix(int.as_str(), int.radix())
            .ok()
            .filter(|n| range.contains(n));
        if parsed.is_none() {
            sink.push(
                Problem::error(
                    "out-of-range",
                    span.clone(),
                    format!("`{key}` is out of range"),
                )
                .expected(format!(
                    "a whole number from {} to {}",
                    range.start,
                    range.end.saturating_sub(1)
                )),
            );
        }
        parsed.map(|n| (n, span))
    }

    /// A list of strings (an empty list is allowed here; callers decide).
    pub fn string_list(
        &mut self,
        sink: &mut Sink<'_>,
        key: &str,
    ) -> Option<(Vec<Located>, Range<usize>)> {
        let value = self.value(key)?;
        let span = self.place(value.span());
        let DeValue::Array(items) = value.get_ref() else {
            sink.push(self.wrong_type(
                key,
                "a list of strings, like `[\"a\", \"b\"]`",
                value.get_ref(),
                span,
            ));
            return None;
        };
        let mut out = Vec::new();
        for item in items.iter() {
            let item_span = self.place(item.span());
            match item.get_ref() {
                DeValue::String(s) => out.push((s.to_string(), item_span)),
                other => {
                    sink.push(
                        Problem::error(
                            "wrong-type",
                            item_span,
                            format!(
                                "every item of `{key}` must be a string, found {}",
                                type_name(other)
                            ),
                        )
                        .expected("a string in double quotes")
                        .hint(
                            "numbers and words alike are written as strings here: `[\"1\", \"2\"]`",
                        ),
                    );
                    return None;
                }
            }
        }
        Some((out, span))
    }

    /// A string or a list of strings; the flag says which it was.
    pub fn string_or_list(
        &mut self,
        sink: &mut Sink<'_>,
        key: &str,
    ) -> Option<(Vec<Located>, bool, Range<usize>)> {
        let value = self.table.get(key)?;
        if matches!(value.get_ref(), DeValue::Array(_)) {
            let (list, span) = self.string_list(sink, key)?;
            Some((list, true, span))
        } else {
            let (text, span) = self.string(sink, key)?;
            Some((vec![(text, span.clone())], false, span))
        }
    }

    /// A problem for a required key that is absent.
    pub fn missing(&self, key: &str, example: &str) -> Problem {
        Problem::error(
            "missing-key",
            self.anchor.clone(),
            format!("{} has no `{key}`", self.what),
        )
        .expected(format!("a line such as `{key} = {example}`"))
    }

    /// A problem for a value of the wrong TOML type.
    pub fn wrong_type(
        &self,
        key: &str,
        expected: &str,
        found: &DeValue<'_>,
        span: Range<usize>,
    ) -> Problem {
        Problem::error(
            "wrong-type",
            span,
            format!(
                "`{key}` in {} must be {expected}, found {}",
                self.what,
                type_name(found)
            ),
        )
        .expected(expected.to_string())
    }

    /// Reports every key that was not read; `allowed` feeds the suggestion and the expected line.
    pub fn finish(self, sink: &mut Sink<'_>, allowed: &[&str]) {
        let mut unknown: Vec<(&Spanned<toml::de::DeString<'i>>, &Spanned<DeValue<'i>>)> = self
            .table
            .iter()
            .filter(|(key, _)| !self.read.iter().any(|r| r == key.get_ref().as_ref()))
            .collect();
        unknown.sort_by_key(|(key, _)| key.span().start);
        for (key, _) in unknown {
            let name = key.get_ref().as_ref();
            let hint = did_you_mean(name, allowed.iter().copied());
            sink.push(
                Problem::error(
                    "unknown-key",
                    self.place(key.span()),
                    format!("unknown key `{name}` in {}", self.what),
                )
                .expected(format!("one of {}", one_of(allowed)))
                .maybe_hint(hint),
            );
        }
    }
}

/// How a TOML value's type is named in messages.
pub(crate) fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}
