-module(link_trap_abnormal).
-export([start/0]).

%% Trapping exits turns a linked crash into an ordinary message; the trapper lives on.
start() ->
    process_flag(trap_exit, true),
    Pid = spawn_link(fun() -> exit({gave_up, 3}) end),
    receive
        {'EXIT', Pid, Why} -> io:format("got 'EXIT' with ~p~n", [Why])
    end,
    io:format("still running~n").
