-module(ticket_counter).
-export([start/0, counter/1]).

%% Every call carries a fresh reference, so a reply can never be mistaken for
%% another one that happens to be in the mailbox.
call(Counter, Request) ->
    Ref = make_ref(),
    Counter ! {call, self(), Ref, Request},
    receive
        {Ref, Reply} -> Reply
    end.

counter(Next) ->
    receive
        {call, From, Ref, take} ->
            From ! {Ref, Next},
            counter(Next + 1);
        {call, From, Ref, peek} ->
            From ! {Ref, Next},
            counter(Next);
        {call, From, Ref, {skip, N}} ->
            From ! {Ref, ok},
            counter(Next + N);
        {call, From, Ref, close} ->
            From ! {Ref, {closed_at, Next}}
    end.

start() ->
    Counter = spawn(ticket_counter, counter, [1]),
    %% A stray reply-shaped message waits in the mailbox and is never picked up.
    self() ! {make_ref(), 999},
    A = call(Counter, take),
    B = call(Counter, take),
    io:format("tickets ~w and ~w~n", [A, B]),
    ok = call(Counter, {skip, 10}),
    io:format("next up: ~w~n", [call(Counter, peek)]),
    io:format("then: ~w~n", [call(Counter, take)]),
    io:format("~p~n", [call(Counter, close)]),
    receive
        {_OtherRef, Stray} -> io:format("the stray message still holds ~w~n", [Stray])
    end.
