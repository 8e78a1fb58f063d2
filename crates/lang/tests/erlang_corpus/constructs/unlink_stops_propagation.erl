-module(unlink_stops_propagation).
-export([start/0]).

%% After unlink, a crash no longer reaches the former partner.
start() ->
    Shell = self(),
    Partner = spawn(fun() ->
        Q = spawn_link(fun() -> receive go -> exit(oops) end end),
        true = unlink(Q),
        Shell ! {quitter, Q},
        receive ping -> Shell ! pong end
    end),
    receive {quitter, Q} -> ok end,
    QRef = monitor(process, Q),
    Q ! go,
    receive {'DOWN', QRef, process, Q, Why} -> io:format("quitter died: ~p~n", [Why]) end,
    Partner ! ping,
    receive pong -> io:format("partner is unharmed~n") end.
