-module(triage).
-export([start/0, nurse/0]).

%% The nurse lets the waiting room fill, then sees every urgent case before any
%% routine one, each group in the order they came in.
nurse() ->
    receive
        {doors_closed, Desk} ->
            Urgent = seen(urgent),
            Routine = seen(routine),
            Desk ! {treated, Urgent ++ Routine}
    end.

%% Takes patients of one kind while there are any; `after 0` means: do not wait.
seen(Kind) ->
    receive
        {Kind, Patient} ->
            io:format("~p: ~s~n", [Kind, Patient]),
            [Patient | seen(Kind)]
    after 0 ->
        []
    end.

start() ->
    Nurse = spawn(triage, nurse, []),
    Nurse ! {routine, "sore throat"},
    Nurse ! {urgent, "broken wrist"},
    Nurse ! {routine, "splinter"},
    Nurse ! {routine, "check-up"},
    Nurse ! {urgent, "deep cut"},
    Nurse ! {doors_closed, self()},
    receive
        {treated, Order} -> io:format("order: ~p~n", [Order])
    end.
