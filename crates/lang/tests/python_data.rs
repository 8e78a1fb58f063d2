//! Python comprehensions and the built-ins that go over lists, through the real simulator.
//! Expected outputs are what CPython 3.11 prints for the same programs.

mod common;

use common::*;
use lang::Dialect::Python;

const SQUARES: &str = "\
import threading

squares = {}
lock = threading.Lock()

def fill(n):
    with lock:
        squares[n] = n * n

workers = [threading.Thread(target=fill, args=(n,)) for n in range(4)]
[w.start() for w in workers]
[w.join() for w in workers]
vals = [squares[n] for n in range(4) if n % 2 == 1]
print(vals, sum(vals), sum(squares[n] for n in range(4)))
print(any(v > 5 for v in vals), all(v > 5 for v in vals), sum([]), sum([0.5, 0.25]))
";

#[test]
fn comprehensions_make_start_and_join_threads_and_filter_results() {
    let p = program(Python, SQUARES);
    for seed in 0..10 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, SQUARES);
        assert_eq!(lines(&w), vec!["[1, 9] 10 14", "True False 0 0.75"]);
    }
}

#[test]
fn reads_of_shared_entries_inside_a_comprehension_are_steps() {
    let p = program(Python, SQUARES);
    let w = run_seeded(&p, 0);
    let story: Vec<String> = w.trace().iter().map(|e| e.narrate(&w)).collect();
    // `[squares[n] for n in range(4) if n % 2 == 1]` reads entries 1 and 3; the generator
    // in `sum(...)` reads all four.
    for key in 0..4 {
        let reads = story
            .iter()
            .filter(|l| l.starts_with(&format!("main reads squares[{key}]")))
            .count();
        assert_eq!(reads, if key % 2 == 1 { 2 } else { 1 }, "{story:#?}");
    }
}
