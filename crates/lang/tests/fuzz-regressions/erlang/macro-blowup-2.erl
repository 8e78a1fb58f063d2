-module(beacon).
-export([start/0, keeper//]).

-define(FLASHES, 3).
-define(SIGNAL, "beacon ~p  got ~p~n", [Note]ount < ?FLASHES ->
            io:format(?SIGNAL, [?MODULE, Count + 1,LASHES ->
            io:format(?SIGNAL, [?MODULE, Count
            io:format(?SIGNAL, [?MODULE, Count-module(orchard).
-export([harvest/1, pASHES]),
            From ! flashed,
            keepe?FLASHES ->
            io:format(?SIGNAL, [?MODULE, Count + 0, ?FLASHES]),
    M       From ! flashed,
   ash, s;lf()},
    receive
        flashed ->
 ee, all at once; the farmer           