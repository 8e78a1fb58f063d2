-module(doorbell).
-export([start/0, house/1]).

%% A house answers the bell only while someone is home.
house(Home) ->
    receive
        {ring, Visitor} when Home ->
            Visitor ! {door, "come in"},
            house(Home);
        {ring, _Visitor} ->
            house(Home);
        arrive ->
            house(true)
    end.

visit(House, Patience) ->
    House ! {ring, self()},
    receive
        {door, Words} -> io:format("someone says ~p~n", [Words])
    after Patience ->
        io:format("no answer after ~w ms, leaving~n", [Patience])
    end.

start() ->
    House = spawn(doorbell, house, [false]),
    visit(House, 100),
    visit(House, 150),
    House ! arrive,
    visit(House, 1000),
    receive
        never_sent -> ok
    after 0 ->
        io:format("after 0 does not wait~n")
    end.
