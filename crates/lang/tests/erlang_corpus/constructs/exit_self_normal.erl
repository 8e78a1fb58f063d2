-module(exit_self_normal).
-export([start/0]).

%% exit(self(), normal) does end the caller itself (exit(Other, normal) would not).
start() ->
    Pid = spawn(fun() ->
        exit(self(), normal),
        io:format("never printed~n")
    end),
    Ref = monitor(process, Pid),
    receive {'DOWN', Ref, process, _, Why} -> io:format("down: ~p~n", [Why]) end.
