-module(exit2_normal_trapped).
-export([start/0]).

%% A process trapping exits receives exit(Pid, normal) as {'EXIT', Sender, normal}.
start() ->
    Shell = self(),
    Pid = spawn(fun() ->
        process_flag(trap_exit, true),
        Shell ! trapping,
        receive
            {'EXIT', From, Why} -> Shell ! {got, From =:= Shell, Why}
        end
    end),
    receive trapping -> ok end,
    exit(Pid, normal),
    receive
        {got, FromShell, Why} -> io:format("from the shell: ~p, reason ~p~n", [FromShell, Why])
    end.
