//! Process built-ins through the simulator: registered names, spawn forms, links,
//! monitors, exit signals, trap_exit, references, apply and node(). Expected outputs are
//! Erlang's documented behaviour, worked out by hand.

mod common;

use common::{lines, program, run_seeded};
use lang::Dialect::Erlang;
use sim::WorldStatus;

/// Runs `src` (a module started by `main/0`) under several seeds; all must end without a
/// deadlock and print `want`. Processes that die of their exit reasons are part of the
/// story here, so crashes are allowed.
fn prints(src: &str, want: &[&str]) {
    let p = program(Erlang, src);
    for seed in 0..8 {
        let w = run_seeded(&p, seed);
        assert!(
            matches!(w.status(), WorldStatus::Finished | WorldStatus::Idle),
            "seed {seed}: {:?} {:?}",
            w.status(),
            lines(&w)
        );
        assert_eq!(lines(&w), want, "seed {seed}");
    }
}

#[test]
fn a_registered_name_receives_messages_and_whereis_finds_it() {
    prints(
        "-module(names).\n\
         main() ->\n\
             Pid = spawn(fun() -> receive {hi, From} -> From ! hello end end),\n\
             true = register(greeter, Pid),\n\
             io:format(\"~p ~p~n\", [whereis(greeter) =:= Pid, whereis(nobody)]),\n\
             greeter ! {hi, self()},\n\
             receive hello -> io:format(\"got hello~n\") end.\n",
        &["true undefined", "got hello"],
    );
}

#[test]
fn spawn_with_module_function_and_arguments_and_spawn_link_and_monitor() {
    prints(
        "-module(forms).\n\
         -export([worker/2]).\n\
         worker(Parent, N) -> Parent ! {done, N * 2}.\n\
         main() ->\n\
             spawn(forms, worker, [self(), 1]),\n\
             receive {done, A} -> io:format(\"~w~n\", [A]) end,\n\
             process_flag(trap_exit, true),\n\
             L = spawn_link(?MODULE, worker, [self(), 2]),\n\
             receive {done, B} -> io:format(\"~w~n\", [B]) end,\n\
             receive {'EXIT', L, Why} -> io:format(\"~p~n\", [Why]) end,\n\
             {M, Ref} = spawn_monitor(fun() -> exit(tired) end),\n\
             receive {'DOWN', Ref, process, M, R} -> io:format(\"~p~n\", [R]) end.\n",
        &["2", "4", "normal", "tired"],
    );
}

#[test]
fn exit_signals_links_and_unlink() {
    prints(
        "-module(signals).\n\
         main() ->\n\
             Sleeper = spawn(fun() -> receive never -> ok end end),\n\
             Ref = monitor(process, Sleeper),\n\
             true = exit(Sleeper, closing),\n\
             receive {'DOWN', Ref, process, Sleeper, W} -> io:format(\"~p~n\", [W]) end,\n\
             Me = self(),\n\
             Partner = spawn(fun() ->\n\
                 Q = spawn_link(fun() -> receive go -> exit(oops) end end),\n\
                 true = unlink(Q),\n\
                 Me ! {q, Q},\n\
                 receive ping -> Me ! pong end\n\
             end),\n\
             receive {q, Q} -> Q ! go end,\n\
             Partner ! ping,\n\
             receive pong -> io:format(\"partner lives~n\") end,\n\
             false = process_flag(trap_exit, true),\n\
             spawn_link(fun() -> exit(kill) end),\n\
             receive {'EXIT', _, K} -> io:format(\"~p~n\", [K]) end.\n",
        &["closing", "partner lives", "kill"],
    );
}

#[test]
fn references_are_unique_and_demonitor_stops_down() {
    prints(
        "-module(refs).\n\
         main() ->\n\
             A = make_ref(),\n\
             B = make_ref(),\n\
             io:format(\"~p ~p~n\", [A =:= B, A =:= A]),\n\
             P = spawn(fun() -> receive stop -> ok end end),\n\
             R = monitor(process, P),\n\
             true = demonitor(R, [flush]),\n\
             P ! stop,\n\
             receive {'DOWN', R, _, _, _} -> io:format(\"down~n\") after 50 -> io:format(\"quiet~n\") end,\n\
             io:format(\"~p~n\", [node()]).\n",
        &["false true", "quiet", "nonode@nohost"],
    );
}

#[test]
fn apply_calls_funs_and_module_functions() {
    prints(
        "-module(app).\n\
         -export([add/2]).\n\
         add(A, B) -> A + B.\n\
         main() ->\n\
             io:format(\"~w ~w~n\", [apply(fun(X) -> X * 10 end, [4]), apply(app, add, [2, 3])]).\n",
        &["40 5"],
    );
}

#[test]
fn pids_print_as_erl_prints_local_pids() {
    let p = program(Erlang, "main() -> io:format(\"~p~n\", [self()]).\n");
    let w = run_seeded(&p, 0);
    assert_eq!(lines(&w), ["<0.0.0>"]);
}
