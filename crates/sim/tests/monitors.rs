//! Monitors and references, on programs built with the IR builder. Expected values worked out
//! by hand from the OTP documentation of `monitor/2`, `demonitor/2` and `spawn_monitor/1`.

use sim::ir::{Expr, FuncId, Pattern, ProcKind, ProgramBuilder, Style};
use sim::schedule::{run, RoundRobin};
use sim::{Options, World};

fn run_program(p: ProgramBuilder) -> Vec<String> {
    let mut w = World::new(p.build(), Options::default()).unwrap();
    run(&mut w, &mut RoundRobin::new(), 10_000);
    w.output().iter().map(|t| t.to_string()).collect()
}

/// Waits for `go`, then exits with `boom`.
fn doomed(p: &mut ProgramBuilder) -> FuncId {
    p.function("doomed", &[], |f| {
        f.receive(|r| r.on(Pattern::atom("go"), |_| {}));
        f.raise("exit", Expr::atom("boom"));
    })
}

fn down(r: sim::ir::Local, pid: Pattern, why: Pattern) -> Pattern {
    Pattern::tuple([
        Pattern::atom("DOWN"),
        Pattern::Pin(r),
        Pattern::atom("process"),
        pid,
        why,
    ])
}

#[test]
fn a_monitor_reports_down_with_the_exit_reason() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let child = doomed(&mut p);
    let main = p.function("main", &[], move |f| {
        let (c, r, m) = (f.local("C"), f.local("R"), f.local("M"));
        f.spawn(Some(c), ProcKind::Actor, child, vec![]);
        f.monitor(r, c);
        f.print(Expr::Local(r).show());
        f.send(c, Expr::atom("go"));
        f.receive(|rb| rb.on(Pattern::Bind(m), move |f| f.print(Expr::Local(m).show())));
    });
    p.actor("main", main, vec![]);
    assert_eq!(
        run_program(p),
        [
            "#Ref<0.0.0.0>",
            "{'DOWN',#Ref<0.0.0.0>,process,<0.1.0>,boom}"
        ]
    );
}

#[test]
fn monitoring_a_dead_process_gives_down_with_noproc() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let child = p.function("child", &[], |f| f.ret(None));
    let main = p.function("main", &[], move |f| {
        let (c, r, alive, why) = (f.local("C"), f.local("R"), f.local("Alive"), f.local("Why"));
        f.spawn(Some(c), ProcKind::Actor, child, vec![]);
        f.receive(|rb| rb.after(3, |_| {}));
        f.is_alive(alive, c);
        f.print(Expr::Local(alive).show());
        f.monitor(r, c);
        f.receive(|rb| {
            rb.on(down(r, Pattern::Wildcard, Pattern::Bind(why)), move |f| {
                f.print(Expr::Local(why).show())
            })
        });
    });
    p.actor("main", main, vec![]);
    assert_eq!(run_program(p), ["false", "noproc"]);
}

#[test]
fn demonitor_means_no_down_arrives() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let child = doomed(&mut p);
    let main = p.function("main", &[], move |f| {
        let (c, r, m) = (f.local("C"), f.local("R"), f.local("M"));
        f.spawn(Some(c), ProcKind::Actor, child, vec![]);
        f.monitor(r, c);
        f.demonitor(r, false);
        f.send(c, Expr::atom("go"));
        f.receive(|rb| {
            rb.on(Pattern::Bind(m), move |f| f.print(Expr::Local(m).show()));
            rb.after(10, |f| f.print(Expr::str("no DOWN")));
        });
    });
    p.actor("main", main, vec![]);
    assert_eq!(run_program(p), ["no DOWN"]);
}

#[test]
fn demonitor_with_flush_removes_a_down_already_delivered() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let child = doomed(&mut p);
    let main = p.function("main", &[], move |f| {
        let (c, r, m) = (f.local("C"), f.local("R"), f.local("M"));
        f.spawn(Some(c), ProcKind::Actor, child, vec![]);
        f.monitor(r, c);
        f.send(c, Expr::atom("go"));
        // Long enough for the child to end and its DOWN to arrive.
        f.sleep(5);
        f.demonitor(r, true);
        f.receive(|rb| {
            rb.on(Pattern::Bind(m), move |f| f.print(Expr::Local(m).show()));
            rb.after(0, |f| f.print(Expr::str("mailbox empty")));
        });
    });
    p.actor("main", main, vec![]);
    assert_eq!(run_program(p), ["mailbox empty"]);
}

#[test]
fn spawn_monitor_returns_the_pid_and_a_reference() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let child = p.function("child", &[], |f| f.raise("exit", Expr::atom("boom")));
    let main = p.function("main", &[], move |f| {
        let (c, r, why) = (f.local("C"), f.local("R"), f.local("Why"));
        let other = f.local("Other");
        f.make_ref(other);
        f.spawn_with(Some(c), ProcKind::Actor, child, vec![], false, Some(r));
        f.print(Expr::tuple([c.into(), r.into(), other.into()]).show());
        f.receive(|rb| {
            rb.on(down(r, Pattern::Pin(c), Pattern::Bind(why)), move |f| {
                f.print(Expr::Local(why).show())
            })
        });
    });
    p.actor("main", main, vec![]);
    // make_ref took reference 0, so the monitor's is 1.
    assert_eq!(
        run_program(p),
        ["{<0.1.0>,#Ref<0.0.0.1>,#Ref<0.0.0.0>}", "boom"]
    );
}
