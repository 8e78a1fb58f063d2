//! Python floats, true division and unpacking loop variables through the real simulator.
//! Expected outputs are what CPython 3.11 prints for the same programs.

mod common;

use common::*;
use lang::Dialect::Python;

#[test]
fn floats_print_as_cpython_prints_them_and_slash_is_true_division() {
    let src = "\
print(1 / 2, 7 / 7, 0.1 + 0.2, 10 / 4, 2.0, 1e16, 1e-5)
x = 9
x /= 2
print(x)
";
    assert_eq!(
        output(Python, src),
        vec!["0.5 1.0 0.30000000000000004 2.5 2.0 1e+16 1e-05", "4.5"]
    );
}

#[test]
fn for_loops_unpack_tuples_into_several_variables() {
    let src = "\
pairs = [(\"a\", 1), (\"b\", 2)]
for name, n in pairs:
    print(name, n)
for i, (x, y) in [(0, (1, 2)), (1, (3, 4))]:
    print(i, x + y)
";
    assert_eq!(output(Python, src), vec!["a 1", "b 2", "0 3", "1 7"]);
}

#[test]
fn shorter_sleeps_wake_first_on_the_logical_clock() {
    let src = "\
import threading
import time

def runner(name, delay):
    time.sleep(delay)
    print(name)

racers = []
for name, delay in [(\"slow\", 0.3), (\"fast\", 0.1), (\"mid\", 0.25)]:
    racers.append(threading.Thread(target=runner, args=(name, delay)))
for r in racers:
    r.start()
for r in racers:
    r.join()
";
    let p = program(Python, src);
    for seed in 0..10 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, src);
        assert_eq!(lines(&w), vec!["fast", "mid", "slow"], "seed {seed}");
    }
}
