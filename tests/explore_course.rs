//! Explore works on every bundled program: each one's schedules are searched
//! within the browser's bounds and summarised, and every outcome's schedule
//! replays to that outcome in a session.

use sim::explore::{explore, ExploreConfig};
use switchboard::components::panel::explore::MAX_SCHEDULES;
use switchboard::course::course;
use switchboard::model::outcomes::{bars, summary};
use switchboard::model::programs::panel_program;
use switchboard::model::session::{Policy, Session};

#[test]
fn every_bundled_program_explores_within_bounds_and_its_bars_replay() {
    let (course, problems) = course();
    assert!(
        problems.is_empty(),
        "the bundled course parses cleanly: {problems:?}"
    );
    let mut explored = 0;
    for lesson in &course.lessons {
        for program in lesson.programs() {
            let panel = panel_program(program).unwrap_or_else(|e| panic!("{}: {e}", program.id));
            let session = Session::new(
                panel.program.clone(),
                panel.options.clone(),
                Policy::RoundRobin,
            )
            .unwrap();
            let config = ExploreConfig {
                max_schedules: MAX_SCHEDULES,
                ..ExploreConfig::default()
            };
            let report = explore(session.start_world(), config);
            assert!(
                report.schedules > 0,
                "{}: at least one schedule",
                program.id
            );
            let bars = bars(&report, session.start_world());
            assert_eq!(
                bars.iter().map(|b| b.count).sum::<u64>(),
                report.schedules,
                "{}",
                program.id
            );
            assert!(!summary(&report, &bars).is_empty());
            for bar in bars.iter().take(3) {
                let mut replay = session.clone();
                let taken = replay
                    .replay(&bar.schedule)
                    .unwrap_or_else(|e| panic!("{}: {e}", program.id));
                let length = sim::Schedule::parse(&bar.schedule).unwrap().len();
                assert_eq!(
                    taken, length,
                    "{}: every step of the schedule for `{}` replays",
                    program.id, bar.label
                );
            }
            explored += 1;
        }
    }
    assert!(explored >= 20, "the course has its programs ({explored})");
}
