//! Standard output as a stream of characters: whole lines for the views, the exact text for
//! comparing with a real run, and a record of what each step printed.

use serde::{Deserialize, Serialize};

use crate::ir::{Pid, Text};

/// What one step printed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Printed {
    /// The step (1-based).
    pub step: u64,
    /// Who printed.
    pub pid: Pid,
    /// The text, without the line break a whole-line print adds.
    pub text: Text,
    /// Whether the print ended the line.
    pub newline: bool,
}

/// The output so far. A print that does not end the line leaves the last line open; the next
/// print continues it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct OutputLog {
    /// Lines in order; the last one is still open when `open` is set.
    pub(crate) lines: Vec<Text>,
    pub(crate) open: bool,
    pub(crate) printed: Vec<Printed>,
}

impl OutputLog {
    /// Appends `text`; `newline` ends the line afterwards. Line breaks inside `text` end
    /// lines only for a print that does not end the line itself (a whole-line print keeps
    /// its text as one line, as printing always has).
    pub(crate) fn push(&mut self, step: u64, pid: Pid, text: Text, newline: bool) {
        self.printed.push(Printed {
            step,
            pid,
            text: text.clone(),
            newline,
        });
        if newline {
            let line = self.continue_line(&text);
            self.lines.push(line);
            self.open = false;
            return;
        }
        let mut pieces = text.split('\n').peekable();
        while let Some(piece) = pieces.next() {
            let last = pieces.peek().is_none();
            if last && piece.is_empty() {
                break;
            }
            let line = self.continue_line(piece);
            self.lines.push(line);
            self.open = last;
        }
    }

    /// Takes the open line off the list and returns it extended by `more`.
    fn continue_line(&mut self, more: &str) -> Text {
        if self.open {
            self.open = false;
            if let Some(prev) = self.lines.pop() {
                return Text::new(format!("{prev}{more}"));
            }
        }
        Text::new(more)
    }

    /// Everything printed, exactly: each line with its line break, the open one without.
    pub(crate) fn text(&self) -> String {
        let mut out = String::new();
        for (i, line) in self.lines.iter().enumerate() {
            out.push_str(line);
            if !(self.open && i + 1 == self.lines.len()) {
                out.push('\n');
            }
        }
        out
    }
}

/// The lines that a sequence of prints (`(text, ends the line)`) leaves, composed as
/// [`OutputLog`] composes them; the explorer rebuilds an outcome's output this way from
/// what each step printed.
pub(crate) fn compose_lines(pieces: impl IntoIterator<Item = (Text, bool)>) -> Vec<Text> {
    let mut log = OutputLog::default();
    for (text, newline) in pieces {
        log.push(0, Pid(0), text, newline);
    }
    log.lines
}
