//! The built-ins that build new values from old ones, `setelement/3` and `list_to_atom/1`,
//! and `string:join/2`, through the real simulator.
//!
//! How the expected output was obtained: the program below was saved as a module (with
//! `-module(lib_probe).` and `-export([main/0]).` above it), compiled with `erlc` and run with
//! `erl -noshell -eval 'lib_probe:main(), halt().'` under Debian's `erlang-base` (Erlang/OTP
//! 25); the expected text is that run's standard output, pasted unchanged.

mod common;

use common::{program, run_seeded};
use lang::Dialect::Erlang;

/// `setelement` replaces one position (from 1) and is `badarg` out of range or on a
/// non-tuple; `list_to_atom` makes atoms (the booleans for `"true"` and `"false"`) and is
/// `badarg` on a non-string; `string:join` puts the separator between the strings.
#[test]
fn setelement_list_to_atom_and_string_join_as_erl_does() {
    let src = r#"main() ->
    T = {lamp, hall, 40},
    io:format("~p ~p~n", [setelement(3, T, 60), setelement(1, T, bulb)]),
    io:format("~p~n", [try setelement(4, T, x) catch error:E1 -> E1 end]),
    io:format("~p~n", [try setelement(1, notatuple, x) catch error:E2 -> E2 end]),
    io:format("~p ~p ~p~n", [list_to_atom("ready"), list_to_atom("two words"), list_to_atom("true")]),
    io:format("~p~n", [is_boolean(list_to_atom("false"))]),
    io:format("~p~n", [list_to_atom([$o, $k])]),
    io:format("~p~n", [try list_to_atom(42) catch error:E3 -> E3 end]),
    io:format("~s~n", [string:join(["tea", "jam", "bread"], ", ")]),
    io:format("~p ~p~n", [string:join([], "-"), string:join(["one"], "-")]),
    io:format("~s~n", [string:join([atom_to_list(A) || A <- [x, y, z]], "/")]).
"#;
    let p = program(Erlang, src);
    assert_eq!(
        run_seeded(&p, 0).output_text(),
        r#"{lamp,hall,60} {bulb,hall,40}
badarg
badarg
ready 'two words' true
true
ok
badarg
tea, jam, bread
[] "one"
x/y/z
"#
    );
}

/// Strings are lists of character codes: they match `[H | T]`, `hd`, `++` with a list of
/// codes, comprehensions and `lists` functions see codes, and a string equals its code list.
/// Recorded as above (module `str_probe`).
#[test]
fn strings_are_lists_of_character_codes() {
    let src = r#"main() ->
    [H | T] = "abc",
    io:format("~p ~p~n", [H, T]),
    io:format("~p ~p ~p~n", [length("abc"), hd("abc"), "ab" ++ "cd"]),
    io:format("~p~n", ["ab" ++ [$c]]),
    io:format("~p~n", [lists:reverse("abc")]),
    io:format("~p~n", [[C + 1 || C <- "abc"]]),
    io:format("~p~n", [lists:map(fun(C) -> C - 32 end, "abc")]),
    io:format("~s~n", [[$h, $i]]),
    io:format("~p~n", ["abc" == [97, 98, 99]]).
"#;
    let p = program(Erlang, src);
    assert_eq!(
        run_seeded(&p, 0).output_text(),
        r#"97 "bc"
3 97 "abcd"
"abc"
"cba"
"bcd"
"ABC"
hi
true
"#
    );
}

/// The `string` module has only `join/2`: anything else is refused at its call, with a hint.
#[test]
fn other_string_functions_are_refused_with_a_hint() {
    let err = lang::compile(Erlang, "main() -> string:split(\"a b\", \" \").\n")
        .expect_err("string:split is not in the library");
    let d = err.first().expect("one diagnostic");
    assert!(
        d.message.contains("function string:split/2 is undefined"),
        "{}",
        d.message
    );
    assert_eq!(d.line_col(), "1:18");
    assert!(d.hint.contains("join/2"), "{}", d.hint);
}
