//! Helpers shared by the integration tests: compile a program and run it in the simulator.
#![allow(dead_code)]

use lang::{compile, Dialect};
use sim::ir::{Program, Style};
use sim::schedule::Random;
use sim::{explore, run, ExploreConfig, Options, Report, World, WorldStatus};

/// Compiles or panics with the diagnostics (tests only).
pub fn program(dialect: Dialect, src: &str) -> Program {
    match compile(dialect, src) {
        Ok(p) => p,
        Err(d) => panic!("compile failed:\n{d}\n--- source ---\n{src}"),
    }
}

/// Runs to the end under the simulator's seeded random scheduler.
pub fn run_seeded(program: &Program, seed: u64) -> World {
    run_with(program, seed, Options::default())
}

/// Like [`run_seeded`] with options.
pub fn run_with(program: &Program, seed: u64, options: Options) -> World {
    let mut world = World::new(program.clone(), options).expect("valid program");
    let outcome = run(&mut world, &mut Random::new(seed), 2_000_000);
    assert!(world.is_over(), "run stopped early: {outcome:?}");
    world
}

/// Explores every schedule (within bounds) and returns the report.
pub fn explore_all(program: &Program, max_schedules: u64) -> Report {
    let world = World::new(program.clone(), Options::default()).expect("valid program");
    explore(
        &world,
        ExploreConfig {
            max_schedules,
            ..ExploreConfig::default()
        },
    )
}

/// Compiles and runs with seed 0; returns the printed lines.
pub fn output(dialect: Dialect, src: &str) -> Vec<String> {
    let p = program(dialect, src);
    let w = run_seeded(&p, 0);
    assert_finished(&w, src);
    lines(&w)
}

/// The printed lines of a world.
pub fn lines(w: &World) -> Vec<String> {
    w.output().iter().map(|t| t.to_string()).collect()
}

/// Fails the test unless the run finished normally (or idled with servers waiting).
pub fn assert_finished(w: &World, src: &str) {
    assert!(
        matches!(w.status(), WorldStatus::Finished | WorldStatus::Idle),
        "run did not finish: {:?}\nfindings: {:?}\noutput: {:?}\n--- source ---\n{src}",
        w.status(),
        w.findings(),
        lines(w)
    );
    assert!(
        !w.has_crash(),
        "a process crashed: {:?}\n{src}",
        w.findings()
    );
}

/// The value of a global shown as the dialect prints it.
pub fn global(w: &World, name: &str, style: Style) -> String {
    w.global(name)
        .map(|v| v.show(style))
        .unwrap_or_else(|| panic!("no global {name}"))
}

/// Checks that each program fails to compile with a message containing `needle` at exactly
/// `line:col`, and that every error has a hint. Reports every mismatch at once.
pub fn check_errors(dialect: lang::Dialect, cases: &[(&str, &str, &str)]) {
    let mut failures = Vec::new();
    for (src, needle, at) in cases {
        match compile(dialect, src) {
            Ok(_) => failures.push(format!("compiled but should fail: {src:?}")),
            Err(diags) => {
                let Some(d) = diags.first() else {
                    failures.push(format!("empty diagnostics for {src:?}"));
                    continue;
                };
                if !d.message.contains(needle) || d.line_col() != *at || d.hint.is_empty() {
                    failures.push(format!(
                        "{src:?}\n    want {at} …{needle}…\n    got  {}: {} (hint: {})",
                        d.line_col(),
                        d.message,
                        d.hint
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases wrong:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
