-module(seating).
-export([start/0]).

%% Planning a dinner with list comprehensions.
start() ->
    Guests = [ada, bo, cy, dee],
    Tables = [1, 2],
    io:format("~w~n", [[{G, T} || T <- Tables, G <- [ada, bo]]]),
    Evens = [N || N <- lists:seq(1, 10), N rem 2 =:= 0],
    io:format("even seats: ~w~n", [Evens]),
    Squares = [N * N || N <- Evens, N > 4],
    io:format("squares: ~w~n", [Squares]),
    Pairs = [{A, B} || A <- Guests, B <- Guests, A < B],
    io:format("~w pairs, first ~w, last ~w~n", [length(Pairs), hd(Pairs), lists:nth(length(Pairs), Pairs)]),
    Menus = [{ada, fish}, {bo, soup}, {cy, fish}, {dee, pie}],
    Fish = [Who || {Who, fish} <- Menus],
    io:format("fish for ~w~n", [Fish]),
    Names = [atom_to_list(G) || G <- Guests],
    io:format("~s~n", [string_join(Names)]).

string_join([Last]) -> Last;
string_join([Name | Rest]) -> Name ++ ", " ++ string_join(Rest).
