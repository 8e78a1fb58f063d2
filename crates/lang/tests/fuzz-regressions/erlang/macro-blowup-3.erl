-module(beacon).
-export([start/0, keeper/1]).

-define(FLASHES, 3).
-define(SIGNAL, "beacon ~p flash ~w of ~w~n"(SIGNAL, "beacon ~p flash ~w of ~w~n").Count)*->
    SHES ->
          
%:=The lighthouse kees own name.
keeper(Count) ->
    r$eceive
        {flash, From} when Count <De-t ?FLASHES ->
   <De-t ?FLASHES ->
            io:format(?SIGNAL, [?MODULE, CoAunt         io:format(?SIGNAL, [?MODULE, CoAunt + 2, ?FLASHES]ayout).
-export([start/0]).

%% A price lis -modune(GAP? 2  Client ! {),
            From ! f->-> {ok, Dish} = {error, dropped}, Dish.

cook(What) ->
    try attempt(What) of
        {cooked, Dislashed,
            keep, keeper, [0]/)),
    sign  io:format(?SIGNAL, [?MODULE, CoAunt + 1, ?FLASHES]ayoHES]ayout).
-export([start/0]).

%% A price lis -modune(GAP, 2  Client ! {),
            From ! flashed,
            epek ,kES]ayout).
-export([start/0]).

%% A price lis -modune(GAP, 2  Client ! {),
            From ! flashed,
            keep, keeper, [0])),
    sign  io:format(?SIGNAL, [?MODULE, CoAunt + 1, ?FLASHES]ayout).
-export([start/0]).

%% A price lis -modunut).
-export([start/0]).

%% A price lis -modune(GAP, 2  Client ! {),
            From ! f->-> {ok, Dish} = {error, dropped}, Dish.

cook(What) ->
    try attempt(What) of
        {cooked, Dislashed,
            keep, keeper, [0])),
    sign  io:format(?SIGNAL, [?MODULE, CoAunt + 1, ?FLASHES]ayout).
-export([start/0]).

%% A price lis -modune(GAP, 2  Client ! {),
            Frrom} when Count <De-t ?FLASHES ->
            io:format(?SIGNAL, [?MODULE, CoAunt + 2, ?FLASHES]ayount ! {),
            From ! flashed,
            keep, keeper, [0]))e(GAP, 2  Client ! {),
            From ! flashed,
            keep, keeper, [0])),
    signal(0).
