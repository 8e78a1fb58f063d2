-module(format_widths).
-export([start/0]).

%% Field widths: right-aligned by default, `-` for left; a number too wide for its
%% field prints as stars, a string too long is cut; ~p takes a width but does not pad.
start() ->
    io:format("[~6w][~-6w][~6s][~-6s]~n", [42, 42, "ab", "ab"]),
    io:format("[~3w][~3s][~2b]~n", [12345, "abcdef", 100]),
    io:format("[~8.2b][~.16b][~-8.8b]~n", [5, 255, 64]),
    io:format("[~10p][~-10w][~10p]~n", [{a, b}, ok, "ab"]),
    io:format("[~5c][~c~c]~n", [$z, $o, $k]),
    io:format("[~w][~p][~s]~n", ['it\'s', 'Cap', "plain"]).
