-module(try_of_clauses).
-export([start/0]).

%% The `of` clauses see the body's value; an exception raised inside an `of` clause
%% is not caught by the same try.
check(N) ->
    try N * 2 of
        Double when Double > 10 -> {big, Double};
        Double -> {small, Double}
    catch
        error:badarith -> not_a_number
    end.

start() ->
    io:format("~p ~p ~p~n", [check(3), check(8), check(apple)]),
    Outer = try
        try 1 of
            One -> throw({from_of, One})
        catch
            throw:_ -> inner_catch
        end
    catch
        throw:T -> {outer_catch, T}
    end,
    io:format("~p~n", [Outer]).
