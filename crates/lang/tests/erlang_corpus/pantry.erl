-module(pantry).
-export([start/0, shelf/1]).

%% A pantry is a process holding a list of jars. Only the pantry touches the list;
%% everyone else asks and waits for the answer.
shelf(Jars) ->
    receive
        {From, {store, Jar}} ->
            From ! {self(), stored},
            shelf([Jar | Jars]);
        {From, {take, Jar}} ->
            case lists:member(Jar, Jars) of
                true ->
                    From ! {self(), {here_you_are, Jar}},
                    shelf(without(Jar, Jars));
                false ->
                    From ! {self(), {none_left, Jar}},
                    shelf(Jars)
            end;
        {From, count} ->
            From ! {self(), length(Jars)},
            shelf(Jars);
        close ->
            io:format("pantry closed with ~w jars~n", [length(Jars)])
    end.

%% Removes the first jar equal to Jar.
without(_Jar, []) -> [];
without(Jar, [Jar | Rest]) -> Rest;
without(Jar, [Other | Rest]) -> [Other | without(Jar, Rest)].

ask(Pantry, Request) ->
    Pantry ! {self(), Request},
    receive
        {Pantry, Answer} -> Answer
    end.

start() ->
    Pantry = spawn(pantry, shelf, [[]]),
    stored = ask(Pantry, {store, jam}),
    stored = ask(Pantry, {store, honey}),
    stored = ask(Pantry, {store, jam}),
    io:format("jars on the shelf: ~w~n", [ask(Pantry, count)]),
    io:format("~p~n", [ask(Pantry, {take, jam})]),
    io:format("~p~n", [ask(Pantry, {take, pickles})]),
    io:format("~p~n", [ask(Pantry, {take, honey})]),
    io:format("jars on the shelf: ~w~n", [ask(Pantry, count)]),
    Pantry ! close.
