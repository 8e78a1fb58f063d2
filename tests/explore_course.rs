//! Explore works on every bundled program: each one's state graph is searched completely
//! within the browser's bounds, and every outcome's schedule replays in a session to that
//! very outcome.

use sim::explore::{explore, Ending, ExploreConfig, Outcome};
use switchboard::components::panel::explore::MAX_STATES;
use switchboard::course::course;
use switchboard::model::outcomes::{bars, summary};
use switchboard::model::programs::panel_program;
use switchboard::model::session::{Policy, Session};

#[test]
fn every_bundled_program_explores_completely_and_its_outcomes_replay() {
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
            // The configuration the browser's Explore panel uses.
            let config = ExploreConfig {
                max_states: MAX_STATES,
                ..ExploreConfig::default()
            };
            let report = explore(session.start_world(), config.clone());
            assert!(
                report.complete,
                "{}: stopped by {:?} after {} states ({} queued)",
                program.id, report.stop, report.states, report.queued
            );
            assert!(
                report.schedules > 0,
                "{}: at least one schedule",
                program.id
            );
            let bars = bars(&report, session.start_world());
            assert!(!summary(&report, &bars).is_empty());
            for class in &report.classes {
                let mut replay = session.clone();
                replay
                    .replay(&class.schedule.encode())
                    .unwrap_or_else(|e| panic!("{}: {e}", program.id));
                let end = replay.world();
                assert!(
                    end.is_over(),
                    "{}: the schedule runs to its end",
                    program.id
                );
                let outcome = Outcome::of(end, Ending::from_status(end.status()), &config);
                assert_eq!(
                    outcome,
                    class.outcome,
                    "{}: the schedule for `{}` replays to that outcome",
                    program.id,
                    class.outcome.label(end)
                );
            }
            for lock in &report.livelocks {
                let mut replay = session.clone();
                replay
                    .replay(&lock.entry.encode())
                    .unwrap_or_else(|e| panic!("{}: {e}", program.id));
                assert!(
                    !replay.world().is_over(),
                    "{}: a livelock never ends",
                    program.id
                );
            }
            println!(
                "{:<28} {:>7} states {:>12} schedules {:>3} outcomes {} livelocks",
                program.id,
                report.states,
                report.total,
                report.classes.len(),
                report.livelocks.len()
            );
            explored += 1;
        }
    }
    assert!(explored >= 20, "the course has its programs ({explored})");
}
