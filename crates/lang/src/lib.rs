//! Switchboard's three teaching dialects: small Python-, Erlang- and Go-shaped languages that
//! compile to the simulator's IR ([`sim::ir::Program`]).
//!
//! Each dialect has a lexer (which also colours code, see [`highlight`]), a hand-written
//! recursive-descent parser, and a lowering to the IR. Every instruction carries the span of
//! the source it came from, so the UI can put each process's cursor on the exact statement
//! (and, for `count += 1`, on the exact sub-step) it is about to run.

#![warn(missing_docs)]

use serde::{Deserialize, Serialize};

mod cursor;
mod diagnostic;
mod erlang;
mod go;
mod lowering;
mod python;
mod scan;
mod source;
mod token;

pub use diagnostic::{Diagnostic, Diagnostics};
pub use token::{Token, TokenClass};

/// How deeply blocks and expressions may nest. Deeper input gets an error, not a stack
/// overflow: lessons never come close, and the browser's stack is small.
pub(crate) const MAX_NESTING: usize = 64;

/// The three lesson dialects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    /// Threads, locks and queues over module-level variables.
    Python,
    /// Actors: processes with mailboxes, `!` and `receive`.
    Erlang,
    /// Goroutines and channels, with `select`, mutexes and WaitGroups.
    Go,
}

impl Dialect {
    /// All dialects, in the order the UI lists them.
    pub const ALL: [Dialect; 3] = [Dialect::Python, Dialect::Erlang, Dialect::Go];

    /// The dialect named by a lesson's code fence (`python`, `erlang`, `go`; also `py`, `erl`).
    pub fn from_name(name: &str) -> Option<Dialect> {
        match name.trim().to_ascii_lowercase().as_str() {
            "python" | "py" => Some(Dialect::Python),
            "erlang" | "erl" => Some(Dialect::Erlang),
            "go" | "golang" => Some(Dialect::Go),
            _ => None,
        }
    }

    /// The lowercase name used in code fences.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Python => "python",
            Dialect::Erlang => "erlang",
            Dialect::Go => "go",
        }
    }
}

impl std::fmt::Display for Dialect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Compiles a program in `dialect` to the simulator's IR.
///
/// Errors carry `line:col`, what was expected, and a hint. It never panics, whatever the input.
///
/// ```
/// use lang::{compile, Dialect};
///
/// let program = compile(Dialect::Python, "print('hi')\n").unwrap();
/// assert_eq!(program.processes.len(), 1);
///
/// let errors = compile(Dialect::Go, "func main() {\n\tswitch {\n\t}\n}\n").unwrap_err();
/// let first = errors.first().unwrap();
/// assert_eq!(first.line_col(), "2:2");
/// assert!(first.message.starts_with("`switch` is not part of the Go lesson dialect; supported:"));
/// assert!(first.to_string().contains("hint: use `if` / `else if`"));
/// ```
pub fn compile(dialect: Dialect, source: &str) -> Result<sim::ir::Program, Diagnostics> {
    compile_with_entry(dialect, source, None)
}

/// Compiles `source` like [`compile`], starting from `entry` when given: an Erlang shell
/// expression without its final `.` (like `tut15:start()`), run by a shell process with
/// its own mailbox. Other dialects have no entry expressions and ignore it.
///
/// The entry is read as if typed on the line after `source`: an error in it has a span that
/// starts at or after `source.len()`, a line one past the source's last, and a message that
/// begins "in the entry: ", so a caller can show it next to where the entry was written.
pub fn compile_with_entry(
    dialect: Dialect,
    source: &str,
    entry: Option<&str>,
) -> Result<sim::ir::Program, Diagnostics> {
    let lines = source::LineIndex::new(source);
    let program = match dialect {
        Dialect::Python => python::compile(source, &lines),
        Dialect::Erlang => erlang::compile(source, &lines, entry),
        Dialect::Go => go::compile(source, &lines),
    }?;
    // The IR's own checker guards against lowering bugs; a failure here is ours, not the
    // student's, but it must still be an error rather than a crash later.
    if let Err(e) = program.validate() {
        return Err(Diagnostic::new(
            sim::ir::Span::new(0, 0, 1, 1),
            format!("internal compiler error: {e}"),
            "this is a bug in Switchboard, not in your program; please report it",
        )
        .into());
    }
    Ok(program)
}

/// Colours `source` for display: every token except whitespace, in source order.
///
/// It never fails: text the lexer cannot read is classed [`TokenClass::Invalid`].
pub fn highlight(dialect: Dialect, source: &str) -> Vec<Token> {
    let lines = source::LineIndex::new(source);
    let mut tokens = match dialect {
        Dialect::Python => python::lexer::lex(source, &lines).highlights,
        Dialect::Erlang => erlang::lexer::lex(source, &lines).highlights,
        Dialect::Go => go::lexer::lex(source, &lines).highlights,
    };
    tokens.sort_by_key(|t| (t.span.start, t.span.end));
    tokens
}
