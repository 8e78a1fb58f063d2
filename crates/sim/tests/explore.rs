//! The state explorer against the schedule-by-schedule reference enumeration, and the things
//! only a state graph shows: infinite counts, livelocks, goal search.

mod common;

use std::collections::BTreeMap;

use common::brute::enumerate;
use common::*;
use sim::explore::{
    find_schedule, Count, Ending, ExploreConfig, Explorer, Outcome, Reduction, SearchBounds,
    SearchResult,
};
use sim::ir::{Expr, Program, ProgramBuilder, Style};
use sim::{Schedule, World};

/// Plays `schedule` on a copy of `world`.
fn replay(world: &World, schedule: &Schedule) -> World {
    let mut w = world.clone();
    for &pick in schedule.picks() {
        let choice = w.enabled_choices()[pick as usize];
        w.step(choice).expect("a recorded pick replays");
    }
    w
}

/// Explorer and enumeration agree on every outcome's exact count; each class's schedule
/// replays to its outcome and is no longer than the first one enumeration finds.
fn agree(world: &World, config: &ExploreConfig) {
    let reference = enumerate(world, config, 200_000);
    assert!(reference.complete, "the reference enumerates everything");
    for exact_keys in [false, true] {
        let report = Explorer::new(
            world,
            ExploreConfig {
                exact_keys,
                ..config.clone()
            },
        )
        .run();
        assert!(report.complete);
        assert!(report.livelocks.is_empty());
        let got: BTreeMap<Outcome, u64> = report
            .classes
            .iter()
            .map(|c| (c.outcome.clone(), c.count))
            .collect();
        let want: BTreeMap<Outcome, u64> = reference
            .classes
            .iter()
            .map(|(o, (n, _))| (o.clone(), *n))
            .collect();
        assert_eq!(got, want);
        assert_eq!(report.schedules, reference.schedules);
        for class in &report.classes {
            let end = replay(world, &class.schedule);
            assert!(end.is_over());
            let outcome = Outcome::of(&end, Ending::from_status(end.status()), config);
            assert_eq!(outcome, class.outcome);
            let first = &reference.classes[&class.outcome].1;
            assert!(class.schedule.len() <= first.len());
        }
    }
}

#[test]
fn explorer_agrees_with_enumeration_on_the_counters() {
    let config = ExploreConfig::default();
    for program in [
        racy_counter(2, 1),
        racy_counter(2, 2),
        racy_counter(3, 1),
        lock_counter(2, 2),
        actor_counter(2),
        channel_counter(2),
    ] {
        agree(&world(program), &config);
    }
    let quiet = ExploreConfig {
        output: false,
        findings: false,
        ..ExploreConfig::default()
    };
    agree(&world(racy_counter(2, 2)), &quiet);
}

/// `seen = choice`, and when it saw 1, spin until `flag` is set. T2 sets `choice`, then `flag`.
fn spin_then_exit(set_flag: bool) -> Program {
    let mut p = ProgramBuilder::new(Style::Python);
    let choice = p.global("choice", 0);
    let flag = p.global("flag", 0);
    let seen = p.global("seen", 0);
    let spinner = p.function("spinner", &[], |f| {
        let c = f.local("c");
        let t = f.local("t");
        f.read(c, choice);
        f.if_(Expr::from(c).eq(1), |f| {
            let top = f.label();
            f.bind(top);
            f.read(t, flag);
            f.jump_if(Expr::from(t).eq(0), top);
        });
        f.write(seen, c);
    });
    let setter = p.function("setter", &[], move |f| {
        f.write(choice, 1);
        if set_flag {
            f.write(flag, 1);
        }
    });
    p.thread("T1", spinner, vec![]);
    p.thread("T2", setter, vec![]);
    p.build()
}

#[test]
fn a_cycle_on_the_way_out_makes_that_outcome_infinite_and_leaves_the_others_exact() {
    let w = world(spin_then_exit(true));
    let config = ExploreConfig {
        watch: Some(vec!["seen".into()]),
        findings: false,
        ..ExploreConfig::default()
    };
    let report = Explorer::new(&w, config).run();
    assert!(report.complete);
    assert!(report.livelocks.is_empty(), "the spin always ends");
    let by_seen: BTreeMap<String, Count> = report
        .classes
        .iter()
        .map(|c| (format!("{:?}", c.outcome.values), c.exact.clone()))
        .collect();
    // seen = 0: T1's read of `choice` comes first, then its write and T2's two writes in
    // any order with T2's in program order: 3 schedules (worked out by hand).
    assert_eq!(by_seen[r#"[("seen", Int(0))]"#], Count::Finite(3u32.into()));
    assert_eq!(by_seen[r#"[("seen", Int(1))]"#], Count::Infinite);
    assert!(report.total.is_infinite());
}

#[test]
fn a_spin_wait_nobody_ends_is_a_livelock_with_a_replayable_cycle() {
    let w = world(spin_then_exit(false));
    let config = ExploreConfig::default();
    let report = Explorer::new(&w, config).run();
    assert!(report.complete);
    // seen = 0 still ends when T1 reads `choice` before T2 writes it.
    assert_eq!(report.classes.len(), 1);
    assert_eq!(report.livelocks.len(), 1, "{report:?}");
    let lock = &report.livelocks[0];
    assert!(!lock.cycle.is_empty());
    let entered = replay(&w, &lock.entry);
    assert!(!entered.is_over());
    let mut round = replay(&entered, &lock.cycle);
    for _ in 0..3 {
        assert!(!round.is_over());
        assert_eq!(round.global("choice"), Some(&int(1)));
        round = replay(&round, &lock.cycle);
    }
    assert_eq!(
        round.processes()[0].position(),
        entered.processes()[0].position()
    );
}

#[test]
fn polling_a_select_with_default_for_a_message_nobody_sends_is_starvation() {
    let mut p = ProgramBuilder::new(Style::Go);
    let ch = p.global_chan("ch", Some(0), int(0));
    let main = p.function("main", &[], |f| {
        let v = f.local("v");
        f.forever(|f| {
            f.select(|s| {
                s.recv(ch, Some(v), None, |f| f.ret(None));
                s.default(|f| f.print("waiting"));
            });
        });
    });
    p.goroutine("main", main, vec![]);
    let w = world(p.build());
    let config = ExploreConfig {
        output: false,
        ..ExploreConfig::default()
    };
    let report = Explorer::new(&w, config).run();
    assert!(report.complete, "{report:?}");
    assert!(report.classes.is_empty());
    assert_eq!(report.livelocks.len(), 1);
    let round = replay(
        &replay(&w, &report.livelocks[0].entry),
        &report.livelocks[0].cycle,
    );
    assert!(!round.is_over());
}

/// With sleep sets the spin-wait programs, the polling select and a terminating counter
/// reach exactly the outcomes the full search reaches.
#[test]
fn sleep_sets_keep_every_outcome_of_programs_with_cycles() {
    let mut programs = vec![spin_then_exit(true), spin_then_exit(false)];
    programs.push(racy_counter(2, 2));
    for program in programs {
        let w = world(program);
        let outcomes = |reduction| {
            let report = Explorer::new(
                &w,
                ExploreConfig {
                    reduction,
                    ..ExploreConfig::default()
                },
            )
            .run();
            assert!(report.complete);
            report
                .classes
                .into_iter()
                .map(|c| c.outcome)
                .collect::<Vec<_>>()
        };
        let mut full = outcomes(Reduction::None);
        let mut reduced = outcomes(Reduction::SleepSets);
        full.sort();
        reduced.sort();
        assert_eq!(reduced, full);
    }
}

#[test]
fn terminating_programs_have_no_livelock() {
    for program in [racy_counter(2, 3), lock_counter(2, 2), actor_counter(3)] {
        let report = Explorer::new(&world(program), ExploreConfig::default()).run();
        assert!(report.complete);
        assert!(report.livelocks.is_empty());
        assert!(!report.total.is_infinite());
    }
}

#[test]
fn goal_search_finds_a_shortest_lost_update() {
    let w = world(racy_counter(2, 1));
    let SearchResult::Found(s) =
        find_schedule(&w, |w| w.has_lost_update(), SearchBounds::default())
    else {
        panic!("a lost update is reachable");
    };
    // Both reads must come before the second write: four steps (worked out by hand).
    assert_eq!(s.len(), 4);
    assert!(replay(&w, &s).has_lost_update());
}

#[test]
fn goal_search_proves_a_goal_unreachable_or_says_it_gave_up() {
    let w = world(lock_counter(2, 2));
    assert_eq!(
        find_schedule(&w, |w| w.has_lost_update(), SearchBounds::default()),
        SearchResult::Impossible
    );
    let tight = SearchBounds {
        max_states: 5,
        max_depth: 400,
    };
    assert!(matches!(
        find_schedule(&w, |w| w.has_lost_update(), tight),
        SearchResult::GaveUp { queued, .. } if queued > 0
    ));
    let start = find_schedule(&w, |_| true, SearchBounds::default());
    assert_eq!(start, SearchResult::Found(Schedule::new()));
}
