-module(volley).
-export([start/0, server/1, wall/0]).

%% The wall stands at the far end of the court under the registered name `wall`,
%% so the server can hit the ball at it without knowing its pid.
wall() ->
    receive
        game_over ->
            io:format("wall: game over~n");
        {ball, Server} ->
            io:format("wall: ball comes back~n"),
            Server ! bounce,
            wall()
    end.

server(0) ->
    io:format("server: out of balls~n"),
    wall ! game_over;
server(Balls) ->
    wall ! {ball, self()},
    receive
        bounce ->
            io:format("server: caught it, ~w left~n", [Balls - 1])
    end,
    server(Balls - 1).

start() ->
    register(wall, spawn(volley, wall, [])),
    spawn(volley, server, [3]).
