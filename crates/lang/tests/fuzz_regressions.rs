//! Inputs the coverage-guided fuzzer found, kept as regressions: each once made the front end
//! run out of memory or time. Every file under `tests/fuzz-regressions/<dialect>/` must
//! compile or fail with a diagnostic inside the source, quickly.
//!
//! The three Erlang files are damaged copies of a corpus module whose macros, spliced into
//! one another, expanded past gigabytes before expansion was bounded.

use std::path::Path;
use std::time::{Duration, Instant};

use lang::{compile, highlight, Dialect};

/// Generous for a debug build: the fixed front end takes milliseconds on each file, the
/// broken one took seconds and more than 2 GiB.
const LIMIT: Duration = Duration::from_secs(20);

fn check_folder(dialect: Dialect, folder: &str) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(folder);
    let mut seen = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a readable entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let bytes = std::fs::read(&path).expect("a readable file");
        let source = String::from_utf8_lossy(&bytes);
        let start = Instant::now();
        let _ = highlight(dialect, &source);
        if let Err(errors) = compile(dialect, &source) {
            assert!(
                !errors.is_empty(),
                "{}: an error with no diagnostic",
                path.display()
            );
            for e in errors.iter() {
                assert!(
                    e.span.end as usize <= source.len(),
                    "{}: error past the end: {e:?}",
                    path.display()
                );
            }
        }
        assert!(
            start.elapsed() < LIMIT,
            "{}: took {:?}",
            path.display(),
            start.elapsed()
        );
        seen += 1;
    }
    seen
}

#[test]
fn erlang_inputs_the_fuzzer_found_compile_or_fail_quickly() {
    assert_eq!(check_folder(Dialect::Erlang, "erlang"), 3);
}
