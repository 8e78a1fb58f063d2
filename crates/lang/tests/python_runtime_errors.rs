//! Python run-time errors say what CPython says, and Python's negative indexes count from
//! the end.
//!
//! Every expected line was recorded with CPython 3.11.7 (`python3 -c PROGRAM`): the printed
//! output, or the last line CPython wrote to stderr.

mod common;

use common::*;
use lang::Dialect::Python;

#[test]
fn negative_indexes_count_from_the_end() {
    let src = "xs = [1, 2]\nword = \"abc\"\nprint(xs[-1], xs[-2], word[1], word[-1])\n";
    assert_eq!(output(Python, src), vec!["2 1 b c"]);
}

#[test]
fn index_and_type_errors_use_cpythons_wording() {
    let cases = [
        (
            "xs = [1, 2]\nprint(xs[2])\n",
            "IndexError: list index out of range",
        ),
        (
            "xs = [1, 2]\nprint(xs[-3])\n",
            "IndexError: list index out of range",
        ),
        (
            "word = \"ab\"\nprint(word[5])\n",
            "IndexError: string index out of range",
        ),
        (
            "n = 1\nprint(n + \"a\")\n",
            "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
        ),
        (
            "s = \"a\"\nprint(s - 1.5)\n",
            "TypeError: unsupported operand type(s) for -: 'str' and 'float'",
        ),
        (
            "v = None\nprint(v + 1)\n",
            "TypeError: unsupported operand type(s) for +: 'NoneType' and 'int'",
        ),
    ];
    for (src, want) in cases {
        assert_eq!(one_crash_reason(src), want, "{src}");
    }
}
