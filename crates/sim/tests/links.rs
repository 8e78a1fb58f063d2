//! Links and exit signals: every propagation rule, each on a small program built with the IR
//! builder. The expected values are worked out by hand from the rules in the OTP
//! documentation of `link/1`, `exit/2` and `process_flag/2` (quoted in `world/links.rs`).

use sim::ir::{Expr, Pattern, ProcKind, ProgramBuilder, Style, Value};
use sim::schedule::{run, RoundRobin};
use sim::trace::SignalEffect;
use sim::{explore, EventKind, ExploreConfig, Options, World, WorldStatus};

fn run_rr(w: &mut World) {
    run(w, &mut RoundRobin::new(), 10_000);
}

fn output(w: &World) -> Vec<String> {
    w.output().iter().map(|t| t.to_string()).collect()
}

fn reason(w: &World, pid: u32) -> Option<Value> {
    w.process(sim::ir::Pid(pid))
        .and_then(|p| p.exit_reason().cloned())
}

fn atom(a: &str) -> Value {
    Value::atom(a)
}

#[test]
fn a_normal_exit_does_not_take_down_a_linked_process() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let child = p.function("child", &[], |f| f.ret(None));
    let main = p.function("main", &[], |f| {
        let c = f.local("C");
        f.spawn_with(Some(c), ProcKind::Actor, child, vec![], true, None);
        f.receive(|r| r.after(5, |f| f.print(Expr::str("still alive"))));
    });
    p.actor("main", main, vec![]);
    let mut w = World::new(p.build(), Options::default()).unwrap();
    run_rr(&mut w);
    assert_eq!(output(&w), ["still alive"]);
    assert_eq!(reason(&w, 1), Some(atom("normal")));
    assert_eq!(reason(&w, 0), Some(atom("normal")));
    let ignored = w.trace().iter().any(|e| {
        matches!(&e.kind, EventKind::Signal(s) if s.effect == SignalEffect::Ignored && s.to == sim::ir::Pid(0))
    });
    assert!(
        ignored,
        "the normal exit signal reaches main and is ignored"
    );
}

#[test]
fn an_abnormal_exit_takes_down_a_linked_process_with_the_same_reason() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let child = p.function("child", &[], |f| {
        let x = f.local("X");
        f.eval(x, Expr::int(1) / Expr::int(0));
    });
    let main = p.function("main", &[], |f| {
        let c = f.local("C");
        f.spawn_with(Some(c), ProcKind::Actor, child, vec![], true, None);
        f.receive(|r| r.on(Pattern::Wildcard, |f| f.print(Expr::str("unreachable"))));
    });
    p.actor("main", main, vec![]);
    let mut w = World::new(p.build(), Options::default()).unwrap();
    run_rr(&mut w);
    assert!(output(&w).is_empty());
    // An uncaught error ends the child with {badarith, Stack}; the link passes that value on.
    let child_reason = reason(&w, 1).unwrap();
    match &child_reason {
        Value::Tuple(t) => assert_eq!(t.items()[0], atom("badarith")),
        other => panic!("expected {{badarith, Stack}}, got {other}"),
    }
    assert_eq!(reason(&w, 0), Some(child_reason));
    assert_eq!(
        w.process(sim::ir::Pid(0)).unwrap().killed_by(),
        Some(sim::ir::Pid(1))
    );
    assert!(w.has_crash());
    let story: Vec<String> = w.trace().iter().map(|e| e.narrate(&w)).collect();
    assert!(
        story
            .iter()
            .any(|s| s.starts_with("the exit signal from child ({badarith,")
                && s.contains("the link takes down main")),
        "{story:#?}"
    );
}

#[test]
fn a_crash_propagates_along_a_chain_of_links() {
    // a -- b -- c; c exits with boom: b dies with boom, then a dies with boom.
    let mut p = ProgramBuilder::new(Style::Erlang);
    let c = p.function("c", &[], |f| f.raise("exit", Expr::atom("boom")));
    let b = p.function("b", &[], |f| {
        let x = f.local("X");
        f.spawn_with(Some(x), ProcKind::Actor, c, vec![], true, None);
        f.receive(|r| r.on(Pattern::Wildcard, |_| {}));
    });
    let a = p.function("a", &[], |f| {
        let x = f.local("X");
        f.spawn_with(Some(x), ProcKind::Actor, b, vec![], true, None);
        f.receive(|r| r.on(Pattern::Wildcard, |_| {}));
    });
    p.actor("a", a, vec![]);
    let mut w = World::new(p.build(), Options::default()).unwrap();
    run_rr(&mut w);
    for pid in 0..3 {
        assert_eq!(reason(&w, pid), Some(atom("boom")), "pid {pid}");
    }
    assert_eq!(w.status(), &WorldStatus::Finished);
    // c ended by its own exit, not by a signal; b by c's, a by b's.
    assert_eq!(w.process(sim::ir::Pid(2)).unwrap().killed_by(), None);
    assert_eq!(
        w.process(sim::ir::Pid(1)).unwrap().killed_by(),
        Some(sim::ir::Pid(2))
    );
    assert_eq!(
        w.process(sim::ir::Pid(0)).unwrap().killed_by(),
        Some(sim::ir::Pid(1))
    );
    assert!(w.links().is_empty());
}

#[test]
fn a_trapping_process_receives_exit_messages_instead_of_dying() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let child = p.function("child", &[], |f| f.raise("exit", Expr::atom("boom")));
    let main = p.function("main", &[], |f| {
        let old = f.local("Old");
        let again = f.local("Again");
        let c = f.local("C");
        let m = f.local("M");
        f.trap_exit(Some(old), true);
        f.trap_exit(Some(again), true);
        f.print(Expr::tuple([old.into(), again.into()]).show());
        f.spawn_with(Some(c), ProcKind::Actor, child, vec![], true, None);
        f.receive(|r| r.on(Pattern::Bind(m), move |f| f.print(Expr::Local(m).show())));
    });
    p.actor("main", main, vec![]);
    let mut w = World::new(p.build(), Options::default()).unwrap();
    run_rr(&mut w);
    // process_flag returns the old value: false the first time, true the second.
    assert_eq!(output(&w), ["{false,true}", "{'EXIT',<0.1.0>,boom}"]);
    assert_eq!(reason(&w, 0), Some(atom("normal")));
    let story: Vec<String> = w.trace().iter().map(|e| e.narrate(&w)).collect();
    assert!(
        story.iter().any(
            |s| s == "the exit signal from child is delivered to main as {'EXIT',<0.1.0>,boom}"
        ),
        "{story:#?}"
    );
}

/// A child that traps exits, tells `parent` it is ready, then prints every message it gets.
fn trapping_echo(p: &mut ProgramBuilder, trap: bool) -> sim::ir::FuncId {
    p.function("child", &["Parent"], move |f| {
        let parent = f.param(0);
        let m = f.local("M");
        if trap {
            f.trap_exit(None, true);
        }
        f.send(parent, Expr::atom("ready"));
        f.forever(|f| {
            f.receive(|r| r.on(Pattern::Bind(m), move |f| f.print(Expr::Local(m).show())));
        });
    })
}

fn wait_ready(f: &mut sim::ir::FunctionBuilder) {
    f.receive(|r| r.on(Pattern::atom("ready"), |_| {}));
}

#[test]
fn exit_with_kill_is_untrappable_and_becomes_killed() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let child = trapping_echo(&mut p, true);
    let main = p.function("main", &[], |f| {
        let c = f.local("C");
        f.spawn(Some(c), ProcKind::Actor, child, vec![Expr::SelfPid]);
        wait_ready(f);
        f.send_exit(c, Expr::atom("kill"));
    });
    p.actor("main", main, vec![]);
    let mut w = World::new(p.build(), Options::default()).unwrap();
    run_rr(&mut w);
    assert!(
        output(&w).is_empty(),
        "the kill is not turned into a message"
    );
    assert_eq!(reason(&w, 1), Some(atom("killed")));
    assert_eq!(w.status(), &WorldStatus::Finished);
}

#[test]
fn exit_with_another_reason_reaches_a_trapping_process_as_a_message() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let child = trapping_echo(&mut p, true);
    let main = p.function("main", &[], |f| {
        let c = f.local("C");
        f.spawn(Some(c), ProcKind::Actor, child, vec![Expr::SelfPid]);
        wait_ready(f);
        f.send_exit(c, Expr::atom("stop"));
        // Sent after the signal, so it arrives after it (per-pair order).
        f.send(c, Expr::atom("hello"));
    });
    p.actor("main", main, vec![]);
    let mut w = World::new(p.build(), Options::default()).unwrap();
    run_rr(&mut w);
    assert_eq!(output(&w), ["{'EXIT',<0.0.0>,stop}", "hello"]);
    assert_eq!(w.status(), &WorldStatus::Idle);
}

#[test]
fn a_signal_and_a_later_message_arrive_in_order_under_every_schedule() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let child = trapping_echo(&mut p, true);
    let main = p.function("main", &[], |f| {
        let c = f.local("C");
        f.spawn(Some(c), ProcKind::Actor, child, vec![Expr::SelfPid]);
        wait_ready(f);
        f.send_exit(c, Expr::atom("stop"));
        f.send(c, Expr::atom("hello"));
    });
    p.actor("main", main, vec![]);
    let w = World::new(p.build(), Options::default()).unwrap();
    let report = explore(&w, ExploreConfig::default());
    assert!(report.complete);
    assert_eq!(report.classes.len(), 1, "{:?}", report.classes);
    let out: Vec<&str> = report.classes[0]
        .outcome
        .output
        .iter()
        .map(|t| t.as_str())
        .collect();
    assert_eq!(out, ["{'EXIT',<0.0.0>,stop}", "hello"]);
}

#[test]
fn exit_normal_to_a_process_that_does_not_trap_is_ignored() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let child = trapping_echo(&mut p, false);
    let main = p.function("main", &[], |f| {
        let c = f.local("C");
        f.spawn(Some(c), ProcKind::Actor, child, vec![Expr::SelfPid]);
        wait_ready(f);
        f.send_exit(c, Expr::atom("normal"));
        f.send(c, Expr::atom("still_here"));
    });
    p.actor("main", main, vec![]);
    let mut w = World::new(p.build(), Options::default()).unwrap();
    run_rr(&mut w);
    assert_eq!(output(&w), ["still_here"]);
    assert_eq!(reason(&w, 1), None, "the child is still alive");
}

#[test]
fn exit_with_another_reason_kills_a_process_that_does_not_trap() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let child = trapping_echo(&mut p, false);
    let main = p.function("main", &[], |f| {
        let c = f.local("C");
        f.spawn(Some(c), ProcKind::Actor, child, vec![Expr::SelfPid]);
        wait_ready(f);
        f.send_exit(c, Expr::atom("stop"));
        f.send(c, Expr::atom("too_late"));
    });
    p.actor("main", main, vec![]);
    let mut w = World::new(p.build(), Options::default()).unwrap();
    run_rr(&mut w);
    assert!(output(&w).is_empty());
    assert_eq!(reason(&w, 1), Some(atom("stop")));
}

#[test]
fn exit_self_normal_ends_the_caller_normally() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let main = p.function("main", &[], |f| {
        f.send_exit(Expr::SelfPid, Expr::atom("normal"));
        f.print(Expr::str("unreachable"));
    });
    p.actor("main", main, vec![]);
    let mut w = World::new(p.build(), Options::default()).unwrap();
    run_rr(&mut w);
    assert!(output(&w).is_empty());
    assert_eq!(reason(&w, 0), Some(atom("normal")));
    assert!(!w.has_crash());
}

#[test]
fn a_killed_process_passes_killed_to_its_links() {
    // main traps and links to b; b links to c; main kills b: b and c end with killed and
    // main gets {'EXIT', B, killed}.
    let mut p = ProgramBuilder::new(Style::Erlang);
    let c = p.function("c", &[], |f| f.receive(|r| r.on(Pattern::Wildcard, |_| {})));
    let b = p.function("b", &["Parent"], move |f| {
        let x = f.local("X");
        f.spawn_with(Some(x), ProcKind::Actor, c, vec![], true, None);
        f.send(f.param(0), Expr::atom("ready"));
        f.receive(|r| r.on(Pattern::Wildcard, |_| {}));
    });
    let main = p.function("main", &[], |f| {
        let bp = f.local("B");
        let why = f.local("Why");
        f.trap_exit(None, true);
        f.spawn_with(
            Some(bp),
            ProcKind::Actor,
            b,
            vec![Expr::SelfPid],
            true,
            None,
        );
        wait_ready(f);
        f.send_exit(bp, Expr::atom("kill"));
        f.receive(|r| {
            r.on(
                Pattern::tuple([Pattern::atom("EXIT"), Pattern::Pin(bp), Pattern::Bind(why)]),
                move |f| f.print(Expr::Local(why).show()),
            )
        });
    });
    p.actor("main", main, vec![]);
    let mut w = World::new(p.build(), Options::default()).unwrap();
    run_rr(&mut w);
    assert_eq!(output(&w), ["killed"]);
    assert_eq!(reason(&w, 1), Some(atom("killed")));
    assert_eq!(reason(&w, 2), Some(atom("killed")));
}

fn link_to_dead(trap: bool) -> World {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let child = p.function("child", &[], |f| f.ret(None));
    let main = p.function("main", &[], move |f| {
        let c = f.local("C");
        let r = f.local("R");
        let (class, why, stack, m) = (
            f.local("Class"),
            f.local("Why"),
            f.local("Stack"),
            f.local("M"),
        );
        if trap {
            f.trap_exit(None, true);
        }
        f.spawn_with(Some(c), ProcKind::Actor, child, vec![], false, Some(r));
        // Wait until the child is surely gone.
        f.receive(|rb| {
            rb.on(
                Pattern::tuple([
                    Pattern::atom("DOWN"),
                    Pattern::Pin(r),
                    Pattern::Wildcard,
                    Pattern::Wildcard,
                    Pattern::Wildcard,
                ]),
                |_| {},
            )
        });
        f.try_catch(
            class,
            why,
            stack,
            |f| f.link(c),
            move |f| f.print(Expr::tuple([class.into(), why.into()]).show()),
        );
        f.receive(|rb| {
            rb.on(Pattern::Bind(m), move |f| f.print(Expr::Local(m).show()));
            rb.after(10, |f| f.print(Expr::str("no message")));
        });
    });
    p.actor("main", main, vec![]);
    let mut w = World::new(p.build(), Options::default()).unwrap();
    run_rr(&mut w);
    w
}

#[test]
fn linking_to_a_dead_process_raises_noproc_when_not_trapping() {
    let w = link_to_dead(false);
    assert_eq!(output(&w), ["{error,noproc}", "no message"]);
}

#[test]
fn linking_to_a_dead_process_delivers_an_exit_message_when_trapping() {
    let w = link_to_dead(true);
    assert_eq!(output(&w), ["{'EXIT',<0.1.0>,noproc}"]);
}

#[test]
fn unlink_removes_the_link_and_link_is_idempotent() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let child = p.function("child", &[], |f| {
        f.receive(|r| r.on(Pattern::Wildcard, |_| {}));
        f.raise("exit", Expr::atom("boom"));
    });
    let main = p.function("main", &[], |f| {
        let c = f.local("C");
        f.spawn_with(Some(c), ProcKind::Actor, child, vec![], true, None);
        f.link(c);
        f.link(c);
        f.unlink(c);
        f.send(c, Expr::atom("go"));
        f.receive(|r| r.after(10, |f| f.print(Expr::str("survived"))));
    });
    p.actor("main", main, vec![]);
    let mut w = World::new(p.build(), Options::default()).unwrap();
    // After the spawn_link step there is exactly one link.
    w.step(sim::Choice::Run(sim::ir::Pid(0))).unwrap();
    assert_eq!(w.links(), vec![(sim::ir::Pid(0), sim::ir::Pid(1))]);
    w.step(sim::Choice::Run(sim::ir::Pid(0))).unwrap();
    w.step(sim::Choice::Run(sim::ir::Pid(0))).unwrap();
    assert_eq!(w.links().len(), 1, "linking again changes nothing");
    run_rr(&mut w);
    assert_eq!(output(&w), ["survived"]);
    assert_eq!(reason(&w, 1), Some(atom("boom")));
}

#[test]
fn the_stage_sees_signals_in_flight_and_links() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let child = p.function("child", &[], |f| {
        f.receive(|r| r.on(Pattern::Wildcard, |_| {}));
        f.raise("exit", Expr::atom("boom"));
    });
    let main = p.function("main", &[], |f| {
        let c = f.local("C");
        f.trap_exit(None, true);
        f.spawn_with(Some(c), ProcKind::Actor, child, vec![], true, None);
        f.send(c, Expr::atom("go"));
        f.receive(|r| r.on(Pattern::Wildcard, |_| {}));
    });
    p.actor("main", main, vec![]);
    let mut w = World::new(p.build(), Options::default()).unwrap();
    let (m, c) = (sim::ir::Pid(0), sim::ir::Pid(1));
    w.step(sim::Choice::Run(m)).unwrap(); // trap_exit
    w.step(sim::Choice::Run(m)).unwrap(); // spawn_link
    assert_eq!(w.links(), vec![(m, c)]);
    w.step(sim::Choice::Run(m)).unwrap(); // send go
    w.step(sim::Choice::Run(c)).unwrap(); // child takes go, raises, ends
    assert!(w.links().is_empty());
    let flying: Vec<_> = w.signals_in_flight().collect();
    assert_eq!(flying.len(), 1);
    assert_eq!((flying[0].from, flying[0].to), (c, m));
    assert_eq!(flying[0].value, atom("boom"));
    let deliver = w.enabled_choices();
    assert!(
        deliver.iter().all(|ch| !matches!(ch, sim::Choice::Drop(_))),
        "signals are never lost"
    );
    run_rr(&mut w);
    assert_eq!(w.signals_in_flight().count(), 0);
}

#[test]
fn a_supervisor_restarts_a_crashed_worker_once() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let worker = p.function("worker", &["N"], |f| {
        let n = f.param(0);
        f.if_else(
            Expr::Local(n).eq(1),
            |f| f.raise("error", Expr::atom("boom")),
            move |f| {
                f.print(Expr::Format(vec![
                    sim::ir::FmtPart::Lit("worker ".into()),
                    sim::ir::FmtPart::Show(n.into()),
                    sim::ir::FmtPart::Lit(" done".into()),
                ]))
            },
        );
    });
    let sup = p.function("sup", &[], move |f| {
        let (w1, w2, why) = (f.local("W1"), f.local("W2"), f.local("Why"));
        f.trap_exit(None, true);
        f.spawn_with(
            Some(w1),
            ProcKind::Actor,
            worker,
            vec![Expr::int(1)],
            true,
            None,
        );
        f.receive(|r| {
            r.on(
                Pattern::tuple([
                    Pattern::atom("EXIT"),
                    Pattern::Pin(w1),
                    Pattern::tuple([Pattern::Bind(why), Pattern::Wildcard]),
                ]),
                move |f| {
                    f.print(Expr::Format(vec![
                        sim::ir::FmtPart::Lit("restarting after ".into()),
                        sim::ir::FmtPart::Show(why.into()),
                    ]));
                },
            )
        });
        f.spawn_with(
            Some(w2),
            ProcKind::Actor,
            worker,
            vec![Expr::int(2)],
            true,
            None,
        );
        f.receive(|r| {
            r.on(
                Pattern::tuple([
                    Pattern::atom("EXIT"),
                    Pattern::Pin(w2),
                    Pattern::atom("normal"),
                ]),
                |f| f.print(Expr::str("worker finished normally")),
            )
        });
    });
    p.actor("sup", sup, vec![]);
    let w = World::new(p.build(), Options::default()).unwrap();
    // Every schedule gives the same story.
    let report = explore(&w, ExploreConfig::default());
    assert!(report.complete);
    assert_eq!(report.classes.len(), 1, "{:?}", report.classes);
    let out: Vec<&str> = report.classes[0]
        .outcome
        .output
        .iter()
        .map(|t| t.as_str())
        .collect();
    assert_eq!(
        out,
        [
            "restarting after boom",
            "worker 2 done",
            "worker finished normally"
        ]
    );
    assert!(report.classes[0].outcome.crash, "the first worker crashed");
}
