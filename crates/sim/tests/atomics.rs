//! `sync/atomic` on shared locations: atomic read-modify-writes never race or lose updates,
//! and they order plain memory accesses as Go's memory model says. Expected values are worked
//! out by hand.

mod common;

use common::*;
use sim::ir::{AtomicKind, Expr, FmtPart, Local, Place, ProcKind, ProgramBuilder, Style, Value};
use sim::schedule::{run, Random};
use sim::WorldStatus;

fn lines(w: &sim::World) -> Vec<String> {
    w.output().iter().map(|t| t.to_string()).collect()
}

#[test]
fn atomic_adds_from_many_goroutines_never_race_or_lose_updates() {
    let mut p = ProgramBuilder::new(Style::Go);
    let count = p.global("count", Value::Int(0));
    let worker = p.function("worker", &["wg"], move |f| {
        for _ in 0..2 {
            f.atomic(None, Place::Global(count), AtomicKind::Add(Expr::int(1)));
        }
        f.wg_done(Local(0));
    });
    let main = p.function("main", &[], move |f| {
        let wg = f.local("wg");
        let n = f.local("n");
        f.make_waitgroup(wg);
        f.wg_add(wg, 3);
        for _ in 0..3 {
            f.spawn(None, ProcKind::Goroutine, worker, vec![wg.into()]);
        }
        f.wg_wait(wg);
        f.atomic(Some(n), Place::Global(count), AtomicKind::Load);
        f.print(Expr::Format(vec![FmtPart::Show(n.into())]));
    });
    p.goroutine("main", main, vec![]);
    let program = p.build();
    for seed in 0..10 {
        let mut w = world(program.clone());
        let out = run(&mut w, &mut Random::new(seed), 1000);
        assert_eq!(out.status, WorldStatus::Finished);
        assert_eq!(lines(&w), ["6"], "seed {seed}");
        assert!(!w.has_race() && !w.has_lost_update(), "seed {seed}");
    }
}

#[test]
fn compare_and_swap_swaps_only_on_a_match() {
    let mut p = ProgramBuilder::new(Style::Go);
    let slot = p.global("slot", Value::Int(10));
    let main = p.function("main", &[], move |f| {
        let (a, b, old, v) = (f.local("a"), f.local("b"), f.local("old"), f.local("v"));
        let cas = |x: i64, y: i64| AtomicKind::CompareAndSwap(Expr::int(x), Expr::int(y));
        f.atomic(Some(a), Place::Global(slot), cas(10, 20));
        f.atomic(Some(b), Place::Global(slot), cas(10, 30));
        f.atomic(
            Some(old),
            Place::Global(slot),
            AtomicKind::Swap(Expr::int(7)),
        );
        f.atomic(Some(v), Place::Global(slot), AtomicKind::Add(Expr::int(-5)));
        let mut parts = Vec::new();
        for (i, l) in [a, b, old, v].into_iter().enumerate() {
            if i > 0 {
                parts.push(FmtPart::Lit(" ".into()));
            }
            parts.push(FmtPart::Show(l.into()));
        }
        f.print(Expr::Format(parts));
    });
    p.goroutine("main", main, vec![]);
    let mut w = world(p.build());
    run(&mut w, &mut Random::new(1), 100);
    assert_eq!(lines(&w), ["true false 20 2"]);
}

/// A producer writes `data` plainly, then publishes with an atomic store of `ready`; main
/// spins on an atomic load of `ready`, then reads `data` plainly. With `atomic_flag` false
/// the flag is a plain variable and both the flag and `data` race.
fn publish(atomic_flag: bool) -> sim::ir::Program {
    let mut p = ProgramBuilder::new(Style::Go);
    let data = p.global("data", Value::Int(0));
    let ready = p.global("ready", Value::Int(0));
    let producer = p.function("producer", &[], move |f| {
        f.write(data, 42);
        if atomic_flag {
            f.atomic(None, Place::Global(ready), AtomicKind::Store(Expr::int(1)));
        } else {
            f.write(ready, 1);
        }
    });
    let main = p.function("main", &[], move |f| {
        let flag = f.local("flag");
        let tmp = f.local("tmp");
        f.spawn(None, ProcKind::Goroutine, producer, vec![]);
        let top = f.label();
        f.bind(top);
        if atomic_flag {
            f.atomic(Some(flag), Place::Global(ready), AtomicKind::Load);
        } else {
            f.read(flag, ready);
        }
        f.jump_unless(Expr::Local(flag).eq(Expr::int(1)), top);
        f.read(tmp, data);
        f.print(Expr::Format(vec![FmtPart::Show(tmp.into())]));
    });
    p.goroutine("main", main, vec![]);
    p.build()
}

#[test]
fn an_atomic_store_and_load_order_the_plain_accesses_around_them() {
    for seed in 0..10 {
        let mut w = world(publish(true));
        run(&mut w, &mut Random::new(seed), 1000);
        assert_eq!(lines(&w), ["42"]);
        assert!(!w.has_race(), "seed {seed}");
        let mut plain = world(publish(false));
        run(&mut plain, &mut Random::new(seed), 1000);
        assert!(plain.has_race(), "seed {seed}");
    }
}
