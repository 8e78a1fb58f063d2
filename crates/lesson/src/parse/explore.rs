//! `explore="all: count = 4; some: lost-update"`: what exploring every schedule must find.
//!
//! ```text
//! explore    = clause { ";" clause }
//! clause     = quantifier ":" claim
//! quantifier = "all" | "some" | "none"
//! claim      = "deadlock" | "race" | "lost-update" | "crash"
//!            | "prints" LINE              (one printed line is LINE)
//!            | NAME "=" VALUE             (the shared variable NAME ends as VALUE)
//! ```

use std::ops::Range;

use crate::diagnostic::{Problem, Sink};
use crate::model::{Claim, ExploreExpectation, Quantifier};
use crate::suggest::{did_you_mean, one_of};

/// Claims spelt as one word.
const WORD_CLAIMS: [(&str, Claim); 4] = [
    ("deadlock", Claim::Deadlock),
    ("race", Claim::Race),
    ("lost-update", Claim::LostUpdate),
    ("crash", Claim::Crash),
];

const CLAIM_FORMS: &str =
    "`deadlock`, `race`, `lost-update`, `crash`, `prints LINE` or `NAME = VALUE`";

/// Parses the value of `explore=`; `span` is where the value (quotes included) is written.
/// Every broken clause is reported and left out.
pub(crate) fn parse_explore(
    sink: &mut Sink<'_>,
    value: &str,
    span: Range<usize>,
) -> Vec<ExploreExpectation> {
    // Places inside the value map to the file only when it was written without escapes.
    let base = if span.len() == value.len() + 2 {
        Some(span.start + 1)
    } else if span.len() == value.len() {
        Some(span.start)
    } else {
        None
    };
    let at = |range: Range<usize>| match base {
        Some(b) => b + range.start..b + range.end,
        None => span.clone(),
    };
    let mut out = Vec::new();
    let mut start = 0;
    for part in value.split(';') {
        let part_range = start..start + part.len();
        start += part.len() + 1;
        if let Some(clause) = parse_clause(sink, value, trimmed(value, part_range), &at) {
            out.push(clause);
        }
    }
    out
}

/// The range without its surrounding whitespace.
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    range.start + lead..(range.end - trail).max(range.start + lead)
}

fn parse_clause(
    sink: &mut Sink<'_>,
    text: &str,
    range: Range<usize>,
    at: &impl Fn(Range<usize>) -> Range<usize>,
) -> Option<ExploreExpectation> {
    let clause = &text[range.clone()];
    let quantifiers: Vec<&str> = Quantifier::ALL.iter().map(|(n, _)| *n).collect();
    if clause.is_empty() {
        sink.push(
            Problem::error("bad-explore", at(range), "an empty clause in `explore`")
                .expected("`all: CLAIM`, `some: CLAIM` or `none: CLAIM`")
                .hint("separate clauses with `;` and do not end with one"),
        );
        return None;
    }
    let Some(colon) = clause.find(':') else {
        sink.push(
            Problem::error(
                "bad-explore",
                at(range),
                format!("`{clause}` does not say how many schedules it is about"),
            )
            .expected("`all:`, `some:` or `none:` before the claim")
            .hint(format!(
                "write `all: {clause}` if every schedule must show it"
            )),
        );
        return None;
    };
    let q_range = trimmed(text, range.start..range.start + colon);
    let q_text = &text[q_range.clone()];
    let Some(quantifier) = Quantifier::ALL
        .iter()
        .find(|(n, _)| *n == q_text)
        .map(|(_, q)| *q)
    else {
        sink.push(
            Problem::error(
                "bad-explore",
                at(q_range),
                format!("unknown quantifier `{q_text}` in `explore`"),
            )
            .expected(one_of(&quantifiers))
            .maybe_hint(did_you_mean(q_text, quantifiers.iter().copied())),
        );
        return None;
    };
    let c_range = trimmed(text, range.start + colon + 1..range.end);
    let claim = parse_claim(sink, text, c_range.clone(), at)?;
    Some(ExploreExpectation {
        quantifier,
        claim,
        span: at(range),
    })
}

fn parse_claim(
    sink: &mut Sink<'_>,
    text: &str,
    range: Range<usize>,
    at: &impl Fn(Range<usize>) -> Range<usize>,
) -> Option<Claim> {
    let claim = &text[range.clone()];
    if claim.is_empty() {
        sink.push(
            Problem::error(
                "bad-explore",
                at(range),
                "a quantifier with no claim after it",
            )
            .expected(CLAIM_FORMS),
        );
        return None;
    }
    if let Some((_, c)) = WORD_CLAIMS.iter().find(|(n, _)| *n == claim) {
        return Some(c.clone());
    }
    if let Some(rest) = claim.strip_prefix("prints") {
        if rest.starts_with(char::is_whitespace) {
            return Some(Claim::Prints {
                line: rest.trim().to_string(),
            });
        }
    }
    if let Some(eq) = claim.find('=') {
        let variable = claim[..eq].trim();
        let value = claim[eq + 1..].trim();
        let is_name = !variable.is_empty()
            && !variable.starts_with(|c: char| c.is_ascii_digit())
            && variable.chars().all(|c| c.is_alphanumeric() || c == '_');
        if !is_name {
            sink.push(
                Problem::error(
                    "bad-explore",
                    at(range.start..range.start + eq),
                    format!("`{variable}` is not a variable name"),
                )
                .expected("`NAME = VALUE`, such as `count = 4`")
                .hint("name a shared (global) variable of the program"),
            );
            return None;
        }
        if value.is_empty() {
            sink.push(
                Problem::error(
                    "bad-explore",
                    at(range.start + eq..range.end),
                    format!("`{variable} =` has no value"),
                )
                .expected("the final value after `=`, such as `count = 4`"),
            );
            return None;
        }
        return Some(Claim::Value {
            variable: variable.to_string(),
            value: value.to_string(),
        });
    }
    let hint = match claim {
        "overflow" => Some(
            "an overflow is not part of an explored ending; ask for it with a schedule challenge (`goal = \"overflow\"`)"
                .to_string(),
        ),
        "lost update" | "lostupdate" => Some("write `lost-update`".to_string()),
        _ => did_you_mean(claim, WORD_CLAIMS.iter().map(|(n, _)| *n).chain(["prints"])),
    };
    sink.push(
        Problem::error(
            "bad-explore",
            at(range),
            format!("unknown claim `{claim}` in `explore`"),
        )
        .expected(CLAIM_FORMS)
        .maybe_hint(hint),
    );
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;

    fn parse(value: &str) -> (Vec<ExploreExpectation>, Vec<Diagnostic>) {
        // The value sits quoted after `explore=` on the line, as in a fence.
        let line = format!("explore=\"{value}\"");
        let mut sink = Sink::new("t.md", &line);
        let got = parse_explore(&mut sink, value, 8..line.len());
        (got, sink.finish())
    }

    #[test]
    fn reads_every_claim_form_with_its_place() {
        let (got, errors) = parse("all: count = 4; some: lost-update;none: prints total: 3");
        assert!(errors.is_empty(), "{errors:?}");
        let described: Vec<String> = got.iter().map(|e| e.describe()).collect();
        assert_eq!(
            described,
            [
                "all: count = 4",
                "some: lost-update",
                "none: prints total: 3"
            ]
        );
        // `explore="` is 9 bytes, so the first clause starts at byte 9.
        assert_eq!(got[0].span, 9..23);
        assert_eq!(got[1].quantifier, Quantifier::Some);
    }

    #[test]
    fn a_bad_quantifier_is_placed_and_gets_a_suggestion() {
        let (got, errors) = parse("all: race; every: deadlock");
        assert_eq!(got.len(), 1);
        assert_eq!(errors.len(), 1);
        let e = &errors[0];
        assert_eq!(e.code, "bad-explore");
        // `explore="all: race; ` is 20 bytes: `every` is at column 21 of line 1.
        assert_eq!((e.line, e.col), (1, 21));
        assert!(e.message.contains("`every`"), "{}", e.message);
        assert_eq!(e.expected.as_deref(), Some("`all`, `some` or `none`"));
    }

    #[test]
    fn a_missing_quantifier_and_an_unknown_claim_are_errors() {
        let (_, errors) = parse("count = 4");
        assert_eq!(errors[0].line, 1);
        assert_eq!(errors[0].col, 10);
        assert!(errors[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("all: count = 4"));
        let (_, errors) = parse("some: deadlok");
        assert_eq!(errors[0].col, 16);
        assert!(errors[0].hint.as_deref().unwrap().contains("deadlock"));
        let (_, errors) = parse("some: overflow");
        assert!(errors[0]
            .hint
            .as_deref()
            .unwrap()
            .contains("schedule challenge"));
    }
}
