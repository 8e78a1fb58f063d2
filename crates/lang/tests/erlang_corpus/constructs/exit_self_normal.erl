-module(exit_self_normal).
-export([start/0]).

%% A process that sends itself the reason normal with exit/2 stops, although the same
%% signal sent to another process would be ignored. The child waits for `go`, so the
%% monitor is in place before it ends and the 'DOWN' carries its real reason.
start() ->
    Pid = spawn(fun() ->
        receive go -> ok end,
        exit(self(), normal),
        io:format("never printed~n")
    end),
    Ref = monitor(process, Pid),
    Pid ! go,
    receive {'DOWN', Ref, process, _, Why} -> io:format("down: ~p~n", [Why]) end.
