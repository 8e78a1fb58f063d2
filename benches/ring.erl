%% A ring of N processes passing a token Laps times around: N * Laps message hops, the same
%% shape as the simulator's actor ring (benches/src/lib.rs). Prints one result line.
%%
%%   erlc -o OUT benches/ring.erl && erl -noshell -pa OUT -run ring main 1000 1000
-module(ring).
-export([main/1]).

main([NArg, LapsArg]) ->
    N = list_to_integer(NArg),
    Laps = list_to_integer(LapsArg),
    Start = erlang:monotonic_time(nanosecond),
    ring(N, Laps),
    Seconds = (erlang:monotonic_time(nanosecond) - Start) / 1.0e9,
    io:format("result name=erlang-ring seconds=~.6f work=~b~n", [Seconds, N * Laps]),
    halt().

%% Main spawns the other N - 1, each forwarding to the one spawned before it (the first to
%% main) Laps times; main sends the token, forwards it Laps - 1 times and takes it back.
ring(N, Laps) ->
    Next = lists:foldl(fun(_, Prev) -> spawn(fun() -> forward(Prev, Laps) end) end,
                       self(), lists:seq(2, N)),
    Next ! {token, 0},
    forward(Next, Laps - 1),
    receive {token, _} -> ok end.

forward(_, 0) -> ok;
forward(Next, Times) ->
    receive {token, V} -> Next ! {token, V + 1} end,
    forward(Next, Times - 1).
