//! Quiz mode: question cards graded by the simulator wherever it can, inline in lessons
//! and one at a time on the Quiz page, with progress saved in the browser.
//!
//! The grading and the progress rules are plain code in `model::quiz`,
//! `model::quiz_run` and `model::progress`; these components only ask and show.

pub mod challenge;
pub mod inline;
pub mod notice;
pub mod predict;
pub mod question;
pub mod store;

use crate::model::markdown;

/// A question's Markdown (prompt, explanation) as HTML, with glossary tooltips.
pub fn prose_html(text: &str) -> String {
    let (course, _) = crate::course::course();
    markdown::render(text, |word| {
        course.define(word).map(|e| e.definition.clone())
    })
}

/// One line of Markdown (a choice) as inline HTML, without the paragraph around it.
pub fn inline_html(text: &str) -> String {
    let html = markdown::render(text, |_| None);
    let trimmed = html.trim();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|t| t.strip_suffix("</p>"))
    {
        // Only when it was a single paragraph.
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => trimmed.to_string(),
    }
}

/// Markdown reduced to what a screen reader should say: no backticks or stars.
pub fn plain_text(text: &str) -> String {
    text.chars().filter(|c| !matches!(c, '`' | '*')).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_choice_renders_inline_and_escapes_html() {
        assert_eq!(
            inline_html("`total += 1` is *one* step"),
            "<code>total += 1</code> is <em>one</em> step"
        );
        assert_eq!(inline_html("a <b>"), "a &lt;b&gt;");
        assert_eq!(plain_text("`x` is **big**"), "x is big");
    }
}
