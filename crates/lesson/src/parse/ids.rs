//! The shape of ids (lessons, programs, questions): they end up in URLs and storage keys.

use std::ops::Range;

use crate::diagnostic::{Problem, Sink};

/// Reports an id that is not lowercase letters, digits, `-` and `_`, starting with a letter
/// or digit. Returns true when the id is fine.
pub(crate) fn check_id(sink: &mut Sink<'_>, id: &str, span: Range<usize>, what: &str) -> bool {
    let good_start = id
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    let good_rest = id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if good_start && good_rest && id.len() <= 64 {
        return true;
    }
    let suggestion: String = id
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let suggestion = suggestion.trim_matches('-').to_string();
    let problem = Problem::error("bad-id", span, format!("`{id}` is not a valid {what}"))
        .expected(
            "at most 64 lowercase letters, digits, `-` or `_`, starting with a letter or digit",
        )
        .hint(if suggestion.is_empty() || suggestion.len() > 64 {
            "ids appear in links and saved progress, so they stay short and plain".to_string()
        } else {
            format!("try `{suggestion}`")
        });
    sink.push(problem);
    false
}
