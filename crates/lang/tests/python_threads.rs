//! Python thread objects through the real simulator: stored, started later, joined from
//! anywhere, named as CPython names them. Expected outputs were recorded by running the same
//! programs with CPython 3.11 (`python3`); each start and join here is ordered by a join, so
//! the output is fixed.

mod common;

use common::*;
use lang::Dialect::Python;
use sim::EventKind;

const CREW: &str = "\
import threading

def work(n):
    print(\"work\", n, threading.current_thread().name)

crew = []
for i in range(3):
    crew.append(threading.Thread(target=work, args=(i,)))
crew.append(threading.Thread(target=work, args=(9,), name=\"last\"))
for t in crew:
    print(\"starting\", t.name)
    t.start()
    t.join()
print(\"main is\", threading.current_thread().name)
";

#[test]
fn thread_objects_in_a_list_start_later_and_carry_cpython_names() {
    let p = program(Python, CREW);
    for seed in [0, 1, 7] {
        let w = run_seeded(&p, seed);
        assert_finished(&w, CREW);
        assert_eq!(
            lines(&w),
            [
                "starting Thread-1 (work)",
                "work 0 Thread-1 (work)",
                "starting Thread-2 (work)",
                "work 1 Thread-2 (work)",
                "starting Thread-3 (work)",
                "work 2 Thread-3 (work)",
                "starting last",
                "work 9 last",
                "main is MainThread",
            ]
        );
    }
}

#[test]
fn thread_object_bookkeeping_is_no_shared_memory() {
    // Nothing here is shared: making, naming, starting and joining thread objects must not
    // show up as reads or writes the detectors see.
    let w = run_seeded(&program(Python, CREW), 3);
    let touches = w
        .trace()
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Read { .. } | EventKind::Write { .. }))
        .count();
    assert_eq!(touches, 0);
    assert!(w.findings().is_empty(), "{:?}", w.findings());
}

const TWICE: &str = "\
import threading

def chime():
    print(\"ding\")

bell = threading.Thread(target=chime)
bell.start()
bell.join()
bell.start()
";

#[test]
fn starting_a_thread_twice_is_runtime_error() {
    let w = run_seeded(&program(Python, TWICE), 0);
    assert_eq!(lines(&w), ["ding"]);
    let reasons = crash_reasons(&w);
    assert_eq!(
        reasons,
        ["RuntimeError: threads can only be started once"],
        "CPython 3.11 raises this on a second start()"
    );
}
