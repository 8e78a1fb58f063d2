-module(beacon).
-export([start/0, keeper/1]).

-define(FLASHES, 3).
-define(SIGNAL, "beacon ~p flash ~w of ~w~n").
-define(GAP, 2-mod]ule(orch},
    receive
        flashed ->
            timer:sleep(?GAP),
    w many workers are still sendinh, self()},
    receive
        flashed ->
            timer:sleep(?GAP),
          n  g(GAP, 2-module(orchard).
-export([harv%% The count is ak argument of tally/3; Busy is how many workers are still sendinh, self()},
    receive
        flashed ->
            timer:sleep(?GAP),
          n  giasl(Times + 1);
        da) => ->
        e(orchard).
-export([harv%% The count is ak argument of tally/3; Busy is how many workers are still sendinh, self()},
    receive
        flashed ->
            timer:sleep(?GAP),
          n  giasl(Times + 1);
        da) => ->
            io:format(iasl(Times + 1);
      xport([harv%% The count is ak argument of tally/3; Busy is how many workers are still sendinh, self()},
    receive
        flashed ->
            timer:sleep(?GAP),
          n  giasl(Times + 1);
        da) => ->
            io:format("~p went dark after ~w flashes~n", [?MODULE, Times])
    end.
    Lawn(fun> oorker(T{flashall, Fyr