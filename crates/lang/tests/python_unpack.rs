//! Python unpacking through the real simulator: several loop variables, nested tuple
//! targets, `enumerate` with and without `start=`, swapping by tuple assignment, and
//! fractional `time.sleep` on the logical clock.
//!
//! The expected lines were recorded by running the same program with CPython 3.11.7
//! (`python3`) on Linux.

mod common;

use common::*;
use lang::Dialect::Python;

const SRC: &str = "\
import threading
import time

def runner(name, delay):
    time.sleep(delay)
    print(name, \"wakes\")

team = [(\"Ines\", 0.3), (\"Koa\", 0.1), (\"Lev\", 0.2)]
threads = []
for name, delay in team:
    threads.append(threading.Thread(target=runner, args=(name, delay)))
for i, t in enumerate(threads):
    t.start()
    print(\"started\", i)
for n, t in enumerate(threads, start=1):
    t.join()
for i, (who, pause) in enumerate(team):
    print(i, who, pause)
a, b = 1, 2
a, b = b, a
print(a, b)
for _, x in ((0, \"x\"), (1, \"y\")):
    print(x)
";

#[test]
fn loop_targets_unpack_and_enumerate_counts() {
    assert_eq!(
        output(Python, SRC),
        vec![
            "started 0",
            "started 1",
            "started 2",
            "Koa wakes",
            "Lev wakes",
            "Ines wakes",
            "0 Ines 0.3",
            "1 Koa 0.1",
            "2 Lev 0.2",
            "2 1",
            "x",
            "y",
        ]
    );
}

#[test]
fn malformed_loop_targets_are_refused_with_a_position() {
    check_errors(
        Python,
        &[
            (
                "for a, 1 in x:\n    pass\n",
                "a loop variable after `for`",
                "1:8",
            ),
            ("for (a b) in x:\n    pass\n", "`,` or `)`", "1:8"),
            (
                "for i, t in enumerate():\n    pass\n",
                "`enumerate` takes 1 iterable",
                "1:13",
            ),
            (
                "for i, t in enumerate([1], begin=1):\n    pass\n",
                "`enumerate` has no parameter `begin`",
                "1:28",
            ),
        ],
    );
}
