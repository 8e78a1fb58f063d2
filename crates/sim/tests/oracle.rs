//! The explorer against the oracle counts and an independent brute-force enumeration.

mod common;

use std::collections::BTreeMap;

use common::*;
use sim::explore::Ending;
use sim::ir::Value;
use sim::schedule::Replay;
use sim::{explore, ExploreConfig, WorldStatus};

fn histogram(threads: usize, increments: i64) -> (u64, BTreeMap<i64, u64>, bool) {
    let w = world(racy_counter(threads, increments));
    let config = ExploreConfig {
        max_schedules: u64::MAX,
        ..ExploreConfig::default()
    };
    let report = explore(&w, config);
    let mut hist = BTreeMap::new();
    for class in &report.classes {
        assert_eq!(class.outcome.ending, Ending::Finished);
        let Some((_, Value::Int(n))) = class.outcome.values.first() else {
            panic!("count missing from {:?}", class.outcome);
        };
        *hist.entry(*n).or_insert(0) += class.count;
    }
    (report.schedules, hist, report.complete)
}

#[test]
fn two_threads_three_increments_have_924_schedules() {
    let (schedules, hist, complete) = histogram(2, 3);
    assert!(complete);
    assert_eq!(schedules, 924);
    let want: BTreeMap<i64, u64> = [(2, 8), (3, 300), (4, 416), (5, 180), (6, 20)].into();
    assert_eq!(hist, want);
}

#[test]
fn two_threads_one_increment_have_6_schedules() {
    let (schedules, hist, complete) = histogram(2, 1);
    assert!(complete);
    assert_eq!(schedules, 6);
    let want: BTreeMap<i64, u64> = [(1, 4), (2, 2)].into();
    assert_eq!(hist, want);
}

/// Every interleaving of per-thread step sequences, simulated directly: each thread's steps
/// alternate read (tmp = count) and write (count = tmp + 1).
fn brute_force(threads: usize, increments: usize) -> (u64, BTreeMap<i64, u64>) {
    fn go(
        left: &mut Vec<usize>,
        tmp: &mut Vec<i64>,
        count: i64,
        per_thread: usize,
        hist: &mut BTreeMap<i64, u64>,
        total: &mut u64,
    ) {
        if left.iter().all(|l| *l == 0) {
            *total += 1;
            *hist.entry(count).or_insert(0) += 1;
            return;
        }
        for t in 0..left.len() {
            if left[t] == 0 {
                continue;
            }
            let done = per_thread - left[t];
            left[t] -= 1;
            if done.is_multiple_of(2) {
                let saved = tmp[t];
                tmp[t] = count;
                go(left, tmp, count, per_thread, hist, total);
                tmp[t] = saved;
            } else {
                go(left, tmp, tmp[t] + 1, per_thread, hist, total);
            }
            left[t] += 1;
        }
    }
    let per_thread = 2 * increments;
    let mut hist = BTreeMap::new();
    let mut total = 0;
    go(
        &mut vec![per_thread; threads],
        &mut vec![0; threads],
        0,
        per_thread,
        &mut hist,
        &mut total,
    );
    (total, hist)
}

#[test]
fn explorer_agrees_with_brute_force() {
    for threads in 2..=3 {
        for increments in 1..=3 {
            if threads == 3 && increments == 3 {
                // 17 million schedules: covered by the ignored test below.
                continue;
            }
            let (n, hist, complete) = histogram(threads, increments as i64);
            let (bn, bhist) = brute_force(threads, increments);
            assert!(complete);
            assert_eq!(n, bn, "{threads} threads × {increments}");
            assert_eq!(hist, bhist, "{threads} threads × {increments}");
        }
    }
}

#[test]
fn three_threads_three_increments_count_without_walking() {
    // 18 steps, 6 per thread: 18! / (6!)^3 = 17,153,136 interleavings (worked out by hand).
    let (n, hist, complete) = histogram(3, 3);
    assert!(complete);
    assert_eq!(n, 17_153_136);
    assert_eq!(hist.values().sum::<u64>(), n);
}

#[test]
#[ignore = "brute force walks 17 million schedules; run with --ignored --release"]
fn explorer_agrees_with_brute_force_three_by_three() {
    let (n, hist, complete) = histogram(3, 3);
    assert!(complete);
    let (bn, bhist) = brute_force(3, 3);
    assert_eq!((n, hist), (bn, bhist));
}

#[test]
fn representative_schedules_replay_to_their_outcome() {
    let w = world(racy_counter(2, 3));
    let report = explore(&w, ExploreConfig::default());
    for class in report.classes {
        let text = class.schedule.to_string();
        let schedule: sim::Schedule = text.parse().unwrap();
        let mut replay = w.clone();
        let out = sim::run(&mut replay, &mut Replay::new(schedule), 1000);
        assert_eq!(out.status, WorldStatus::Finished);
        assert_eq!(
            replay.global("count"),
            class.outcome.values.first().map(|(_, v)| v)
        );
    }
}

#[test]
fn actor_and_channel_counters_always_end_at_two() {
    for program in [actor_counter(2), channel_counter(2)] {
        let w = world(program);
        let report = explore(&w, ExploreConfig::default());
        assert!(report.complete, "exploration was cut");
        assert!(report.schedules > 1);
        for class in &report.classes {
            assert_eq!(
                class.outcome.output,
                vec![sim::ir::Text::new("2")],
                "{:?}",
                class.outcome
            );
            assert!(!class.outcome.race && !class.outcome.crash);
            assert!(matches!(
                class.outcome.ending,
                Ending::Finished | Ending::Idle
            ));
        }
    }
}

#[test]
fn lock_counter_never_loses_an_update() {
    let w = world(lock_counter(2, 2));
    let report = explore(&w, ExploreConfig::default());
    assert!(report.complete);
    assert_eq!(report.classes.len(), 1);
    let o = &report.classes[0].outcome;
    assert_eq!(o.values, vec![("count".to_string(), int(4))]);
    assert!(!o.race && !o.lost_update);
}
