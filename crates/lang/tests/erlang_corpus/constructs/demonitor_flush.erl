-module(demonitor_flush).
-export([start/0]).

%% demonitor(Ref) leaves a 'DOWN' that already arrived; [flush] removes it too.
start() ->
    {P1, R1} = spawn_monitor(fun() -> ok end),
    {P2, R2} = spawn_monitor(fun() -> ok end),
    timer:sleep(100),
    true = demonitor(R1),
    true = demonitor(R2, [flush]),
    receive
        {'DOWN', R1, process, P1, W1} -> io:format("left behind: ~p~n", [W1])
    after 0 -> io:format("nothing for the first~n")
    end,
    receive
        {'DOWN', R2, process, P2, W2} -> io:format("left behind: ~p~n", [W2])
    after 0 -> io:format("nothing for the second~n")
    end.
