-module(monitor_error_reason).
-export([start/0]).

%% A process dying of an error reports {Reason, Stack}; an uncaught throw becomes
%% {{nocatch, Value}, Stack}.
start() ->
    {_, R1} = spawn_monitor(fun() -> Zero = length([]), 1 div Zero end),
    receive {'DOWN', R1, process, _, {W1, _Stack1}} -> io:format("~p~n", [W1]) end,
    {_, R2} = spawn_monitor(fun() -> throw(lost_ball) end),
    receive {'DOWN', R2, process, _, {W2, _Stack2}} -> io:format("~p~n", [W2]) end.
