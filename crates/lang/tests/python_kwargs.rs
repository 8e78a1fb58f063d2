//! Python default parameters and keyword arguments through the real simulator, in plain
//! calls and in `threading.Thread(..., kwargs={...})`.
//!
//! The expected lines were recorded by running the same program with CPython 3.11.7
//! (`python3`) on Linux; the refusals follow CPython's own `SyntaxError`/`TypeError` wording.

mod common;

use common::*;
use lang::Dialect::Python;

const SRC: &str = "\
import threading

lock = threading.Lock()

def greet(name, greeting=\"Hello\", punct=\"!\"):
    with lock:
        print(f\"{greeting}, {name}{punct}\")

def area(w, h=2):
    return w * h

greet(\"Ada\")
greet(\"Bo\", \"Hi\")
greet(\"Cy\", punct=\"?\")
greet(punct=\".\", name=\"Di\", greeting=\"Hey\")
print(area(3), area(3, 4), area(h=5, w=1))
t = threading.Thread(target=greet, args=(\"Ed\",), kwargs={\"punct\": \"!!\"})
t.start()
t.join()
u = threading.Thread(target=greet, kwargs={\"name\": \"Flo\", \"greeting\": \"Yo\"})
u.start()
u.join()
";

#[test]
fn defaults_and_keywords_fill_parameters_as_in_cpython() {
    assert_eq!(
        output(Python, SRC),
        vec![
            "Hello, Ada!",
            "Hi, Bo!",
            "Hello, Cy?",
            "Hey, Di.",
            "6 12 5",
            "Hello, Ed!!",
            "Yo, Flo!",
        ]
    );
}

#[test]
fn wrong_arguments_are_refused_with_a_position() {
    check_errors(
        Python,
        &[
            ("def f(a=1, b):\n    pass\n", "non-default argument follows default argument", "1:12"),
            ("def f(a):\n    pass\nf(b=1)\n", "`f` got an unexpected keyword argument `b`", "3:3"),
            ("def f(a):\n    pass\nf(1, a=2)\n", "`f` got multiple values for argument `a`", "3:6"),
            ("def f(a, b):\n    pass\nf(1)\n", "`f` is missing the required argument `b`", "3:1"),
            ("def f(a=[x]):\n    pass\n", "a default value must be a literal", "1:9"),
            (
                "import threading\ndef f(a):\n    pass\nt = threading.Thread(target=f, kwargs={1: 2})\n",
                "a key of `kwargs` must be a parameter's name in quotes",
                "4:40",
            ),
        ],
    );
}
