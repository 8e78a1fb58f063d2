-module(catch_expr).
-export([start/0]).

%% `catch Expr` gives the value, a thrown term as it is, and {'EXIT', Reason} for exits
%% and errors (errors with a stack trace).
start() ->
    io:format("~p~n", [catch 2 + 3]),
    io:format("~p~n", [catch throw(ball)]),
    io:format("~p~n", [catch exit(leaving)]),
    {'EXIT', {Reason, _Stack}} = catch erlang:error(broken),
    io:format("error reason: ~p~n", [Reason]),
    X = (catch 10),
    io:format("~p~n", [X]).
