-module(exit2_reason_trapped).
-export([start/0]).

%% A trapping process turns exit(Pid, Reason) into a message and keeps going.
start() ->
    Shell = self(),
    Pid = spawn(fun() ->
        process_flag(trap_exit, true),
        Shell ! trapping,
        receive {'EXIT', _From, Why} -> Shell ! {message, Why} end,
        receive {ping, From} -> From ! pong end
    end),
    receive trapping -> ok end,
    exit(Pid, closing_time),
    receive {message, Why} -> io:format("message: ~p~n", [Why]) end,
    Pid ! {ping, self()},
    receive pong -> io:format("and it still answers~n") end.
