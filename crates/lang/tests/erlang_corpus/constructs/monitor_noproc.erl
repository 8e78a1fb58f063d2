-module(monitor_noproc).
-export([start/0]).

%% Monitoring a process that has already ended still gives a 'DOWN', reason noproc.
start() ->
    {Pid, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, Pid, normal} -> ok end,
    Late = monitor(process, Pid),
    receive
        {'DOWN', Late, process, Pid, Why} -> io:format("late monitor: ~p~n", [Why])
    end,
    Named = monitor(process, nobody_here),
    receive
        {'DOWN', Named, process, Who, Why2} -> io:format("~p: ~p~n", [Who, Why2])
    end.
