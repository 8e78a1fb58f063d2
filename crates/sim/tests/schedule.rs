//! Schedulers, the schedule string, time travel and the explorer's bounds.

mod common;

use common::*;
use sim::ir::Pid;
use sim::schedule::{run, Manual, Random, Replay, RoundRobin, ScheduleError, SplitMix64};
use sim::{Choice, ExploreConfig, Explorer, Schedule, Timeline, WorldStatus};

#[test]
fn schedule_strings_round_trip_and_stay_short() {
    let cases: Vec<Vec<u32>> = vec![
        vec![],
        vec![0],
        vec![0, 1, 0, 1],
        vec![61, 62, 63, 1000, 4_000_000_000],
        vec![0; 2_000_000],
        vec![1, 1, 1, 2, 2, 2, 2, 2, 3],
    ];
    for picks in cases {
        let s = Schedule::from_picks(picks.clone());
        let text = s.to_string();
        assert!(
            text.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)),
            "not URL-safe: {text}"
        );
        assert_eq!(Schedule::parse(&text).unwrap().picks(), &picks[..]);
    }
    assert_eq!(
        Schedule::from_picks(vec![0; 2_000_000]).to_string(),
        "0-8oi3."
    );
    assert_eq!(
        Schedule::from_picks(vec![0, 1, 2, 62]).to_string(),
        "012_10."
    );
}

#[test]
fn bad_schedule_strings_say_where_and_what() {
    let err = |s: &str| Schedule::parse(s).unwrap_err();
    assert_eq!(
        err("01!"),
        ScheduleError {
            position: 2,
            expected: "a schedule character (0-9, a-z, A-Z, '_', '-', '.')",
            found: Some('!')
        }
    );
    assert_eq!(err("-3.").expected, "a choice before the repeat mark '-'");
    assert_eq!(err("0-3").found, None);
    assert_eq!(err("0-0.").expected, "a repeat count above zero");
    assert_eq!(err("_.").expected, "a base-62 digit");
    assert_eq!(
        err("0-ZZZZZZ.").expected,
        "a schedule of at most ten million steps"
    );
    assert_eq!(err("é").position, 0);
    assert_eq!(
        err("01!").to_string(),
        "bad schedule at character 3: expected a schedule character (0-9, a-z, A-Z, '_', '-', '.'), found '!'"
    );
}

#[test]
fn replaying_a_schedule_on_the_wrong_program_is_an_error_not_a_panic() {
    let mut w = world(racy_counter(2, 1));
    let mut replay = Replay::new(Schedule::parse("9").unwrap());
    let out = run(&mut w, &mut replay, 10);
    assert!(out.stopped_by_scheduler);
    let e = replay.error().unwrap();
    assert_eq!(
        e.to_string(),
        "the schedule does not fit this program: step 1 picks choice 9 but only 2 are enabled"
    );
    assert!(Schedule::parse("9")
        .unwrap()
        .choices(&world(racy_counter(2, 1)))
        .is_err());
}

#[test]
fn round_robin_takes_turns() {
    let mut w = world(racy_counter(3, 1));
    let out = run(&mut w, &mut RoundRobin::new(), 100);
    let choices = out.schedule.choices(&world(racy_counter(3, 1))).unwrap();
    let pids: Vec<u32> = choices.iter().map(|c| c.pid().unwrap().0).collect();
    assert_eq!(pids, vec![0, 1, 2, 0, 1, 2]);
}

#[test]
fn random_is_deterministic_per_seed_and_varies_across_seeds() {
    let schedule = |seed| {
        let mut w = world(racy_counter(3, 3));
        run(&mut w, &mut Random::new(seed), 1000).schedule
    };
    assert_eq!(schedule(7), schedule(7));
    let distinct: std::collections::BTreeSet<Schedule> = (0..20).map(schedule).collect();
    assert!(distinct.len() > 10);
    // The PRNG itself is pinned so seeds mean the same thing everywhere.
    let mut r = SplitMix64::new(0);
    assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
}

#[test]
fn manual_takes_exactly_the_queued_choice() {
    let mut w = world(racy_counter(2, 1));
    let mut m = Manual::new();
    m.choose(Choice::Run(Pid(1)));
    let out = run(&mut w, &mut m, 100);
    assert_eq!(out.steps, 1);
    assert_eq!(w.process(Pid(1)).unwrap().steps_taken(), 1);
    m.choose(Choice::Run(Pid(7)));
    let out = run(&mut w, &mut m, 100);
    assert_eq!(out.steps, 0);
    assert!(out.stopped_by_scheduler);
}

#[test]
fn timeline_steps_back_exactly_and_replays_from_any_step() {
    let mut w = world(racy_counter(2, 2));
    let out = run(&mut w, &mut RoundRobin::new(), 100);
    let choices = out.schedule.choices(&world(racy_counter(2, 2))).unwrap();
    let mut t = Timeline::with_interval(world(racy_counter(2, 2)), 2);
    for c in &choices {
        t.step(*c).unwrap();
    }
    assert_eq!(t.world().global("count"), w.global("count"));
    assert_eq!(t.world().trace().len(), w.trace().len());
    t.seek(3).unwrap();
    assert_eq!(t.world().step_count(), 3);
    assert_eq!(t.schedule(), out.schedule.prefix(3));
    // Take a different branch from step 3: the recorded future is replaced.
    let other = t
        .world()
        .enabled_choices()
        .into_iter()
        .find(|c| Some(c) != choices.get(3))
        .unwrap();
    t.step(other).unwrap();
    assert_eq!(t.recorded(), 4);
    assert!(t.step_forward().is_none());
    while t.step_back() {}
    assert_eq!(t.position(), 0);
    assert!(t.world().trace().is_empty());
}

#[test]
fn explorer_runs_in_slices_and_respects_bounds() {
    let w = world(racy_counter(2, 3));
    let mut ex = Explorer::new(&w, ExploreConfig::default());
    let mut slices = 0;
    loop {
        let p = ex.run_for(5);
        slices += 1;
        if p.done {
            assert!(p.complete);
            assert_eq!(p.queued, 0);
            break;
        }
    }
    assert!(slices > 10);
    let report = ex.report();
    assert_eq!(report.schedules, 924);
    assert!(report.complete && report.stop.is_none());

    let report = Explorer::new(
        &w,
        ExploreConfig {
            max_states: 20,
            ..ExploreConfig::default()
        },
    )
    .run();
    assert!(!report.complete);
    assert_eq!(report.stop, Some(sim::explore::StopReason::States));
    assert!(report.states >= 20 && report.queued > 0, "{report:?}");

    let report = Explorer::new(
        &w,
        ExploreConfig {
            max_depth: 5,
            ..ExploreConfig::default()
        },
    )
    .run();
    assert!(!report.complete);
    assert_eq!(report.stop, Some(sim::explore::StopReason::Depth));
    // Every schedule has 12 steps, so none ends within 5.
    assert!(report.classes.is_empty());
}

#[test]
fn explorer_labels_outcomes() {
    let w = world(racy_counter(2, 1));
    let report = Explorer::new(&w, ExploreConfig::default()).run();
    let labels: Vec<String> = report.classes.iter().map(|c| c.outcome.label(&w)).collect();
    assert_eq!(
        labels,
        vec!["count = 1, race, lost update", "count = 2, race"]
    );
    let over = {
        let mut w = world(racy_counter(1, 1));
        run(&mut w, &mut RoundRobin::new(), 10);
        assert_eq!(w.status(), &WorldStatus::Finished);
        w
    };
    assert_eq!(
        Explorer::new(&over, ExploreConfig::default())
            .run()
            .schedules,
        1
    );
}
