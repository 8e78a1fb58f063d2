//! `try … of … catch … after … end`, `catch Expr`, `throw/1`, `error/1` and `exit/1`
//! through the simulator. Expected outputs follow the Erlang reference manual's rules,
//! worked out by hand.

mod common;

use common::output;
use lang::Dialect::Erlang;

#[test]
fn try_catches_each_class_and_runs_after_on_every_path() {
    let src = "\
risky(1) -> throw(ball);
risky(2) -> error(broken);
risky(3) -> exit(gone);
risky(4) -> 1 div (4 - 4);
risky(N) -> N.

attempt(N) ->
    try risky(N) of
        V when V > 10 -> {big, V};
        V -> {small, V}
    catch
        thrown -> caught_bare_throw;
        throw:T -> {throw, T};
        error:E -> {error, E};
        exit:X -> {exit, X}
    after
        io:format(\"after ~w~n\", [N])
    end.

main() ->
    [io:format(\"~p~n\", [attempt(N)]) || N <- [1, 2, 3, 4, 5, 50]].
";
    assert_eq!(
        output(Erlang, src),
        [
            "after 1",
            "{throw,ball}",
            "after 2",
            "{error,broken}",
            "after 3",
            "{exit,gone}",
            "after 4",
            "{error,badarith}",
            "after 5",
            "{small,5}",
            "after 50",
            "{big,50}",
        ]
    );
}

#[test]
fn an_unmatched_exception_goes_to_the_outer_try_after_the_inner_after() {
    let src = "\
main() ->
    R = try
            try throw(deep)
            catch error:_ -> inner
            after io:format(\"inner after~n\")
            end
        catch
            throw:What -> {outer, What}
        end,
    io:format(\"~p~n\", [R]).
";
    assert_eq!(output(Erlang, src), ["inner after", "{outer,deep}"]);
}

#[test]
fn catch_gives_values_thrown_terms_and_exit_tuples() {
    let src = "\
main() ->
    A = catch 1 + 1,
    B = catch throw(up),
    C = catch exit(out),
    {'EXIT', {D, _Stack}} = catch error(bad),
    io:format(\"~p ~p ~p ~p~n\", [A, B, C, D]).
";
    assert_eq!(output(Erlang, src), ["2 up {'EXIT',out} bad"]);
}

#[test]
fn a_catch_all_pattern_catches_any_class() {
    let src = "\
main() ->
    V = try exit(whatever) catch _:_ -> anything end,
    W = try 6 * 7 catch _:_ -> never end,
    io:format(\"~p ~p~n\", [V, W]).
";
    assert_eq!(output(Erlang, src), ["anything 42"]);
}
