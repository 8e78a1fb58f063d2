-module(exit2_normal_ignored).
-export([start/0]).

%% exit(Pid, normal) does nothing to a process that does not trap exits.
start() ->
    Pid = spawn(fun() -> receive {ping, From} -> From ! pong end end),
    true = exit(Pid, normal),
    Pid ! {ping, self()},
    receive pong -> io:format("still answers after exit(Pid, normal)~n") end.
