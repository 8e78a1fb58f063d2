//! Records on the heap (Go structs and pointers): field steps, races on fields, value
//! copies and printing. Expected values are worked out by hand from each program.

mod common;

use common::*;
use sim::ir::Pid;
use sim::ir::{Expr, FmtPart, Local, ProcKind, ProgramBuilder, Style, Value};
use sim::schedule::{run, RoundRobin};
use sim::world::Status;
use sim::{Choice, EventKind, WorldStatus};

/// `type Counter struct { n int }`; `c := &Counter{}`; two goroutines each do `c.n++`
/// (read, add, write); main waits on a WaitGroup and prints `c.n`.
fn shared_counter(locked: bool) -> sim::ir::Program {
    let mut p = ProgramBuilder::new(Style::Go);
    let worker = p.function("worker", &["c", "wg", "mu"], |f| {
        let (c, wg, mu) = (Local(0), Local(1), Local(2));
        let tmp = f.local("tmp");
        if locked {
            f.acquire(mu);
        }
        f.field_read(tmp, c, 0);
        f.eval(tmp, tmp + 1);
        f.field_write(c, 0, tmp);
        if locked {
            f.release(mu);
        }
        f.wg_done(wg);
    });
    let main = p.function("main", &[], |f| {
        let c = f.local("c");
        let wg = f.local("wg");
        let mu = f.local("mu");
        let n = f.local("n");
        f.make_record(c, "Counter", vec![("n", Expr::int(0))]);
        f.make_waitgroup(wg);
        f.make_lock(mu);
        f.wg_add(wg, 2);
        for _ in 0..2 {
            f.spawn(
                None,
                ProcKind::Goroutine,
                worker,
                vec![c.into(), wg.into(), mu.into()],
            );
        }
        f.wg_wait(wg);
        f.field_read(n, c, 0);
        f.print(Expr::Format(vec![
            FmtPart::Lit("n = ".into()),
            FmtPart::Show(n.into()),
        ]));
    });
    p.goroutine("main", main, vec![]);
    p.build()
}

#[test]
fn unlocked_field_increments_race_and_lose_an_update() {
    let mut w = world(shared_counter(false));
    // main: add, spawn, spawn; then g1 reads, g2 reads, g1 writes 1, g2 writes 1 (lost).
    for pid in [0, 0, 0, 1, 2, 1, 2] {
        w.step(Choice::Run(Pid(pid))).unwrap();
    }
    let out = run(&mut w, &mut RoundRobin::new(), 1000);
    assert_eq!(out.status, WorldStatus::Finished);
    let lines: Vec<&str> = w.output().iter().map(|t| t.as_str()).collect();
    assert_eq!(lines, ["n = 1"]);
    assert!(w.has_race());
    assert!(w.has_lost_update());
    let story = story(&w);
    assert!(
        story
            .iter()
            .any(|s| s.ends_with("g1 reads c.n = 0 into tmp")),
        "{story:#?}"
    );
    assert!(
        story
            .iter()
            .any(|s| s.contains("g2 writes c.n = 1 (g1's write of 1 is lost)")),
        "{story:#?}"
    );
}

#[test]
fn locked_field_increments_do_not_race() {
    let mut w = world(shared_counter(true));
    let out = run(&mut w, &mut RoundRobin::new(), 1000);
    assert_eq!(out.status, WorldStatus::Finished);
    let lines: Vec<&str> = w.output().iter().map(|t| t.as_str()).collect();
    assert_eq!(lines, ["n = 2"]);
    assert!(!w.has_race());
    // Every field access is its own step: 2 reads + 2 writes by workers, 1 read by main.
    let field_steps = w
        .trace()
        .iter()
        .filter(|e| match &e.kind {
            EventKind::Read { loc, .. } => w.location_name(*loc) == "c.n",
            EventKind::Write(wr) => w.location_name(wr.loc) == "c.n",
            _ => false,
        })
        .count();
    assert_eq!(field_steps, 5);
}

#[test]
fn a_struct_copy_is_independent_and_prints_like_go() {
    // a := Point{X: 1, Y: 2}; b := a; b.X = 5; fmt.Println(a, b); fmt.Printf("%+v\n", b)
    let mut p = ProgramBuilder::new(Style::Go);
    let main = p.function("main", &[], |f| {
        let a = f.local("a");
        let b = f.local("b");
        f.make_record(a, "Point", vec![("X", Expr::int(1)), ("Y", Expr::int(2))]);
        f.copy_record(b, a);
        f.field_write(b, 0, 5);
        f.print(Expr::Format(vec![
            FmtPart::Show(a.into()),
            FmtPart::Lit(" ".into()),
            FmtPart::Show(b.into()),
        ]));
        f.print(Expr::Format(vec![FmtPart::Fields(b.into())]));
        // Nested struct and a list of structs: {{5 2} [{1 2}]}
        let outer = f.local("outer");
        f.make_record(
            outer,
            "Line",
            vec![("P", b.into()), ("Ps", Expr::list([Expr::from(a)]))],
        );
        f.print(outer);
    });
    p.goroutine("main", main, vec![]);
    let mut w = world(p.build());
    run(&mut w, &mut RoundRobin::new(), 100);
    assert_eq!(w.output_text(), "{1 2} {5 2}\n{X:5 Y:2}\n{{5 2} [{1 2}]}\n");
    let Some(Value::Record(a)) = w.processes()[0].frames()[0].locals.first().cloned() else {
        panic!("a is a record");
    };
    let (ty, fields) = w.record_view(a).unwrap();
    assert_eq!(ty, "Point");
    assert_eq!(fields[0], ("X", &Value::Int(1)));
}

#[test]
fn a_nil_pointer_dereference_crashes_with_gos_wording() {
    // var p *Point; p.X = 1
    let mut p = ProgramBuilder::new(Style::Go);
    let main = p.function("main", &[], |f| {
        let ptr = f.local("p");
        f.set(ptr, Value::Unit);
        f.field_write(ptr, 0, 1);
    });
    p.goroutine("main", main, vec![]);
    let mut w = world(p.build());
    run(&mut w, &mut RoundRobin::new(), 100);
    assert_eq!(
        w.processes()[0].status(),
        &Status::Crashed("invalid memory address or nil pointer dereference".into())
    );
}
