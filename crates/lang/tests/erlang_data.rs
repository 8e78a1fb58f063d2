//! Data and modules through the simulator: list comprehensions, the lists library,
//! macros, funs whose parameters shadow outer names, and io:format's widths, bases and
//! unfinished lines. Expected outputs are worked out by hand from Erlang's documentation.

mod common;

use common::{output, program, run_seeded};
use lang::Dialect::Erlang;

#[test]
fn comprehensions_with_generators_filters_and_patterns() {
    let src = "\
main() ->
    io:format(\"~w~n\", [[X * X || X <- [1, 2, 3, 4], X rem 2 =:= 0]]),
    io:format(\"~w~n\", [[{A, B} || A <- [1, 2], B <- [x, y]]]),
    io:format(\"~w~n\", [[K || {K, on} <- [{a, on}, {b, off}, {c, on}]]]),
    X = outer,
    io:format(\"~w ~w~n\", [[X || X <- [1, 2]], X]).
";
    assert_eq!(
        output(Erlang, src),
        [
            "[4,16]",
            "[{1,x},{1,y},{2,x},{2,y}]",
            "[a,c]",
            "[1,2] outer"
        ]
    );
}

#[test]
fn the_lists_functions_beginners_use() {
    let src = "\
main() ->
    L = lists:seq(1, 5),
    io:format(\"~w ~w~n\", [lists:map(fun(X) -> X + 1 end, L), lists:filter(fun(X) -> X > 3 end, L)]),
    io:format(\"~w ~w ~w~n\", [lists:foldl(fun(X, A) -> X + A end, 0, L), lists:sum(L), lists:reverse(L)]),
    io:format(\"~w ~w ~w~n\", [lists:nth(2, L), lists:last(L), lists:member(9, L)]),
    io:format(\"~w ~w~n\", [lists:sort([c, a, b]), lists:keyfind(b, 1, [{a, 1}, {b, 2}])]),
    io:format(\"~w ~w~n\", [lists:zip([1, 2], [a, b]), lists:append([1], [2])]),
    io:format(\"~w ~w~n\", [lists:duplicate(3, z), lists:flatten([1, [2, [3]], 4])]),
    io:format(\"~w ~w ~w~n\", [lists:max([3, 9, 2]), lists:min([3, 9, 2]), lists:delete(2, [1, 2, 3, 2])]),
    io:format(\"~w ~w~n\", [lists:seq(10, 1, -3), tuple_to_list({a, 1, b})]),
    lists:foreach(fun(X) -> io:format(\"~w\", [X]) end, [7, 8]),
    io:format(\"~n\").
";
    assert_eq!(
        output(Erlang, src),
        [
            "[2,3,4,5,6] [4,5]",
            "15 15 [5,4,3,2,1]",
            "2 5 false",
            "[a,b,c] {b,2}",
            "[{1,a},{2,b}] [1,2]",
            "[z,z,z] [1,2,3,4]",
            "9 2 [1,3,2]",
            "[10,7,4,1] [a,1,b]",
            "78",
        ]
    );
}

#[test]
fn the_library_is_added_only_when_used() {
    let without = program(Erlang, "main() -> ok.\n");
    let with = program(Erlang, "main() -> lists:sum([1]).\n");
    assert!(without
        .functions
        .iter()
        .all(|f| !f.name.starts_with("lists:")));
    assert!(with.functions.iter().any(|f| f.name == "lists:sum"));
}

#[test]
fn macros_constants_function_like_and_module() {
    let src = "\
-module(mac).
-define(LIMIT, 3).
-define(TWICE(X), (X) * 2).
-define(GREETING, \"hi ~p~n\").
main() ->
    io:format(?GREETING, [?MODULE]),
    io:format(\"~w ~w~n\", [?LIMIT, ?TWICE(?LIMIT + 1)]).
";
    assert_eq!(output(Erlang, src), ["hi mac", "3 8"]);
}

#[test]
fn fun_parameters_shadow_outer_variables() {
    let src = "\
main() ->
    X = 1,
    F = fun(X) -> X * 100 end,
    io:format(\"~w ~w~n\", [F(5), X]).
";
    assert_eq!(output(Erlang, src), ["500 1"]);
}

#[test]
fn format_widths_bases_and_characters() {
    let src = "\
main() ->
    io:format(\"[~5w][~-5w][~6s][~-4s]~n\", [42, 42, \"ab\", ab]),
    io:format(\"[~3w][~2b][~.2b][~.16B][~-6.16b]~n\", [12345, 100, 5, 255, 171]),
    io:format(\"[~3c][~c]~n\", [$x, $y]),
    io:format(\"~ts ~i~lp~n\", [\"uni\", skipped, [1]]).
";
    assert_eq!(
        output(Erlang, src),
        [
            "[   42][42   ][    ab][ab  ]",
            "[***][**][101][FF][ab    ]",
            "[xxx][y]",
            "uni [1]",
        ]
    );
}

#[test]
fn output_without_a_line_break_continues_the_line() {
    let p = program(
        Erlang,
        "main() -> io:format(\"a\"), io:format(\"b~nc\"), io:format(\"~w~n\", [1]), io:format(\"end\").\n",
    );
    let w = run_seeded(&p, 0);
    assert_eq!(w.output_text(), "ab\nc1\nend");
}

#[test]
fn imported_library_functions_are_called_by_their_short_names() {
    let src = "\
-module(imp).
-import(lists, [map/2, sum/1]).
main() -> io:format(\"~w~n\", [sum(map(fun(X) -> X * 3 end, [1, 2]))]).
";
    assert_eq!(output(Erlang, src), ["9"]);
}

#[test]
fn send_after_delivers_later_than_a_shorter_timer() {
    let src = "\
main() ->
    erlang:send_after(30, self(), late),
    erlang:send_after(10, self(), early),
    receive A -> io:format(\"~p~n\", [A]) end,
    receive B -> io:format(\"~p~n\", [B]) end.
";
    let p = program(Erlang, src);
    for seed in 0..8 {
        let w = run_seeded(&p, seed);
        assert_eq!(common::lines(&w), ["early", "late"], "seed {seed}");
    }
}

#[test]
fn records_are_tagged_tuples_with_defaults_updates_fields_and_patterns() {
    let src = "\
-record(lamp, {room, watts = 40, on = false}).
describe(#lamp{room = R, on = true}) -> {lit, R};
describe(#lamp{room = R}) -> {dark, R}.
main() ->
    L = #lamp{room = hall},
    Lit = L#lamp{on = true, watts = 60},
    io:format(\"~p ~p~n\", [L, Lit]),
    io:format(\"~p ~p ~w~n\", [describe(L), describe(Lit), Lit#lamp.watts]),
    io:format(\"~p ~p~n\", [is_record(L, lamp), is_record({lamp, x}, lamp)]),
    io:format(\"~w~n\", [[W || #lamp{watts = W} <- [L, Lit]]]).
";
    assert_eq!(
        output(Erlang, src),
        [
            "{lamp,hall,40,false} {lamp,hall,60,true}",
            "{dark,hall} {lit,hall} 60",
            "true false",
            "[40,60]",
        ]
    );
}
