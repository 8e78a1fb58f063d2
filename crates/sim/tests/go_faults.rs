//! Run-time faults with Go's wording next to ours. The Go texts are the messages the Go
//! runtime prints for these faults (its `panic:` and `fatal error:` lines), written out by hand.

mod common;

use common::*;
use sim::ir::{Expr, ProgramBuilder, Style, Value};
use sim::schedule::{run, RoundRobin};
use sim::world::{go_message, go_status_message, Status};
use sim::WorldStatus;

/// Runs `main` alone and returns Go's wording of its crash.
fn crash_of(body: impl FnOnce(&mut sim::ir::FunctionBuilder)) -> Option<String> {
    let mut p = ProgramBuilder::new(Style::Go);
    let main = p.function("main", &[], body);
    p.goroutine("main", main, vec![]);
    let mut w = world(p.build());
    run(&mut w, &mut RoundRobin::new(), 100);
    match w.processes()[0].status() {
        Status::Crashed(reason) => go_message(reason),
        other => panic!("expected a crash, got {other:?}"),
    }
}

#[test]
fn send_on_closed_channel() {
    let go = crash_of(|f| {
        let c = f.local("c");
        f.make_chan(c, Some(Expr::int(1)), 0);
        f.close(c);
        f.chan_send(c, 1);
    });
    assert_eq!(go.as_deref(), Some("panic: send on closed channel"));
}

#[test]
fn unlock_of_unlocked_mutex() {
    let go = crash_of(|f| {
        let mu = f.local("mu");
        f.make_lock(mu);
        f.release(mu);
    });
    assert_eq!(
        go.as_deref(),
        Some("fatal error: sync: unlock of unlocked mutex")
    );
}

#[test]
fn negative_waitgroup_counter() {
    let go = crash_of(|f| {
        let wg = f.local("wg");
        f.make_waitgroup(wg);
        f.wg_done(wg);
    });
    assert_eq!(
        go.as_deref(),
        Some("panic: sync: negative WaitGroup counter")
    );
}

#[test]
fn index_out_of_range() {
    // s := []int{1, 2, 3}; _ = s[5]
    let go = crash_of(|f| {
        let s = f.local("s");
        let v = f.local("v");
        f.set(s, Expr::list([Expr::int(1), Expr::int(2), Expr::int(3)]));
        f.eval(v, Expr::from(s).index(5));
        f.print(v);
    });
    assert_eq!(
        go.as_deref(),
        Some("panic: runtime error: index out of range [5] with length 3")
    );
}

#[test]
fn nil_map_write() {
    // var m map[string]int; m["a"] = 1
    let go = crash_of(|f| {
        let m = f.local("m");
        f.set(m, Value::Unit);
        f.map_write(m, "a", 1);
    });
    assert_eq!(go.as_deref(), Some("panic: assignment to entry in nil map"));
}

#[test]
fn all_goroutines_asleep() {
    let mut p = ProgramBuilder::new(Style::Go);
    let main = p.function("main", &[], |f| {
        let c = f.local("c");
        f.make_chan(c, Some(Expr::int(0)), 0);
        f.chan_recv(c, None, None);
    });
    p.goroutine("main", main, vec![]);
    let mut w = world(p.build());
    run(&mut w, &mut RoundRobin::new(), 100);
    assert_eq!(w.status(), &WorldStatus::Deadlock);
    assert_eq!(
        go_status_message(w.status()),
        Some("fatal error: all goroutines are asleep - deadlock!")
    );
}
