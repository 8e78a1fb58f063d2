-module(trap_exit_flag).
-export([start/0]).

%% process_flag returns the flag's old value; a new process starts without trapping.
start() ->
    Shell = self(),
    spawn(fun() ->
        First = process_flag(trap_exit, true),
        Second = process_flag(trap_exit, false),
        Shell ! {flags, First, Second}
    end),
    receive {flags, A, B} -> io:format("old values: ~p then ~p~n", [A, B]) end.
