//! Time and expansion budgets: a search stopped by its budget says so, with the states it saw
//! and still had queued, and one with budget to spare is the same as an unbudgeted one.

use sim::examples::racy_counter;
use sim::explore::{Deadline, Expansions, ExploreConfig, Explorer, StopReason};
use sim::{Options, World};

fn counter(threads: usize, increments: i64) -> World {
    World::new(racy_counter(threads, increments), Options::default()).expect("valid")
}

#[test]
fn an_expansion_budget_stops_the_search_and_reports_what_is_left() {
    let world = counter(3, 3);
    let mut ex = Explorer::new(&world, ExploreConfig::default());
    let report = ex.run_within(&mut Expansions(1_000));
    assert!(!report.complete);
    assert_eq!(report.stop, Some(StopReason::Time));
    // Checked every 256 expansions, so it stops within one slice past the budget; the 3 × 3
    // counter has 26,524 states (bench oracle), so plenty are left queued.
    assert!(
        (1_000..1_000 + 256).contains(&report.expansions),
        "{}",
        report.expansions
    );
    assert!(report.queued > 0);
    assert!(report.states > report.expansions);
}

#[test]
fn a_deadline_passed_by_the_second_reading_stops_after_one_slice() {
    let world = counter(2, 3);
    let mut ex = Explorer::new(&world, ExploreConfig::default());
    // A clock whose second reading is past the deadline.
    let mut t = 0.0;
    let mut budget = Deadline::new(5.0, move || {
        t += 10.0;
        t
    });
    let report = ex.run_within(&mut budget);
    assert_eq!(report.stop, Some(StopReason::Time));
    assert!(!report.complete);
    assert_eq!(report.expansions, 256, "one slice between the two readings");
}

#[test]
fn a_budget_with_room_to_spare_changes_nothing() {
    let world = counter(2, 3);
    let plain = Explorer::new(&world, ExploreConfig::default()).run();
    let mut ex = Explorer::new(&world, ExploreConfig::default());
    let start = std::time::Instant::now();
    let budgeted = ex.run_within(&mut Deadline::new(60_000.0, move || {
        start.elapsed().as_secs_f64() * 1000.0
    }));
    assert!(budgeted.complete);
    assert_eq!(budgeted, plain);
    // 12! / (6!)^2 interleavings of the two threads' six steps each.
    assert_eq!(budgeted.schedules, 924);
}

#[test]
fn slices_bounded_by_a_budget_pause_and_resume_to_the_same_report() {
    let world = counter(2, 3);
    let plain = Explorer::new(&world, ExploreConfig::default()).run();
    let mut ex = Explorer::new(&world, ExploreConfig::default());
    let mut slices = 0;
    loop {
        // A budget that lets three checks pass: 24 expansions a slice.
        let mut checks = 0;
        let progress = ex.run_while(&mut Calls(move || {
            checks += 1;
            checks > 3
        }));
        slices += 1;
        if progress.done {
            break;
        }
    }
    assert!(slices > 1, "the search took more than one slice");
    assert_eq!(ex.report(), plain);
}

/// A budget that asks a closure.
struct Calls<F: FnMut() -> bool>(F);

impl<F: FnMut() -> bool> sim::explore::Budget for Calls<F> {
    fn exhausted(&mut self, _expanded: u64) -> bool {
        (self.0)()
    }
}
