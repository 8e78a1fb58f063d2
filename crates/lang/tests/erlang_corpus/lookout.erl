-module(lookout).
-export([start/0, errand/1]).

%% An errand runner finishes its errand in some way; the lookout only watches.
errand(finish) -> ok;
errand(give_up) ->
    receive
        go -> exit(too_far)
    end;
errand(wait) ->
    receive
        go_home -> ok
    end.

watch(Ref, Label) ->
    receive
        {'DOWN', Ref, process, _Pid, Reason} ->
            io:format("~s: down with ~p~n", [Label, Reason])
    end.

start() ->
    {Runner, RunnerRef} = spawn_monitor(lookout, errand, [finish]),
    true = is_pid(Runner),
    watch(RunnerRef, "runner"),
    Quitter = spawn(lookout, errand, [give_up]),
    QuitterRef = monitor(process, Quitter),
    Quitter ! go,
    watch(QuitterRef, "quitter"),
    %% Watching someone already gone still tells you, with the reason noproc.
    LateRef = monitor(process, Quitter),
    watch(LateRef, "quitter again"),
    Waiter = spawn(lookout, errand, [wait]),
    WaiterRef = monitor(process, Waiter),
    true = demonitor(WaiterRef),
    Waiter ! go_home,
    receive
        {'DOWN', WaiterRef, process, _, _} -> io:format("should not happen~n")
    after 100 ->
        io:format("waiter: no news after demonitor~n")
    end.
