//! Lesson prose to HTML. Raw HTML in a lesson is shown as text, never run; a link or
//! image whose address is unsafe (see [`safe_url`]) is written as its text; and bold or
//! italic glossary terms get a definition tooltip.

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::model::safe_url;

/// Renders `markdown` to HTML. `define` gives a glossary definition for a word,
/// if it is a term.
pub fn render(markdown: &str, define: impl Fn(&str) -> Option<String>) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_SMART_PUNCTUATION;
    let mut emphasis = 0usize;
    // For each open link and image, whether its tags were dropped, so the matching end
    // tag is dropped too. Images may sit inside links, so each kind keeps its own stack.
    let mut links: Vec<bool> = Vec::new();
    let mut images: Vec<bool> = Vec::new();
    let events = Parser::new_ext(markdown, options).filter_map(|event| match event {
        // Lessons come from people: their HTML is displayed, not trusted.
        Event::Html(text) | Event::InlineHtml(text) => Some(Event::Text(text)),
        // An unsafe link keeps its text and loses the address.
        Event::Start(Tag::Link { ref dest_url, .. }) => {
            let safe = safe_url::is_safe_link(dest_url);
            links.push(!safe);
            safe.then_some(event)
        }
        Event::End(TagEnd::Link) => (!links.pop().unwrap_or(false)).then_some(event),
        // An unsafe image becomes its alt text, shown in the flow of the prose.
        Event::Start(Tag::Image { ref dest_url, .. }) => {
            let safe = safe_url::is_safe_image(dest_url);
            images.push(!safe);
            safe.then_some(event)
        }
        Event::End(TagEnd::Image) => (!images.pop().unwrap_or(false)).then_some(event),
        Event::Start(tag @ (Tag::Strong | Tag::Emphasis)) => {
            emphasis += 1;
            Some(Event::Start(tag))
        }
        Event::End(end @ (TagEnd::Strong | TagEnd::Emphasis)) => {
            emphasis = emphasis.saturating_sub(1);
            Some(Event::End(end))
        }
        Event::Text(text) if emphasis > 0 => Some(match define(&text) {
            Some(definition) => Event::InlineHtml(CowStr::from(term_html(&text, &definition))),
            None => Event::Text(text),
        }),
        other => Some(other),
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

    /// Every tag in `html` as (name, attribute names and values). Text is escaped by the
    /// renderer, so each `<` in the output opens real markup.
    fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
        let mut out = Vec::new();
        let mut rest = html;
        while let Some(open) = rest.find('<') {
            let mut chars = rest[open + 1..].chars().peekable();
            let mut name = String::new();
            if chars.peek() == Some(&'/') {
                chars.next();
            }
            while let Some(c) = chars.next_if(|c| c.is_ascii_alphanumeric()) {
                name.push(c.to_ascii_lowercase());
            }
            let mut attrs = Vec::new();
            loop {
                while chars.next_if(|c| c.is_whitespace() || *c == '/').is_some() {}
                match chars.peek() {
                    None | Some('>') => break,
                    _ => {}
                }
                let mut attr = String::new();
                let mut value = String::new();
                while let Some(c) =
                    chars.next_if(|c| !matches!(c, '=' | '>' | '/') && !c.is_whitespace())
                {
                    attr.push(c.to_ascii_lowercase());
                }
                if chars.next_if_eq(&'=').is_some() {
                    if chars.next_if_eq(&'"').is_some() {
                        for c in chars.by_ref() {
                            if c == '"' {
                                break;
                            }
                            value.push(c);
                        }
                    } else {
                        while let Some(c) = chars.next_if(|c| *c != '>' && !c.is_whitespace()) {
                            value.push(c);
                        }
                    }
                }
                attrs.push((attr, value));
            }
            out.push((name, attrs));
            let consumed: usize = rest[open + 1..].len() - chars.collect::<String>().len();
            rest = &rest[open + 1 + consumed..];
        }
        out
    }

    /// Asserts that `html` uses only the tags and attributes lesson prose needs.
    fn assert_inert(html: &str) {
        const TAGS: [&str; 13] = [
            "p",
            "a",
            "img",
            "em",
            "strong",
            "code",
            "pre",
            "span",
            "ul",
            "li",
            "del",
            "h2",
            "blockquote",
        ];
        const ATTRS: [&str; 6] = ["href", "src", "alt", "title", "class", "tabindex"];
        for (name, attrs) in tags(html) {
            assert!(TAGS.contains(&name.as_str()), "tag <{name}> in {html}");
            for (attr, value) in attrs {
                assert!(
                    ATTRS.contains(&attr.as_str()),
                    "attribute {attr} on <{name}> in {html}"
                );
                let value = value.to_ascii_lowercase();
                for bad in [
                    "javascript:",
                    "vbscript:",
                    "data:text",
                    "data:image/svg",
                    "//",
                ] {
                    assert!(
                        !(matches!(attr.as_str(), "href" | "src") && value.contains(bad))
                            || (bad == "//" && attr == "href"),
                        "{attr}={value} in {html}"
                    );
                }
            }
        }
    }

    #[test]
    fn unsafe_links_become_their_text() {
        // Hand-written attacks; each must lose its address and keep its words.
        for markdown in [
            "[click me](javascript:alert(1))",
            "[click me](JaVaScRiPt:alert(1))",
            "[click me](&#106;avascript:alert(1))",
            "[click me](&#x6A;avascript:alert(1))",
            "[click me](javascript&colon;alert(1))",
            "[click me](java&#9;script:alert(1))",
            "[click me](<java\tscript:alert(1)>)",
            "[click me](&#32;javascript:alert(1))",
            "[click me](vbscript:msgbox(1))",
            "[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[click me](file:///etc/passwd)",
            "[click me][r]\n\n[r]: javascript:alert(1)",
            "[click me](javascript:alert(1) \"a title\")",
        ] {
            let html = render(markdown, |_| None);
            assert_inert(&html);
            assert!(!html.contains("<a"), "{markdown:?} gave {html}");
            assert!(html.contains("click me"), "{markdown:?} gave {html}");
        }
        let html = render("<javascript:alert(1)>", |_| None);
        assert_inert(&html);
        assert!(!html.contains("<a"), "{html}");
    }

    #[test]
    fn safe_links_and_images_are_kept() {
        let html = render(
            "[spec](https://go.dev/ref/spec) [mail](mailto:t@example.org) [next](actors#mailbox) ![ring](ring.png) ![dot](data:image/png;base64,iVBORw0KGgo=)",
            |_| None,
        );
        assert_inert(&html);
        for part in [
            r#"<a href="https://go.dev/ref/spec">spec</a>"#,
            r#"<a href="mailto:t@example.org">mail</a>"#,
            r#"<a href="actors#mailbox">next</a>"#,
            r#"<img src="ring.png" alt="ring" />"#,
            r#"<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot" />"#,
        ] {
            assert!(html.contains(part), "{part} missing from {html}");
        }
    }

    #[test]
    fn unsafe_images_become_their_alt_text() {
        for markdown in [
            "![a *ring* diagram](javascript:alert(1))",
            "![a *ring* diagram](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
            "![a *ring* diagram](data:text/html,hi)",
            "![a *ring* diagram](https://tracker.example/pixel.png)",
            "![a *ring* diagram](//tracker.example/pixel.png)",
            "![a *ring* diagram](VBScript:x)",
        ] {
            let html = render(markdown, |_| None);
            assert_inert(&html);
            assert!(!html.contains("<img"), "{markdown:?} gave {html}");
            assert!(
                html.contains("a <em>ring</em> diagram"),
                "{markdown:?} gave {html}"
            );
        }
        // An unsafe image inside a safe link: the link stays, the image is text.
        let html = render("[![logo](javascript:x)](https://example.org)", |_| None);
        assert_eq!(
            html.trim(),
            r#"<p><a href="https://example.org">logo</a></p>"#
        );
    }

    #[test]
    fn raw_html_payloads_never_become_markup() {
        for markdown in [
            "<script>alert(1)</script>",
            "text <script src=//evil.example/x.js></script> more",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)><circle r=5/></svg>",
            "<svg><script>alert(1)</script></svg>",
            "<div onclick=\"alert(1)\">\n\nclick\n\n</div>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<style>body{background:url(//evil.example)}</style>",
            "<!-- <script>alert(1)</script> -->",
            "<details open ontoggle=alert(1)>",
            "*<img src=x onerror=alert(1)>*",
            "```\n<script>alert(1)</script>\n```",
        ] {
            let html = render(markdown, |w| Some(format!("<b onmouseover=x>{w}</b>")));
            assert_inert(&html);
            assert!(!html.contains("<script"), "{markdown:?} gave {html}");
            assert!(!html.contains("<svg"), "{markdown:?} gave {html}");
        }
    }
}
