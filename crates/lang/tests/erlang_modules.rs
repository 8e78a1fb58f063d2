//! Modules started the way a reader starts them in the shell: from `start()` when it is
//! exported, or from an explicit entry expression. Calls `Mod:f(…)` to the module's own
//! name are local calls.
//!
//! Expected outputs come from real erl (OTP 25.2.3): `erlc greet.erl && erl -noshell
//! -eval 'greet:start(), timer:sleep(300), halt().'` (and the entry shown per test).

mod common;

use common::*;
use lang::Dialect::Erlang;

const GREET: &str = "\
-module(greet).
-export([start/0, hello/1, twice/1]).

hello(N) ->
    io:format(\"hello ~p~n\", [N]).

start() ->
    greet:hello(1),
    hello(2),
    Me = self(),
    spawn(fun() -> Me ! {back, greet:twice(21)} end),
    receive {back, V} -> io:format(\"got ~p~n\", [V]) end.

twice(X) -> 2 * X.
";

fn run_entry(src: &str, entry: Option<&str>) -> Vec<String> {
    let program = lang::compile_with_entry(Erlang, src, entry).expect("compiles");
    let w = run_seeded(&program, 1);
    assert_finished(&w, src);
    lines(&w)
}

#[test]
fn exported_start_is_the_default_entry_and_the_shell_has_a_mailbox() {
    assert_eq!(run_entry(GREET, None), ["hello 1", "hello 2", "got 42"]);
}

#[test]
fn an_explicit_entry_runs_instead() {
    // erl -noshell -eval 'greet:hello(7), greet:hello(8), timer:sleep(300), halt().'
    assert_eq!(
        run_entry(GREET, Some("greet:hello(7), greet:hello(8)")),
        ["hello 7", "hello 8"]
    );
}

#[test]
fn a_malformed_entry_is_an_error_not_a_panic() {
    let errors = lang::compile_with_entry(Erlang, GREET, Some("greet:hello(")).unwrap_err();
    assert!(!errors.0.is_empty());
}

#[test]
fn an_entry_error_is_placed_on_a_line_after_the_module() {
    // GREET has 14 lines, so the entry is read as line 15; the entry ends too early, at
    // column 13, just after `greet:hello(` (12 characters).
    let errors = lang::compile_with_entry(Erlang, GREET, Some("greet:hello(")).unwrap_err();
    let first = errors.first().expect("one error");
    assert!(
        first.message.starts_with("in the entry: "),
        "{}",
        first.message
    );
    assert!(first.span.start as usize >= GREET.len(), "{first:?}");
    assert_eq!((first.span.line, first.span.col), (15, 13), "{first:?}");
}

#[test]
fn a_lowering_error_in_the_entry_says_it_is_in_the_entry() {
    let errors = lang::compile_with_entry(Erlang, GREET, Some("greet:nope(1)")).unwrap_err();
    let first = errors.first().expect("one error");
    assert!(
        first.message.starts_with("in the entry: "),
        "{}",
        first.message
    );
    assert_eq!((first.span.line, first.span.col), (15, 1), "{first:?}");
}
