//! Python floats through the real simulator: literals, true division, conversions, CPython's
//! float printing and its `ZeroDivisionError` wording.
//!
//! Every expected line below was recorded by running the same program with CPython 3.11.7
//! (`python3`) on Linux.

mod common;

use common::*;
use lang::Dialect::Python;

#[test]
fn float_literals_arithmetic_and_printing_match_cpython() {
    let src = "\
import threading

total = 0.0
lock = threading.Lock()

def add(share):
    global total
    with lock:
        total += share / 4

t = threading.Thread(target=add, args=(1,))
t.start()
t.join()
print(0.1 + 0.2, 1 / 4, 7 / 7, 2.5 * 4, total)
print(1e16, 1e-5, 123456789.0 * 10, float(3), -0.0, 1_000.5)
print(10 / 4, 10 // 4, 10 % 4, -7 // 2, 7.5 // 2, -7.5 % 2)
print(str(3.14), repr(1.10), int(9.99), int(-2.5), float(\"2.5\"), int(\"42\"))
print([0.5, 2.0], (1 / 3,), 3 == 3.0, 2 < 2.5)
x = 9
x /= 2
print(x, f\"{x}\")
";
    assert_eq!(
        output(Python, src),
        vec![
            "0.30000000000000004 0.25 1.0 10.0 0.25",
            "1e+16 1e-05 1234567890.0 3.0 -0.0 1000.5",
            "2.5 2 2 -4 3.0 0.5",
            "3.14 1.1 9 -2 2.5 42",
            "[0.5, 2.0] (0.3333333333333333,) True True",
            "4.5 4.5",
        ]
    );
}

#[test]
fn division_by_zero_says_what_cpython_says() {
    // Each right-hand side is the last stderr line of `python3 -c "n = 0; print(EXPR)"`.
    let cases = [
        (
            "1 // n",
            "ZeroDivisionError: integer division or modulo by zero",
        ),
        ("1 % n", "ZeroDivisionError: integer modulo by zero"),
        ("1 / n", "ZeroDivisionError: division by zero"),
        ("1.0 / n", "ZeroDivisionError: float division by zero"),
        (
            "1.0 // n",
            "ZeroDivisionError: float floor division by zero",
        ),
        ("1.0 % n", "ZeroDivisionError: float modulo"),
        (
            "float(\"pear\")",
            "ValueError: could not convert string to float: 'pear'",
        ),
        (
            "int(\"pear\")",
            "ValueError: invalid literal for int() with base 10: 'pear'",
        ),
    ];
    for (expr, want) in cases {
        let src = format!("n = 0\nprint({expr})\n");
        assert_eq!(one_crash_reason(&src), want, "{expr}");
    }
}

#[test]
fn malformed_floats_are_refused_with_a_position() {
    check_errors(
        Python,
        &[
            ("x = 1e\n", "not a valid floating-point number", "1:5"),
            ("x = 1.5_\n", "not a valid floating-point number", "1:5"),
            ("x = 2 ** 0.5\n", "`**`", "1:7"),
        ],
    );
}
