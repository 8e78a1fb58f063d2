//! The simulator's side of `make bench`: the ring and the racy counter, built with the
//! `sim::ir` builder, plus the one-line result format every runner prints.
//!
//! Timing stays in the callers (`std::time::Instant` natively, `performance.now()` in the
//! browser), so the same code runs on both targets.

use sim::explore::Ending;
use sim::ir::{Expr, Pattern, ProcKind, Program, ProgramBuilder, Style, Value};
use sim::schedule::{run, RoundRobin};
use sim::{explore, Budgets, EventKind, ExploreConfig, Options, Report, World, WorldStatus};

/// Processes in the ring, main included.
pub const NODES: i64 = 1_000;
/// Times the token goes round.
pub const LAPS: i64 = 1_000;
/// Message hops in one ring run: every process forwards the token once per lap.
pub const HOPS: u64 = (NODES * LAPS) as u64;

/// Which kind of ring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ring {
    /// Erlang-style actors passing a `{token, V}` message.
    Actors,
    /// Goroutines handing the token over unbuffered channels.
    Channels,
}

impl Ring {
    /// Both rings, in the order the table lists them.
    pub const ALL: [Ring; 2] = [Ring::Actors, Ring::Channels];

    /// The name used in result lines.
    pub fn name(self) -> &'static str {
        match self {
            Ring::Actors => "actor-ring",
            Ring::Channels => "channel-ring",
        }
    }

    /// The ring program with `nodes` processes and `laps` laps.
    pub fn program(self, nodes: i64, laps: i64) -> Program {
        match self {
            Ring::Actors => actor_ring(nodes, laps),
            Ring::Channels => channel_ring(nodes, laps),
        }
    }
}

/// `nodes` actors in a ring pass a token `laps` times around: `nodes * laps` sends.
///
/// The same shape as `benches/ring.erl`: main spawns the other `nodes - 1`, each pointing at
/// the one spawned before it (the first at main), sends the token, and forwards it `laps - 1`
/// times before taking it back for good.
pub fn actor_ring(nodes: i64, laps: i64) -> Program {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let node = p.function("node", &["Next", "Laps"], |f| {
        let next = f.param(0);
        let v = f.local("V");
        f.repeat(f.param(1), |f| {
            f.receive(|r| {
                r.on(
                    Pattern::tuple([Pattern::atom("token"), Pattern::Bind(v)]),
                    move |f| f.send(next, Expr::tuple([Expr::atom("token"), v + 1])),
                );
            });
        });
    });
    let main = p.function("main", &["N", "Laps"], |f| {
        let next = f.local("Next");
        let v = f.local("V");
        f.set(next, Expr::SelfPid);
        f.repeat(f.param(0) - 1, |f| {
            let args = vec![next.into(), f.param(1).into()];
            f.spawn(Some(next), ProcKind::Actor, node, args);
        });
        f.send(next, Expr::tuple([Expr::atom("token"), Expr::int(0)]));
        f.repeat(f.param(1) - 1, |f| {
            f.receive(|r| {
                r.on(
                    Pattern::tuple([Pattern::atom("token"), Pattern::Bind(v)]),
                    move |f| f.send(next, Expr::tuple([Expr::atom("token"), v + 1])),
                );
            });
        });
        f.receive(|r| r.on(Pattern::Wildcard, |_| {}));
    });
    p.actor("main", main, vec![Value::Int(nodes), Value::Int(laps)]);
    p.build()
}

/// `nodes` goroutines in a ring of unbuffered channels: `nodes * laps` hand-offs, the same
/// shape as `benches/ring.go`.
pub fn channel_ring(nodes: i64, laps: i64) -> Program {
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
            let args = vec![input.into(), out.into(), f.param(1).into()];
            f.spawn(None, ProcKind::Goroutine, node, args);
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

/// Builds a world for `program` with the full trace on (as the app runs it) and budgets large
/// enough for a million hops, and runs it round-robin to the end. This is the timed part; the
/// caller drops the world after stopping the clock.
pub fn run_ring(program: &Program) -> World {
    let options = Options {
        budgets: Budgets::generous(),
        record_trace: true,
        ..Options::default()
    };
    let mut world = World::new(program.clone(), options).expect("the ring is a valid program");
    let outcome = run(&mut world, &mut RoundRobin::new(), u64::MAX);
    assert!(
        matches!(outcome.status, WorldStatus::Finished | WorldStatus::Idle),
        "the ring did not finish: {:?}",
        outcome.status
    );
    world
}

/// Hops the trace shows: actor sends plus channel hand-offs. Checks, after the clock stops,
/// that the run did the work it is credited with.
pub fn ring_hops(world: &World) -> u64 {
    world
        .trace()
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EventKind::Send { .. } | EventKind::Rendezvous { .. }
            )
        })
        .count() as u64
}

/// The racy counter, built once in the simulator: each increment a separate load and store,
/// like `examples/loom_counter.rs`.
pub use sim::examples::racy_counter;

/// The counter's world, ready to explore.
pub fn counter_world(threads: usize, increments: i64) -> World {
    World::new(racy_counter(threads, increments), Options::default())
        .expect("the counter is a valid program")
}

/// Explores every schedule of `world` with no bound that could cut it. This is the timed part.
pub fn explore_all(world: &World) -> Report {
    let config = ExploreConfig {
        max_states: u64::MAX,
        ..ExploreConfig::default()
    };
    explore(world, config)
}

/// Final `count` values and how many schedules end at each, smallest first.
pub fn count_histogram(report: &Report) -> Vec<(i64, u64)> {
    let mut hist = std::collections::BTreeMap::new();
    for class in &report.classes {
        assert_eq!(class.outcome.ending, Ending::Finished);
        for (name, value) in &class.outcome.values {
            if let (true, Value::Int(n)) = (name == "count", value) {
                *hist.entry(*n).or_insert(0) += class.count;
            }
        }
    }
    hist.into_iter().collect()
}

/// The line every runner prints, which `scripts/bench.sh` collects: `seconds` is the timed
/// part only, `work` is hops or schedules.
pub fn result_line(name: &str, seconds: f64, work: u64, note: &str) -> String {
    format!("result name={name} seconds={seconds:.6} work={work} {note}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_rings_make_every_hop() {
        for ring in Ring::ALL {
            let world = run_ring(&ring.program(5, 3));
            assert_eq!(ring_hops(&world), 15, "{ring:?}");
        }
    }

    #[test]
    fn the_counter_has_the_oracle_count() {
        let report = explore_all(&counter_world(2, 3));
        assert!(report.complete);
        assert_eq!(report.schedules, 924);
        let want = vec![(2, 8), (3, 300), (4, 416), (5, 180), (6, 20)];
        assert_eq!(count_histogram(&report), want);
    }
}
