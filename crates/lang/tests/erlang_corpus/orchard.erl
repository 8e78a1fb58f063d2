-module(orchard).
-export([harvest/1, pick/3]).

%% One picker per tree, all at once; the farmer gathers the baskets in tree order
%% by waiting for each picker's pid in turn, whatever order they finish in.
pick(Farmer, Tree, Apples) ->
    Farmer ! {self(), {Tree, Apples * 3}}.

harvest(Trees) ->
    Me = self(),
    Pickers = [spawn(orchard, pick, [Me, Tree, Apples]) || {Tree, Apples} <- Trees],
    Baskets = [receive {P, Basket} -> Basket end || P <- Pickers],
    lists:foreach(fun({Tree, N}) -> io:format("~-8s~4w~n", [Tree, N]) end, Baskets),
    io:format("~-8s~4w~n", ["total", lists:sum([N || {_, N} <- Baskets])]).
