//! Our explorer on the racy counter (each increment a separate load and store), 2 threads ×
//! 3 increments and 3 × 3, and on programs of the course (the actor and channel counters and
//! the worker pool, compiled from their lessons): `cargo run --release -p switchboard-benches
//! --example explore` explores every distinct state of each once and prints a result line per
//! model, with the distinct states and the states per second. Names given as arguments
//! (`explorer-3x3 explorer-pool`) run only those models, for profiling one at a time.

use std::path::Path;
use std::time::Instant;

use sim::{Report, World};
use switchboard_benches::{count_histogram, counter_world, explore_all, result_line};

/// Course programs: result name, lesson file, program id, and the distinct states and
/// schedules the explorer must find (a run that finds others is not timed as this model).
const COURSE: [(&str, &str, &str, u64, &str); 3] = [
    (
        "explorer-actor-counter",
        "lessons/05-same-counter-three-ways.md",
        "actor-counter",
        241,
        "5415",
    ),
    (
        "explorer-csp-counter",
        "lessons/05-same-counter-three-ways.md",
        "csp-counter",
        44,
        "2192",
    ),
    (
        "explorer-pool",
        "lessons/06-real-world-shapes.md",
        "pool",
        154_435,
        "134240438992707",
    ),
];

fn main() {
    let only: Vec<String> = std::env::args().skip(1).collect();
    let wanted = |name: &str| only.is_empty() || only.iter().any(|o| o == name);
    // The oracles: 12! / (6!)^2 = 924 and 18! / (6!)^3 = 17,153,136 interleavings.
    for (name, threads, increments, oracle) in [
        ("explorer", 2, 3, 924u64),
        ("explorer-3x3", 3, 3, 17_153_136),
    ] {
        if !wanted(name) {
            continue;
        }
        let world = counter_world(threads, increments);
        let (report, seconds) = timed(&world);
        assert_eq!(report.schedules, oracle, "schedules counted");
        let outcomes: Vec<String> = count_histogram(&report)
            .iter()
            .map(|(n, c)| format!("{n}:{c}"))
            .collect();
        let note = format!(
            "states={} states_per_second={:.0} outcomes={}",
            report.states,
            report.states as f64 / seconds,
            outcomes.join(",")
        );
        println!("{}", result_line(name, seconds, report.schedules, &note));
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for (name, file, id, states, schedules) in COURSE {
        if !wanted(name) {
            continue;
        }
        let world = course_world(&root.join(file), id);
        let (report, seconds) = timed(&world);
        // Both counts in one comparison, so a changed program shows both new figures.
        assert_eq!(
            (report.states, report.total.to_string()),
            (states, schedules.to_string()),
            "{id}: (distinct states, schedules)"
        );
        let note = format!(
            "states={} states_per_second={:.0} outcomes={}",
            report.states,
            report.states as f64 / seconds,
            report.classes.len()
        );
        println!("{}", result_line(name, seconds, report.states, &note));
    }
}

/// Explores `world` completely with the command line's settings; the exploration alone is
/// timed. A cut search would make the timing meaningless, so the runner refuses it.
fn timed(world: &World) -> (Report, f64) {
    let start = Instant::now();
    let report = explore_all(world);
    let seconds = start.elapsed().as_secs_f64();
    assert!(report.complete, "exploration was cut");
    (report, seconds)
}

/// The world `switchboard explore` starts from for program `id` of a lesson (untimed).
fn course_world(path: &Path, id: &str) -> World {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).expect("the lesson is readable");
    let parsed = lesson::parse_lesson(&name, &text);
    let program = parsed
        .lesson
        .program(id)
        .expect("the lesson has the program");
    let ir = lesson::check::compile_program(&name, &text, program).expect("it compiles");
    let mut options = lesson::check::sim_options(program);
    options.record_trace = false;
    World::new(ir, options).expect("a valid program")
}
