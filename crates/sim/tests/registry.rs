//! Registered names, on programs built with the IR builder. Expected values worked out by
//! hand from the Erlang reference manual (register/2, whereis/1, registered/0, `Name ! Msg`).

use sim::ir::{Expr, Pattern, Pid, ProcKind, ProgramBuilder, Style, Value};
use sim::schedule::{run, RoundRobin};
use sim::world::Status;
use sim::{Options, World};

fn run_world(p: ProgramBuilder) -> World {
    let mut w = World::new(p.build(), Options::default()).unwrap();
    run(&mut w, &mut RoundRobin::new(), 10_000);
    w
}

fn output(w: &World) -> Vec<String> {
    w.output().iter().map(|t| t.to_string()).collect()
}

#[test]
fn a_registered_name_reaches_the_process() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let server = p.function("server", &[], |f| {
        let m = f.local("M");
        f.receive(|r| r.on(Pattern::Bind(m), move |f| f.print(Expr::Local(m).show())));
    });
    let main = p.function("main", &[], move |f| {
        let (s, found, names) = (f.local("S"), f.local("Found"), f.local("Names"));
        f.spawn(Some(s), ProcKind::Actor, server, vec![]);
        f.register(Expr::atom("srv"), s);
        f.whereis(found, Expr::atom("srv"));
        f.registered(names);
        f.print(Expr::tuple([Expr::Local(found).eq(s), names.into()]).show());
        f.send(Expr::atom("srv"), Expr::atom("hello"));
    });
    p.actor("main", main, vec![]);
    let w = run_world(p);
    assert_eq!(output(&w), ["{true,[srv]}", "hello"]);
    // The server ended, so its name is gone.
    assert_eq!(w.whereis("srv"), None);
}

#[test]
fn sending_to_an_unregistered_name_is_a_badarg_crash_of_the_sender() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let main = p.function("main", &[], |f| {
        f.send(Expr::atom("nobody"), Expr::atom("hello"));
        f.print(Expr::str("unreachable"));
    });
    p.actor("main", main, vec![]);
    let w = run_world(p);
    assert!(output(&w).is_empty());
    let proc0 = w.process(Pid(0)).unwrap();
    match proc0.status() {
        Status::Crashed(why) => assert!(why.starts_with("bad argument"), "{why}"),
        other => panic!("expected a crash, got {other:?}"),
    }
    match proc0.exit_reason() {
        Some(Value::Tuple(t)) => assert_eq!(t.items()[0], Value::atom("badarg")),
        other => panic!("expected {{badarg, Stack}}, got {other:?}"),
    }
}

#[test]
fn registering_a_taken_name_and_unregistering_twice_raise_badarg() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let idle = p.function("idle", &[], |f| {
        f.receive(|r| r.on(Pattern::Wildcard, |_| {}))
    });
    let main = p.function("main", &[], move |f| {
        let (a, b, found) = (f.local("A"), f.local("B"), f.local("Found"));
        let (class, why, stack) = (f.local("Class"), f.local("Why"), f.local("Stack"));
        f.spawn(Some(a), ProcKind::Actor, idle, vec![]);
        f.spawn(Some(b), ProcKind::Actor, idle, vec![]);
        f.register(Expr::atom("srv"), a);
        f.try_catch(
            class,
            why,
            stack,
            |f| f.register(Expr::atom("srv"), b),
            move |f| f.print(Expr::tuple([class.into(), why.into()]).show()),
        );
        f.unregister(Expr::atom("srv"));
        f.whereis(found, Expr::atom("srv"));
        f.print(Expr::Local(found).show());
        f.try_catch(
            class,
            why,
            stack,
            |f| f.unregister(Expr::atom("srv")),
            move |f| f.print(Expr::tuple([class.into(), why.into()]).show()),
        );
    });
    p.actor("main", main, vec![]);
    let w = run_world(p);
    assert_eq!(
        output(&w),
        ["{error,badarg}", "undefined", "{error,badarg}"]
    );
}
