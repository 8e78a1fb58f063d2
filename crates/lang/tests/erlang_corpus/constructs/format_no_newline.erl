-module(format_no_newline).
-export([start/0]).

%% Output is a stream of characters: lines are made by ~n, wherever it falls.
start() ->
    io:format("a"),
    io:format("b"),
    io:format("~w", [1]),
    io:format("~n"),
    io:format("one~ntwo~nthree "),
    io:format("still three~n~n"),
    io:format("after an empty line").
