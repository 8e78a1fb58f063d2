-module(whereis_after_exit).
-export([start/0]).

%% A name is released when its process ends.
start() ->
    Pid = spawn(fun() -> receive stop -> ok end end),
    register(doorman, Pid),
    io:format("before: ~p~n", [whereis(doorman) =:= Pid]),
    Ref = monitor(process, Pid),
    doorman ! stop,
    receive {'DOWN', Ref, process, Pid, normal} -> ok end,
    io:format("after: ~p~n", [whereis(doorman)]),
    register(doorman, self()),
    io:format("taken again: ~p~n", [whereis(doorman) =:= self()]).
