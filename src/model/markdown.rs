//! Lesson prose to HTML. Raw HTML in a lesson is shown as text, never run, and
//! bold or italic glossary terms get a definition tooltip.

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};

/// Renders `markdown` to HTML. `define` gives a glossary definition for a word,
/// if it is a term.
pub fn render(markdown: &str, define: impl Fn(&str) -> Option<String>) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_SMART_PUNCTUATION;
    let mut emphasis = 0usize;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        // Lessons come from people: their HTML is displayed, not trusted.
        Event::Html(text) | Event::InlineHtml(text) => Event::Text(text),
        Event::Start(tag @ (Tag::Strong | Tag::Emphasis)) => {
            emphasis += 1;
            Event::Start(tag)
        }
        Event::End(end @ (TagEnd::Strong | TagEnd::Emphasis)) => {
            emphasis = emphasis.saturating_sub(1);
            Event::End(end)
        }
        Event::Text(text) if emphasis > 0 => match define(&text) {
            Some(definition) => Event::InlineHtml(CowStr::from(term_html(&text, &definition))),
            None => Event::Text(text),
        },
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// A focusable term whose definition shows on hover and focus.
fn term_html(term: &str, definition: &str) -> String {
    format!(
        r#"<span class="term" tabindex="0">{}<span class="tip" role="tooltip">{}</span></span>"#,
        escape(term),
        escape(definition)
    )
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = render("hello <script>alert(1)</script>", |_| None);
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn bold_glossary_terms_get_a_tooltip_and_others_do_not() {
        let define = |w: &str| {
            (w == "data race").then(|| "Two unordered accesses <one a write>".to_string())
        };
        let html = render("A **data race** is not a **bug report**.", define);
        assert!(html.contains(r#"<span class="term" tabindex="0">data race<span class="tip" role="tooltip">Two unordered accesses &lt;one a write&gt;</span></span>"#), "{html}");
        assert!(html.contains("<strong>bug report</strong>"), "{html}");
    }

    #[test]
    fn tables_render() {
        let html = render("| a | b |\n|---|---|\n| 1 | 2 |\n", |_| None);
        assert!(html.contains("<table>"), "{html}");
    }
}
