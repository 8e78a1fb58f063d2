-module(library_card).
-export([start/0]).

-record(book, {title, author, shelf = fiction, on_loan = false}).

lend(#book{on_loan = true, title = T}) ->
    {already_out, T};
lend(Book = #book{}) ->
    {ok, Book#book{on_loan = true}}.

describe(#book{title = T, author = A, shelf = S}) ->
    io:format("~s by ~s (~p)~n", [T, A, S]).

start() ->
    Tide = #book{title = "Low Tide", author = "R. Marsh"},
    Atlas = #book{title = "Star Atlas", author = "V. Orr", shelf = reference},
    describe(Tide),
    describe(Atlas),
    {ok, Lent} = lend(Tide),
    io:format("on loan: ~p~n", [Lent#book.on_loan]),
    io:format("~p~n", [lend(Lent)]),
    io:format("~p~n", [Atlas]),
    io:format("is a book: ~p~n", [is_record(Atlas, book)]),
    Shelves = [B#book.shelf || B <- [Tide, Atlas, Lent]],
    io:format("~w~n", [Shelves]).
