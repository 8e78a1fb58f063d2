-module(listwork).
-export([start/0]).

%% A day at a bakery, worked out with the lists module.
start() ->
    Trays = lists:seq(1, 5),
    Loaves = lists:map(fun(T) -> T * 12 end, Trays),
    io:format("loaves per tray: ~w~n", [Loaves]),
    lists:foreach(fun(T) -> io:format("tray ~w in the oven~n", [T]) end, lists:seq(1, 3)),
    Total = lists:foldl(fun(L, Sum) -> L + Sum end, 0, Loaves),
    io:format("total ~w, same as sum: ~w~n", [Total, Total =:= lists:sum(Loaves)]),
    Big = lists:filter(fun(L) -> L > 30 end, Loaves),
    io:format("big trays: ~w~n", [Big]),
    io:format("reversed: ~w~n", [lists:reverse(Loaves)]),
    io:format("third: ~w~n", [lists:nth(3, Loaves)]),
    io:format("has 48? ~w has 50? ~w~n", [lists:member(48, Loaves), lists:member(50, Loaves)]),
    Prices = [{rye, 4}, {spelt, 6}, {wheat, 3}],
    io:format("spelt: ~p~n", [lists:keyfind(spelt, 1, Prices)]),
    io:format("oats: ~p~n", [lists:keyfind(oats, 1, Prices)]),
    io:format("sorted: ~w~n", [lists:sort([5, 3, 9, 1, 3])]),
    io:format("joined: ~w~n", [lists:append([1, 2], [3])]),
    io:format("seq by twos: ~w~n", [lists:seq(2, 10, 2)]),
    Backwards = lists:foldl(fun(X, Acc) -> [X | Acc] end, [], [a, b, c]),
    io:format("folded: ~w~n", [Backwards]).
