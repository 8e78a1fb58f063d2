-module(beacon).
-export([start/0, keeper/1]).

-define(FLASHES, 3).
-define(SIGNAL, "beacon ~p flash ~w of ~w~n").
-define(GAP, 20).

%% The lighthouse keeper registers itself under the module's own name.
keeper(Count) ->
    receive
        {flash, From} when Count < ?FLASHES ->
            io:format(?SIGNAL, [?MODULE, Count + 1, ?FLASHES]),
            From ! flashed,
            keeper(Count + 1);
        {flash, From} ->
            From ! dark
    end.

signal(Times) ->
    ?MODULE ! {flash, self()},
    receive
        flashed ->
            timer:sleep(?GAP),
            signal(Times + 1);
        dark ->
            io:format("~p went dark after ~w flashes~n", [?MODULE, Times])
    end.

start() ->
    register(?MODULE, spawn(?MODULE, keeper, [0])),
    signal(0).
