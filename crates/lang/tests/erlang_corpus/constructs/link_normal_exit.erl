-module(link_normal_exit).
-export([start/0]).

%% A linked process that ends normally sends `normal`, which a process that does not
%% trap exits ignores.
start() ->
    Shell = self(),
    Stayer = spawn(fun() ->
        spawn_link(fun() -> Shell ! leaving end),
        receive ping -> Shell ! still_here end
    end),
    receive leaving -> ok end,
    Ref = monitor(process, Stayer),
    Stayer ! ping,
    receive still_here -> io:format("partner survived a normal exit~n") end,
    receive {'DOWN', Ref, process, Stayer, Why} -> io:format("then ended: ~p~n", [Why]) end.
