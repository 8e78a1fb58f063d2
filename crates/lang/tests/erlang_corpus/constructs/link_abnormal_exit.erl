-module(link_abnormal_exit).
-export([start/0]).

%% A linked process that exits with any reason but normal takes its partner down
%% with the same reason, unless the partner traps exits.
start() ->
    Shell = self(),
    Partner = spawn(fun() ->
        Quitter = spawn_link(fun() -> receive go -> exit(out_of_coffee) end end),
        Shell ! {quitter, Quitter},
        receive never -> ok end
    end),
    Ref = monitor(process, Partner),
    receive {quitter, Q} -> Q ! go end,
    receive {'DOWN', Ref, process, Partner, Why} -> io:format("partner died: ~p~n", [Why]) end.
