//! Walks the Markdown body: splits it into sections at `##` headings and picks out the
//! interactive fenced blocks (`sim`, `compare`, `quiz`, `glossary`) between the prose.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::diagnostic::{floor_char_boundary, Problem, Sink};
use crate::model::{Block, Prose, Section};

use super::compare::parse_compare;
use super::glossary::parse_glossary;
use super::info::split_info;
use super::program::{parse_program, FencedBlock};
use super::quiz::parse_quiz;

/// The fence words that make a block interactive.
pub const BLOCK_KINDS: [&str; 4] = ["sim", "compare", "quiz", "glossary"];

/// Reads the body, which starts at byte `start` of `text`.
pub(crate) fn parse_body(sink: &mut Sink<'_>, text: &str, start: usize) -> Vec<Section> {
    let mut walk = Walk {
        sections: Vec::new(),
        current: Section {
            heading: None,
            anchor: String::new(),
            blocks: Vec::new(),
            span: start..start,
        },
        prose_start: start,
        text,
    };
    let body = text.get(start..).unwrap_or_default();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut depth = 0usize;
    let mut heading: Option<(String, Range<usize>)> = None;
    let mut fence: Option<OpenFence> = None;

    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = start + range.start..start + range.end;
        let nesting = match &event {
            Event::Start(_) => 1,
            Event::End(_) => -1,
            _ => 0,
        };
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) if depth == 0 => {
                walk.flush_prose(range.start);
                heading = Some((String::new(), range));
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) if depth == 1 => {
                if let Some((title, span)) = heading.take() {
                    walk.start_section(title.trim().to_string(), span);
                }
            }
            Event::Text(t) | Event::Code(t) if heading.is_some() => {
                if let Some((title, _)) = heading.as_mut() {
                    title.push_str(&t);
                }
            }
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) if depth == 0 => {
                sink.push(
                    Problem::warning(
                        "title-heading",
                        range.clone(),
                        "a `#` heading in the body repeats the lesson title",
                    )
                    .expected("`##` headings for sections; the title comes from the front matter")
                    .hint("change `#` to `##`, or remove the line"),
                );
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let kind = info.split_whitespace().next().unwrap_or_default();
                if BLOCK_KINDS.contains(&kind) {
                    if depth == 0 {
                        walk.flush_prose(range.start);
                        fence = Some(OpenFence {
                            span: range.clone(),
                            content: String::new(),
                            content_start: None,
                        });
                    } else {
                        sink.push(
                            Problem::error("nested-block", range.clone(), format!("a `{kind}` block must not sit inside a list or a quote"))
                                .expected("the opening fence at the start of a line, outside lists and block quotes")
                                .hint("move the block out of the list and unindent it"),
                        );
                    }
                }
            }
            Event::Text(t) if fence.is_some() => {
                if let Some(open) = fence.as_mut() {
                    open.content.push_str(&t);
                    open.content_start.get_or_insert(range.start);
                }
            }
            Event::End(TagEnd::CodeBlock) if depth == 1 => {
                if let Some(open) = fence.take() {
                    let block = open.finish(sink, text);
                    if let Some(block) = block {
                        walk.current.blocks.push(block);
                    }
                    walk.prose_start = range.end;
                }
            }
            _ => {}
        }
        depth = depth.saturating_add_signed(nesting);
    }
    walk.flush_prose(text.len());
    walk.finish()
}

/// The state of the walk between events.
struct Walk<'t> {
    sections: Vec<Section>,
    current: Section,
    prose_start: usize,
    text: &'t str,
}

impl Walk<'_> {
    /// Keeps the prose between the last block and `end`, if it is more than blank lines.
    fn flush_prose(&mut self, end: usize) {
        let start = floor_char_boundary(self.text, self.prose_start);
        let end = floor_char_boundary(self.text, end.max(start));
        let raw = &self.text[start..end];
        let trimmed = raw.trim();
        if !trimmed.is_empty() {
            let lead = raw.len() - raw.trim_start().len();
            self.current.blocks.push(Block::Prose(Prose {
                markdown: trimmed.to_string(),
                span: start + lead..start + lead + trimmed.len(),
            }));
        }
        self.prose_start = end;
    }

    /// Closes the current section and opens one under `title`.
    fn start_section(&mut self, title: String, span: Range<usize>) {
        let next = Section {
            heading: Some(title),
            anchor: String::new(),
            blocks: Vec::new(),
            span: span.start..span.start,
        };
        let done = std::mem::replace(&mut self.current, next);
        self.push(done, span.start);
        self.prose_start = span.end;
    }

    fn push(&mut self, mut section: Section, end: usize) {
        section.span.end = end;
        // The part before the first heading is only worth keeping if it says something.
        if section.heading.is_some() || !section.blocks.is_empty() {
            section.anchor = unique_anchor(&self.sections, &section);
            self.sections.push(section);
        }
    }

    fn finish(mut self) -> Vec<Section> {
        let last = std::mem::take(&mut self.current);
        let end = self.text.len();
        self.push(last, end);
        self.sections
    }
}

/// A fenced interactive block whose end has not been seen yet.
struct OpenFence {
    span: Range<usize>,
    content: String,
    content_start: Option<usize>,
}

impl OpenFence {
    /// Checks the fence was closed, splits its info string and builds the block.
    fn finish(self, sink: &mut Sink<'_>, text: &str) -> Option<Block> {
        let span = self.span;
        let block_text = text.get(span.clone()).unwrap_or_default();
        let first_line_len = block_text.find('\n').unwrap_or(block_text.len());
        let first_line = &block_text[..first_line_len];
        let indent = first_line.len() - first_line.trim_start().len();
        let fence_char = first_line.trim_start().chars().next().unwrap_or('`');
        let fence_len = first_line
            .trim_start()
            .chars()
            .take_while(|c| *c == fence_char)
            .count();
        let after_fence = indent + fence_len;
        let info = first_line[after_fence..].trim_end_matches('\r');
        let info_offset = span.start + after_fence + (info.len() - info.trim_start().len());
        let info = info.trim();
        let info_span = info_offset..info_offset + info.len();
        let kind = info
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string();

        let closing = block_text[first_line_len..]
            .trim_end()
            .lines()
            .last()
            .map(str::trim);
        let closed = closing
            .is_some_and(|line| line.len() >= fence_len && line.chars().all(|c| c == fence_char));
        if !closed {
            sink.push(
                Problem::error(
                    "unclosed-fence",
                    span.start..span.start + first_line_len,
                    format!("this `{kind}` block is never closed"),
                )
                .expected(format!(
                    "a closing line of {fence_len} {} after the block",
                    if fence_char == '~' {
                        "tildes"
                    } else {
                        "backticks"
                    }
                ))
                .hint(
                    "without the closing fence, the rest of the lesson becomes part of the block",
                ),
            );
            return None;
        }

        let content_start = self
            .content_start
            .unwrap_or(span.start + first_line_len + 1);
        let (content_line, _) = sink.location(content_start);
        let words = split_info(sink, info, info_offset);
        let block = FencedBlock {
            words,
            info_span,
            content: self.content,
            content_start,
            content_line,
            indent,
            span,
        };
        match kind.as_str() {
            "sim" => parse_program(sink, block).map(Block::Program),
            "compare" => {
                reject_attributes(sink, &block);
                parse_compare(sink, &block).map(Block::Compare)
            }
            "quiz" => {
                reject_attributes(sink, &block);
                parse_quiz(sink, &block).map(Block::Quiz)
            }
            _ => {
                reject_attributes(sink, &block);
                parse_glossary(sink, &block).map(Block::Glossary)
            }
        }
    }
}

/// `compare`, `quiz` and `glossary` keep everything in their TOML body, not the fence line.
fn reject_attributes(sink: &mut Sink<'_>, block: &FencedBlock) {
    let kind = block
        .words
        .first()
        .map(|w| w.key.as_str())
        .unwrap_or_default();
    if let Some(extra) = block.words.get(1) {
        sink.push(
            Problem::error(
                "unknown-attribute",
                extra.span(),
                format!("a `{kind}` block takes no attributes on its fence line"),
            )
            .expected(format!("just ` ```{kind} `"))
            .hint("write settings as TOML inside the block"),
        );
    }
}

/// A URL fragment for a section, unique among those already made.
fn unique_anchor(done: &[Section], section: &Section) -> String {
    let base = match &section.heading {
        Some(heading) => slug(heading),
        None => "intro".to_string(),
    };
    let base = if base.is_empty() {
        "section".to_string()
    } else {
        base
    };
    let taken = |a: &str| done.iter().any(|s| s.anchor == a);
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|a| !taken(a))
        .unwrap_or(base)
}

/// "The lock fix (and its costs)" → "the-lock-fix-and-its-costs".
fn slug(heading: &str) -> String {
    let mut out = String::new();
    for c in heading.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if (c.is_whitespace() || c == '-' || c == '_')
            && !out.ends_with('-')
            && !out.is_empty()
        {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_are_url_friendly() {
        assert_eq!(
            slug("The lock fix (and its costs)"),
            "the-lock-fix-and-its-costs"
        );
        assert_eq!(
            slug("  `select`: waiting on many  "),
            "select-waiting-on-many"
        );
    }
}
