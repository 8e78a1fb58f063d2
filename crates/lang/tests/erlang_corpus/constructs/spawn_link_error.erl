-module(spawn_link_error).
-export([start/0]).

%% spawn_link with a worker that fails on a bad match: its trapping parent gets
%% {'EXIT', Pid, {{badmatch, Value}, Stack}}.
start() ->
    process_flag(trap_exit, true),
    Pid = spawn_link(fun() -> {ok, _} = {no, thanks} end),
    receive
        {'EXIT', Pid, {Reason, _Stack}} -> io:format("~p~n", [Reason])
    end.
