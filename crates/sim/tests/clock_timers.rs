//! Timers and tickers the logical clock fills: `select` with a timeout, tickers, `Stop`.
//! Expected values are worked out by hand: time advances one tick per step and jumps to the
//! next deadline when nothing else can move.

mod common;

use common::*;
use sim::ir::{Expr, FmtPart, Local, ProcKind, ProgramBuilder, Style, Value};
use sim::schedule::{run, Random, RoundRobin};
use sim::WorldStatus;

fn lines(w: &sim::World) -> Vec<String> {
    w.output().iter().map(|t| t.to_string()).collect()
}

/// A courier sleeps `delay` ticks and sends on a buffered channel; main selects between
/// the answer and a timer of `patience` ticks.
fn courier(delay: i64, patience: i64) -> sim::ir::Program {
    let mut p = ProgramBuilder::new(Style::Go);
    let worker = p.function("courier", &["answer", "delay"], |f| {
        f.sleep(Local(1));
        f.chan_send(Local(0), Expr::str("arrived"));
    });
    let main = p.function("main", &[], |f| {
        let answer = f.local("answer");
        let timer = f.local("timer");
        let msg = f.local("msg");
        f.make_chan(answer, Some(Expr::int(1)), Value::str(""));
        f.spawn(
            None,
            ProcKind::Goroutine,
            worker,
            vec![answer.into(), Expr::int(delay)],
        );
        f.arm_timer(timer, patience, None);
        f.select(|s| {
            s.recv(answer, Some(msg), None, move |f| f.print(msg));
            s.recv(timer, None, None, |f| f.print(Expr::str("gave up")));
        });
    });
    p.goroutine("main", main, vec![]);
    p.build()
}

#[test]
fn a_timer_in_a_select_times_out_only_when_it_is_due() {
    for seed in 0..5 {
        let mut slow = world(courier(300, 100));
        let out = run(&mut slow, &mut Random::new(seed), 1000);
        assert_eq!(out.status, WorldStatus::Finished);
        assert_eq!(lines(&slow), ["gave up"]);
        // The timer was armed at tick 2 (after the spawn step) and fired at 102.
        assert!(slow.now() >= 102 && slow.now() < 300, "now {}", slow.now());

        let mut quick = world(courier(50, 200));
        run(&mut quick, &mut Random::new(seed), 1000);
        assert_eq!(lines(&quick), ["arrived"]);
    }
}

#[test]
fn a_ticker_delivers_the_time_of_each_period() {
    let mut p = ProgramBuilder::new(Style::Go);
    let main = p.function("main", &[], |f| {
        let t = f.local("ticker");
        let (a, b, c) = (f.local("a"), f.local("b"), f.local("c"));
        f.arm_timer(t, 60, Some(Expr::int(60)));
        for l in [a, b, c] {
            f.chan_recv(t, Some(l), None);
        }
        f.stop_timer(None, t);
        f.print(Expr::Format(vec![
            FmtPart::Show(a.into()),
            FmtPart::Lit(" ".into()),
            FmtPart::Show(b.into()),
            FmtPart::Lit(" ".into()),
            FmtPart::Show(c.into()),
        ]));
    });
    p.goroutine("main", main, vec![]);
    let mut w = world(p.build());
    let out = run(&mut w, &mut RoundRobin::new(), 1000);
    assert_eq!(out.status, WorldStatus::Finished);
    // Armed by main's first step, at time 1; each tick carries its firing time.
    assert_eq!(lines(&w), ["61 121 181"]);
}

#[test]
fn stop_reports_whether_the_timer_had_fired_and_silences_it() {
    let mut p = ProgramBuilder::new(Style::Go);
    let main = p.function("main", &[], |f| {
        let t = f.local("timer");
        let after = f.local("after");
        let (s1, s2) = (f.local("s1"), f.local("s2"));
        f.arm_timer(t, 200, None);
        f.stop_timer(Some(s1), t);
        f.stop_timer(Some(s2), t);
        f.print(Expr::Format(vec![
            FmtPart::Show(s1.into()),
            FmtPart::Lit(" ".into()),
            FmtPart::Show(s2.into()),
        ]));
        f.arm_timer(after, 300, None);
        f.select(|s| {
            s.recv(t, None, None, |f| f.print(Expr::str("rang")));
            s.recv(after, None, None, |f| f.print(Expr::str("quiet")));
        });
    });
    p.goroutine("main", main, vec![]);
    let mut w = world(p.build());
    run(&mut w, &mut RoundRobin::new(), 1000);
    assert_eq!(lines(&w), ["true false", "quiet"]);
}

#[test]
fn waiting_on_a_stopped_ticker_is_a_deadlock() {
    let mut p = ProgramBuilder::new(Style::Go);
    let main = p.function("main", &[], |f| {
        let t = f.local("ticker");
        f.arm_timer(t, 10, Some(Expr::int(10)));
        f.chan_recv(t, None, None);
        f.stop_timer(None, t);
        f.chan_recv(t, None, None);
    });
    p.goroutine("main", main, vec![]);
    let mut w = world(p.build());
    let out = run(&mut w, &mut RoundRobin::new(), 1000);
    assert_eq!(out.status, WorldStatus::Deadlock);
}

#[test]
fn now_reads_the_logical_clock() {
    let mut p = ProgramBuilder::new(Style::Go);
    let main = p.function("main", &[], |f| {
        let (start, end) = (f.local("start"), f.local("end"));
        f.now(start);
        f.sleep(120);
        f.now(end);
        f.print(Expr::Format(vec![FmtPart::Show(
            Expr::Local(end) - Expr::Local(start),
        )]));
    });
    p.goroutine("main", main, vec![]);
    let mut w = world(p.build());
    run(&mut w, &mut RoundRobin::new(), 1000);
    // Now at tick 1; the sleep step at tick 2 sleeps until 122; the next step is at 123.
    assert_eq!(lines(&w), ["122"]);
}
