//! The invariant every lesson diagnostic keeps: it points inside the file it names.

use lesson::Diagnostic;

/// Asserts that each diagnostic's span and line:col lie inside `text`.
pub fn check(file: &str, text: &str, diagnostics: &[Diagnostic]) {
    let lines = text.split('\n').count();
    for d in diagnostics {
        assert_eq!(d.file, file, "diagnostic names another file: {d:?}");
        assert!(d.span.start <= d.span.end, "span reversed: {d:?}");
        assert!(
            d.span.end <= text.len(),
            "span past the end of the file: {d:?}"
        );
        assert!(
            d.line >= 1 && d.line <= lines,
            "line outside the file: {d:?}"
        );
        assert!(d.col >= 1, "column is 1-based: {d:?}");
        assert!(
            !d.message.is_empty(),
            "a diagnostic without a message: {d:?}"
        );
    }
}
