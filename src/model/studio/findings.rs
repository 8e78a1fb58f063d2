//! The checker's diagnostics as the Studio shows them: one entry per problem,
//! and a marker per line for the editor's gutter.

use lesson::{Diagnostic, Severity};

/// One problem, placed in the lesson file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// True for errors, false for warnings.
    pub error: bool,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// Byte range in the file.
    pub span: (usize, usize),
    /// What is wrong.
    pub message: String,
    /// What was expected there and how to fix it, joined for display.
    pub hint: String,
}

impl From<&Diagnostic> for Finding {
    fn from(d: &Diagnostic) -> Finding {
        let hint = match (&d.expected, &d.hint) {
            (Some(e), Some(h)) => format!("Expected {e}. {h}"),
            (Some(e), None) => format!("Expected {e}."),
            (None, Some(h)) => h.clone(),
            (None, None) => String::new(),
        };
        Finding {
            error: d.severity == Severity::Error,
            line: d.line.max(1),
            col: d.col.max(1),
            span: (d.span.start, d.span.end.max(d.span.start + 1)),
            message: d.message.clone(),
            hint,
        }
    }
}

/// What the parser alone finds: fast enough to run after every pause in typing.
pub fn parse_findings(file: &str, text: &str) -> Vec<Finding> {
    lesson::parse_lesson(file, text)
        .diagnostics
        .iter()
        .map(Finding::from)
        .collect()
}

/// What the whole checker finds: every program compiled and run, every answer
/// worked out. Slower; the Studio runs it when typing has paused longer.
pub fn check_findings(file: &str, text: &str) -> Vec<Finding> {
    lesson::check::check_lesson(file, text)
        .diagnostics
        .iter()
        .map(Finding::from)
        .collect()
}

/// The gutter marker of one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Nothing wrong here.
    None,
    /// A warning starts on this line.
    Warning,
    /// An error starts on this line.
    Error,
}

/// One marker per line of a `line_count`-line file; an error outranks a warning.
pub fn gutter(line_count: usize, findings: &[Finding]) -> Vec<Mark> {
    let mut marks = vec![Mark::None; line_count.max(1)];
    for f in findings {
        let Some(slot) = marks.get_mut(f.line - 1) else {
            continue;
        };
        *slot = match (*slot, f.error) {
            (_, true) | (Mark::Error, _) => Mark::Error,
            _ => Mark::Warning,
        };
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::studio::template::TEMPLATE;

    #[test]
    fn the_template_passes_the_whole_checker() {
        let found = check_findings("template.md", TEMPLATE);
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn an_unknown_attribute_is_placed_at_its_line_and_column() {
        // The template's program fence, with a misspelt attribute appended. The
        // fence is line 14 of the template (counted by hand: 8 lines of front
        // matter and blank, then the intro prose), and `titel=` starts after
        // "```sim python id=counter " (25 characters), so at column 26.
        let broken = TEMPLATE.replacen(
            "```sim python id=counter",
            "```sim python id=counter titel=x",
            1,
        );
        let line = broken
            .lines()
            .position(|l| l.contains("titel="))
            .expect("the edit is in")
            + 1;
        let found = parse_findings("t.md", &broken);
        let f = found
            .iter()
            .find(|f| f.message.contains("titel"))
            .expect("the misspelling is reported");
        assert!(f.error);
        assert_eq!((f.line, f.col), (line, 26));
        assert!(
            f.hint.contains("title"),
            "the hint suggests the fix: {}",
            f.hint
        );
    }

    #[test]
    fn the_gutter_marks_the_worst_problem_of_each_line() {
        let at = |line, error| Finding {
            error,
            line,
            col: 1,
            span: (0, 1),
            message: String::new(),
            hint: String::new(),
        };
        let marks = gutter(4, &[at(2, false), at(3, false), at(3, true), at(9, true)]);
        assert_eq!(
            marks,
            vec![Mark::None, Mark::Warning, Mark::Error, Mark::None]
        );
    }
}
