-module(link_dead_process).
-export([start/0]).

%% Linking to a process that is gone: without trap_exit it is the error noproc; with
%% trap_exit, link returns true and an 'EXIT' message with noproc arrives.
start() ->
    Gone = spawn(fun() -> ok end),
    Ref = monitor(process, Gone),
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
