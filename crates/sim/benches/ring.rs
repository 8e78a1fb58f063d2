//! Ring of processes (actors and channels) and a spawn tree, with full trace recording.
//!
//! `cargo bench -p sim`. Criterion reports hops per second as "elements/s"; each benchmark
//! also prints its own figure once.

use std::hint::black_box;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sim::ir::{Expr, Pattern, ProcKind, Program, ProgramBuilder, Style, Value};
use sim::schedule::{run, RoundRobin};
use sim::trace::EventKind;
use sim::{Budgets, Options, World, WorldStatus};

const NODES: i64 = 1_000;
const LAPS: i64 = 1_000;
const TREE: i64 = 100_000;

/// `nodes` actors in a ring pass a token `laps` times around: `nodes * laps` hops.
fn actor_ring(nodes: i64, laps: i64) -> Program {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let node = p.function("node", &["Next", "Laps"], |f| {
        let next = f.param(0);
        let v = f.local("V");
        f.repeat(f.param(1), |f| {
            f.receive(|r| {
                r.on(
                    Pattern::tuple([Pattern::atom("token"), Pattern::Bind(v)]),
                    move |f| {
                        f.send(next, Expr::tuple([Expr::atom("token"), v + 1]));
                    },
                );
            });
        });
    });
    let main = p.function("main", &["N", "Laps"], |f| {
        let next = f.local("Next");
        let v = f.local("V");
        f.set(next, Expr::SelfPid);
        f.repeat(f.param(0) - 1, |f| {
            f.spawn(
                Some(next),
                ProcKind::Actor,
                node,
                vec![next.into(), f.param(1).into()],
            );
        });
        f.send(next, Expr::tuple([Expr::atom("token"), Expr::int(0)]));
        f.repeat(f.param(1) - 1, |f| {
            f.receive(|r| {
                r.on(
                    Pattern::tuple([Pattern::atom("token"), Pattern::Bind(v)]),
                    move |f| {
                        f.send(next, Expr::tuple([Expr::atom("token"), v + 1]));
                    },
                );
            });
        });
        f.receive(|r| r.on(Pattern::Wildcard, |_| {}));
    });
    p.actor("main", main, vec![Value::Int(nodes), Value::Int(laps)]);
    p.build()
}

/// `nodes` goroutines in a ring of unbuffered channels: `nodes * laps` hand-offs.
fn channel_ring(nodes: i64, laps: i64) -> Program {
    let mut p = ProgramBuilder::new(Style::Go);
    let node = p.function("node", &["in", "out", "laps"], |f| {
        let v = f.local("v");
        let (input, output) = (f.param(0), f.param(1));
        f.repeat(f.param(2), |f| {
            f.chan_recv(input, Some(v), None);
            f.chan_send(output, v + 1);
        });
    });
    let main = p.function("main", &["n", "laps"], |f| {
        let first = f.local("first");
        let input = f.local("in");
        let out = f.local("out");
        let v = f.local("v");
        f.make_chan(first, Some(Expr::int(0)), 0);
        f.set(input, first);
        f.repeat(f.param(0) - 1, |f| {
            f.make_chan(out, Some(Expr::int(0)), 0);
            f.spawn(
                None,
                ProcKind::Goroutine,
                node,
                vec![input.into(), out.into(), f.param(1).into()],
            );
            f.set(input, out);
        });
        f.chan_send(first, 0);
        f.repeat(f.param(1) - 1, |f| {
            f.chan_recv(input, Some(v), None);
            f.chan_send(first, v + 1);
        });
        f.chan_recv(input, Some(v), None);
    });
    p.goroutine("main", main, vec![Value::Int(nodes), Value::Int(laps)]);
    p.build()
}

/// A binary tree of `n` processes, each spawning its children.
fn spawn_tree(n: i64) -> Program {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let tree = p.declare("tree");
    p.define(tree, &["N"], |f| {
        let n = f.param(0);
        let left = f.local("Left");
        let right = f.local("Right");
        f.set(left, (n - 1) / 2);
        f.set(right, n - 1 - Expr::Local(left));
        f.if_(Expr::Local(left).gt(0), |f| {
            f.spawn(None, ProcKind::Actor, tree, vec![left.into()]);
        });
        f.if_(Expr::Local(right).gt(0), |f| {
            f.spawn(None, ProcKind::Actor, tree, vec![right.into()]);
        });
    });
    p.actor("root", tree, vec![Value::Int(n)]);
    p.build()
}

fn options() -> Options {
    Options {
        budgets: Budgets::generous(),
        record_trace: true,
        ..Options::default()
    }
}

fn run_program(program: &Program) -> World {
    let mut w = World::new(program.clone(), options()).expect("valid");
    let out = run(&mut w, &mut RoundRobin::new(), u64::MAX);
    assert!(
        matches!(out.status, WorldStatus::Finished | WorldStatus::Idle),
        "{:?}",
        out.status
    );
    w
}

/// Hops in a run, counted from its trace: every message an actor took from its mailbox and
/// every value a channel handed over. The figure printed comes from what ran, not from the
/// ring's configured size.
fn hops_in(w: &World) -> u64 {
    w.trace()
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EventKind::Receive { .. }
                    | EventKind::Rendezvous { .. }
                    | EventKind::ChanRecv { ok: true, .. }
            )
        })
        .count() as u64
}

fn report_once(name: &str, program: &Program, ring: Option<i64>) {
    let t = Instant::now();
    let w = run_program(program);
    let secs = t.elapsed().as_secs_f64();
    match ring {
        Some(expected) => {
            let hops = hops_in(&w);
            // Worked out by hand: the token goes round `laps` times through `nodes` members,
            // one receive per member per lap (main's last receive included).
            assert_eq!(hops, expected as u64, "{name}: hops counted in the trace");
            println!(
                "{name}: {hops} hops in {secs:.2} s = {:.0} hops/s ({} steps, {} events)",
                hops as f64 / secs,
                w.step_count(),
                w.trace().len()
            )
        }
        None => println!(
            "{name}: {} processes in {secs:.2} s ({} steps, {} events)",
            w.processes().len(),
            w.step_count(),
            w.trace().len()
        ),
    }
}

fn benches(c: &mut Criterion) {
    let actors = actor_ring(NODES, LAPS);
    let channels = channel_ring(NODES, LAPS);
    let tree = spawn_tree(TREE);
    report_once("actor ring", &actors, Some(NODES * LAPS));
    report_once("channel ring", &channels, Some(NODES * LAPS));
    report_once("spawn tree", &tree, None);

    let mut g = c.benchmark_group("ring");
    g.sample_size(10);
    g.throughput(Throughput::Elements((NODES * LAPS) as u64));
    g.bench_function("actors 1000x1000", |b| {
        b.iter(|| black_box(run_program(&actors)))
    });
    g.bench_function("channels 1000x1000", |b| {
        b.iter(|| black_box(run_program(&channels)))
    });
    g.finish();

    let mut g = c.benchmark_group("spawn");
    g.sample_size(10);
    g.throughput(Throughput::Elements(TREE as u64));
    g.bench_function("tree 100k", |b| b.iter(|| black_box(run_program(&tree))));
    g.finish();
}

criterion_group!(sim_benches, benches);
criterion_main!(sim_benches);
