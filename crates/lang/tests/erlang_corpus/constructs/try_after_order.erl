-module(try_after_order).
-export([start/0]).

%% The order things run in: body, then the matching catch clause, then `after`, and
%% only then does the try's value reach the caller.
step(Label) -> io:format("~s~n", [Label]).

start() ->
    Value = try
        step("body starts"),
        throw(half_way),
        step("never reached")
    catch
        throw:What ->
            step("catch clause"),
            {caught, What}
    after
        step("after block")
    end,
    io:format("value: ~p~n", [Value]),
    Inner = try
        try
            exit(deep)
        after
            step("inner after")
        end
    catch
        exit:Why -> step("outer catch"), Why
    end,
    io:format("value: ~p~n", [Inner]).
