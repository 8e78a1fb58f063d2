-module(kill_reaches_links_as_killed).
-export([start/0]).

%% A killed process sends `killed`, not `kill`, to its links: a trapping partner
%% gets a message and lives, an untrapping one dies with killed.
start() ->
    Shell = self(),
    Victim = spawn(fun() -> receive never -> ok end end),
    spawn(fun() ->
        process_flag(trap_exit, true),
        link(Victim),
        Shell ! linked,
        receive {'EXIT', Victim, Why} -> Shell ! {trapper_got, Why} end
    end),
    Plain = spawn(fun() ->
        link(Victim),
        Shell ! linked,
        receive never -> ok end
    end),
    receive linked -> ok end,
    receive linked -> ok end,
    PlainRef = monitor(process, Plain),
    exit(Victim, kill),
    receive {trapper_got, W1} -> io:format("trapper got ~p~n", [W1]) end,
    receive {'DOWN', PlainRef, process, Plain, W2} -> io:format("plain partner died: ~p~n", [W2]) end.
