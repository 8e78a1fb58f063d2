-module(exit2_reason_untrapped).
-export([start/0]).

%% exit(Pid, Reason) with any other reason kills a process that does not trap exits.
start() ->
    Pid = spawn(fun() -> receive never -> ok end end),
    Ref = monitor(process, Pid),
    exit(Pid, closing_time),
    receive {'DOWN', Ref, process, Pid, Why} -> io:format("down: ~p~n", [Why]) end.
