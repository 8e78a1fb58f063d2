-module(baton_ring).
-export([go/2, runner/2]).

%% Runners stand in a ring; each only knows the next one. The shell closes the ring:
%% the last runner hands the baton back to it.
runner(Number, Next) ->
    receive
        {baton, Lap} ->
            io:format("lap ~w: runner ~w has the baton~n", [Lap, Number]),
            Next ! {baton, Lap},
            runner(Number, Next);
        home ->
            Next ! home
    end.

%% Spawns runners Count down to 1, so runner 1 is spawned last and runs first.
line_up(0, Next) -> Next;
line_up(Count, Next) -> line_up(Count - 1, spawn(baton_ring, runner, [Count, Next])).

laps(_First, Lap, Laps) when Lap > Laps ->
    done;
laps(First, Lap, Laps) ->
    First ! {baton, Lap},
    receive
        {baton, Lap} -> io:format("lap ~w finished~n", [Lap])
    end,
    laps(First, Lap + 1, Laps).

go(Size, Laps) ->
    First = line_up(Size, self()),
    done = laps(First, 1, Laps),
    First ! home,
    receive
        home -> io:format("all ~w runners went home~n", [Size])
    end.
