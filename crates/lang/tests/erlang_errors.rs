//! Malformed and unsupported Erlang programs: each names its problem at an exact position.

mod common;

use lang::Dialect::Erlang;

#[test]
fn malformed_and_unsupported_programs() {
    common::check_errors(
        Erlang,
        &[
            ("main() -> ok", "expected `.` to end `main`", "1:13"),
            (
                "main() -> ok;\nother() -> ok.\n",
                "expected another clause of `main`, found `other`",
                "2:1",
            ),
            (
                "main() -> receive X -> X .\n",
                "expected `end` to close the `receive` on line 1",
                "1:26",
            ),
            (
                "main() -> receive a -> ok; end.\n",
                "`;` after the last clause of `receive`",
                "1:28",
            ),
            ("main() -> X + 1.\n", "variable `X` is unbound", "1:11"),
            ("main() -> foo(1).\n", "function foo/1 is undefined", "1:11"),
            (
                "f(X) -> X.\nmain() -> f(1, 2).\n",
                "function f/2 is undefined",
                "2:11",
            ),
            (
                "main() -> 1.5.\n",
                "floats are not part of the Erlang lesson dialect",
                "1:11",
            ),
            ("main() -> 4 / 2.\n", "`/` makes a float", "1:13"),
            (
                "main() -> gen_server:call(x, y).\n",
                "`gen_server` is not part of the Erlang lesson dialect; supported:",
                "1:11",
            ),
            (
                "main() -> try ok end.\n",
                "expected `catch` or `after` in this `try`",
                "1:18",
            ),
            (
                "main() -> try ok catch error:R:S -> R end.\n",
                "the stack trace pattern `Class:Reason:Stack` is not part",
                "1:31",
            ),
            (
                "-record(point, {x, y}).\nmain() -> #point{z = 1}.\n",
                "record `point` has no field `z`",
                "2:18",
            ),
            (
                "main() -> #{a := 1}.\n",
                "`:=` changes a key a map already has",
                "1:13",
            ),
            (
                "main() -> #{a => X} = #{a => 1}, X.\n",
                "a map pattern names its keys with `:=`",
                "1:13",
            ),
            (
                "main() -> K = a, #{K := X} = #{a => 1}, X.\n",
                "a key in a map pattern must be written out",
                "1:20",
            ),
            (
                "main() -> #{a => 1 .\n",
                "expected `}` to close the map",
                "1:20",
            ),
            (
                "main() -> #point{x = 1}.\n",
                "record `point` is undefined",
                "1:12",
            ),
            (
                "-record(point, {x, x}).\nmain() -> ok.\n",
                "field `x` is defined twice",
                "1:20",
            ),
            (
                "main() -> ?UNKNOWN.\n",
                "macro `UNKNOWN` is undefined",
                "1:11",
            ),
            (
                "-define(TWICE(X), X + X).\nmain() -> ?TWICE(1, 2).\n",
                "macro `TWICE` takes 1 argument, given 2",
                "2:11",
            ),
            (
                "main() -> ?MODULE.\n",
                "`?MODULE` needs a `-module(Name).` before it",
                "1:11",
            ),
            (
                "main() -> [X || X <- [1].\n",
                "to close the list comprehension",
                "1:25",
            ),
            ("f() -> ok.\n", "this program has no entry point", "1:1"),
            (
                "main() -> io:format(\"hi).\n",
                "this string has no closing `\"`",
                "1:21",
            ),
            (
                "main() -> io:format(\"~p ~p~n\", [1]).\n",
                "more `~` directives than the 1 argument",
                "1:21",
            ),
            (
                "main() -> io:format(\"~x~n\", [1]).\n",
                "`~x` is not part",
                "1:21",
            ),
            (
                "main() -> io:format(\"~p~n\", [1, 2]).\n",
                "2 arguments are given but the format uses only 1",
                "1:29",
            ),
            (
                "f(X) when foo(X) -> ok.\nmain() -> f(1).\n",
                "not allowed in a guard",
                "1:11",
            ),
            ("main() -> _.\n", "`_` can only be used in patterns", "1:11"),
            (
                "f(X) -> X;\nf(X, Y) -> Y.\nmain() -> ok.\n",
                "this clause of `f` has 2 parameters, the first has 1",
                "2:1",
            ),
            (
                "f() -> 1.\nf() -> 2.\nmain() -> f().\n",
                "function f/0 is already defined on line 1",
                "2:1",
            ),
            (
                "main() -> 42 ! hi.\n",
                "`!` sends to a process, but `42` is not a pid",
                "1:11",
            ),
            (
                "main() ok.\n",
                "expected `->` after `main()` to define a function",
                "1:8",
            ),
            (
                "main() -> case 1 1 -> ok end.\n",
                "expected `of` after the `case` expression",
                "1:18",
            ),
            (
                "main() -> lists:shuffle([1]).\n",
                "function lists:shuffle/1 is undefined",
                "1:17",
            ),
            ("main() -> ok § ok.\n", "unexpected character `§`", "1:14"),
            (
                "f(X) -> X.\nmain() -> spawn(f, 1).\n",
                "the arguments for `spawn` must be a list written out",
                "2:20",
            ),
            (
                "f(X) -> X.\nmain() -> spawn(f, [1, 2]).\n",
                "function f/2 is undefined",
                "2:17",
            ),
            ("main() -> maybe ok end.\n", "`maybe` is not part", "1:11"),
            (
                "main() -> begin ok.\n",
                "expected `end` to close the `begin` on line 1",
                "1:19",
            ),
            (
                "main() -> F = fun foo/2, F.\n",
                "function foo/2 is undefined",
                "1:15",
            ),
            (
                "-foo(bar).\nmain() -> ok.\n",
                "unknown attribute `-foo`",
                "1:1",
            ),
            ("main() -> [1] -- [1].\n", "`--` is not part", "1:15"),
            (
                "main() -> receive after 5 -> ok.\n",
                "expected `end` to close the `receive` on line 1",
                "1:32",
            ),
            (
                "main() -> X = 1, X = 2, {Y} = 3, Y.\nf(",
                "expected an expression, found the end of the file",
                "2:3",
            ),
            ("main() -> <<1>>.\n", "binaries are not part", "1:11"),
            (
                "main() -> 1 < 2 < 3.\n",
                "comparisons cannot be chained",
                "1:17",
            ),
            (
                "main() -> erlang:halt().\n",
                "`erlang:halt/0` is not part",
                "1:18",
            ),
            (
                "main() -> monitor(port, self()).\n",
                "only processes can be monitored",
                "1:19",
            ),
            (
                "main() -> io:format(\"~5c\", [self()]).\n",
                "`~c` prints a character written out",
                "1:29",
            ),
            ("main(X) -> X.\n", "this program has no entry point", "1:1"),
            (
                "main() -> case 1 of {A, {x} = {y}} -> A end.\n",
                "only `Var = Pattern` may appear inside a pattern",
                "1:25",
            ),
            (
                "main() -> self() ! \"a\" ++ X.\n",
                "variable `X` is unbound",
                "1:27",
            ),
        ],
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let src = format!("main() -> {}1{}.\n", "(".repeat(500), ")".repeat(500));
    let err = lang::compile(Erlang, &src).unwrap_err();
    assert!(err.first().unwrap().message.contains("nested too deeply"));
    let src = format!(
        "main() -> {}1{}.\n",
        "begin ".repeat(300),
        " end".repeat(300)
    );
    let err = lang::compile(Erlang, &src).unwrap_err();
    assert!(err.first().unwrap().message.contains("nested too deeply"));
    let src = format!("main() -> 1{}.\n", " + 1".repeat(5000));
    let err = lang::compile(Erlang, &src).unwrap_err();
    assert!(err.first().unwrap().message.contains("nested too deeply"));
}
