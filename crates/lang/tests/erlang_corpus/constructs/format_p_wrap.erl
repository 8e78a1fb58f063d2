-module(format_p_wrap).
-export([start/0]).

%% ~p breaks a term that does not fit in 80 columns over several lines; ~w never does.
start() ->
    Long = lists:seq(1, 40),
    io:format("~p~n", [Long]),
    io:format("~w~n", [Long]),
    io:format("~p~n", [{inventory, [{apples, 120}, {bananas, 75}, {cherries, 300}, {dates, 12}, {figs, 8}]}]).
