-module(exit2_kill_trapped).
-export([start/0]).

%% kill cannot be trapped: the process dies, and the reason reads killed.
start() ->
    Shell = self(),
    Pid = spawn(fun() ->
        process_flag(trap_exit, true),
        Shell ! trapping,
        receive Any -> io:format("never printed: ~p~n", [Any]) end
    end),
    receive trapping -> ok end,
    Ref = monitor(process, Pid),
    exit(Pid, kill),
    receive {'DOWN', Ref, process, Pid, Why} -> io:format("down: ~p~n", [Why]) end.
