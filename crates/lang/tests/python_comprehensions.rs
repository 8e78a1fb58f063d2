//! Python comprehensions and membership through the real simulator: list, dict and nested
//! comprehensions with filters, generator expressions consumed by `sum`, `any`, `all` and
//! `list`, comprehension variables that do not leak, and `in` on lists, tuples and strings.
//!
//! The expected lines were recorded by running the same program with CPython 3.11.7
//! (`python3`) on Linux.

mod common;

use common::*;
use lang::Dialect::Python;

const SRC: &str = "\
import threading

results = {}
lock = threading.Lock()


def work(n):
    with lock:
        results[n] = n * n


threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
x = 100
squares = [x * x for x in range(6)]
print(squares, x)
print([s for s in squares if s % 2 == 0 if s > 0])
print([(a, b) for a in range(3) for b in range(a)])
d = {k: v for k, v in enumerate(\"abc\") if k != 1}
print(d[0], d[2], 1 in d, 2 in d)
print(sum(results[k] for k in range(4)))
print(any(v > 8 for v in squares), all(v > 8 for v in squares))
print(sum([1, 2, 3]), list(n + 1 for n in [1, 2]))
print(3 in [1, 2, 3], 4 in (1, 2), \"ell\" in \"hello\", \"z\" not in \"hello\")
print([[i * j for j in range(3)] for i in range(3)])
";

#[test]
fn comprehensions_and_membership_print_what_cpython_prints() {
    assert_eq!(
        output(Python, SRC),
        vec![
            "[0, 1, 4, 9, 16, 25] 100",
            "[4, 16]",
            "[(1, 0), (2, 0), (2, 1)]",
            "a c False True",
            "14",
            "True False",
            "6 [2, 3]",
            "True False True True",
            "[[0, 0, 0], [0, 1, 2], [0, 2, 4]]",
        ]
    );
}

#[test]
fn bad_comprehensions_are_refused_with_a_place_and_a_hint() {
    check_errors(
        Python,
        &[
            (
                "xs = [x for x of range(3)]\n",
                "`in` after the comprehension",
                "1:15",
            ),
            (
                "xs = [x for x in range(3)\n",
                "to close the list comprehension",
                "2:1",
            ),
            ("xs = {x for x in range(3)}\n", "set comprehensions", "1:7"),
            (
                "print(sum(x for x in range(3), 1))\n",
                "only argument",
                "1:11",
            ),
            ("xs = [x for 3 in range(3)]\n", "loop variable", "1:13"),
            ("n = 5\nprint(sum(n))\n", "goes over a list", "2:11"),
        ],
    );
}
