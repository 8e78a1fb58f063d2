//! Prints lesson diagnostics with the offending text underlined, via codespan-reporting.

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use codespan_reporting::term::{self, Config};
use lesson::{Diagnostic, Severity};

/// Writes `diagnostics` of one file to stderr, with colour when stderr is a terminal.
pub fn emit(file_name: &str, text: &str, diagnostics: &[Diagnostic]) {
    let file = SimpleFile::new(file_name, text);
    let choice = if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        ColorChoice::Auto
    } else {
        ColorChoice::Never
    };
    let stream = StandardStream::stderr(choice);
    let config = Config::default();
    for diagnostic in diagnostics {
        let report = to_report(diagnostic);
        // A failure to write to stderr leaves nothing better to do than carry on.
        let _ = term::emit(&mut stream.lock(), &config, &file, &report);
    }
}

fn to_report(d: &Diagnostic) -> Report<()> {
    let base = match d.severity {
        Severity::Error => Report::error(),
        Severity::Warning => Report::warning(),
    };
    let mut labels = vec![Label::primary((), d.span.clone()).with_message(short_label(d))];
    if let Some(related) = &d.related {
        labels
            .push(Label::secondary((), related.span.clone()).with_message(related.message.clone()));
    }
    let mut notes = Vec::new();
    if let Some(expected) = &d.expected {
        notes.push(format!("expected: {expected}"));
    }
    if let Some(hint) = &d.hint {
        notes.push(format!("hint: {hint}"));
    }
    base.with_code(d.code)
        .with_message(&d.message)
        .with_labels(labels)
        .with_notes(notes)
}

/// The text under the caret: short, since the message is printed above it.
fn short_label(d: &Diagnostic) -> String {
    match d.code {
        "unknown-attribute" | "unknown-key" => "not recognised".to_string(),
        "duplicate-id" | "duplicate-attribute" | "duplicate-choice" => {
            "used again here".to_string()
        }
        "missing-program" => "no such program".to_string(),
        _ => String::new(),
    }
}
