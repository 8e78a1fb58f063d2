-module(exchange).
-export([start/0, operator/0]).

%% Names let processes find each other without passing pids around.
operator() ->
    receive
        {connect, Caller, To} ->
            To ! {call_from, Caller},
            operator();
        stop ->
            ok
    end.

subscriber(Name) ->
    receive
        {call_from, Caller} ->
            io:format("~p picks up a call from ~p~n", [Name, Caller]),
            Caller ! {answered, Name},
            subscriber(Name);
        hang_up ->
            ok
    end.

start() ->
    register(operator, spawn(exchange, operator, [])),
    Alma = spawn(fun() -> subscriber(alma) end),
    register(alma, Alma),
    io:format("alma is registered: ~p~n", [whereis(alma) =:= Alma]),
    io:format("bruno is ~p~n", [whereis(bruno)]),
    register(shell, self()),
    operator ! {connect, shell, alma},
    receive
        {answered, Who} -> io:format("answered by ~p~n", [Who])
    end,
    unregister(alma),
    io:format("after unregister: ~p~n", [whereis(alma)]),
    Alma ! hang_up,
    Op = whereis(operator),
    Ref = monitor(process, Op),
    operator ! stop,
    receive
        {'DOWN', Ref, process, Op, normal} -> ok
    end,
    io:format("operator gone, name freed: ~p~n", [whereis(operator)]).
