//! Where a new lesson starts: a small template that uses every block kind and
//! passes the checker, or a copy of any bundled lesson.

/// A complete lesson to start from: front matter, prose, a program, a quiz and
/// a glossary. A test keeps it passing the whole checker.
pub const TEMPLATE: &str = r#"+++
id = "my-first-lesson"
title = "My first lesson"
order = 100
level = "junior"
summary = "Two threads share one counter, and an update goes missing."
minutes = 10
+++

Write your prose in Markdown. Fenced blocks add the live parts: a `sim` block is a
program students can step through, a `quiz` block holds questions, a `glossary`
block defines terms.

```sim python id=counter title="Two threads, one count" expand expect=race,lost-update
import threading

count = 0

def add_one():
    global count
    count += 1

first = threading.Thread(target=add_one)
second = threading.Thread(target=add_one)
first.start()
second.start()
first.join()
second.join()
print("count is", count)
```

## Check yourself

```quiz
[[questions]]
id = "counter-round-robin"
type = "PredictOutcome"
program = "counter"
schedule = "round-robin"
variable = "count"
prompt = "When the threads take turns one action each, what is `count` at the end?"
explanation = "Both threads read 0 before either writes, so both write 1."

[[questions]]
id = "counter-why"
type = "MultipleChoice"
prompt = "Why can an addition go missing?"
answer = "Reading, adding and writing back are separate steps another thread can come between"
distractors = ["Python forgets values it has not printed", "The second thread starts before the first one exists"]
explanation = "`count += 1` is three steps; a thread can be paused between any two of them."
```

```glossary
[[terms]]
term = "Lost update"
definition = "A write that overwrites another thread's write, so one change disappears."
```
"#;

/// The name a fresh template is saved under when downloaded.
pub const TEMPLATE_FILE: &str = "my-first-lesson.md";

/// One place to start from, as the picker lists it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Start {
    /// The file name it downloads as.
    pub file: &'static str,
    /// The lesson text.
    pub text: &'static str,
}

/// The template first, then every bundled lesson in file order.
pub fn starts(bundled: &'static [(&'static str, &'static str)]) -> Vec<Start> {
    std::iter::once(Start {
        file: TEMPLATE_FILE,
        text: TEMPLATE,
    })
    .chain(bundled.iter().map(|&(file, text)| Start { file, text }))
    .collect()
}

/// A file name that ends in `.md`, for downloads: `name` when it does, the
/// lesson id or "lesson" otherwise.
pub fn download_name(name: &str) -> String {
    let stem: String = name
        .trim()
        .trim_end_matches(".md")
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    if stem.is_empty() {
        "lesson.md".to_string()
    } else {
        format!("{stem}.md")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_comes_first_then_the_bundled_lessons() {
        static FILES: [(&str, &str); 2] = [("01-a.md", "a"), ("02-b.md", "b")];
        let all = starts(&FILES);
        assert_eq!(all.len(), 3);
        assert_eq!(all[0].text, TEMPLATE);
        assert_eq!(all[2].file, "02-b.md");
    }

    #[test]
    fn download_names_are_safe_md_files() {
        assert_eq!(download_name("01-actors.md"), "01-actors.md");
        assert_eq!(download_name("my lesson"), "my-lesson.md");
        assert_eq!(download_name("../x/y.md"), "..-x-y.md");
        assert_eq!(download_name("  "), "lesson.md");
    }
}
