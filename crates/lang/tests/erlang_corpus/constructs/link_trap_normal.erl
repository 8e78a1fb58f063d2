-module(link_trap_normal).
-export([start/0]).

%% A process that traps exits gets even a normal exit of a linked process as a message.
start() ->
    process_flag(trap_exit, true),
    Pid = spawn_link(fun() -> ok end),
    receive
        {'EXIT', Pid, Why} -> io:format("got 'EXIT' with ~p~n", [Why])
    end.
