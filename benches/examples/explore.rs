//! Our explorer on the racy counter (each increment a separate load and store), 2 threads ×
//! 3 increments and 3 × 3: `cargo run --release -p switchboard-benches --example explore`
//! explores every distinct state of each once and prints a result line per model, with the
//! distinct states and the states per second.

use std::time::Instant;

use switchboard_benches::{count_histogram, counter_world, explore_all, result_line};

fn main() {
    // The oracles: 12! / (6!)^2 = 924 and 18! / (6!)^3 = 17,153,136 interleavings.
    for (name, threads, increments, oracle) in [
        ("explorer", 2, 3, 924u64),
        ("explorer-3x3", 3, 3, 17_153_136),
    ] {
        let world = counter_world(threads, increments);
        let start = Instant::now();
        let report = explore_all(&world);
        let seconds = start.elapsed().as_secs_f64();
        // A wrong count would make the timing meaningless, so the runner refuses to report it.
        assert!(report.complete, "exploration was cut");
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
}
