//! Malformed and unsupported Python programs: each names its problem at an exact position.

mod common;

use lang::Dialect::Python;

#[test]
fn malformed_and_unsupported_programs() {
    common::check_errors(
        Python,
        &[
            ("if ready\n    pass\n", "expected `:` after the `if` condition", "1:9"),
            ("while True\n    pass\n", "expected `:` after the `while` condition", "1:11"),
            ("print(\"hi)\n", "this string has no closing quote", "1:7"),
            ("def f():\npass\n", "expected an indented block", "2:1"),
            ("if True:\n    x = 1\n  y = 2\n", "does not match any enclosing block", "3:1"),
            ("class Counter:\n    pass\n", "`class` is not part of the Python lesson dialect; supported:", "1:1"),
            ("async def work():\n    pass\n", "`async` is not part of the Python lesson dialect", "1:1"),
            ("try:\n    pass\nexcept:\n    pass\n", "`try` is not part of the Python lesson dialect", "1:1"),
            ("f = lambda x: x\n", "`lambda` is not part of the Python lesson dialect", "1:5"),
            ("print(missing)\n", "`missing` is not defined", "1:7"),
            ("count = 0\ndef worker():\n    count += 1\n", "`count` is used before it is assigned", "3:5"),
            ("def f():\n    x = x + 1\n\nf()\n", "`x` is used before it is assigned", "2:9"),
            ("def f(a):\n    pass\nf(1, 2)\n", "`f` takes 1 argument, but 2 were given", "3:1"),
            ("import os\n", "module `os` is not part of the Python lesson dialect", "1:8"),
            ("from threading import RLock\n", "`threading.RLock` is not part", "1:23"),
            ("def w():\n    pass\nt = threading.Thread(target=w)\n", "`threading` is not defined", "3:5"),
            ("with 5:\n    pass\n", "`with` needs a lock, but this is a number", "1:6"),
            ("x = 5\nx.put(1)\n", "`.put()` needs a queue, but this is a number", "2:3"),
            ("break\n", "`break` outside a loop", "1:1"),
            ("return 1\n", "`return` outside a function", "1:1"),
            ("x = (1, 2\n", "expected `)` to close the bracket", "2:1"),
            ("def f():\n    def g():\n        pass\n", "functions must be defined at the top level", "2:9"),
            ("for x in 5:\n    pass\n", "a `for` loop cannot go over a number", "1:10"),
            ("y = 1\nx = 1 if y else 2\n", "conditional expressions", "2:7"),
            ("print(1 < 2 < 3)\n", "chained comparisons are not part", "1:13"),
            ("import threading\ndef w():\n    pass\nt = threading.Thread(target=w())\n", "`target=` takes the function itself, not a call", "4:29"),
            ("import threading\ndef w(n):\n    pass\nt = threading.Thread(target=w, args=(1))\n", "`args` must be a tuple written out", "4:37"),
            ("x = 1 +\n", "expected an expression, found the end of the line", "1:8"),
            ("def f(a, a):\n    pass\n", "parameter `a` appears twice", "1:10"),
            ("x = 0x\n", "this is not a valid number", "1:5"),
            ("x = 99999999999999999999\n", "does not fit in 64 bits", "1:5"),
            ("if x:\npass\n", "expected an indented block", "2:1"),
            ("elif x:\n    pass\n", "`elif` without a matching `if`", "1:1"),
            ("n = 1\nprint(f\"{n:>4}\")\n", "format specs", "2:11"),
            ("def gen():\n    yield 1\n", "`yield` is not part of the Python lesson dialect", "2:5"),
            ("x = 1 $ 2\n", "unexpected character `$`", "1:7"),
            ("import threading\ndef w():\n    pass\nt = threading.Thread(target=w)\nt.start\n", "`.start` is not called", "5:3"),
            ("d = {}\nprint(1 in d in d)\n", "chained comparisons", "2:14"),
            ("def f():\n    return 1\nf = 2\n", "`f` is a function; it cannot be assigned", "3:1"),
            ("import threading\ndef w(a, b):\n    pass\nt = threading.Thread(target=w, args=(1,))\n", "`w` is missing the required argument `b`", "4:29"),
            ("import threading\nthreading.Thread(target=print).start()\n", "`print` is not a function defined with `def`", "2:25"),
            ("lock = threading.RLock()\nimport threading\n", "`threading.RLock` is not part", "1:8"),
            ("x = [1, 2]\nx[0] = 5\n", "a list cannot be changed in place", "2:1"),
            ("print(\"a\", end=\"\")\n", "`end=` is not part of the Python lesson dialect", "1:12"),
            ("x = 1\nx.items()\n", "`.items()` is not part of the Python lesson dialect", "2:3"),
            ("global\n", "expected a variable name after `global`", "1:7"),
            ("def f(*args):\n    pass\n", "`*args` and `**kwargs` are not part", "1:7"),
            ("x: int = 1\n", "type annotations are not part", "1:2"),
            ("print('a\\qb')\n", "unknown escape sequence", "1:9"),
            ("if (x := 1):\n    pass\n", "expected `)` to close the bracket, found `:=`", "1:7"),
        ],
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let src = format!("x = {}1{}\n", "(".repeat(500), ")".repeat(500));
    let err = lang::compile(Python, &src).unwrap_err();
    assert!(err.first().unwrap().message.contains("nested too deeply"));
    let mut src = String::new();
    for depth in 0..300 {
        src.push_str(&" ".repeat(depth * 2));
        src.push_str("if True:\n");
    }
    src.push_str(&" ".repeat(600));
    src.push_str("pass\n");
    let err = lang::compile(Python, &src).unwrap_err();
    assert!(err.first().unwrap().message.contains("nested too deeply"));
    let long_chain = format!("x = 1{}\n", " + 1".repeat(5000));
    let err = lang::compile(Python, &long_chain).unwrap_err();
    assert!(err.first().unwrap().message.contains("nested too deeply"));
}
