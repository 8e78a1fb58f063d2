//! Python's `sorted`, and functions appending to a module-level list, through the real
//! simulator.
//!
//! The expected lines were recorded by running the same program with CPython 3.11.7
//! (`python3`) on Linux.

mod common;

use common::*;
use lang::Dialect::Python;

#[test]
fn sorted_orders_numbers_strings_and_tuples_as_cpython() {
    let src = "print(sorted([3, 1.5, 2]), sorted((\"b\", \"a\")), sorted([(2, 'x'), (1, 'y')]))\n\
               for n in sorted([5, 4]):\n    print(n)\n";
    assert_eq!(
        output(Python, src),
        vec!["[1.5, 2, 3] ['a', 'b'] [(1, 'y'), (2, 'x')]", "4", "5"]
    );
}

const APPEND: &str = "\
import threading

log = []
lock = threading.Lock()

def record(n):
    with lock:
        log.append(n * 10)

ts = [threading.Thread(target=record, args=(1,)), threading.Thread(target=record, args=(2,))]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(log), len(log))
";

#[test]
fn a_function_appends_to_the_modules_list_without_global() {
    assert_eq!(output(Python, APPEND), vec!["[10, 20] 2"]);
}

#[test]
fn appends_from_two_threads_are_visible_writes() {
    let p = program(Python, APPEND);
    let w = run_seeded(&p, 3);
    let actions = step_actions(&w);
    // Each thread reads the shared list and writes it back, under the lock.
    for t in ["T1", "T2"] {
        for what in ["read log", "write log"] {
            let label = format!("{t}: {what}");
            assert!(actions.contains(&label), "no {label} in {actions:?}");
        }
    }
}
