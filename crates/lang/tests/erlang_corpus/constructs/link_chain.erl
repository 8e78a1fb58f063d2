-module(link_chain).
-export([start/0]).

%% A crash travels along a chain of links: a - b - c, none trapping exits.
node_in_chain(Shell, Name, 0) ->
    Shell ! {ready, Name, self()},
    receive break -> exit(snapped) end;
node_in_chain(Shell, Name, Depth) ->
    spawn_link(fun() -> node_in_chain(Shell, Name + 1, Depth - 1) end),
    Shell ! {ready, Name, self()},
    receive never -> ok end.

start() ->
    Shell = self(),
    spawn(fun() -> node_in_chain(Shell, 1, 2) end),
    Pids = [receive {ready, N, P} -> P end || N <- [1, 2, 3]],
    Refs = [monitor(process, P) || P <- Pids],
    lists:nth(3, Pids) ! break,
    report(1, Refs).

report(_N, []) -> done;
report(N, [Ref | Rest]) ->
    receive {'DOWN', Ref, process, _, Why} -> io:format("link ~w: ~p~n", [N, Why]) end,
    report(N + 1, Rest).
