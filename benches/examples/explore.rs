//! Our explorer on the racy counter (2 threads × 3 increments, each a separate load and
//! store): `cargo run --release -p switchboard-benches --example explore` explores every
//! schedule once and prints its result line.

use std::time::Instant;

use switchboard_benches::{count_histogram, counter_world, explore_all, result_line};

/// The oracle: C(12, 6) interleavings of two sequences of six steps.
const ORACLE: u64 = 924;

fn main() {
    let world = counter_world(2, 3);
    let start = Instant::now();
    let report = explore_all(&world);
    let seconds = start.elapsed().as_secs_f64();
    // A wrong count would make the timing meaningless, so the runner refuses to report it.
    assert!(report.complete, "exploration was cut");
    assert_eq!(report.schedules, ORACLE, "schedules explored");
    let outcomes: Vec<String> = count_histogram(&report)
        .iter()
        .map(|(n, c)| format!("{n}:{c}"))
        .collect();
    let note = format!("states={} outcomes={}", report.states, outcomes.join(","));
    println!(
        "{}",
        result_line("explorer", seconds, report.schedules, &note)
    );
}
