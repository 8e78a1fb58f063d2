-module(tethered).
-export([start/0, lead/0, second/2]).

%% Two climbers on one rope: the second links itself to the lead, so when the lead
%% falls the exit signal pulls the second down too. Neither traps exits.
lead() ->
    receive
        {climb, Metres} ->
            io:format("lead: up ~w metres~n", [Metres]),
            lead();
        slip ->
            io:format("lead: slipping!~n"),
            exit(fell)
    end.

second(Lead, Shell) ->
    link(Lead),
    Shell ! roped,
    belay().

belay() ->
    receive
        Anything ->
            io:format("second: got ~p~n", [Anything]),
            belay()
    end.

start() ->
    Lead = spawn(tethered, lead, []),
    Second = spawn(tethered, second, [Lead, self()]),
    receive roped -> io:format("roped together~n") end,
    LeadRef = monitor(process, Lead),
    SecondRef = monitor(process, Second),
    Lead ! {climb, 5},
    Lead ! {climb, 3},
    Lead ! slip,
    receive
        {'DOWN', LeadRef, process, Lead, Why} -> io:format("lead is down: ~p~n", [Why])
    end,
    receive
        {'DOWN', SecondRef, process, Second, Why2} -> io:format("second is down: ~p~n", [Why2])
    end.
