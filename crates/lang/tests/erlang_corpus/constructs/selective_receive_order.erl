-module(selective_receive_order).
-export([start/0]).

%% receive takes the oldest message that matches any clause, whichever clause it is;
%% the messages it skips stay, in order.
start() ->
    self() ! {note, 1},
    self() ! {alarm, 2},
    self() ! {note, 3},
    self() ! {alarm, 4},
    receive {alarm, A} -> io:format("first alarm ~w~n", [A]) end,
    receive
        {alarm, B} -> io:format("alarm ~w~n", [B]);
        {note, N} -> io:format("note ~w~n", [N])
    end,
    Rest = drain(),
    io:format("left in order: ~w~n", [Rest]).

drain() ->
    receive
        Any -> [Any | drain()]
    after 0 -> []
    end.
