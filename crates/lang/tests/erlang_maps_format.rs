//! Maps, `~p` layout and `~w` through the real simulator, compared character for character
//! with Erlang's own output.
//!
//! How the expected outputs were obtained: each program below was saved as a module (with
//! `-module(NAME).` and `-export([main/0]).` above it), compiled with `erlc` and run with
//! `erl -noshell -eval 'NAME:main(), halt().'` under Debian's `erlang-base` (Erlang/OTP 25);
//! the expected text is that run's standard output, pasted unchanged.

mod common;

use common::{program, run_seeded};
use lang::Dialect::Erlang;

/// Everything `src` prints, as one stream of characters, under seeded schedules 0 to 2 (one
/// process: every schedule must print the same).
fn printed(src: &str) -> String {
    let p = program(Erlang, src);
    let outs: Vec<String> = (0..3)
        .map(|seed| run_seeded(&p, seed).output_text())
        .collect();
    assert!(
        outs.windows(2).all(|w| w[0] == w[1]),
        "schedules disagree: {outs:?}"
    );
    outs[0].clone()
}

/// Maps: `#{}` literals, `=>` and `:=` updates, the `maps` module, patterns, and the
/// `badkey`/`badmap` errors, printed by `~p` and `~w` in key order.
#[test]
fn maps_build_update_match_and_print_as_erl_does() {
    let src = r#"main() ->
    M0 = #{},
    M1 = M0#{b => 2, a => 1},
    M2 = M1#{a := 10, c => 3},
    io:format("~p ~p ~p~n", [M0, M1, M2]),
    io:format("~w~n", [M2]),
    io:format("~p ~p~n", [maps:get(a, M2), maps:get(z, M2, none)]),
    io:format("~p ~p~n", [maps:find(c, M2), maps:find(z, M2)]),
    io:format("~p ~p~n", [maps:keys(M2), maps:values(M2)]),
    io:format("~p~n", [maps:to_list(maps:remove(b, M2))]),
    io:format("~p ~p~n", [maps:is_key(a, M2), maps:size(M2)]),
    io:format("~p~n", [maps:from_list([{x, 1}, {y, 2}, {x, 3}])]),
    io:format("~p~n", [maps:fold(fun(K, V, Acc) -> [{V, K} | Acc] end, [], M2)]),
    #{a := A, c := C} = M2,
    io:format("~p~n", [A + C]),
    Mixed = #{1 => one, "two" => 2, {three} => [3], z => #{inner => true}},
    io:format("~p~n", [Mixed]),
    io:format("~p~n", [try maps:get(missing, M2) catch error:E1 -> E1 end]),
    io:format("~p~n", [try M2#{missing := 1} catch error:E2 -> E2 end]),
    io:format("~p~n", [try maps:get(a, notamap) catch error:E3 -> E3 end]),
    case M2 of
        #{b := 2} -> io:format("has b~n");
        _ -> io:format("no b~n")
    end,
    io:format("~p ~p~n", [is_map(M2), map_size(M2)]).
"#;
    assert_eq!(
        printed(src),
        r#"#{} #{a => 1,b => 2} #{a => 10,b => 2,c => 3}
#{a => 10,b => 2,c => 3}
10 none
{ok,3} error
[a,b,c] [10,2,3]
[{a,10},{c,3}]
true 3
#{x => 3,y => 2}
[{3,c},{2,b},{10,a}]
13
#{1 => one,z => #{inner => true},{three} => [3],"two" => 2}
{badkey,missing}
{badkey,missing}
{badmap,notamap}
has b
true 3
"#
    );
}

/// `~w`: strings are lists of character codes, nothing is laid out over lines, a width pads
/// and a too-narrow field is stars.
#[test]
fn tilde_w_writes_strings_as_code_lists_on_one_line() {
    let src = r#"main() ->
    io:format("~w ~w ~w~n", ["abc", [], [104, 105]]),
    io:format("~w~n", [{"ok", 'quoted atom', [a, b]}]),
    io:format("~w~n", [lists:seq(100, 130)]),
    io:format("~w~n", [#{alpha => lists:seq(1, 15), beta => "short"}]),
    io:format("~10w|~-10w|~3w|~n", [abc, "ab", 12345]),
    io:format("~w ~w~n", [-7, {}]).
"#;
    assert_eq!(
        printed(src),
        r#"[97,98,99] [] [104,105]
{[111,107],'quoted atom',[a,b]}
[100,101,102,103,104,105,106,107,108,109,110,111,112,113,114,115,116,117,118,119,120,121,122,123,124,125,126,127,128,129,130]
#{alpha => [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15],beta => [115,104,111,114,116]}
       abc|[97,98]   |***|
-7 {}
"#
    );
}

/// `~p`: a list of printable codes is a string, a term wider than the line is broken over
/// lines and indented under its opening bracket, as `erl` lays it out.
#[test]
fn tilde_p_lays_out_long_terms_as_erl_does() {
    let src = r#"main() ->
    io:format("~p ~p ~p~n", ["abc", [], [104, 105]]),
    io:format("~p ~p~n", [[1, 2, 300], [$a, 1]]),
    io:format("~p~n", [{"ok", 'quoted atom', [a, b]}]),
    io:format("~p~n", [[{name, "Alice Liddell"}, {city, "Oxford"}, {pets, [dinah, "white rabbit"]}, {age, 7}]]),
    io:format("~p~n", [{order, 1234, [{tea, 3, 250}, {biscuits, 12, 1999}, {jam, 1, 475}], paid}]),
    io:format("~p~n", [lists:seq(100, 140)]),
    io:format("~p~n", [[lists:seq(1, 12), lists:seq(13, 24), lists:seq(25, 36)]]),
    io:format("~p~n", [#{alpha => lists:seq(1, 15), beta => "a fairly long string value here", gamma => {x, y}}]),
    io:format("~p~n", [{shelf, [{jar, "strawberry jam", 12}, {jar, "orange marmalade", 7}, {tin, "black treacle", 3}]}]),
    io:format("~p~n", [{stock, #{apples => 120, bananas => 75, cherries => 300, dates => 12, figs => 8}}]),
    io:format("~p~n", [#{numbers => lists:seq(1, 30), name => "counting"}]),
    io:format("~s|~5s|~-5s|~n", ["ab", "ab", "ab"]).
"#;
    assert_eq!(
        printed(src),
        r#""abc" [] "hi"
[1,2,300] [97,1]
{"ok",'quoted atom',[a,b]}
[{name,"Alice Liddell"},{city,"Oxford"},{pets,[dinah,"white rabbit"]},{age,7}]
{order,1234,[{tea,3,250},{biscuits,12,1999},{jam,1,475}],paid}
[100,101,102,103,104,105,106,107,108,109,110,111,112,113,114,115,116,117,118,
 119,120,121,122,123,124,125,126,127,128,129,130,131,132,133,134,135,136,137,
 138,139,140]
[[1,2,3,4,5,6,7,8,9,10,11,12],
 [13,14,15,16,17,18,19,20,21,22,23,24],
 [25,26,27,28,29,30,31,32,33,34,35,36]]
#{alpha => [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15],
  beta => "a fairly long string value here",
  gamma => {x,y}}
{shelf,[{jar,"strawberry jam",12},
        {jar,"orange marmalade",7},
        {tin,"black treacle",3}]}
{stock,#{apples => 120,bananas => 75,cherries => 300,dates => 12,figs => 8}}
#{name => "counting",
  numbers =>
      [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,
       27,28,29,30]}
ab|   ab|ab   |
"#
    );
}
