//! Splits a fence's info string (`sim python id=racy title="Racy counter" network`) into
//! words and `key=value` attributes, each with its place in the file.

use std::ops::Range;

use crate::diagnostic::{Problem, Sink};

/// One word of an info string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    /// The word, or the key of `key=value`.
    pub key: String,
    /// Where the key is.
    pub key_span: Range<usize>,
    /// The value of `key=value` (quotes removed), with its span.
    pub value: Option<(String, Range<usize>)>,
}

impl Word {
    /// The span of the whole word.
    pub fn span(&self) -> Range<usize> {
        match &self.value {
            Some((_, value)) => self.key_span.start..value.end,
            None => self.key_span.clone(),
        }
    }
}

/// Splits `info`, which starts at byte `base` of the lesson file. Problems (an unclosed
/// quote, a missing key) are reported and the broken word is skipped.
pub(crate) fn split_info(sink: &mut Sink<'_>, info: &str, base: usize) -> Vec<Word> {
    let mut words = Vec::new();
    let mut chars = info.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut key_end = start;
        while let Some(&(i, c)) = chars.peek() {
            if c.is_whitespace() || c == '=' {
                break;
            }
            key_end = i + c.len_utf8();
            chars.next();
        }
        let key = info[start..key_end].to_string();
        let key_span = base + start..base + key_end;
        let mut value = None;
        if let Some(&(eq, '=')) = chars.peek() {
            chars.next();
            let value_start = eq + 1;
            match read_value(&mut chars, info, value_start) {
                Ok((text, end)) => value = Some((text, base + value_start..base + end)),
                Err(end) => {
                    sink.push(
                        Problem::error(
                            "unclosed-quote",
                            base + value_start..base + end,
                            format!("the quoted value of `{key}` is never closed"),
                        )
                        .expected("a closing `\"` before the end of the line"),
                    );
                    continue;
                }
            }
        }
        if key.is_empty() {
            sink.push(
                Problem::error(
                    "missing-key",
                    base + start..base + start + 1,
                    "an attribute has a value but no name",
                )
                .expected("`name=value`, such as `id=racy`"),
            );
            continue;
        }
        words.push(Word {
            key,
            key_span,
            value,
        });
    }
    words
}

/// Reads a bare or double-quoted value. `Err` carries the end of an unclosed quote.
fn read_value(
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
    info: &str,
    start: usize,
) -> Result<(String, usize), usize> {
    if let Some(&(_, '"')) = chars.peek() {
        chars.next();
        let mut text = String::new();
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => return Ok((text, i + 1)),
                '\\' => match chars.next() {
                    Some((_, escaped)) => text.push(escaped),
                    None => return Err(info.len()),
                },
                _ => text.push(c),
            }
        }
        return Err(info.len());
    }
    let mut end = start;
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            break;
        }
        end = i + c.len_utf8();
        chars.next();
    }
    Ok((info[start..end].to_string(), end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_values_and_quotes() {
        let info = r#"sim go id=csp title="A \"quoted\" title" network"#;
        let mut sink = Sink::new("t.md", info);
        let words = split_info(&mut sink, info, 0);
        assert!(sink.finish().is_empty());
        let keys: Vec<&str> = words.iter().map(|w| w.key.as_str()).collect();
        assert_eq!(keys, ["sim", "go", "id", "title", "network"]);
        assert_eq!(words[3].value.as_ref().unwrap().0, r#"A "quoted" title"#);
        assert_eq!(&info[words[2].span()], "id=csp");
    }
}
