//! The explorer in headless Chromium, for `make bench` only (behind the `wasm-bench` feature,
//! so `make test` never builds it):
//!
//! `cargo test --release --target wasm32-unknown-unknown -p switchboard-benches
//! --features wasm-bench --test wasm_explore -- --nocapture`
//!
//! It explores the same models as the native `examples/explore.rs` (the racy counter 2 × 3
//! and 3 × 3, and the course's actor counter, channel counter and worker pool), each once,
//! timed with `performance.now()`, and logs the same result lines under `wasm-` names. It
//! asserts the exact state and schedule counts the native runner asserts, never the time.
#![cfg(all(target_arch = "wasm32", feature = "wasm-bench"))]

use sim::{Report, World};
use switchboard_benches::{counter_world, explore_all, result_line};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const LESSON_05: &str = include_str!("../../lessons/05-same-counter-three-ways.md");
const LESSON_06: &str = include_str!("../../lessons/06-real-world-shapes.md");

/// Result name, lesson text, program id, and the distinct states and schedules to find (the
/// native runner's figures).
const COURSE: [(&str, &str, &str, u64, &str); 3] = [
    (
        "wasm-explorer-actor-counter",
        LESSON_05,
        "actor-counter",
        241,
        "5415",
    ),
    (
        "wasm-explorer-csp-counter",
        LESSON_05,
        "csp-counter",
        44,
        "2192",
    ),
    (
        "wasm-explorer-pool",
        LESSON_06,
        "pool",
        154_435,
        "134240438992707",
    ),
];

#[wasm_bindgen_test]
fn explorer_in_the_browser() {
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .expect("a page has performance.now()");
    let timed = |name: &str, world: &World| -> Report {
        let start = performance.now();
        let report = explore_all(world);
        let seconds = (performance.now() - start) / 1000.0;
        assert!(report.complete, "{name}: exploration was cut");
        let note = format!(
            "states={} states_per_second={:.0}",
            report.states,
            report.states as f64 / seconds
        );
        console_log!("{}", result_line(name, seconds, report.states, &note));
        report
    };
    // The oracles: 12! / (6!)^2 = 924 and 18! / (6!)^3 = 17,153,136 interleavings.
    for (name, threads, oracle) in [
        ("wasm-explorer", 2, 924u64),
        ("wasm-explorer-3x3", 3, 17_153_136),
    ] {
        let report = timed(name, &counter_world(threads, 3));
        assert_eq!(report.schedules, oracle, "{name}: schedules counted");
    }
    for (name, text, id, states, schedules) in COURSE {
        let parsed = lesson::parse_lesson("lesson.md", text);
        let program = parsed
            .lesson
            .program(id)
            .expect("the lesson has the program");
        let ir = lesson::check::compile_program("lesson.md", text, program).expect("it compiles");
        let mut options = lesson::check::sim_options(program);
        options.record_trace = false;
        let world = World::new(ir, options).expect("a valid program");
        let report = timed(name, &world);
        // Both counts in one comparison, so a changed program shows both new figures.
        assert_eq!(
            (report.states, report.total.to_string()),
            (states, schedules.to_string()),
            "{id}: (distinct states, schedules)"
        );
    }
}
