-module(progress).
-export([start/0, ticker/1]).

%% io:format without ~n keeps writing on the same line: output is a stream of characters.
ticker(Parent) ->
    receive
        {tick, N} ->
            io:format("~w", [N]),
            Parent ! ticked,
            ticker(Parent);
        stop ->
            ok
    end.

dots(0) -> ok;
dots(N) ->
    io:format("."),
    dots(N - 1).

start() ->
    io:format("loading"),
    dots(5),
    io:format(" done~n"),
    Ticker = spawn(progress, ticker, [self()]),
    lists:foreach(
        fun(N) ->
            io:format("["),
            Ticker ! {tick, N},
            receive ticked -> io:format("]") end
        end,
        [1, 2, 3]),
    io:format("~n"),
    Ticker ! stop,
    io:format("two~nlines and "),
    io:format("a tail~n").
