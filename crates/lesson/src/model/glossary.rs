//! Glossary blocks: terms the app can show as tooltips anywhere in the course.

use std::ops::Range;

use serde::Serialize;

/// A `glossary` block.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Glossary {
    /// The terms, in the order written.
    pub entries: Vec<GlossaryEntry>,
    /// Where the block is in the lesson file.
    pub span: Range<usize>,
}

/// One term and its definition.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct GlossaryEntry {
    /// The term as it should be displayed ("Data race").
    pub term: String,
    /// Other spellings that should show the same tooltip ("race", "data races").
    pub aliases: Vec<String>,
    /// A one- or two-sentence definition, in Markdown.
    pub definition: String,
    /// Where the entry is in the lesson file.
    pub span: Range<usize>,
}

impl GlossaryEntry {
    /// True when `word` names this entry, ignoring case and surrounding spaces.
    pub fn matches(&self, word: &str) -> bool {
        let word = word.trim();
        std::iter::once(&self.term)
            .chain(&self.aliases)
            .any(|name| name.eq_ignore_ascii_case(word))
    }
}
