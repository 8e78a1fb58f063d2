//! Programs shared by the integration tests, written with the builder.
#![allow(dead_code)]

use sim::ir::{Expr, Pattern, ProcKind, Program, ProgramBuilder, Style, Value};
use sim::{Options, World};

pub mod brute;

/// The racy counter, as every test and benchmark builds it.
#[allow(unused_imports)]
pub use sim::examples::racy_counter;

/// The racy counter with `with lock:` around each increment.
pub fn lock_counter(threads: usize, increments: i64) -> Program {
    let mut p = ProgramBuilder::new(Style::Python);
    let count = p.global("count", 0);
    let lock = p.global_lock("lock");
    let worker = p.function("worker", &[], |f| {
        let tmp = f.local("tmp");
        f.repeat(increments, |f| {
            f.line(4);
            f.acquire(lock);
            f.line(5);
            f.read(tmp, count);
            f.eval(tmp, tmp + 1);
            f.write(count, tmp);
            f.line(6);
            f.release(lock);
        });
    });
    for i in 0..threads {
        p.thread(&format!("T{}", i + 1), worker, vec![]);
    }
    p.build()
}

/// An Erlang counter actor; `clients` clients each send `inc`; main waits for their acks,
/// then asks for the value and prints it.
pub fn actor_counter(clients: usize) -> Program {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let counter = p.declare("counter");
    p.define(counter, &["n"], |f| {
        let n = f.param(0);
        let from = f.local("From");
        f.line(3);
        f.receive(|r| {
            r.on(
                Pattern::tuple([Pattern::atom("inc"), Pattern::Bind(from)]),
                move |f| {
                    f.line(4);
                    f.send(from, Expr::atom("ok"));
                    f.tail_call(counter, vec![n + 1]);
                },
            );
            r.on(
                Pattern::tuple([Pattern::atom("get"), Pattern::Bind(from)]),
                move |f| {
                    f.line(5);
                    f.send(from, Expr::tuple([Expr::atom("count"), n.into()]));
                    f.tail_call(counter, vec![n.into()]);
                },
            );
        });
    });
    let client = p.function("client", &["counter", "main"], |f| {
        let c = f.param(0);
        let main = f.param(1);
        f.line(9);
        f.send(c, Expr::tuple([Expr::atom("inc"), Expr::SelfPid]));
        f.receive(|r| {
            r.on(Pattern::atom("ok"), |_| {});
        });
        f.line(10);
        f.send(main, Expr::atom("done"));
    });
    let main = p.function("main", &[], |f| {
        let c = f.local("Counter");
        let v = f.local("N");
        f.line(13);
        f.spawn_named(
            Some(c),
            ProcKind::Actor,
            counter,
            vec![Expr::int(0)],
            "counter",
        );
        for _ in 0..clients {
            f.line(14);
            f.spawn(None, ProcKind::Actor, client, vec![c.into(), Expr::SelfPid]);
        }
        for _ in 0..clients {
            f.line(15);
            f.receive(|r| r.on(Pattern::atom("done"), |_| {}));
        }
        f.line(16);
        f.send(c, Expr::tuple([Expr::atom("get"), Expr::SelfPid]));
        f.receive(|r| {
            r.on(
                Pattern::tuple([Pattern::atom("count"), Pattern::Bind(v)]),
                |_| {},
            );
        });
        f.line(17);
        f.print(Expr::Local(v).show());
    });
    p.actor("main", main, vec![]);
    p.build()
}

/// A Go counter goroutine owning the count; workers send increments on an unbuffered
/// channel; main waits on a WaitGroup, then asks for the value over a reply channel.
pub fn channel_counter(workers: usize) -> Program {
    let mut p = ProgramBuilder::new(Style::Go);
    let counter = p.function("counter", &["inc", "get"], |f| {
        let inc = f.param(0);
        let get = f.param(1);
        let n = f.local("n");
        let reply = f.local("reply");
        f.eval(n, 0);
        f.forever(|f| {
            f.line(5);
            f.select(|s| {
                s.recv(inc, None, None, move |f| {
                    f.line(6);
                    f.eval(n, n + 1);
                });
                s.recv(get, Some(reply), None, move |f| {
                    f.line(7);
                    f.chan_send(reply, n);
                });
            });
        });
    });
    let worker = p.function("worker", &["inc", "wg"], |f| {
        f.line(11);
        f.chan_send(f.param(0), 1);
        f.line(12);
        f.wg_done(f.param(1));
    });
    let main = p.function("main", &[], |f| {
        let inc = f.local("inc");
        let get = f.local("get");
        let wg = f.local("wg");
        let reply = f.local("reply");
        let n = f.local("n");
        f.line(15);
        f.make_chan(inc, Some(Expr::int(0)), 0);
        f.make_chan(get, Some(Expr::int(0)), Value::Unit);
        f.make_waitgroup(wg);
        f.line(16);
        f.spawn(
            None,
            ProcKind::Goroutine,
            counter,
            vec![inc.into(), get.into()],
        );
        f.line(17);
        f.wg_add(wg, workers as i64);
        for _ in 0..workers {
            f.line(18);
            f.spawn(
                None,
                ProcKind::Goroutine,
                worker,
                vec![inc.into(), wg.into()],
            );
        }
        f.line(19);
        f.wg_wait(wg);
        f.line(20);
        f.make_chan(reply, Some(Expr::int(0)), 0);
        f.chan_send(get, reply);
        f.chan_recv(reply, Some(n), None);
        f.line(21);
        f.print(Expr::Local(n).show());
    });
    p.goroutine("main", main, vec![]);
    p.build()
}

pub fn world(program: Program) -> World {
    World::new(program, Options::default()).expect("valid program")
}

pub fn world_with(program: Program, options: Options) -> World {
    World::new(program, options).expect("valid program")
}

/// Narration lines of the whole trace.
pub fn story(w: &World) -> Vec<String> {
    w.trace()
        .iter()
        .map(|e| format!("{:>3} {}", e.step, e.narrate(w)))
        .collect()
}

pub fn int(n: i64) -> Value {
    Value::Int(n)
}
