//! Source split into lines of coloured segments, with each process's current
//! instruction marked. Pure, so the code view only renders what this returns.

use lang::{Token, TokenClass};

/// A run of text with one colour and one set of process markers.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Segment {
    /// The text.
    pub text: String,
    /// The token class, or `None` for whitespace and text between tokens.
    pub class: Option<&'static str>,
    /// Pids whose current instruction covers this text.
    pub current: Vec<u32>,
}

/// One source line.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
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

/// A process's cursor: its pid, the byte range of its current instruction and
/// that instruction's line.
pub type Cursor = (u32, (u32, u32), u32);

/// One line cut at its token boundaries, with each piece's class.
#[derive(Clone, Debug)]
struct Pieces {
    number: u32,
    start: usize,
    end: usize,
    /// Cut points from `start` to `end`, sorted and distinct.
    cuts: Vec<usize>,
    /// The class of the piece starting at each cut but the last.
    classes: Vec<Option<&'static str>>,
    /// The line with no cursor on it.
    plain: Vec<Segment>,
}

/// A source cut into coloured lines once; each step only lays the processes'
/// cursors over the lines they touch, so a step costs the cursors, not the source.
#[derive(Clone, Debug)]
pub struct SourceLines {
    source: String,
    lines: Vec<Pieces>,
}

impl SourceLines {
    /// Cuts `source` at the boundaries of `tokens` (the dialect's lexer output).
    pub fn new(source: &str, tokens: &[Token]) -> SourceLines {
        let mut lines = Vec::new();
        let mut offset = 0usize;
        for (index, raw) in source.split('\n').enumerate() {
            let start = offset;
            let end = start + raw.len();
            offset = end + 1;
            // Only tokens that reach into this line can cut it or colour it.
            let near: Vec<&Token> = tokens
                .iter()
                .filter(|t| (t.span.start as usize) <= end && (t.span.end as usize) >= start)
                .collect();
            let mut cuts = vec![start, end];
            for t in &near {
                cuts.push(t.span.start as usize);
                cuts.push(t.span.end as usize);
            }
            cuts.retain(|c| (start..=end).contains(c) && raw.is_char_boundary(c - start));
            cuts.sort_unstable();
            cuts.dedup();
            let classes = cuts
                .windows(2)
                .map(|w| {
                    near.iter()
                        .find(|t| (t.span.start as usize) <= w[0] && w[1] <= t.span.end as usize)
                        .map(|t| class_name(t.class))
                })
                .collect();
            let mut line = Pieces {
                number: index as u32 + 1,
                start,
                end,
                cuts,
                classes,
                plain: Vec::new(),
            };
            line.plain = line.segments(source, &line.cuts, &[]);
            lines.push(line);
        }
        SourceLines {
            source: source.to_string(),
            lines,
        }
    }

    /// The lines with `cursors` laid over them.
    pub fn mark(&self, cursors: &[Cursor]) -> Vec<CodeLine> {
        self.lines
            .iter()
            .map(|line| {
                let (start, end) = (line.start, line.end);
                let touching: Vec<Cursor> = cursors
                    .iter()
                    .copied()
                    .filter(|(_, (s, e), _)| {
                        let (s, e) = (*s as usize, *e as usize);
                        (start..=end).contains(&s)
                            || (start..=end).contains(&e)
                            || (s < e && s <= start && end <= e)
                    })
                    .collect();
                let segments = if touching.is_empty() {
                    line.plain.clone()
                } else {
                    let raw = &self.source[start..end];
                    let mut cuts = line.cuts.clone();
                    for (_, (s, e), _) in &touching {
                        cuts.push(*s as usize);
                        cuts.push(*e as usize);
                    }
                    cuts.retain(|c| (start..=end).contains(c) && raw.is_char_boundary(c - start));
                    cuts.sort_unstable();
                    cuts.dedup();
                    line.segments(&self.source, &cuts, &touching)
                };
                CodeLine {
                    number: line.number,
                    segments,
                    here: cursors
                        .iter()
                        .filter(|(_, _, l)| *l == line.number)
                        .map(|(pid, _, _)| *pid)
                        .collect(),
                }
            })
            .collect()
    }
}

impl Pieces {
    /// The segments between `cuts` (a refinement of the token cuts), each
    /// coloured by the token piece it lies in and marked by the cursors covering it.
    fn segments(&self, source: &str, cuts: &[usize], cursors: &[Cursor]) -> Vec<Segment> {
        cuts.windows(2)
            .filter_map(|w| {
                let (a, b) = (w[0], w[1]);
                let text = source.get(a..b)?.to_string();
                // The token piece holding `a`: the last token cut at or before it.
                let piece = self.cuts.partition_point(|c| *c <= a).saturating_sub(1);
                let class = self.classes.get(piece).copied().flatten();
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
            .collect()
    }
}

/// Splits `source` into lines. `cursors` holds, per process, its pid, the
/// byte range of its current instruction and that instruction's line.
pub fn code_lines(source: &str, tokens: &[Token], cursors: &[Cursor]) -> Vec<CodeLine> {
    SourceLines::new(source, tokens).mark(cursors)
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

    /// The straightforward reading of the rules, cutting every line at every
    /// token and cursor boundary: the oracle for the precomputed lines.
    fn reference(source: &str, tokens: &[Token], cursors: &[Cursor]) -> Vec<CodeLine> {
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
                .map(|w| Segment {
                    text: source[w[0]..w[1]].to_string(),
                    class: tokens
                        .iter()
                        .find(|t| (t.span.start as usize) <= w[0] && w[1] <= t.span.end as usize)
                        .map(|t| class_name(t.class)),
                    current: cursors
                        .iter()
                        .filter(|(_, (s, e), _)| {
                            (*s as usize) <= w[0] && w[1] <= *e as usize && s < e
                        })
                        .map(|(pid, _, _)| *pid)
                        .collect(),
                })
                .collect();
            let here = cursors
                .iter()
                .filter(|c| c.2 == number)
                .map(|c| c.0)
                .collect();
            lines.push(CodeLine {
                number,
                segments,
                here,
            });
        }
        lines
    }

    #[test]
    fn cursors_laid_over_precomputed_lines_match_cutting_everything_afresh() {
        let src = "-module(m).\nloop(N) ->\n    receive\n        {hello, _} -> loop(N + 1)\n    end.\n\n%% a comment\nmain() -> \"two\nlines\", ok.\n";
        let tokens = lang::highlight(Dialect::Erlang, src);
        let source = SourceLines::new(src, &tokens);
        let len = src.len() as u32;
        // Cursors at every kind of place: inside a token, across tokens,
        // across lines, empty, at the very end, and two on one line.
        let cursor_sets: Vec<Vec<Cursor>> = vec![
            vec![],
            vec![(0, (12, 16), 2)],
            vec![(1, (30, 40), 4), (2, (33, 35), 4)],
            vec![(3, (20, 60), 3)],
            vec![(4, (25, 25), 3)],
            vec![(5, (len - 3, len), 9)],
            vec![(6, (0, len), 1)],
        ];
        for cursors in cursor_sets {
            assert_eq!(
                source.mark(&cursors),
                reference(src, &tokens, &cursors),
                "cursors {cursors:?}"
            );
        }
    }
}
