-module(mishaps).
-export([start/0]).

%% Each attempt goes wrong in its own way; try sorts them by class.
attempt(fine) -> {cooked, omelette};
attempt(no_eggs) -> throw(no_eggs);
attempt(burnt) -> erlang:error(pan_too_hot);
attempt(walk_out) -> exit(chef_left);
attempt(divide) -> Guests = length([]), 12 div Guests;
attempt(mismatch) -> {ok, Dish} = {error, dropped}, Dish.

cook(What) ->
    try attempt(What) of
        {cooked, Dish} -> io:format("~p: served ~p~n", [What, Dish])
    catch
        throw:Thrown -> io:format("~p: thrown ~p~n", [What, Thrown]);
        error:Error -> io:format("~p: error ~p~n", [What, Error]);
        exit:Exit -> io:format("~p: exit ~p~n", [What, Exit])
    after
        io:format("~p: kitchen wiped~n", [What])
    end.

start() ->
    lists:foreach(fun cook/1, [fine, no_eggs, burnt, walk_out, divide, mismatch]),
    Unknown = try attempt(raw) catch error:function_clause -> no_such_recipe end,
    io:format("raw: ~p~n", [Unknown]),
    Caught = catch attempt(no_eggs),
    io:format("catch gives ~p~n", [Caught]),
    Value = try 6 * 7 catch _:_ -> never end,
    io:format("nothing went wrong: ~p~n", [Value]).
