//! What every front-end target checks, whatever the dialect: `compile` and `highlight`
//! never panic, tokens stay inside the source in order, and each error points inside it.

use lang::{compile, highlight, Dialect};

/// Compiles and colours `data` as `dialect`, asserting the front end's invariants.
pub fn check(dialect: Dialect, data: &[u8]) {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let len = source.len() as u32;
    let lines = source.split('\n').count() as u32;

    let tokens = highlight(dialect, source);
    let mut previous = 0;
    for token in &tokens {
        assert!(
            token.span.start <= token.span.end,
            "token span reversed: {token:?}"
        );
        assert!(token.span.end <= len, "token past the end: {token:?}");
        assert!(
            token.span.start >= previous,
            "tokens out of order: {token:?}"
        );
        assert!(source.is_char_boundary(token.span.start as usize));
        assert!(source.is_char_boundary(token.span.end as usize));
        previous = token.span.start;
    }

    if let Err(errors) = compile(dialect, source) {
        assert!(!errors.is_empty(), "an error result with no diagnostic");
        for error in errors.iter() {
            let span = error.span;
            assert!(span.start <= span.end, "error span reversed: {error:?}");
            assert!(
                span.end <= len,
                "error past the end of the input: {error:?}"
            );
            assert!(
                span.line >= 1 && span.line <= lines,
                "error line outside the input: {error:?}"
            );
            assert!(span.col >= 1, "error column is 1-based: {error:?}");
            assert!(!error.message.is_empty(), "an error without a message");
        }
    }
}
