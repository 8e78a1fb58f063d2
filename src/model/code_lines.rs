//! Source split into lines of coloured segments, with each process's current
//! instruction marked. Pure, so the code view only renders what this returns.

use lang::{Token, TokenClass};

/// A run of text with one colour and one set of process markers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The text.
    pub text: String,
    /// The token class, or `None` for whitespace and text between tokens.
    pub class: Option<&'static str>,
    /// Pids whose current instruction covers this text.
    pub current: Vec<u32>,
}

/// One source line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeLine {
    /// 1-based line number.
    pub number: u32,
    /// Its segments, left to right.
    pub segments: Vec<Segment>,
    /// Pids standing on this line, in pid order.
    pub here: Vec<u32>,
}

/// The CSS class for a token class.
pub fn class_name(class: TokenClass) -> &'static str {
    match class {
        TokenClass::Keyword => "tok-keyword",
        TokenClass::Identifier => "tok-ident",
        TokenClass::Number => "tok-number",
        TokenClass::String => "tok-string",
        TokenClass::Atom => "tok-atom",
        TokenClass::Operator => "tok-op",
        TokenClass::Comment => "tok-comment",
        _ => "tok-other",
    }
}

/// Splits `source` into lines. `cursors` holds, per process, its pid, the
/// byte range of its current instruction and that instruction's line.
pub fn code_lines(
    source: &str,
    tokens: &[Token],
    cursors: &[(u32, (u32, u32), u32)],
) -> Vec<CodeLine> {
    let mut lines = Vec::new();
    let mut offset = 0usize;
    for (index, raw) in source.split('\n').enumerate() {
        let number = index as u32 + 1;
        let start = offset;
        let end = start + raw.len();
        offset = end + 1;

        let mut cuts = vec![start, end];
        for t in tokens {
            cuts.push(t.span.start as usize);
            cuts.push(t.span.end as usize);
        }
        for (_, (s, e), _) in cursors {
            cuts.push(*s as usize);
            cuts.push(*e as usize);
        }
        cuts.retain(|c| (start..=end).contains(c) && raw.is_char_boundary(c - start));
        cuts.sort_unstable();
        cuts.dedup();

        let segments = cuts
            .windows(2)
            .filter_map(|w| {
                let (a, b) = (w[0], w[1]);
                let text = raw.get(a - start..b - start)?.to_string();
                let class = tokens
                    .iter()
                    .find(|t| (t.span.start as usize) <= a && b <= t.span.end as usize)
                    .map(|t| class_name(t.class));
                let current = cursors
                    .iter()
                    .filter(|(_, (s, e), _)| (*s as usize) <= a && b <= *e as usize && s < e)
                    .map(|(pid, _, _)| *pid)
                    .collect();
                Some(Segment {
                    text,
                    class,
                    current,
                })
            })
            .collect();
        let here = cursors
            .iter()
            .filter(|(_, _, line)| *line == number)
            .map(|(pid, _, _)| *pid)
            .collect();
        lines.push(CodeLine {
            number,
            segments,
            here,
        });
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use lang::Dialect;

    #[test]
    fn every_byte_of_every_line_appears_once() {
        let src = "count = 0\ndef inc():\n    global count\n    count += 1\n";
        let tokens = lang::highlight(Dialect::Python, src);
        let lines = code_lines(src, &tokens, &[(0, (40, 50), 4)]);
        let rebuilt: Vec<String> = lines
            .iter()
            .map(|l| l.segments.iter().map(|s| s.text.as_str()).collect())
            .collect();
        assert_eq!(rebuilt.join("\n"), src);
    }

    #[test]
    fn the_current_span_and_line_are_marked_for_its_process() {
        let src = "x = 1\ncount += 1\n";
        let tokens = lang::highlight(Dialect::Python, src);
        let lines = code_lines(src, &tokens, &[(3, (6, 11), 2)]);
        assert_eq!(lines[1].here, vec![3]);
        assert!(lines[0].here.is_empty());
        let marked: String = lines[1]
            .segments
            .iter()
            .filter(|s| s.current == vec![3])
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(marked, "count");
        assert_eq!(
            lines[1].segments[0].class,
            Some("tok-ident"),
            "the lexer's class colours the token"
        );
    }
}
