-module(registered_badarg).
-export([start/0]).

%% Sending to a name nobody holds is the error badarg; so is taking a name twice.
start() ->
    R1 = try nobody_home ! hello catch error:E1 -> {error, E1} end,
    io:format("send to unknown name: ~p~n", [R1]),
    Pid = spawn(fun() -> receive stop -> ok end end),
    true = register(porter, Pid),
    R2 = try register(porter, self()) catch error:E2 -> {error, E2} end,
    io:format("second register: ~p~n", [R2]),
    R3 = try unregister(not_taken) catch error:E3 -> {error, E3} end,
    io:format("unregister unknown: ~p~n", [R3]),
    io:format("send to porter: ~p~n", [porter ! stop]).
