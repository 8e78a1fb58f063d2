//! Property tests on randomly generated small programs.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use sim::ir::{Expr, GlobalId, Pattern, Pid, Program, ProgramBuilder, Style, Value};
use sim::schedule::{run, Random, Replay};
use sim::trace::DropReason;
use sim::{EventKind, Options, Timeline, World};

#[derive(Clone, Debug)]
enum Step {
    Send {
        to: usize,
        v: i64,
    },
    Recv,
    Print(i64),
    LockedIncr {
        lock: usize,
        g: usize,
    },
    ChanSend {
        c: usize,
        v: i64,
    },
    ChanRecv {
        c: usize,
    },
    Select {
        recv: usize,
        send: usize,
        v: i64,
        default: bool,
    },
}

fn step_strategy(procs: usize) -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..procs, 0i64..100).prop_map(|(to, v)| Step::Send { to, v }),
        Just(Step::Recv),
        (0i64..10).prop_map(Step::Print),
        // Each variable has its own lock, as a lock discipline requires.
        (0usize..2).prop_map(|g| Step::LockedIncr { lock: g, g }),
        (0usize..2, 0i64..100).prop_map(|(c, v)| Step::ChanSend { c, v }),
        (0usize..2).prop_map(|c| Step::ChanRecv { c }),
        (0usize..2, 0usize..2, 0i64..100, any::<bool>()).prop_map(|(recv, send, v, default)| {
            Step::Select {
                recv,
                send,
                v,
                default,
            }
        }),
    ]
}

fn program_strategy() -> impl Strategy<Value = (Vec<Vec<Step>>, [u32; 2])> {
    (2usize..=3).prop_flat_map(|n| {
        (
            prop::collection::vec(prop::collection::vec(step_strategy(n), 1..6), n),
            [0u32..2, 0u32..2],
        )
    })
}

fn build(procs: &[Vec<Step>], caps: [u32; 2]) -> Program {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let globals: Vec<GlobalId> = (0..2).map(|i| p.global(&format!("g{i}"), 0)).collect();
    let locks: Vec<GlobalId> = (0..2).map(|i| p.global_lock(&format!("l{i}"))).collect();
    let chans: Vec<GlobalId> = (0..2)
        .map(|i| p.global_chan(&format!("c{i}"), Some(caps[i]), Value::Int(0)))
        .collect();
    for (i, steps) in procs.iter().enumerate() {
        let f = p.function(&format!("p{i}"), &[], |f| {
            let t = f.local("t");
            for s in steps {
                match s {
                    Step::Send { to, v } => f.send(Expr::Const(Value::Pid(Pid(*to as u32))), *v),
                    Step::Recv => f.receive(|r| {
                        r.on(Pattern::Bind(t), |_| {});
                        r.after(2, |_| {});
                    }),
                    Step::Print(v) => f.print(Expr::int(*v).show()),
                    Step::LockedIncr { lock, g } => {
                        f.acquire(locks[*lock]);
                        f.read(t, globals[*g]);
                        f.eval(t, t + 1);
                        f.write(globals[*g], t);
                        f.release(locks[*lock]);
                    }
                    Step::ChanSend { c, v } => f.chan_send(chans[*c], *v),
                    Step::ChanRecv { c } => f.chan_recv(chans[*c], Some(t), None),
                    Step::Select {
                        recv,
                        send,
                        v,
                        default,
                    } => f.select(|s| {
                        s.recv(chans[*recv], Some(t), None, |f| f.print("recv"));
                        s.send(chans[*send], *v, |f| f.print("sent"));
                        if *default {
                            s.default(|f| f.print("default"));
                        }
                    }),
                }
            }
        });
        p.actor(&format!("P{i}"), f, vec![]);
    }
    p.build()
}

/// Everything observable about a world, for equality checks.
fn fingerprint(w: &World) -> String {
    let events: Vec<_> = w.trace().iter().collect();
    let procs: Vec<_> = w
        .processes()
        .iter()
        .map(|p| {
            (
                p.status().clone(),
                p.frames().to_vec(),
                p.mailbox().cloned().collect::<Vec<_>>(),
            )
        })
        .collect();
    format!(
        "{events:?}\n{procs:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        w.shared_state(),
        w.output(),
        w.findings(),
        w.status(),
        w.enabled_choices(),
        w.channels()
    )
}

fn new_world(program: &Program) -> World {
    World::new(program.clone(), Options::default()).expect("generated programs are valid")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn same_choices_give_the_same_trace((procs, caps) in program_strategy(), seed in any::<u64>()) {
        let program = build(&procs, caps);
        let mut a = new_world(&program);
        let out = run(&mut a, &mut Random::new(seed), 500);
        let mut b = new_world(&program);
        run(&mut b, &mut Replay::new(out.schedule.clone()), 500);
        prop_assert_eq!(fingerprint(&a), fingerprint(&b));
        // And through the string form.
        let parsed: sim::Schedule = out.schedule.to_string().parse().unwrap();
        prop_assert_eq!(parsed, out.schedule);
    }

    #[test]
    fn no_message_is_lost_or_duplicated_and_pairs_stay_fifo((procs, caps) in program_strategy(), seed in any::<u64>()) {
        let program = build(&procs, caps);
        let mut w = new_world(&program);
        run(&mut w, &mut Random::new(seed), 500);
        let mut sent = BTreeSet::new();
        let mut received = Vec::new();
        let mut dropped = Vec::new();
        let mut order: BTreeMap<(Pid, Pid), Vec<u32>> = BTreeMap::new();
        for e in w.trace().iter() {
            match &e.kind {
                EventKind::Send { msg, .. } => { sent.insert(msg.0); }
                EventKind::Receive { msg, from, .. } => {
                    received.push(msg.0);
                    order.entry((*from, e.pid)).or_default().push(msg.0);
                }
                EventKind::Drop { msg, why, .. } => {
                    prop_assert_eq!(*why, DropReason::DeadProcess);
                    dropped.push(msg.0);
                }
                _ => {}
            }
        }
        let waiting: Vec<u32> = w.processes().iter().flat_map(|p| p.mailbox().map(|m| m.id.0).collect::<Vec<_>>()).collect();
        let mut accounted: Vec<u32> = received.iter().chain(&dropped).chain(&waiting).copied().collect();
        accounted.sort_unstable();
        let sent: Vec<u32> = sent.into_iter().collect();
        prop_assert_eq!(accounted, sent, "every message is received, waiting or discarded exactly once");
        for ids in order.values() {
            prop_assert!(ids.windows(2).all(|p| p[0] < p[1]), "out of order: {:?}", ids);
        }
        for p in w.processes() {
            let mut per_sender: BTreeMap<Pid, Vec<u32>> = BTreeMap::new();
            for m in p.mailbox() { per_sender.entry(m.from).or_default().push(m.id.0); }
            for ids in per_sender.values() {
                prop_assert!(ids.windows(2).all(|p| p[0] < p[1]));
            }
        }
    }

    #[test]
    fn step_back_then_forward_gives_the_same_state((procs, caps) in program_strategy(), seed in any::<u64>(), back in 1usize..6) {
        let program = build(&procs, caps);
        let mut w = new_world(&program);
        let out = run(&mut w, &mut Random::new(seed), 200);
        let choices = out.schedule.choices(&new_world(&program)).unwrap();
        let mut t = Timeline::with_interval(new_world(&program), 3);
        let mut states = vec![fingerprint(t.world())];
        for c in &choices {
            t.step(*c).unwrap();
            states.push(fingerprint(t.world()));
        }
        let end = t.position();
        for _ in 0..back.min(end) {
            prop_assert!(t.step_back());
            prop_assert_eq!(&fingerprint(t.world()), &states[t.position()]);
        }
        while t.position() < end {
            t.step_forward().unwrap().unwrap();
            prop_assert_eq!(&fingerprint(t.world()), &states[t.position()]);
        }
        t.seek(0).unwrap();
        prop_assert_eq!(&fingerprint(t.world()), &states[0]);
        t.seek(end).unwrap();
        prop_assert_eq!(&fingerprint(t.world()), &states[end]);
    }

    #[test]
    fn indexed_choices_agree_with_the_list((procs, caps) in program_strategy(), seed in any::<u64>(), network in any::<bool>()) {
        let program = build(&procs, caps);
        let opts = Options { network, ..Options::default() };
        let mut w = World::new(program, opts).unwrap();
        let mut rng = sim::schedule::SplitMix64::new(seed);
        for _ in 0..200 {
            let list = w.enabled_choices();
            prop_assert_eq!(w.choice_count(), list.len());
            for (i, c) in list.iter().enumerate() {
                prop_assert_eq!(w.choice_at(i), Some(*c));
                prop_assert_eq!(w.index_of(*c), Some(i));
            }
            prop_assert_eq!(w.choice_at(list.len()), None);
            if list.is_empty() {
                break;
            }
            let c = list[rng.below(list.len() as u64) as usize];
            w.step(c).unwrap();
        }
    }

    #[test]
    fn lock_disciplined_programs_never_race((procs, caps) in program_strategy(), seed in any::<u64>()) {
        // Every shared access in generated programs sits inside a lock region.
        let program = build(&procs, caps);
        let mut w = new_world(&program);
        run(&mut w, &mut Random::new(seed), 500);
        prop_assert!(!w.has_race(), "{:?}", w.findings());
        prop_assert!(!w.has_lost_update());
    }

    #[test]
    fn accesses_ordered_by_messages_or_channels_never_race(n in 2usize..5, use_channels in any::<bool>(), seed in any::<u64>()) {
        let program = relay(n, use_channels);
        let opts = Options { main_exit_ends_program: Some(false), ..Options::default() };
        let mut w = World::new(program, opts).unwrap();
        run(&mut w, &mut Random::new(seed), 1000);
        prop_assert!(w.is_over());
        prop_assert_eq!(w.global("x"), Some(&Value::Int(n as i64)));
        prop_assert!(!w.has_race(), "{:?}", w.findings());
    }

    #[test]
    fn unordered_increments_always_race(seed in any::<u64>()) {
        let mut w = new_world(&common::racy_counter(2, 1));
        run(&mut w, &mut Random::new(seed), 100);
        prop_assert!(w.has_race());
    }
}

/// A relay: process i waits for a token from i-1 (message or channel), increments x, then
/// passes the token on. Every access to x is ordered by the token.
fn relay(n: usize, use_channels: bool) -> Program {
    let mut p = ProgramBuilder::new(if use_channels {
        Style::Go
    } else {
        Style::Erlang
    });
    let x = p.global("x", 0);
    let chans: Vec<GlobalId> = (0..n)
        .map(|i| p.global_chan(&format!("c{i}"), Some((i % 2) as u32), Value::Int(0)))
        .collect();
    for i in 0..n {
        let f = p.function(&format!("r{i}"), &[], |f| {
            let t = f.local("t");
            if i > 0 {
                if use_channels {
                    f.chan_recv(chans[i - 1], None, None);
                } else {
                    f.receive(|r| r.on(Pattern::Wildcard, |_| {}));
                }
            }
            f.read(t, x);
            f.write(x, t + 1);
            if i + 1 < n {
                if use_channels {
                    f.chan_send(chans[i], 1);
                } else {
                    f.send(
                        Expr::Const(Value::Pid(Pid(i as u32 + 1))),
                        Expr::atom("token"),
                    );
                }
            }
        });
        p.process(
            if use_channels {
                sim::ir::ProcKind::Goroutine
            } else {
                sim::ir::ProcKind::Actor
            },
            None,
            f,
            vec![],
        );
    }
    p.build()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// On random small programs the state explorer and schedule-by-schedule enumeration agree
    /// on the outcomes and the exact number of schedules per outcome.
    #[test]
    fn state_explorer_counts_every_schedule((procs, caps) in program_strategy(), network in any::<bool>()) {
        let options = Options { network, ..Options::default() };
        let w = World::new(build(&procs, caps), options).unwrap();
        let config = sim::ExploreConfig::default();
        let reference = common::brute::enumerate(&w, &config, 20_000);
        prop_assume!(reference.complete);
        let report = sim::explore(&w, sim::ExploreConfig { exact_keys: true, ..config });
        prop_assert!(report.complete);
        let got: BTreeMap<_, _> = report.classes.iter().map(|c| (c.outcome.clone(), c.count)).collect();
        let want: BTreeMap<_, _> = reference.classes.iter().map(|(o, (n, _))| (o.clone(), *n)).collect();
        prop_assert_eq!(got, want);
        prop_assert_eq!(report.schedules, reference.schedules);
    }

    /// Sleep sets never lose an outcome: on random small programs the reduced search finds
    /// exactly the outcomes of the unreduced one.
    #[test]
    fn sleep_sets_find_every_outcome((procs, caps) in program_strategy(), network in any::<bool>()) {
        let options = Options { network, ..Options::default() };
        let w = World::new(build(&procs, caps), options).unwrap();
        let full = sim::explore(&w, sim::ExploreConfig::default());
        prop_assume!(full.complete);
        let reduced = sim::explore(&w, sim::ExploreConfig {
            reduction: sim::explore::Reduction::SleepSets,
            ..sim::ExploreConfig::default()
        });
        prop_assert!(reduced.complete);
        let want: std::collections::BTreeSet<_> = full.classes.iter().map(|c| c.outcome.clone()).collect();
        let got: std::collections::BTreeSet<_> = reduced.classes.iter().map(|c| c.outcome.clone()).collect();
        prop_assert_eq!(got, want);
    }
}
