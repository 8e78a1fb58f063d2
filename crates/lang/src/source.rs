//! Byte offsets to `line:col`, shared by the three lexers.

use sim::ir::Span;

/// Line starts of one source text, so every span can carry its line and column.
#[derive(Clone, Debug)]
pub(crate) struct LineIndex<'a> {
    src: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `src`.
    pub(crate) fn new(src: &'a str) -> LineIndex<'a> {
        let mut line_starts = vec![0];
        line_starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { src, line_starts }
    }

    /// The span of bytes `start..end`, with the 1-based line and column of `start`.
    ///
    /// Columns count characters, not bytes, so they match what an editor shows.
    pub(crate) fn span(&self, start: usize, end: usize) -> Span {
        let start = start.min(self.src.len());
        let end = end.clamp(start, self.src.len());
        let line = self.line_starts.partition_point(|&s| s <= start);
        let line_start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let col = self
            .src
            .get(line_start..start)
            .map_or(0, |s| s.chars().count())
            + 1;
        Span::new(to_u32(start), to_u32(end), to_u32(line), to_u32(col))
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The smallest span covering both (they must come from the same source).
pub(crate) fn join(a: Span, b: Span) -> Span {
    if b.start < a.start {
        return join(b, a);
    }
    Span::new(a.start, a.end.max(b.end), a.line, a.col)
}
