//! Erlang dialect programs run through the real simulator.

mod common;

use common::*;
use lang::Dialect::Erlang;

const ACTOR_COUNTER: &str = "\
-module(tally).
-export([main/0]).

%% The tally lives inside one process; others can only ask it things.
tally(N) ->
    receive
        bump ->
            tally(N + 1);
        {read, Asker} ->
            Asker ! {tally, N},
            tally(N)
    end.

bumper(Tally, 0) ->
    Tally ! done_bumping;
bumper(Tally, Times) when Times > 0 ->
    Tally ! bump,
    bumper(Tally, Times - 1).

main() ->
    T = spawn(fun() -> tally(0) end),
    Me = self(),
    spawn(fun() -> bumper(T, 3), Me ! finished end),
    spawn(fun() -> bumper(T, 3), Me ! finished end),
    receive finished -> ok end,
    receive finished -> ok end,
    T ! {read, self()},
    receive
        {tally, Total} -> io:format(\"tally is ~p~n\", [Total])
    end.
";

#[test]
fn actor_counter_always_reaches_total() {
    let p = program(Erlang, ACTOR_COUNTER);
    for seed in 0..200 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, ACTOR_COUNTER);
        assert_eq!(lines(&w), vec!["tally is 6"], "seed {seed}");
    }
}

#[test]
fn explorer_actor_counter_has_one_outcome() {
    let src = ACTOR_COUNTER.replace("bumper(T, 3)", "bumper(T, 1)");
    let report = explore_all(&program(Erlang, &src), 2_000_000);
    assert!(
        report.complete,
        "exploration was cut after {} schedules",
        report.schedules
    );
    assert!(report.schedules > 1);
    for class in &report.classes {
        let out: Vec<String> = class.outcome.output.iter().map(|t| t.to_string()).collect();
        assert_eq!(out, vec!["tally is 2"]);
        assert!(!class.outcome.race && !class.outcome.crash);
    }
}

#[test]
fn clauses_match_atoms_integers_tuples_lists_and_wildcards() {
    let src = "\
describe(0) -> zero;
describe(N) when is_integer(N), N < 0 -> negative;
describe(ok) -> an_ok;
describe({point, X, X}) -> diagonal;
describe({point, _, _}) -> point;
describe([]) -> empty;
describe([H | _]) -> {starts_with, H};
describe(_Other) -> something_else.

main() ->
    io:format(\"~p ~p ~p~n\", [describe(0), describe(-3), describe(ok)]),
    io:format(\"~p ~p~n\", [describe({point, 2, 2}), describe({point, 1, 2})]),
    io:format(\"~p ~p ~p~n\", [describe([]), describe([7, 8]), describe(\"text\")]).
";
    assert_eq!(
        output(Erlang, src),
        vec![
            "zero negative an_ok",
            "diagonal point",
            // A string is a list of character codes: real erl prints {starts_with,116}.
            "empty {starts_with,7} {starts_with,116}"
        ]
    );
}

#[test]
fn receive_is_selective_with_guards_and_after() {
    let src = "\
main() ->
    self() ! {num, 5},
    self() ! {num, 50},
    self() ! hello,
    receive hello -> io:format(\"hello first~n\") end,
    receive {num, N} when N > 10 -> io:format(\"big ~p~n\", [N]) end,
    receive {num, M} -> io:format(\"then ~p~n\", [M]) end,
    receive never -> ok after 10 -> io:format(\"timed out~n\") end.
";
    assert_eq!(
        output(Erlang, src),
        vec!["hello first", "big 50", "then 5", "timed out"]
    );
}

#[test]
fn reply_to_from_with_spawn_forms() {
    let src = "\
-module(echo).
-export([main/0, echo/0, adder/1]).

echo() ->
    receive
        {From, Msg} -> From ! {self(), Msg}, echo();
        stop -> ok
    end.

adder(Base) ->
    receive {From, N} -> From ! Base + N end.

main() ->
    E = spawn(fun echo/0),
    E ! {self(), ping},
    receive {E, Reply} -> io:format(\"~p~n\", [Reply]) end,
    A = spawn(adder, [10]),
    A ! {self(), 5},
    receive Sum -> io:format(\"~w~n\", [Sum]) end,
    B = spawn(echo, adder, [100]),
    B ! {self(), 1},
    receive Sum2 -> io:format(\"~w~n\", [Sum2]) end,
    E ! stop.
";
    assert_eq!(output(Erlang, src), vec!["ping", "15", "101"]);
}

#[test]
fn tail_recursion_runs_in_constant_stack() {
    let src = "\
count_down(0) -> done;
count_down(N) ->
    self() ! tick,
    receive tick -> count_down(N - 1) end.

main() -> io:format(\"~p~n\", [count_down(12000)]).
";
    assert_eq!(output(Erlang, src), vec!["done"]);
}

#[test]
fn io_format_directives() {
    let src = "\
main() ->
    io:format(\"~p|~w|~s|~~~n\", [\"quoted\", {a, 1}, \"raw\"]),
    io:format(\"two~nlines~n\"),
    io:format(\"~p~n\", [[1, 2, 3]]).
";
    assert_eq!(
        output(Erlang, src),
        vec!["\"quoted\"|{a,1}|raw|~", "two", "lines", "[1,2,3]"]
    );
}

#[test]
fn shell_style_script() {
    let src = "\
counter(N) ->
    receive
        inc -> counter(N + 1);
        {get, From} -> From ! {count, N}, counter(N)
    end.

Pid = spawn(fun() -> counter(0) end).
Pid ! inc.
Pid ! inc.
Pid ! {get, self()}.
receive {count, C} -> io:format(\"count = ~p~n\", [C]) end.
";
    let p = program(Erlang, src);
    for seed in 0..30 {
        let w = run_seeded(&p, seed);
        assert_finished(&w, src);
        assert_eq!(lines(&w), vec!["count = 2"]);
        assert!(w.processes().iter().any(|p| p.name() == "counter"));
    }
}

#[test]
fn case_if_funs_and_captured_variables() {
    let src = "\
classify(N) ->
    if
        N > 100 -> large;
        N > 10 -> medium;
        true -> small
    end.

main() ->
    Base = 7,
    AddBase = fun(X) -> X + Base end,
    R = case AddBase(5) of
        12 -> twelve;
        _ -> other
    end,
    io:format(\"~p ~p ~p~n\", [R, classify(50), classify(AddBase(200))]),
    {ok, V} = {ok, length([a, b, c])},
    io:format(\"~p ~p ~p~n\", [V, element(2, {x, y}), hd(tl([1, 2]))]).
";
    assert_eq!(output(Erlang, src), vec!["twelve medium large", "3 y 2"]);
}

#[test]
fn crash_reasons_are_clear_at_run_time() {
    let src = "\
only_zero(0) -> ok.
main() -> only_zero(1).
";
    let p = program(Erlang, src);
    let w = run_seeded(&p, 0);
    assert!(w.has_crash());
    let crash = w
        .trace()
        .iter()
        .find_map(|e| match &e.kind {
            sim::EventKind::Crash { reason, .. } => Some(reason.to_string()),
            _ => None,
        })
        .unwrap_or_default();
    assert!(
        crash.contains("no function clause matching only_zero(1)"),
        "{crash}"
    );
}

#[test]
fn after_infinity_funs_by_name_and_exit() {
    let src = "\
server() ->
    receive
        {ping, From} -> From ! pong, server();
        stop -> exit(normal)
    after infinity -> never
    end.

main() ->
    S = spawn(fun server/0),
    S ! {ping, self()},
    receive pong -> io:format(\"~s~n\", [\"pong\"]) end,
    S ! stop.
";
    assert_eq!(output(Erlang, src), vec!["pong"]);
}

const COUNTER_WITH_LOOPS: &str = "\
-module(tally).
-export([main/0]).

counter(N) ->
    receive
        bump ->
            Next = N + 1,
            counter(Next);
        {get, From} ->
            From ! {count, N},
            counter(N)
    end.

bump(_Counter, 0) -> done;
bump(Counter, K) ->
    Counter ! bump,
    bump(Counter, K - 1).

main() ->
    Counter = spawn(fun() -> counter(0) end),
    Me = self(),
    spawn(fun() -> bump(Counter, 2), Me ! finished end),
    spawn(fun() -> bump(Counter, 2), Me ! finished end),
    receive finished -> ok end,
    receive finished -> ok end,
    Counter ! {get, Me},
    receive {count, Total} -> io:format(\"count is ~p~n\", [Total]) end.
";

#[test]
fn expand_mode_steps_are_messages_spawns_prints_and_the_students_own_adds() {
    let p = program(Erlang, COUNTER_WITH_LOOPS);
    for seed in 0..20 {
        let w = run_expanded(&p, seed);
        assert_finished(&w, COUNTER_WITH_LOOPS);
        assert_eq!(lines(&w), vec!["count is 4"]);
        let actions = step_actions(&w);
        // `Next = N + 1` is the student's computation; binding `Me = self()` or the pid of
        // `spawn`, the value of a `receive` and the loop's own recursion are not steps.
        assert_eq!(
            action_counts(&actions),
            counts(&[
                ("spawn", 3),
                ("send", 8),
                ("receive", 8),
                ("compute Next", 4),
                ("print", 1),
            ]),
            "seed {seed}: {actions:#?}"
        );
    }
}

#[test]
fn bound_variables_take_their_values_directly_and_temporaries_are_hidden() {
    let p = program(Erlang, COUNTER_WITH_LOOPS);
    for f in &p.functions {
        let visible: Vec<&str> = f
            .locals
            .iter()
            .map(String::as_str)
            .filter(|n| !n.starts_with('$') && !n.starts_with('_'))
            .collect();
        if f.name == "main" {
            assert_eq!(visible, vec!["Counter", "Me", "Total"]);
        }
    }
    let w = run_seeded(&p, 0);
    let main = &w.processes()[0];
    let frame = main.frames().last().unwrap();
    let f = &p.functions[frame.func.index()];
    let counter = f.locals.iter().position(|n| n == "Counter").unwrap();
    assert!(matches!(frame.locals[counter], sim::ir::Value::Pid(_)));
}
