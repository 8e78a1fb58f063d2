//! One test per semantic rule of the simulator.

mod common;

use common::*;
use sim::detect::{BudgetKind, Finding};
use sim::ir::{
    BinOp, Builtin, Expr, NoMatch, Pattern, ProcKind, Program, ProgramBuilder, Style, Text, Value,
};
use sim::schedule::{run, RoundRobin};
use sim::world::{BlockReason, Status};
use sim::{
    explore, Budgets, Choice, EventKind, ExploreConfig, Options, Overflow, World, WorldStatus,
};

fn run_rr(w: &mut World) {
    run(w, &mut RoundRobin::new(), 100_000);
}

fn output(w: &World) -> Vec<String> {
    w.output().iter().map(|t| t.to_string()).collect()
}

fn outputs_of_all_schedules(program: Program) -> Vec<Vec<String>> {
    let w = world(program);
    let report = explore(&w, ExploreConfig::default());
    assert!(report.complete);
    report
        .classes
        .iter()
        .map(|c| c.outcome.output.iter().map(|t| t.to_string()).collect())
        .collect()
}

fn crash_reason(w: &World, name: &str) -> String {
    let p = w
        .processes()
        .iter()
        .find(|p| p.name() == name)
        .expect("process exists");
    match p.status() {
        Status::Crashed(r) => r.to_string(),
        other => panic!("{name} did not crash: {other:?}"),
    }
}

// ---- step granularity ----

#[test]
fn a_first_step_is_the_first_visible_action() {
    let mut p = ProgramBuilder::new(Style::Python);
    let f = p.function("f", &[], |f| {
        let x = f.local("x");
        f.eval(x, 1);
        f.eval(x, x + 1);
        f.print(Expr::Local(x).show());
        f.eval(x, x * 10);
        f.print(Expr::Local(x).show());
    });
    p.thread("T1", f, vec![]);
    let mut w = world(p.build());
    assert!(
        w.trace().is_empty(),
        "nothing happens before the first step"
    );
    let events = w.step(Choice::Run(sim::ir::Pid(0))).unwrap().to_vec();
    assert_eq!(events.len(), 1);
    assert_eq!(
        events[0].kind,
        EventKind::Print {
            text: Text::new("2"),
            newline: true,
        }
    );
    // The exit happens inside the step of the last visible action.
    let events = w.step(Choice::Run(sim::ir::Pid(0))).unwrap().to_vec();
    assert_eq!(events.len(), 2);
    assert_eq!(events[1].kind, EventKind::Exit);
    assert_eq!(w.status(), &WorldStatus::Finished);
}

#[test]
fn a_process_without_visible_actions_exits_in_its_first_step() {
    let mut p = ProgramBuilder::new(Style::Python);
    let f = p.function("f", &[], |f| {
        let x = f.local("x");
        f.eval(x, 1);
    });
    p.thread("T1", f, vec![]);
    let mut w = world(p.build());
    assert_eq!(w.enabled_choices(), vec![Choice::Run(sim::ir::Pid(0))]);
    let events = w.step(Choice::Run(sim::ir::Pid(0))).unwrap();
    assert_eq!(events[0].kind, EventKind::Exit);
}

#[test]
fn expand_mode_makes_the_add_its_own_step() {
    let w = world_with(
        racy_counter(2, 1),
        Options {
            expand: true,
            ..Options::default()
        },
    );
    let report = explore(&w, ExploreConfig::default());
    // 3 steps per thread: C(6, 3).
    assert_eq!(report.schedules, 20);
    let mut w = w.clone();
    run_rr(&mut w);
    assert!(story(&w).iter().any(|l| l.ends_with("T1 computes tmp = 1")));
}

#[test]
fn a_blocked_process_cannot_be_stepped() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let f = p.function("waiter", &[], |f| {
        f.receive(|r| r.on(Pattern::Wildcard, |_| {}))
    });
    p.actor("main", f, vec![]);
    p.actor("other", f, vec![]);
    let mut w = world_with(
        p.build(),
        Options {
            idle_receive_is_deadlock: true,
            ..Options::default()
        },
    );
    assert_eq!(w.status(), &WorldStatus::Deadlock);
    assert!(w.step(Choice::Run(sim::ir::Pid(0))).is_err());
}

// ---- shared memory, locks ----

#[test]
fn racy_counter_can_lose_an_update_and_detectors_fire_at_the_right_steps() {
    let mut w = world(racy_counter(2, 1));
    // T1 read, T2 read, T1 write, T2 write.
    let t1 = Choice::Run(sim::ir::Pid(0));
    let t2 = Choice::Run(sim::ir::Pid(1));
    for c in [t1, t2, t1, t2] {
        w.step(c).unwrap();
    }
    assert_eq!(w.global("count"), Some(&int(1)));
    let mut races = Vec::new();
    let mut lost = Vec::new();
    for f in w.findings() {
        match f {
            Finding::Race { first, second, .. } => races.push((first.step, second.step)),
            Finding::LostUpdate { step, lost: l, .. } => lost.push((*step, l.step)),
            _ => {}
        }
    }
    assert_eq!(
        lost,
        vec![(4, 3)],
        "T2's write at step 4 loses T1's write at step 3"
    );
    assert!(
        races.contains(&(2, 3)),
        "T2's read (2) vs T1's write (3): {races:?}"
    );
    assert!(races.contains(&(3, 4)), "the two writes: {races:?}");
    assert!(story(&w)
        .iter()
        .any(|l| l.ends_with("T2 writes count = 1 (T1's write of 1 is lost)")));
}

#[test]
fn release_by_a_non_owner_crashes() {
    let mut p = ProgramBuilder::new(Style::Python);
    let lock = p.global_lock("lock");
    let f = p.function("f", &[], |f| f.release(lock));
    p.thread("T1", f, vec![]);
    let mut w = world(p.build());
    run_rr(&mut w);
    assert_eq!(
        crash_reason(&w, "T1"),
        "release of lock lock, which is not locked"
    );

    let mut p = ProgramBuilder::new(Style::Python);
    let lock = p.global_lock("lock");
    let holder = p.function("holder", &[], |f| {
        f.acquire(lock);
        f.print("held");
    });
    let thief = p.function("thief", &[], |f| f.release(lock));
    p.thread("T1", holder, vec![]);
    p.thread("T2", thief, vec![]);
    let mut w = world(p.build());
    w.step(Choice::Run(sim::ir::Pid(0))).unwrap();
    w.step(Choice::Run(sim::ir::Pid(1))).unwrap();
    assert_eq!(
        crash_reason(&w, "T2"),
        "release of lock lock, which is held by T1"
    );
}

#[test]
fn lock_waiters_block_with_the_holder_named() {
    let w = {
        let mut w = world(lock_counter(2, 1));
        w.step(Choice::Run(sim::ir::Pid(0))).unwrap();
        w
    };
    let t2 = w.process(sim::ir::Pid(1)).unwrap();
    assert_eq!(
        t2.status(),
        &Status::Blocked(BlockReason::Lock {
            lock: sim::ir::LockId(0),
            holder: Some(sim::ir::Pid(0))
        })
    );
    assert_eq!(w.enabled_choices(), vec![Choice::Run(sim::ir::Pid(0))]);
}

#[test]
fn two_locks_in_opposite_order_deadlock_with_a_cycle() {
    let mut p = ProgramBuilder::new(Style::Python);
    let a = p.global_lock("a");
    let b = p.global_lock("b");
    let ab = p.function("ab", &[], |f| {
        f.acquire(a);
        f.acquire(b);
        f.release(b);
        f.release(a);
    });
    let ba = p.function("ba", &[], |f| {
        f.acquire(b);
        f.acquire(a);
        f.release(a);
        f.release(b);
    });
    p.thread("T1", ab, vec![]);
    p.thread("T2", ba, vec![]);
    let mut w = world(p.build());
    w.step(Choice::Run(sim::ir::Pid(0))).unwrap();
    w.step(Choice::Run(sim::ir::Pid(1))).unwrap();
    assert_eq!(w.status(), &WorldStatus::Deadlock);
    let Some(Finding::Deadlock(report)) = w.findings().last() else {
        panic!("no deadlock finding");
    };
    assert_eq!(report.cycle, Some(vec![sim::ir::Pid(0), sim::ir::Pid(1)]));
    let last = story(&w).pop().unwrap();
    assert!(
        last.contains("deadlock: T1 waits for b, held by T2; T2 waits for a, held by T1"),
        "{last}"
    );
    assert!(last.contains("(cycle: T1 → T2 → T1)"), "{last}");
    // The explorer sees both endings.
    let report = explore(&world(p_clone_ab_ba()), ExploreConfig::default());
    assert!(report
        .classes
        .iter()
        .any(|c| c.outcome.ending == sim::explore::Ending::Deadlock));
}

fn p_clone_ab_ba() -> Program {
    let mut p = ProgramBuilder::new(Style::Python);
    let a = p.global_lock("a");
    let b = p.global_lock("b");
    let ab = p.function("ab", &[], |f| {
        f.acquire(a);
        f.acquire(b);
        f.release(b);
        f.release(a);
    });
    let ba = p.function("ba", &[], |f| {
        f.acquire(b);
        f.acquire(a);
        f.release(a);
        f.release(b);
    });
    p.thread("T1", ab, vec![]);
    p.thread("T2", ba, vec![]);
    p.build()
}

#[test]
fn join_waits_for_the_end_and_orders_memory() {
    let mut p = ProgramBuilder::new(Style::Python);
    let count = p.global("count", 0);
    let worker = p.function("worker", &[], |f| f.write(count, 5));
    let main = p.function("main", &[], |f| {
        let t = f.local("t");
        let c = f.local("c");
        f.spawn(Some(t), ProcKind::Thread, worker, vec![]);
        f.join(t);
        f.read(c, count);
        f.print(Expr::Local(c).show());
    });
    p.thread("main", main, vec![]);
    let p = p.build();
    for out in outputs_of_all_schedules(p.clone()) {
        assert_eq!(out, vec!["5"]);
    }
    let report = explore(&world(p), ExploreConfig::default());
    assert!(report.classes.iter().all(|c| !c.outcome.race));
}

// ---- actors ----

#[test]
fn selective_receive_leaves_other_messages_in_order() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let receiver = p.function("receiver", &[], |f| {
        let x = f.local("X");
        f.receive(|r| {
            r.on(
                Pattern::tuple([Pattern::atom("b"), Pattern::Bind(x)]),
                move |f| f.print(Expr::Local(x).show()),
            )
        });
        for _ in 0..2 {
            f.receive(|r| r.on(Pattern::Bind(x), move |f| f.print(Expr::Local(x).show())));
        }
    });
    let sender = p.function("sender", &["to"], |f| {
        let to = f.param(0);
        f.send(to, Expr::atom("a1"));
        f.send(to, Expr::tuple([Expr::atom("b"), Expr::int(1)]));
        f.send(to, Expr::atom("a2"));
    });
    p.actor("receiver", receiver, vec![]);
    p.actor("sender", sender, vec![Value::Pid(sim::ir::Pid(0))]);
    for out in outputs_of_all_schedules(p.build()) {
        assert_eq!(out, vec!["1", "a1", "a2"]);
    }
}

#[test]
fn guards_and_bound_variables_select_messages() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let main = p.function("main", &[], |f| {
        let want = f.local("Want");
        let n = f.local("N");
        f.eval(want, Expr::atom("yes"));
        for m in [
            Expr::tuple([Expr::atom("no"), Expr::int(5)]),
            Expr::tuple([Expr::atom("yes"), Expr::int(1)]),
            Expr::tuple([Expr::atom("yes"), Expr::int(9)]),
        ] {
            f.send(Expr::SelfPid, m);
        }
        f.receive(|r| {
            r.on_if(
                Pattern::tuple([Pattern::Pin(want), Pattern::Bind(n)]),
                Expr::Local(n).gt(3),
                move |f| f.print(Expr::Local(n).show()),
            )
        });
    });
    p.actor("main", main, vec![]);
    let mut w = world(p.build());
    run_rr(&mut w);
    assert_eq!(output(&w), vec!["9"]);
    assert_eq!(w.process(sim::ir::Pid(0)).unwrap().mailbox_len(), 2);
}

#[test]
fn receive_after_times_out_after_n_steps_or_when_nothing_else_can_run() {
    // Alone: time jumps, so the timeout fires at once instead of reading as a deadlock.
    let mut p = ProgramBuilder::new(Style::Erlang);
    let lonely = p.function("lonely", &[], |f| {
        f.receive(|r| {
            r.on(Pattern::Wildcard, |_| {});
            r.after(1000, |f| f.print("timeout"));
        });
    });
    p.actor("main", lonely, vec![]);
    let mut w = world(p.build());
    run_rr(&mut w);
    assert_eq!(output(&w), vec!["timeout"]);
    assert_eq!(w.status(), &WorldStatus::Finished);
    assert!(w.now() >= 1000);

    // With a busy neighbour: the timeout becomes enabled 5 steps after waiting began.
    let mut p = ProgramBuilder::new(Style::Erlang);
    let waiter = p.function("waiter", &[], |f| {
        f.receive(|r| {
            r.on(Pattern::Wildcard, |_| {});
            r.after(5, |f| f.print("timeout"));
        });
    });
    let busy = p.function("busy", &[], |f| f.repeat(20, |f| f.print("tick")));
    p.actor("main", waiter, vec![]);
    p.actor("busy", busy, vec![]);
    let mut w = world(p.build());
    let main = sim::ir::Pid(0);
    for step in 1..=4 {
        assert!(
            !w.enabled_choices().contains(&Choice::Run(main)),
            "step {step}"
        );
        w.step(Choice::Run(sim::ir::Pid(1))).unwrap();
    }
    w.step(Choice::Run(sim::ir::Pid(1))).unwrap();
    assert!(w.enabled_choices().contains(&Choice::Run(main)));
    let events = w.step(Choice::Run(main)).unwrap();
    assert_eq!(events[0].kind, EventKind::Timeout);
}

#[test]
fn sleep_waits_logical_steps() {
    let mut p = ProgramBuilder::new(Style::Go);
    let main = p.function("main", &[], |f| {
        f.sleep(3);
        f.print("awake");
    });
    p.goroutine("main", main, vec![]);
    let mut w = world(p.build());
    run_rr(&mut w);
    assert_eq!(output(&w), vec!["awake"]);
    assert!(w.now() >= 4);
}

#[test]
fn bounded_mailbox_blocks_or_drops() {
    let build = || {
        let mut p = ProgramBuilder::new(Style::Erlang);
        let sink = p.function("sink", &[], |f| {
            let x = f.local("X");
            f.sleep(100);
            f.forever(|f| {
                f.receive(|r| r.on(Pattern::Bind(x), move |f| f.print(Expr::Local(x).show())))
            });
        });
        let main = p.function("main", &["sink"], |f| {
            f.send(f.param(0), Expr::atom("m1"));
            f.send(f.param(0), Expr::atom("m2"));
        });
        p.actor("main", main, vec![Value::Pid(sim::ir::Pid(1))]);
        p.actor("sink", sink, vec![]);
        p.build()
    };
    let opts = |overflow| Options {
        mailbox_capacity: Some(1),
        overflow,
        ..Options::default()
    };
    let mut w = world_with(build(), opts(Overflow::Block));
    run_rr(&mut w);
    assert_eq!(output(&w), vec!["m1", "m2"]);
    assert!(w
        .findings()
        .iter()
        .any(|f| matches!(f, Finding::Overflow { dropped: false, .. })));
    assert!(story(&w)
        .iter()
        .any(|l| l.contains("main waits because sink's mailbox is full")));

    let mut w = world_with(build(), opts(Overflow::Drop));
    run_rr(&mut w);
    assert_eq!(output(&w), vec!["m1"]);
    assert!(w
        .findings()
        .iter()
        .any(|f| matches!(f, Finding::Overflow { dropped: true, .. })));
    assert!(story(&w)
        .iter()
        .any(|l| l.contains("sink's mailbox is full: m2 is dropped")));
}

#[test]
fn network_mode_makes_delivery_and_drop_choices() {
    let build = || {
        let mut p = ProgramBuilder::new(Style::Erlang);
        let b = p.function("b", &[], |f| {
            let x = f.local("X");
            f.receive(|r| r.on(Pattern::Bind(x), move |f| f.print(Expr::Local(x).show())));
        });
        let a = p.function("a", &["b"], |f| {
            f.send(f.param(0), Expr::atom("first"));
            f.send(f.param(0), Expr::atom("second"));
        });
        p.actor("a", a, vec![Value::Pid(sim::ir::Pid(1))]);
        p.actor("b", b, vec![]);
        p.build()
    };
    let net = Options {
        network: true,
        ..Options::default()
    };
    let mut w = world_with(build(), net.clone());
    w.step(Choice::Run(sim::ir::Pid(0))).unwrap();
    w.step(Choice::Run(sim::ir::Pid(0))).unwrap();
    let m0 = sim::ir::MsgId(0);
    let m1 = sim::ir::MsgId(1);
    assert_eq!(
        w.enabled_choices(),
        vec![
            Choice::Deliver(m0),
            Choice::Deliver(m1),
            Choice::Drop(m0),
            Choice::Drop(m1)
        ]
    );
    // Reordering: the second message arrives first.
    w.step(Choice::Deliver(m1)).unwrap();
    w.step(Choice::Run(sim::ir::Pid(1))).unwrap(); // receive
    w.step(Choice::Run(sim::ir::Pid(1))).unwrap(); // print
    assert_eq!(output(&w), vec!["second"]);
    w.step(Choice::Drop(m0)).unwrap();
    assert!(w.is_over());
    // Every ordering and loss shows up in exploration.
    let report = explore(&world_with(build(), net), ExploreConfig::default());
    let outs: Vec<Vec<Text>> = report
        .classes
        .iter()
        .map(|c| c.outcome.output.clone())
        .collect();
    assert!(outs.contains(&vec![Text::new("first")]));
    assert!(outs.contains(&vec![Text::new("second")]));
    assert!(outs.contains(&vec![]));
}

#[test]
fn messages_keep_order_per_sender_receiver_pair_without_network() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let b = p.function("b", &[], |f| {
        let x = f.local("X");
        f.repeat(3, |f| {
            f.receive(|r| r.on(Pattern::Bind(x), move |f| f.print(Expr::Local(x).show())))
        });
    });
    let a = p.function("a", &["b"], |f| {
        for i in 1..=3 {
            f.send(f.param(0), i);
        }
    });
    p.actor("a", a, vec![Value::Pid(sim::ir::Pid(1))]);
    p.actor("b", b, vec![]);
    for out in outputs_of_all_schedules(p.build()) {
        assert_eq!(out, vec!["1", "2", "3"]);
    }
}

#[test]
fn a_reply_awaited_from_a_fire_and_forget_send_is_a_deadlock_of_main() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let server = p.function("server", &[], |f| {
        f.receive(|r| r.on(Pattern::Wildcard, |_| {}));
    });
    let main = p.function("main", &[], |f| {
        let s = f.local("S");
        f.spawn(Some(s), ProcKind::Actor, server, vec![]);
        f.send(s, Expr::atom("hello"));
        f.receive(|r| r.on(Pattern::Wildcard, |_| {}));
    });
    p.actor("main", main, vec![]);
    let mut w = world(p.build());
    run_rr(&mut w);
    assert_eq!(w.status(), &WorldStatus::Deadlock);
    assert!(story(&w)
        .last()
        .unwrap()
        .contains("main waits for a message (mailbox empty)"));
}

#[test]
fn send_to_a_finished_process_is_discarded() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let quick = p.function("quick", &[], |_| {});
    let main = p.function("main", &[], |f| {
        let q = f.local("Q");
        f.spawn(Some(q), ProcKind::Actor, quick, vec![]);
        f.print("spawned");
        f.send(q, Expr::atom("hi"));
    });
    p.actor("main", main, vec![]);
    let mut w = world(p.build());
    // main spawns, quick exits, main prints, main sends.
    for pid in [0, 1, 0, 0] {
        w.step(Choice::Run(sim::ir::Pid(pid))).unwrap();
    }
    assert!(story(&w)
        .iter()
        .any(|l| l.contains("hi sent to quick is discarded")));
}

// ---- channels ----

fn go_pair(
    sender_ops: impl FnOnce(&mut sim::ir::FunctionBuilder, sim::ir::GlobalId),
    receiver_ops: impl FnOnce(&mut sim::ir::FunctionBuilder, sim::ir::GlobalId),
    cap: u32,
) -> Program {
    let mut p = ProgramBuilder::new(Style::Go);
    let ch = p.global_chan("ch", Some(cap), Value::Int(0));
    let s = p.function("sender", &[], |f| sender_ops(f, ch));
    let r = p.function("receiver", &[], |f| receiver_ops(f, ch));
    p.goroutine("receiver", r, vec![]);
    p.goroutine("sender", s, vec![]);
    p.build()
}

#[test]
fn an_unbuffered_send_waits_for_a_receiver() {
    let program = go_pair(
        |f, ch| {
            f.chan_send(ch, 42);
            f.print("sent");
        },
        |f, ch| {
            let x = f.local("x");
            f.print("ready");
            f.chan_recv(ch, Some(x), None);
            f.print(Expr::Local(x).show());
        },
        0,
    );
    let mut w = world_with(
        program,
        Options {
            main_exit_ends_program: Some(false),
            ..Options::default()
        },
    );
    let receiver = sim::ir::Pid(0);
    let sender = sim::ir::Pid(1);
    assert_eq!(
        w.process(sender).unwrap().status(),
        &Status::Blocked(BlockReason::ChanSend {
            chan: sim::ir::ChanId(0)
        })
    );
    assert_eq!(w.enabled_choices(), vec![Choice::Run(receiver)]);
    w.step(Choice::Run(receiver)).unwrap();
    // Now either side can complete the hand-off.
    assert_eq!(
        w.enabled_choices(),
        vec![Choice::Run(receiver), Choice::Run(sender)]
    );
    let events = w.step(Choice::Run(sender)).unwrap().to_vec();
    assert!(matches!(
        events[0].kind,
        EventKind::Rendezvous { sender: s, receiver: r, value: Value::Int(42), .. } if s == sender && r == receiver
    ));
    run_rr(&mut w);
    let out = output(&w);
    assert!(out == vec!["ready", "42", "sent"] || out == vec!["ready", "sent", "42"]);
}

#[test]
fn buffered_channels_block_when_full_and_when_empty() {
    let program = go_pair(
        |f, ch| {
            for i in 1..=3 {
                f.chan_send(ch, i);
            }
        },
        |f, ch| {
            let x = f.local("x");
            f.sleep(50);
            f.repeat(3, |f| {
                f.chan_recv(ch, Some(x), None);
                f.print(Expr::Local(x).show());
            });
        },
        2,
    );
    let mut w = world(program);
    let sender = sim::ir::Pid(1);
    w.step(Choice::Run(sender)).unwrap();
    w.step(Choice::Run(sender)).unwrap();
    assert_eq!(
        w.process(sender).unwrap().status(),
        &Status::Blocked(BlockReason::ChanSend {
            chan: sim::ir::ChanId(0)
        })
    );
    assert_eq!(
        w.channel(sim::ir::ChanId(0)).unwrap().buffer,
        vec![int(1), int(2)]
    );
    run_rr(&mut w);
    assert_eq!(output(&w), vec!["1", "2", "3"]);
}

#[test]
fn closing_a_channel_drains_its_buffer_first() {
    let program = go_pair(
        |f, ch| {
            f.chan_send(ch, 1);
            f.chan_send(ch, 2);
            f.close(ch);
        },
        |f, ch| {
            let x = f.local("x");
            let ok = f.local("ok");
            f.sleep(10);
            f.repeat(3, |f| {
                f.chan_recv(ch, Some(x), Some(ok));
                f.print(Expr::Format(vec![
                    sim::ir::FmtPart::Show(x.into()),
                    sim::ir::FmtPart::Lit(" ".into()),
                    sim::ir::FmtPart::Show(ok.into()),
                ]));
            });
        },
        2,
    );
    let mut w = world_with(
        program,
        Options {
            main_exit_ends_program: Some(false),
            ..Options::default()
        },
    );
    run_rr(&mut w);
    assert_eq!(output(&w), vec!["1 true", "2 true", "0 false"]);
    assert!(story(&w)
        .iter()
        .any(|l| l.contains("receives the zero value 0 from closed ch (ok = false)")));
}

#[test]
fn send_on_closed_and_double_close_crash() {
    let program = go_pair(
        |f, ch| {
            f.close(ch);
            f.chan_send(ch, 1);
        },
        |_, _| {},
        1,
    );
    let mut w = world_with(
        program,
        Options {
            main_exit_ends_program: Some(false),
            ..Options::default()
        },
    );
    run_rr(&mut w);
    assert_eq!(crash_reason(&w, "sender"), "send on closed channel ch");

    let program = go_pair(
        |f, ch| {
            f.close(ch);
            f.close(ch);
        },
        |_, _| {},
        1,
    );
    let mut w = world_with(
        program,
        Options {
            main_exit_ends_program: Some(false),
            ..Options::default()
        },
    );
    run_rr(&mut w);
    assert_eq!(crash_reason(&w, "sender"), "close of closed channel ch");
}

#[test]
fn select_with_two_ready_cases_is_a_scheduler_choice() {
    let mut p = ProgramBuilder::new(Style::Go);
    let a = p.global_chan("a", Some(1), Value::Int(0));
    let b = p.global_chan("b", Some(1), Value::Int(0));
    let main = p.function("main", &[], |f| {
        f.chan_send(a, 1);
        f.chan_send(b, 2);
        f.select(|s| {
            s.recv(a, None, None, |f| f.print("a"));
            s.recv(b, None, None, |f| f.print("b"));
        });
    });
    p.goroutine("main", main, vec![]);
    let program = p.build();
    let mut w = world(program.clone());
    w.step(Choice::Run(sim::ir::Pid(0))).unwrap();
    w.step(Choice::Run(sim::ir::Pid(0))).unwrap();
    let main = sim::ir::Pid(0);
    assert_eq!(
        w.enabled_choices(),
        vec![Choice::Case(main, 0), Choice::Case(main, 1)]
    );
    assert!(
        w.step(Choice::Run(main)).is_err(),
        "a select with ready cases needs a case"
    );
    let mut outs = outputs_of_all_schedules(program);
    outs.sort();
    assert_eq!(outs, vec![vec!["a".to_string()], vec!["b".to_string()]]);
}

#[test]
fn select_default_runs_only_when_no_case_is_ready() {
    let build = |receiver_waits: bool| {
        let mut p = ProgramBuilder::new(Style::Go);
        let ch = p.global_chan("ch", Some(0), Value::Int(0));
        let r = p.function("receiver", &[], move |f| {
            if receiver_waits {
                f.chan_recv(ch, None, None);
            }
        });
        let s = p.function("sender", &[], |f| {
            f.select(|s| {
                s.send(ch, 1, |f| f.print("sent"));
                s.default(|f| f.print("default"));
            });
        });
        p.goroutine("receiver", r, vec![]);
        p.goroutine("sender", s, vec![]);
        p.build()
    };
    let opts = Options {
        main_exit_ends_program: Some(false),
        ..Options::default()
    };
    let mut w = world_with(build(true), opts.clone());
    assert_eq!(w.enabled_choices(), vec![Choice::Case(sim::ir::Pid(1), 0)]);
    run_rr(&mut w);
    assert_eq!(output(&w), vec!["sent"]);
    let mut w = world_with(build(false), opts);
    w.step(Choice::Run(sim::ir::Pid(0))).unwrap();
    run_rr(&mut w);
    assert_eq!(output(&w), vec!["default"]);
}

#[test]
fn go_main_returning_ends_the_program() {
    let mut p = ProgramBuilder::new(Style::Go);
    let spinner = p.function("spinner", &[], |f| f.forever(|f| f.print("spin")));
    let main = p.function("main", &[], |f| {
        f.spawn(None, ProcKind::Goroutine, spinner, vec![]);
        f.print("bye");
    });
    p.goroutine("main", main, vec![]);
    let mut w = world(p.build());
    run_rr(&mut w);
    assert_eq!(w.status(), &WorldStatus::Finished);
    assert!(w.enabled_choices().is_empty());
}

#[test]
fn waitgroup_waits_and_rejects_a_negative_counter() {
    let mut p = ProgramBuilder::new(Style::Go);
    let wg = p.global_waitgroup("wg");
    let main = p.function("main", &[], |f| {
        f.wg_done(wg);
    });
    p.goroutine("main", main, vec![]);
    let mut w = world(p.build());
    run_rr(&mut w);
    assert_eq!(crash_reason(&w, "main"), "sync: negative WaitGroup counter");
}

// ---- functions, closures, errors ----

#[test]
fn multi_clause_functions_crash_when_no_clause_matches() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let lp = p.declare("loop");
    p.define(lp, &["N", "Mode"], |f| {
        let n = f.param(0);
        let mode = f.param(1);
        f.case(
            Expr::tuple([n.into(), mode.into()]),
            NoMatch::FunctionClause {
                name: "loop".into(),
            },
            |c| {
                c.on(Pattern::tuple([Pattern::int(0), Pattern::Wildcard]), |f| {
                    f.print("done")
                });
                c.on_if(
                    Pattern::tuple([Pattern::Bind(n), Pattern::atom("go")]),
                    Expr::Local(n).gt(0),
                    move |f| {
                        f.print(Expr::Local(n).show());
                        f.tail_call(lp, vec![n - 1, Expr::atom("go")]);
                    },
                );
            },
        );
    });
    let main = p.function("main", &[], |f| {
        f.call(None, lp, vec![Expr::int(2), Expr::atom("go")]);
        f.call(None, lp, vec![Expr::int(5), Expr::atom("foo")]);
    });
    p.actor("main", main, vec![]);
    let mut w = world(p.build());
    run_rr(&mut w);
    assert_eq!(output(&w), vec!["2", "1", "done"]);
    assert_eq!(
        crash_reason(&w, "main"),
        "no function clause matching loop(5, foo)"
    );
}

#[test]
fn spawned_closures_get_captured_values_first() {
    let mut p = ProgramBuilder::new(Style::Go);
    let body = p.function("main.func1", &["base", "x"], |f| {
        f.print((f.param(0) + f.param(1)).show());
    });
    let main = p.function("main", &[], |f| {
        let fun = f.local("fun");
        f.eval(
            fun,
            Expr::MakeFun {
                func: body,
                captured: vec![Expr::int(7)],
            },
        );
        f.emit(sim::ir::Op::Spawn {
            dst: None,
            kind: ProcKind::Goroutine,
            callee: sim::ir::Callee::Value(fun.into()),
            args: vec![Expr::int(1)],
            name: None,
        });
        f.sleep(5);
    });
    p.goroutine("main", main, vec![]);
    let mut w = world(p.build());
    run_rr(&mut w);
    assert_eq!(output(&w), vec!["8"]);
}

#[test]
fn a_shared_cell_captured_by_two_goroutines_races() {
    let mut p = ProgramBuilder::new(Style::Go);
    let body = p.function("main.func1", &["x"], |f| {
        let t = f.local("t");
        f.read_cell(t, f.param(0));
        f.write_cell(f.param(0), t + 1);
    });
    let main = p.function("main", &[], |f| {
        let x = f.local("x");
        f.make_cell(x, 0);
        f.spawn(None, ProcKind::Goroutine, body, vec![x.into()]);
        f.spawn(None, ProcKind::Goroutine, body, vec![x.into()]);
        f.sleep(10);
    });
    p.goroutine("main", main, vec![]);
    let mut w = world(p.build());
    run_rr(&mut w);
    assert!(w.has_race());
    assert!(story(&w).iter().any(|l| l.contains("data race on x")));
}

#[test]
fn map_entries_are_shared_locations() {
    let mut p = ProgramBuilder::new(Style::Python);
    let hits = p.global_map("hits");
    let w1 = p.function("worker", &[], |f| {
        let t = f.local("t");
        f.map_read(t, hits, "a", Some(Expr::int(0)));
        f.map_write(hits, "a", t + 1);
    });
    p.thread("T1", w1, vec![]);
    p.thread("T2", w1, vec![]);
    let mut w = world(p.build());
    run_rr(&mut w);
    assert!(w.has_race() && w.has_lost_update());
    assert!(story(&w)
        .iter()
        .any(|l| l.contains("T2 writes hits['a'] = 1")));
    assert_eq!(w.shared_state(), vec![("hits['a']".to_string(), int(1))]);
}

#[test]
fn missing_map_key_without_default_is_a_key_error() {
    let mut p = ProgramBuilder::new(Style::Python);
    let hits = p.global_map("hits");
    let f = p.function("f", &[], |f| {
        let t = f.local("t");
        f.map_read(t, hits, "nope", None);
    });
    p.thread("T1", f, vec![]);
    let mut w = world(p.build());
    run_rr(&mut w);
    assert_eq!(crash_reason(&w, "T1"), "KeyError: 'nope'");
}

#[test]
fn arithmetic_errors_and_type_mismatches_crash_with_messages() {
    let cases: Vec<(Expr, &str)> = vec![
        (
            Expr::int(i64::MAX) + 1,
            "integer overflow in 9223372036854775807 + 1",
        ),
        (Expr::int(1) / 0, "division by zero in 1 / 0"),
        (
            Expr::int(1).bin(BinOp::Add, Expr::atom("a")),
            "cannot apply + to 1 and a",
        ),
        (
            Expr::Call(Builtin::Hd, vec![Expr::list([])]),
            "hd of an empty list",
        ),
        (
            Expr::tuple([Expr::int(1)]).index(3),
            "index 3 out of range for a tuple of 1 elements",
        ),
    ];
    for (expr, want) in cases {
        let mut p = ProgramBuilder::new(Style::Erlang);
        let f = p.function("f", &[], |f| {
            let x = f.local("X");
            f.print("start");
            f.eval(x, expr);
        });
        p.actor("main", f, vec![]);
        let mut w = world(p.build());
        run_rr(&mut w);
        assert_eq!(crash_reason(&w, "main"), want);
    }
    let mut p = ProgramBuilder::new(Style::Go);
    let f = p.function("f", &[], |f| {
        f.send(Expr::int(3), 1);
        f.chan_send(Expr::int(3), 1);
    });
    p.goroutine("main", f, vec![]);
    let mut w = world(p.build());
    run_rr(&mut w);
    assert_eq!(
        crash_reason(&w, "main"),
        "cannot send to 3: it is a integer, not a pid"
    );
}

// ---- budgets ----

fn stopped_by(program: Program, budgets: Budgets) -> (BudgetKind, String) {
    let mut w = world_with(
        program,
        Options {
            budgets,
            ..Options::default()
        },
    );
    run_rr(&mut w);
    let WorldStatus::Stopped(kind) = w.status().clone() else {
        panic!("not stopped: {:?}", w.status());
    };
    (kind, story(&w).pop().unwrap())
}

#[test]
fn budgets_stop_runaway_programs_with_a_message() {
    let mut p = ProgramBuilder::new(Style::Python);
    let f = p.function("f", &[], |f| f.forever(|f| f.print("again")));
    p.thread("T1", f, vec![]);
    let (kind, msg) = stopped_by(
        p.build(),
        Budgets {
            max_steps: 50,
            ..Budgets::default()
        },
    );
    assert_eq!(kind, BudgetKind::Steps);
    assert!(
        msg.contains("stopped: the run was stopped after 50 steps"),
        "{msg}"
    );

    let mut p = ProgramBuilder::new(Style::Python);
    let f = p.function("f", &[], |f| {
        let x = f.local("x");
        f.print("start");
        f.forever(|f| f.eval(x, 1));
    });
    p.thread("T1", f, vec![]);
    let (kind, msg) = stopped_by(p.build(), Budgets::default());
    assert_eq!(kind, BudgetKind::LocalOps);
    assert!(msg.contains("without a visible step"), "{msg}");

    let mut p = ProgramBuilder::new(Style::Erlang);
    let child = p.function("child", &[], |_| {});
    let f = p.function("f", &[], |f| {
        f.forever(|f| f.spawn(None, ProcKind::Actor, child, vec![]))
    });
    p.actor("main", f, vec![]);
    let (kind, _) = stopped_by(
        p.build(),
        Budgets {
            max_processes: 10,
            ..Budgets::default()
        },
    );
    assert_eq!(kind, BudgetKind::Processes);

    let mut p = ProgramBuilder::new(Style::Erlang);
    let f = p.function("f", &[], |f| f.forever(|f| f.send(Expr::SelfPid, 1)));
    p.actor("main", f, vec![]);
    let (kind, _) = stopped_by(
        p.build(),
        Budgets {
            max_mailbox: 5,
            ..Budgets::default()
        },
    );
    assert_eq!(kind, BudgetKind::Mailbox);

    let mut p = ProgramBuilder::new(Style::Erlang);
    let f = p.function("f", &[], |f| {
        let l = f.local("L");
        f.eval(l, Expr::list([Expr::int(1)]));
        f.print("start");
        f.forever(|f| f.eval(l, Expr::Local(l).bin(BinOp::Add, l)));
    });
    p.actor("main", f, vec![]);
    let (kind, _) = stopped_by(p.build(), Budgets::default());
    assert_eq!(kind, BudgetKind::ValueSize);

    let mut p = ProgramBuilder::new(Style::Erlang);
    let rec = p.declare("rec");
    p.define(rec, &[], |f| {
        f.call(None, rec, vec![]);
    });
    let f = p.function("f", &[], |f| {
        f.print("start");
        f.call(None, rec, vec![]);
    });
    p.actor("main", f, vec![]);
    let (kind, _) = stopped_by(
        p.build(),
        Budgets {
            max_call_depth: 100,
            ..Budgets::default()
        },
    );
    assert_eq!(kind, BudgetKind::CallDepth);
}

#[test]
fn malformed_programs_are_rejected_not_panicked_on() {
    let mut p = ProgramBuilder::new(Style::Python);
    let f = p.function("f", &[], |f| {
        f.eval(sim::ir::Local(9), 1);
    });
    p.thread("T1", f, vec![]);
    let err = World::new(p.build(), Options::default()).unwrap_err();
    assert!(
        err.to_string().contains("local slot 9 out of range"),
        "{err}"
    );

    let mut p = ProgramBuilder::new(Style::Python);
    let f = p.function("f", &["a"], |_| {});
    p.thread("T1", f, vec![]);
    assert!(World::new(p.build(), Options::default()).is_err());
}
