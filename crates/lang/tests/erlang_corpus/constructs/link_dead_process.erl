-module(link_dead_process).
-export([start/0]).

%% link/1 to a process that has already ended. A process that does not trap exits gets
%% the error noproc; one that traps them gets true, then an 'EXIT' message saying noproc.
%% spawn_monitor sets the monitor up atomically, so the first 'DOWN' always says normal.
start() ->
    {Gone, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, Gone, normal} -> ok end,
    Shell = self(),
    spawn(fun() ->
        Result = try link(Gone) catch error:Reason -> {caught, Reason} end,
        Shell ! {untrapped, Result}
    end),
    receive {untrapped, R} -> io:format("untrapped: ~p~n", [R]) end,
    process_flag(trap_exit, true),
    io:format("trapped: ~p~n", [link(Gone)]),
    receive
        {'EXIT', Gone, Why} -> io:format("then 'EXIT' with ~p~n", [Why])
    end.
