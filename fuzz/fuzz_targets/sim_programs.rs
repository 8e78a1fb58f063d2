//! The simulator on generated programs. A structured generator builds valid IR programs
//! (threads, a lock, actors with send/receive, channels with send/recv/close, select) through
//! `sim::ir::ProgramBuilder`; the fuzzer's bytes then pick the schedule. After every step:
//!
//! - nothing panics;
//! - every enabled choice is really enabled: stepping a copy of the world with it succeeds;
//! - stepping back then forward on a `Timeline` restores the identical world;
//!
//! and at the end the same choices, replayed on a fresh world, give the identical trace.
#![no_main]

use arbitrary::Arbitrary;
use sim::ir::FunctionBuilder;
use sim::ir::{GlobalId, Pattern, Pid, Program, ProgramBuilder, Style, Value};
use sim::{Choice, Options, Timeline, World};

/// Steps per run: enough for every generated program's interesting interleavings.
const MAX_STEPS: usize = 200;
/// Nesting of `repeat` and clause bodies.
const MAX_DEPTH: usize = 3;
/// Statements per body.
const MAX_BODY: usize = 12;

/// One generated statement. Small integers pick among the program's channels and processes.
#[derive(Arbitrary, Debug)]
enum Stmt {
    /// `tmp = count`.
    Read,
    /// `count = tmp + 1`.
    WriteIncrement,
    /// `count = n`.
    Write(i8),
    Acquire,
    Release,
    /// Send `n` to a process's mailbox.
    Send {
        to: u8,
        value: i8,
    },
    /// `receive Msg -> ... after Ticks -> ... end`.
    Receive {
        after: Option<u8>,
        body: Vec<Stmt>,
    },
    ChanSend {
        chan: u8,
        value: i8,
    },
    ChanRecv {
        chan: u8,
    },
    Close {
        chan: u8,
    },
    /// `select` over sends and receives, with or without `default`.
    Select {
        cases: Vec<SelectArm>,
        default: bool,
    },
    Print,
    Sleep(u8),
    /// `for _ in range(times)`.
    Repeat {
        times: u8,
        body: Vec<Stmt>,
    },
}

/// One `select` case.
#[derive(Arbitrary, Debug)]
struct SelectArm {
    recv: bool,
    chan: u8,
    value: i8,
    body: Vec<Stmt>,
}

/// One initial process.
#[derive(Arbitrary, Debug)]
struct Proc {
    kind: Kind,
    body: Vec<Stmt>,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Kind {
    Thread,
    Actor,
    Goroutine,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Flavour {
    Python,
    Erlang,
    Go,
}

/// One channel: `None` capacity is unbuffered.
#[derive(Arbitrary, Debug)]
struct Chan {
    capacity: Option<u8>,
}

#[derive(Arbitrary, Debug)]
struct Input {
    flavour: Flavour,
    network: bool,
    chans: Vec<Chan>,
    procs: Vec<Proc>,
    /// Each step's pick, as an index into the enabled choices (wrapping).
    picks: Vec<u8>,
}

/// What statements refer to.
struct Names {
    count: GlobalId,
    lock: GlobalId,
    chans: Vec<GlobalId>,
    pids: Vec<Pid>,
}

fn emit(f: &mut FunctionBuilder, stmts: &[Stmt], names: &Names, depth: usize) {
    let tmp = f.local("tmp");
    for stmt in stmts.iter().take(MAX_BODY) {
        match stmt {
            Stmt::Read => f.read(tmp, names.count),
            Stmt::WriteIncrement => f.write(names.count, tmp + 1),
            Stmt::Write(n) => f.write(names.count, i64::from(*n)),
            Stmt::Acquire => f.acquire(names.lock),
            Stmt::Release => f.release(names.lock),
            Stmt::Send { to, value } => {
                if let Some(&pid) = pick(&names.pids, *to) {
                    f.send(Value::from(pid), i64::from(*value));
                }
            }
            Stmt::Receive { after, body } => {
                let msg = f.local("msg");
                f.receive(|rb| {
                    rb.on(Pattern::Bind(msg), |f| nested(f, body, names, depth));
                    if let Some(ticks) = after {
                        rb.after(i64::from(*ticks % 4), |f| f.print("timeout"));
                    }
                });
            }
            Stmt::ChanSend { chan, value } => {
                if let Some(&c) = pick(&names.chans, *chan) {
                    f.chan_send(c, i64::from(*value));
                }
            }
            Stmt::ChanRecv { chan } => {
                if let Some(&c) = pick(&names.chans, *chan) {
                    let got = f.local("got");
                    let ok = f.local("ok");
                    f.chan_recv(c, Some(got), Some(ok));
                }
            }
            Stmt::Close { chan } => {
                if let Some(&c) = pick(&names.chans, *chan) {
                    f.close(c);
                }
            }
            Stmt::Select { cases, default } => {
                if names.chans.is_empty() {
                    continue;
                }
                let got = f.local("got");
                f.select(|sb| {
                    for arm in cases.iter().take(4) {
                        let Some(&c) = pick(&names.chans, arm.chan) else {
                            continue;
                        };
                        let body = &arm.body;
                        if arm.recv {
                            sb.recv(c, Some(got), None, move |f| nested(f, body, names, depth));
                        } else {
                            sb.send(c, i64::from(arm.value), move |f| {
                                nested(f, body, names, depth)
                            });
                        }
                    }
                    if *default {
                        sb.default(|f| f.print("default"));
                    }
                });
            }
            Stmt::Print => f.print("hello"),
            Stmt::Sleep(ticks) => f.sleep(i64::from(*ticks % 4)),
            Stmt::Repeat { times, body } => {
                f.repeat(i64::from(*times % 4), |f| nested(f, body, names, depth));
            }
        }
    }
}

/// A nested body, cut off past [`MAX_DEPTH`] so programs stay small.
fn nested(f: &mut FunctionBuilder, stmts: &[Stmt], names: &Names, depth: usize) {
    if depth < MAX_DEPTH {
        emit(f, stmts, names, depth + 1);
    }
}

fn pick<T>(items: &[T], i: u8) -> Option<&T> {
    (!items.is_empty()).then(|| &items[usize::from(i) % items.len()])
}

fn build(input: &Input) -> Program {
    let style = match input.flavour {
        Flavour::Python => Style::Python,
        Flavour::Erlang => Style::Erlang,
        Flavour::Go => Style::Go,
    };
    let mut p = ProgramBuilder::new(style);
    let count = p.global("count", 0);
    let lock = p.global_lock("lock");
    let chans = input
        .chans
        .iter()
        .take(3)
        .enumerate()
        .map(|(i, c)| {
            let capacity = c.capacity.map(|n| u32::from(n % 3));
            p.global_chan(&format!("ch{i}"), capacity, Value::Int(0))
        })
        .collect();
    let procs: Vec<&Proc> = input.procs.iter().take(4).collect();
    let funcs: Vec<_> = (0..procs.len())
        .map(|i| p.declare(&format!("body{i}")))
        .collect();
    let pids = procs
        .iter()
        .zip(&funcs)
        .enumerate()
        .map(|(i, (proc_, &func))| {
            let name = format!("P{i}");
            match proc_.kind {
                Kind::Thread => p.thread(&name, func, vec![]),
                Kind::Actor => p.actor(&name, func, vec![]),
                Kind::Goroutine => p.goroutine(&name, func, vec![]),
            }
        })
        .collect();
    let names = Names {
        count,
        lock,
        chans,
        pids,
    };
    for (proc_, &func) in procs.iter().zip(&funcs) {
        p.define(func, &[], |f| emit(f, &proc_.body, &names, 0));
    }
    p.build()
}

/// Everything observable about a world, for "identical world" comparisons.
fn observe(world: &World) -> String {
    format!(
        "{:?}\n{}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        world.status(),
        world.step_count(),
        world.enabled_choices(),
        world.output_text(),
        world.shared_state(),
        world.channels(),
        world.locks(),
        world.findings(),
        world.in_flight().collect::<Vec<_>>(),
        world.processes(),
    )
}

fn trace_of(world: &World) -> Vec<sim::Event> {
    world.trace().iter().cloned().collect()
}

libfuzzer_sys::fuzz_target!(|input: Input| {
    let program = build(&input);
    let options = Options {
        network: input.network,
        ..Options::default()
    };
    let Ok(world) = World::new(program, options) else {
        panic!("the generator built an invalid program");
    };
    let fresh = world.clone();
    let mut timeline = Timeline::with_interval(world, 4);
    let mut taken: Vec<Choice> = Vec::new();
    for i in 0..MAX_STEPS {
        let choices = timeline.world().enabled_choices();
        if choices.is_empty() {
            break;
        }
        for &choice in &choices {
            let mut copy = timeline.world().clone();
            if let Err(e) = copy.step(choice) {
                panic!("enabled choice {choice:?} failed: {e:?}");
            }
        }
        let pick = input.picks.get(i).copied().unwrap_or(0);
        let choice = choices[usize::from(pick) % choices.len()];
        timeline.step(choice).expect("an enabled choice steps");
        taken.push(choice);

        let after = observe(timeline.world());
        assert!(timeline.step_back(), "step back after a step");
        let forward = timeline.step_forward().expect("a recorded step to redo");
        assert!(forward.is_ok(), "redoing {choice:?} failed");
        assert_eq!(
            observe(timeline.world()),
            after,
            "back then forward changed the world"
        );
    }

    let mut first = fresh.clone();
    let mut second = fresh;
    for &choice in &taken {
        first.step(choice).expect("replay steps");
        second.step(choice).expect("replay steps");
    }
    assert_eq!(
        trace_of(&first),
        trace_of(&second),
        "same choices, different traces"
    );
    assert_eq!(
        observe(&first),
        observe(&second),
        "same choices, different worlds"
    );
    assert_eq!(
        observe(&first),
        observe(timeline.world()),
        "replay differs from the timeline"
    );
});
