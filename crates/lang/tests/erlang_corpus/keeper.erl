-module(keeper).
-export([start/0, init/1, squarer/0]).

%% The squarer squares numbers and gives up on negative ones.
squarer() ->
    receive
        {square, N, From} when N >= 0 ->
            From ! {squared, N, N * N},
            squarer();
        {square, N, _From} ->
            exit({negative, N})
    end.

%% The keeper traps exits, so a dying squarer becomes an 'EXIT' message it can read,
%% and it starts a fresh squarer in its place.
init(Client) ->
    process_flag(trap_exit, true),
    keep(spawn_link(keeper, squarer, []), Client, 0).

keep(Worker, Client, Restarts) ->
    receive
        {square, _N, _From} = Job ->
            Worker ! Job,
            keep(Worker, Client, Restarts);
        {'EXIT', Worker, Reason} ->
            io:format("keeper: squarer stopped: ~p~n", [Reason]),
            Client ! {restarted, Restarts + 1},
            keep(spawn_link(keeper, squarer, []), Client, Restarts + 1);
        {stop, From} ->
            exit(Worker, shutdown),
            receive
                {'EXIT', Worker, Why} -> io:format("keeper: squarer ended: ~p~n", [Why])
            end,
            From ! stopped
    end.

square(Keeper, N) ->
    Keeper ! {square, N, self()},
    receive
        {squared, N, S} -> io:format("~w squared is ~w~n", [N, S])
    end.

start() ->
    Keeper = spawn(keeper, init, [self()]),
    square(Keeper, 4),
    square(Keeper, 7),
    Keeper ! {square, -3, self()},
    receive
        {restarted, Times} -> io:format("restarts so far: ~w~n", [Times])
    end,
    square(Keeper, 5),
    Keeper ! {stop, self()},
    receive
        stopped -> io:format("keeper is done~n")
    end.
