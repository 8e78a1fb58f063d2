-module(monitor_down_reason).
-export([start/0]).

%% A monitor delivers one 'DOWN' message with the exit reason; the watcher is not linked.
start() ->
    Pid = spawn(fun() -> receive Reason -> exit(Reason) end end),
    Ref = monitor(process, Pid),
    Pid ! {tired, 42},
    receive
        {'DOWN', Ref, process, Pid, Why} -> io:format("down: ~p~n", [Why])
    end,
    Pid2 = spawn(fun() -> ok end),
    Ref2 = monitor(process, Pid2),
    receive
        {'DOWN', Ref2, process, Pid2, Why2} -> io:format("down: ~p~n", [Why2])
    end.
