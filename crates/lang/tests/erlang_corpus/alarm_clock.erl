-module(alarm_clock).
-export([start/0, sleeper/3]).

%% Sleepers nap for different times; the margins between them are wide (at least
%% 100 ms), so who wakes first is settled by the clock.
sleeper(Name, Ms, Parent) ->
    timer:sleep(Ms),
    io:format("~p wakes after ~w ms~n", [Name, Ms]),
    Parent ! {awake, Name}.

start() ->
    Me = self(),
    spawn(alarm_clock, sleeper, [owl, 300, Me]),
    spawn(alarm_clock, sleeper, [lark, 100, Me]),
    spawn(alarm_clock, sleeper, [cat, 200, Me]),
    [receive {awake, Name} -> Name end || Name <- [lark, cat, owl]],
    erlang:send_after(200, self(), second_bell),
    erlang:send_after(50, self(), first_bell),
    receive
        Bell -> io:format("heard ~p~n", [Bell])
    end,
    receive
        Bell2 -> io:format("heard ~p~n", [Bell2])
    end,
    timer:sleep(100),
    io:format("breakfast~n").
