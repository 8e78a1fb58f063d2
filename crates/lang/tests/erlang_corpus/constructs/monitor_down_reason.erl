-module(monitor_down_reason).
-export([start/0]).

%% A monitor brings exactly one 'DOWN' message, holding the reason the process ended
%% with; the watcher is not linked, so it lives on. Each child blocks in receive until
%% told to end, so the monitor is always set up while the child is still alive.
start() ->
    Pid = spawn(fun() -> receive Reason -> exit(Reason) end end),
    Ref = monitor(process, Pid),
    Pid ! {tired, 42},
    receive
        {'DOWN', Ref, process, Pid, Why} -> io:format("down: ~p~n", [Why])
    end,
    Pid2 = spawn(fun() -> receive stop -> ok end end),
    Ref2 = monitor(process, Pid2),
    Pid2 ! stop,
    receive
        {'DOWN', Ref2, process, Pid2, Why2} -> io:format("down: ~p~n", [Why2])
    end.
