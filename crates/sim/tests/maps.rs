//! Map size (`MapLen`) and comma-ok map reads (`MapRead { ok, .. }`): what they return, how
//! they are narrated, and what the race detector sees.

mod common;

use common::*;
use sim::detect::Finding;
use sim::ir::{Expr, FuncId, Local, Op, Pattern, ProcKind, Program, ProgramBuilder, Style, Value};
use sim::schedule::{run, RoundRobin};
use sim::world::{Location, Status};
use sim::{explore, ExploreConfig, World};

fn run_rr(w: &mut World) {
    run(w, &mut RoundRobin::new(), 100_000);
}

fn output(w: &World) -> Vec<String> {
    w.output().iter().map(|t| t.to_string()).collect()
}

/// Every schedule's (race?, output) pair, sorted and without repeats.
fn all_outcomes(program: Program) -> Vec<(bool, Vec<String>)> {
    let report = explore(&world(program), ExploreConfig::default());
    assert!(report.complete);
    let mut out: Vec<(bool, Vec<String>)> = report
        .classes
        .iter()
        .map(|c| {
            (
                c.outcome.race,
                c.outcome.output.iter().map(|t| t.to_string()).collect(),
            )
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn map_len_counts_the_keys_that_hold_a_value() {
    let mut p = ProgramBuilder::new(Style::Go);
    let hits = p.global_map("hits");
    let f = p.function("main", &[], |f| {
        let n = f.local("n");
        let t = f.local("t");
        f.map_len(n, hits);
        f.print(Expr::Local(n).show());
        f.map_write(hits, "a", 1);
        f.map_write(hits, "b", 2);
        f.map_write(hits, "a", 3);
        // A read of a missing key with a default leaves no entry behind.
        f.map_read(t, hits, "zzz", Some(Expr::int(0)));
        f.map_len(n, hits);
        f.print(Expr::Local(n).show());
    });
    p.goroutine("main", f, vec![]);
    let mut w = world(p.build());
    run_rr(&mut w);
    assert_eq!(output(&w), vec!["0", "2"]);
    assert!(story(&w)
        .iter()
        .any(|l| l.ends_with("main reads len(hits) = 2 into n")));
    assert_eq!(
        w.load(Location::Keys(sim::ir::MapId(0))),
        Some(Value::Int(2))
    );
}

#[test]
fn map_len_is_a_visible_step_and_crashes_on_a_non_map() {
    assert!(Op::MapLen {
        dst: Local(0),
        map: Expr::int(1),
    }
    .is_visible());
    let mut p = ProgramBuilder::new(Style::Python);
    let f = p.function("f", &[], |f| {
        let n = f.local("n");
        f.map_len(n, 7);
    });
    p.thread("T1", f, vec![]);
    let mut w = world(p.build());
    assert_eq!(w.enabled_choices().len(), 1, "the len is the first step");
    run_rr(&mut w);
    match w.processes()[0].status() {
        Status::Crashed(r) => assert_eq!(r.as_str(), "expected a map, got 7"),
        other => panic!("did not crash: {other:?}"),
    }
}

#[test]
fn comma_ok_reads_say_whether_the_key_is_there() {
    let mut p = ProgramBuilder::new(Style::Python);
    let d = p.global_map("d");
    let f = p.function("main", &[], |f| {
        let v = f.local("v");
        let ok = f.local("ok");
        let show = |f: &mut sim::ir::FunctionBuilder| {
            f.print(Expr::Format(vec![
                sim::ir::FmtPart::Repr(Expr::Local(v)),
                sim::ir::FmtPart::Lit(" ".into()),
                sim::ir::FmtPart::Show(Expr::Local(ok)),
            ]));
        };
        f.map_write(d, "a", 1);
        f.map_read_ok(v, ok, d, "a", Some(Expr::int(0)));
        show(f);
        f.map_read_ok(v, ok, d, "b", Some(Expr::int(0)));
        show(f);
        // Without a default a miss gives `None`, not a KeyError.
        f.map_read_ok(v, ok, d, "c", None);
        show(f);
    });
    p.thread("main", f, vec![]);
    let mut w = world(p.build());
    run_rr(&mut w);
    assert_eq!(output(&w), vec!["1 True", "0 False", "None False"]);
    let story = story(&w);
    assert!(story
        .iter()
        .any(|l| l.ends_with("main reads d['a'] = 1 into v")));
    assert!(
        story
            .iter()
            .any(|l| l.ends_with("main looks up d['b']: the key is missing, so v = 0")),
        "{story:#?}"
    );
    assert!(!w.has_crash());
    // Misses leave no entry on the whiteboard.
    assert_eq!(w.shared_state(), vec![("d['a']".to_string(), int(1))]);
}

#[test]
fn a_miss_into_a_hidden_local_is_narrated_without_it() {
    let mut p = ProgramBuilder::new(Style::Python);
    let d = p.global_map("d");
    let f = p.function("main", &[], |f| {
        let v = f.local("$v");
        let ok = f.local("$ok");
        f.map_read_ok(v, ok, d, "a", None);
        f.map_write(d, "a", 1);
        f.map_read_ok(v, ok, d, "a", None);
    });
    p.thread("main", f, vec![]);
    let mut w = world(p.build());
    run_rr(&mut w);
    let story = story(&w);
    assert!(story
        .iter()
        .any(|l| l.ends_with("main looks up d['a']: the key is missing")));
    assert!(story.iter().any(|l| l.ends_with("main reads d['a'] = 1")));
}

/// `main` starts T1 running `first` and T2 running `second`, then joins both (the first
/// process is main, and its end would end the run).
fn two_threads(
    build: impl FnOnce(&mut ProgramBuilder) -> (FuncId, FuncId),
    style: Style,
) -> Program {
    let mut p = ProgramBuilder::new(style);
    let (a, b) = build(&mut p);
    let main = p.function("main", &[], move |f| {
        let t1 = f.local("t1");
        let t2 = f.local("t2");
        f.spawn(Some(t1), ProcKind::Thread, a, vec![]);
        f.spawn(Some(t2), ProcKind::Thread, b, vec![]);
        f.join(t1);
        f.join(t2);
    });
    p.thread("main", main, vec![]);
    p.build()
}

#[test]
fn len_against_an_unordered_insert_is_a_race_in_every_order() {
    let program = two_threads(
        |p| {
            let m = p.global_map("m");
            let reader = p.function("reader", &[], |f| {
                let n = f.local("n");
                f.map_len(n, m);
                f.print(Expr::Local(n).show());
            });
            let writer = p.function("writer", &[], |f| f.map_write(m, "k", 1));
            (reader, writer)
        },
        Style::Go,
    );
    let outcomes = all_outcomes(program.clone());
    assert_eq!(
        outcomes,
        vec![(true, vec!["0".to_string()]), (true, vec!["1".to_string()])]
    );
    let mut w = world(program);
    run_rr(&mut w);
    let race = w
        .findings()
        .iter()
        .find_map(|f| match f {
            Finding::Race { loc, .. } => Some(*loc),
            _ => None,
        })
        .expect("a race");
    assert_eq!(race, Location::Keys(sim::ir::MapId(0)));
    assert!(story(&w).iter().any(|l| l.contains("data race on len(m)")));
}

#[test]
fn inserts_of_different_keys_and_overwrites_do_not_race_with_each_other_or_len() {
    // Two inserts of different keys: separate entries, no race (as before `MapLen`).
    let inserts = two_threads(
        |p| {
            let m = p.global_map("m");
            let a = p.function("a", &[], |f| f.map_write(m, "a", 1));
            let b = p.function("b", &[], |f| f.map_write(m, "b", 1));
            (a, b)
        },
        Style::Go,
    );
    assert!(all_outcomes(inserts).iter().all(|(race, _)| !race));
    // Overwriting a key that exists does not change the key set.
    let mut p = ProgramBuilder::new(Style::Go);
    let m = p.global_map("m");
    let reader = p.function("reader", &[], |f| {
        let n = f.local("n");
        f.map_len(n, m);
        f.print(Expr::Local(n).show());
    });
    let writer = p.function("writer", &[], |f| f.map_write(m, "k", 2));
    let main = p.function("main", &[], move |f| {
        let t1 = f.local("t1");
        let t2 = f.local("t2");
        f.map_write(m, "k", 1);
        f.spawn(Some(t1), ProcKind::Thread, reader, vec![]);
        f.spawn(Some(t2), ProcKind::Thread, writer, vec![]);
        f.join(t1);
        f.join(t2);
    });
    p.thread("main", main, vec![]);
    let outcomes = all_outcomes(p.build());
    assert_eq!(outcomes, vec![(false, vec!["1".to_string()])]);
}

#[test]
fn len_ordered_by_a_lock_or_a_join_is_not_a_race() {
    let locked = two_threads(
        |p| {
            let m = p.global_map("m");
            let l = p.global_lock("mu");
            let reader = p.function("reader", &[], |f| {
                let n = f.local("n");
                f.acquire(l);
                f.map_len(n, m);
                f.release(l);
                f.print(Expr::Local(n).show());
            });
            let writer = p.function("writer", &[], |f| {
                f.acquire(l);
                f.map_write(m, "k", 1);
                f.release(l);
            });
            (reader, writer)
        },
        Style::Go,
    );
    assert_eq!(
        all_outcomes(locked),
        vec![
            (false, vec!["0".to_string()]),
            (false, vec!["1".to_string()])
        ]
    );
    let mut p = ProgramBuilder::new(Style::Python);
    let m = p.global_map("m");
    let writer = p.function("writer", &[], |f| f.map_write(m, "k", 1));
    let main = p.function("main", &[], move |f| {
        let t = f.local("t");
        let n = f.local("n");
        f.spawn(Some(t), ProcKind::Thread, writer, vec![]);
        f.join(t);
        f.map_len(n, m);
        f.print(Expr::Local(n).show());
    });
    p.thread("main", main, vec![]);
    assert_eq!(
        all_outcomes(p.build()),
        vec![(false, vec!["1".to_string()])]
    );
}

#[test]
fn a_comma_ok_miss_races_with_a_later_unordered_insert_of_that_key() {
    let program = two_threads(
        |p| {
            let m = p.global_map("m");
            let reader = p.function("reader", &[], |f| {
                let v = f.local("v");
                let ok = f.local("ok");
                f.map_read_ok(v, ok, m, "k", Some(Expr::int(0)));
                f.print(Expr::Local(ok).show());
            });
            let writer = p.function("writer", &[], |f| f.map_write(m, "k", 1));
            (reader, writer)
        },
        Style::Go,
    );
    assert_eq!(
        all_outcomes(program),
        vec![
            (true, vec!["false".to_string()]),
            (true, vec!["true".to_string()])
        ]
    );
}

#[test]
fn map_len_works_in_every_style() {
    let mut p = ProgramBuilder::new(Style::Erlang);
    let m = p.global_map("m");
    let f = p.function("main", &[], |f| {
        let n = f.local("N");
        f.map_len(n, m);
        f.case(Expr::Local(n), sim::ir::NoMatch::CaseClause, |c| {
            c.on(Pattern::Const(Value::Int(0)), |f| f.print("empty"));
        });
    });
    p.actor("main", f, vec![]);
    let mut w = world(p.build());
    run_rr(&mut w);
    assert_eq!(output(&w), vec!["empty"]);
}

#[test]
fn validation_checks_the_new_slots() {
    let mut p = ProgramBuilder::new(Style::Go);
    let m = p.global_map("m");
    let f = p.function("main", &[], |f| {
        f.map_len(Local(9), m);
    });
    p.goroutine("main", f, vec![]);
    let err = p.build().validate().expect_err("slot 9 does not exist");
    assert!(err.message.contains("local slot 9"), "{err}");

    let mut p = ProgramBuilder::new(Style::Go);
    let m = p.global_map("m");
    let f = p.function("main", &[], |f| {
        let v = f.local("v");
        f.map_read_ok(v, Local(7), m, "k", None);
    });
    p.goroutine("main", f, vec![]);
    let err = p.build().validate().expect_err("slot 7 does not exist");
    assert!(err.message.contains("local slot 7"), "{err}");
}
