-module(fuse_box).
-export([start/0, circuit/1]).

%% A circuit divides the power among its lamps; with no lamps it blows (badarith).
%% The fuse box traps exits and resets the circuit with one lamp fitted.
circuit(Lamps) ->
    receive
        {power, Watts, From} ->
            From ! {per_lamp, Watts div Lamps},
            circuit(Lamps)
    end.

start() ->
    process_flag(trap_exit, true),
    C1 = spawn_link(fuse_box, circuit, [2]),
    C1 ! {power, 100, self()},
    receive {per_lamp, W} -> io:format("each lamp gets ~w watts~n", [W]) end,
    C2 = spawn_link(fuse_box, circuit, [0]),
    C2 ! {power, 100, self()},
    receive
        {'EXIT', C2, {Reason, _Where}} -> io:format("fuse blew: ~p~n", [Reason])
    end,
    C3 = spawn_link(fuse_box, circuit, [1]),
    C3 ! {power, 60, self()},
    receive {per_lamp, W3} -> io:format("after reset: ~w watts~n", [W3]) end,
    exit(C1, kill),
    receive
        {'EXIT', C1, Why} -> io:format("first circuit cut: ~p~n", [Why])
    end,
    process_flag(trap_exit, false).
