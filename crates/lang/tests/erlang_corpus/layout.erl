-module(layout).
-export([start/0]).

%% A price list laid out in columns with io:format widths.
row(Item, Qty, Cents) ->
    io:format("|~-10s|~5w|~8b|~n", [Item, Qty, Cents]).

start() ->
    io:format("~s~n", ["-- price list --"]),
    row("tea", 3, 250),
    row("biscuits", 12, 1999),
    row("jam", 1, 475),
    io:format("|~10s|~-5w|~-8b|~n", ["right", 42, 7]),
    io:format("~p ~w~n", ["quoted", "listed"]),
    io:format("~p ~p ~p~n", [atom, 'two words', {tuple, [1, 2], "s"}]),
    io:format("~w~n", [{nested, {deep, [x, {y}]}}]),
    io:format("binary ~.2b, hex ~.16b, octal ~.8b~n", [10, 255, 8]),
    io:format("~5.2b|~-6.16b|~n", [5, 171]),
    io:format("char ~c, tilde ~~, pad ~3w|~n", [$x, 7]),
    io:format("~s and ~s~n", [hello, "world"]),
    io:format("~p~n", [[]]),
    io:format("~w~n", [[104, 105]]),
    io:format("~p~n", [[104, 105]]),
    io:format("no args~n", []),
    io:format("done~n").
