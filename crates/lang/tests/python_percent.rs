//! `"…" % values` string formatting through the real simulator. Expected outputs were
//! recorded by running the same program with CPython 3.11 (`python3`); each thread is joined
//! before the next starts, so the output is fixed.

mod common;

use common::*;
use lang::Dialect::Python;

const GREETERS: &str = "\
import threading

def greet(n, who):
    print(\"Worker: %s\" % n)
    print(\"%s says hi to %r (%d%%)\" % (who, who, n * 10))

ts = [threading.Thread(target=greet, args=(i, \"bo\")) for i in range(2)]
for t in ts:
    t.start()
    t.join()
print(\"%d items\" % 3)
";

#[test]
fn percent_formatting_prints_as_cpython() {
    assert_eq!(
        output(Python, GREETERS),
        [
            "Worker: 0",
            "bo says hi to 'bo' (0%)",
            "Worker: 1",
            "bo says hi to 'bo' (10%)",
            "3 items",
        ]
    );
}

#[test]
fn percent_format_mismatches_are_refused_with_position() {
    check_errors(
        Python,
        &[
            (
                "print(\"%s and %s\" % (1,))\n",
                "not enough arguments for format string",
                "1:21",
            ),
            (
                "print(\"%s\" % (1, 2))\n",
                "not all arguments converted",
                "1:14",
            ),
            (
                "print(\"%5.2f\" % 1.5)\n",
                "the `%` conversion starting `%5` is not part",
                "1:7",
            ),
        ],
    );
}
