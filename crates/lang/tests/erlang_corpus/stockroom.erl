-module(stockroom).
-export([start/0, room/1]).

%% A stock room process keeps its counts in a map.
room(Stock) ->
    receive
        {add, Item, N} ->
            Old = maps:get(Item, Stock, 0),
            room(Stock#{Item => Old + N});
        {remove, Item, N, From} ->
            case maps:find(Item, Stock) of
                {ok, Have} when Have >= N ->
                    From ! {removed, Item, N},
                    room(Stock#{Item := Have - N});
                {ok, Have} ->
                    From ! {short, Item, Have},
                    room(Stock);
                error ->
                    From ! {unknown, Item},
                    room(Stock)
            end;
        {report, From} ->
            From ! {stock, Stock},
            room(Stock)
    end.

start() ->
    Room = spawn(stockroom, room, [#{bolts => 40}]),
    Room ! {add, nuts, 25},
    Room ! {add, bolts, 10},
    Room ! {remove, bolts, 45, self()},
    receive R1 -> io:format("~p~n", [R1]) end,
    Room ! {remove, nuts, 30, self()},
    receive R2 -> io:format("~p~n", [R2]) end,
    Room ! {remove, washers, 1, self()},
    receive R3 -> io:format("~p~n", [R3]) end,
    Room ! {report, self()},
    receive
        {stock, Stock} ->
            io:format("~p~n", [Stock]),
            #{nuts := Nuts} = Stock,
            io:format("nuts left: ~w, bolts left: ~w~n", [Nuts, maps:get(bolts, Stock)]),
            io:format("~p~n", [maps:put(washers, 100, Stock)]),
            io:format("size ~w, empty map ~p~n", [map_size(Stock), #{}])
    end.
