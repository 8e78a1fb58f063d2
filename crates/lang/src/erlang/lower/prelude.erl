%% The part of Erlang's standard library the lesson dialect provides, written in the
%% dialect itself: the `lists` functions beginners use, and the helpers `io:format` needs
%% for field widths and number bases (named with a leading `$`, so no program calls them).
-module(lists).

seq(From, To) -> seq(From, To, 1).

seq(From, To, Step) when Step > 0, From > To -> [];
seq(From, To, Step) when Step < 0, From < To -> [];
seq(From, To, Step) -> [From | seq(From + Step, To, Step)].

map(_, []) -> [];
map(F, [H | T]) -> [F(H) | map(F, T)].

foreach(_, []) -> ok;
foreach(F, [H | T]) -> F(H), foreach(F, T).

foldl(_, Acc, []) -> Acc;
foldl(F, Acc, [H | T]) -> foldl(F, F(H, Acc), T).

foldr(_, Acc, []) -> Acc;
foldr(F, Acc, [H | T]) -> F(H, foldr(F, Acc, T)).

filter(_, []) -> [];
filter(Keep, [H | T]) ->
    case Keep(H) of
        true -> [H | filter(Keep, T)];
        false -> filter(Keep, T)
    end.

any(_, []) -> false;
any(P, [H | T]) -> case P(H) of true -> true; false -> any(P, T) end.

all(_, []) -> true;
all(P, [H | T]) -> case P(H) of true -> all(P, T); false -> false end.

reverse(L) -> reverse(L, []).

reverse([], Acc) -> Acc;
reverse([H | T], Acc) -> reverse(T, [H | Acc]).

sum(L) -> sum(L, 0).

sum([], Total) -> Total;
sum([H | T], Total) -> sum(T, Total + H).

nth(1, [H | _]) -> H;
nth(N, [_ | T]) when N > 1 -> nth(N - 1, T).

last([X]) -> X;
last([_ | T]) -> last(T).

member(_, []) -> false;
member(X, [X | _]) -> true;
member(X, [_ | T]) -> member(X, T).

keyfind(_, _, []) -> false;
keyfind(Key, N, [T | Rest]) when is_tuple(T), tuple_size(T) >= N ->
    case element(N, T) == Key of
        true -> T;
        false -> keyfind(Key, N, Rest)
    end;
keyfind(Key, N, [_ | Rest]) -> keyfind(Key, N, Rest).

keymember(Key, N, L) -> keyfind(Key, N, L) /= false.

sort([]) -> [];
sort([X]) -> [X];
sort(L) ->
    {A, B} = halves(L, [], []),
    merge(sort(A), sort(B)).

halves([], A, B) -> {A, B};
halves([H | T], A, B) -> halves(T, [H | B], A).

merge([], B) -> B;
merge(A, []) -> A;
merge([X | A], [Y | B]) when X =< Y -> [X | merge(A, [Y | B])];
merge(A, [Y | B]) -> [Y | merge(A, B)].

zip([], []) -> [];
zip([X | Xs], [Y | Ys]) -> [{X, Y} | zip(Xs, Ys)].

append(Lists) -> foldr(fun(L, Acc) -> L ++ Acc end, [], Lists).

append(A, B) -> A ++ B.

duplicate(0, _) -> [];
duplicate(N, X) when N > 0 -> [X | duplicate(N - 1, X)].

flatten(L) -> flatten(L, []).

flatten([], Tail) -> Tail;
flatten([H | T], Tail) when is_list(H) -> flatten(H, flatten(T, Tail));
flatten([H | T], Tail) -> [H | flatten(T, Tail)].

max([H | T]) -> foldl(fun(X, Best) when X > Best -> X; (_, Best) -> Best end, H, T).

min([H | T]) -> foldl(fun(X, Best) when X < Best -> X; (_, Best) -> Best end, H, T).

delete(_, []) -> [];
delete(X, [X | T]) -> T;
delete(X, [H | T]) -> [H | delete(X, T)].

split(0, L) -> {[], L};
split(N, [H | T]) when N > 0 ->
    {Front, Back} = split(N - 1, T),
    {[H | Front], Back}.

sublist(_, 0) -> [];
sublist([], _) -> [];
sublist([H | T], N) when N > 0 -> [H | sublist(T, N - 1)].

%% Built-ins without a module that the library provides.
tuple_to_list(T) -> [element(I, T) || I <- seq(1, tuple_size(T))].

%% `Text` laid out in a field of `Width` characters: padded with spaces on the left
%% (`Left` false) or on the right; too long, it is written as stars when `Over` is `stars`
%% and cut to the width when it is `cut` (`~3s`).
'$field'(Text, Width, Left, Over) ->
    Len = length(Text),
    if
        Len > Width, Over == stars -> '$repeat'(Width, "*");
        Len > Width, Over == cut -> '$take'(Width, Text);
        Len >= Width -> Text;
        Left -> Text ++ '$repeat'(Width - Len, " ");
        true -> '$repeat'(Width - Len, " ") ++ Text
    end.

'$take'(0, _) -> "";
'$take'(N, [H | T]) -> [H | '$take'(N - 1, T)].

'$repeat'(0, _) -> "";
'$repeat'(N, S) when N > 0 -> S ++ '$repeat'(N - 1, S).

%% The digits of `N` in `Base` (2 to 36), lowercase or uppercase letters above 9.
'$digits'(N, Base, Upper) when N < 0 -> "-" ++ '$digits'(-N, Base, Upper);
'$digits'(N, Base, Upper) when N < Base -> '$digit'(N, Upper);
'$digits'(N, Base, Upper) -> '$digits'(N div Base, Base, Upper) ++ '$digit'(N rem Base, Upper).

'$digit'(D, false) ->
    element(D + 1, {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d",
                    "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r",
                    "s", "t", "u", "v", "w", "x", "y", "z"});
'$digit'(D, true) ->
    element(D + 1, {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D",
                    "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R",
                    "S", "T", "U", "V", "W", "X", "Y", "Z"}).

%% `erlang:send_after(Time, Dest, Msg)` runs this in a timer process of its own.
'$send_after'(Time, Dest, Msg) ->
    timer:sleep(Time),
    Dest ! Msg.

%% The `maps` module, on maps as values: `maps:f` calls `'$maps_f'`. Missing keys raise
%% `{badkey, K}` and non-maps `{badmap, M}`, as erl does.
'$maps_new'() -> '$maps_from_list'([]).
'$maps_from_list'(L) -> '$map_from_list'(L).
'$maps_to_list'(M) -> '$map_pairs'(M).
'$maps_size'(M) -> length('$map_pairs'(M)).
'$maps_find'(K, M) ->
    case keyfind(K, 1, '$map_pairs'(M)) of
        {K, V} -> {ok, V};
        false -> error
    end.
'$maps_get'(K, M) ->
    case '$maps_find'(K, M) of
        {ok, V} -> V;
        error -> erlang:error({badkey, K})
    end.
'$maps_get'(K, M, Default) ->
    case '$maps_find'(K, M) of
        {ok, V} -> V;
        error -> Default
    end.
'$maps_is_key'(K, M) -> '$maps_find'(K, M) =/= error.
'$maps_put'(K, V, M) -> '$maps_from_list'('$map_pairs'(M) ++ [{K, V}]).
'$maps_update'(K, V, M) ->
    case '$maps_is_key'(K, M) of
        true -> '$maps_put'(K, V, M);
        false -> erlang:error({badkey, K})
    end.
'$maps_remove'(K, M) -> '$maps_from_list'([P || {Key, _} = P <- '$map_pairs'(M), Key =/= K]).
'$maps_keys'(M) -> [K || {K, _} <- '$map_pairs'(M)].
'$maps_values'(M) -> [V || {_, V} <- '$map_pairs'(M)].
'$maps_fold'(F, Acc, M) -> foldl(fun({K, V}, A) -> F(K, V, A) end, Acc, '$map_pairs'(M)).
'$map_pairs'(M) ->
    case is_map(M) of
        true -> '$map_to_list'(M);
        false -> erlang:error({badmap, M})
    end.

%% The `string` module: `string:f` calls `'$string_f'`.
'$string_join'([], _) -> "";
'$string_join'([Last], _) -> Last;
'$string_join'([H | T], Sep) -> H ++ Sep ++ '$string_join'(T, Sep).
