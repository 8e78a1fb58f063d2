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

/// The reasons of every crash in a world's trace, in order.
pub fn crash_reasons(w: &World) -> Vec<String> {
    w.trace()
        .iter()
        .filter_map(|e| match &e.kind {
            sim::EventKind::Crash { reason } => Some(reason.to_string()),
            _ => None,
        })
        .collect()
}

/// The reason of the one crash of `src` (Python), run round-robin to the end.
pub fn one_crash_reason(src: &str) -> String {
    let mut w = World::new(program(Dialect::Python, src), Options::default()).expect("world");
    run(&mut w, &mut sim::schedule::RoundRobin::new(), 100_000);
    let reasons = crash_reasons(&w);
    assert_eq!(reasons.len(), 1, "{reasons:?}\n{src}");
    reasons[0].clone()
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

/// Runs in expand mode under a seeded random scheduler, to the end.
pub fn run_expanded(program: &Program, seed: u64) -> World {
    run_with(
        program,
        seed,
        Options {
            expand: true,
            ..Options::default()
        },
    )
}

/// What each step of a run did, one label per step ("T1: read count", "T1: compute tmp",
/// "main: spawn", …), checking that every step did exactly one such action. Side events
/// (blocking, waking, exits, detector findings) are left out.
pub fn step_actions(w: &World) -> Vec<String> {
    use sim::EventKind as K;
    let mut out: Vec<(u64, String)> = Vec::new();
    for e in w.trace().iter() {
        let who = w.process_name(e.pid).to_string();
        let what = match &e.kind {
            K::Read { loc, .. } => format!("read {}", w.location_name(*loc)),
            K::Write(write) => format!("write {}", w.location_name(write.loc)),
            K::Compute { local, .. } => format!("compute {}", w.local_name(*local)),
            K::Spawn { .. } => "spawn".to_string(),
            K::Join { .. } => "join".to_string(),
            K::Print { .. } => "print".to_string(),
            K::Send { .. } => "send".to_string(),
            K::Receive { .. } => "receive".to_string(),
            K::WgAdd { delta, .. } if *delta < 0 => "wg done".to_string(),
            K::WgAdd { .. } => "wg add".to_string(),
            K::WgWait { .. } => "wg wait".to_string(),
            K::Acquire { .. } => "acquire".to_string(),
            K::Release { .. } => "release".to_string(),
            K::Rendezvous { .. } | K::ChanSend { .. } | K::ChanRecv { .. } => "chan".to_string(),
            K::Block { .. }
            | K::Unblock
            | K::Exit
            | K::Crash { .. }
            | K::Finding(_)
            | K::Deliver { .. }
            | K::Drop { .. } => continue,
            other => format!("{other:?}"),
        };
        out.push((e.step, format!("{who}: {what}")));
    }
    let steps: Vec<u64> = out.iter().map(|(s, _)| *s).collect();
    let expected: Vec<u64> = (1..=w.step_count()).collect();
    assert_eq!(steps, expected, "one action per step: {out:#?}");
    out.into_iter().map(|(_, a)| a).collect()
}

/// How many times each label occurs, ignoring which process it was (`T1`/`T2` differ by
/// schedule): "read count" → 5.
pub fn action_counts(actions: &[String]) -> std::collections::BTreeMap<String, usize> {
    let mut out = std::collections::BTreeMap::new();
    for a in actions {
        let what = a.split_once(": ").map_or(a.as_str(), |(_, w)| w);
        *out.entry(what.to_string()).or_insert(0) += 1;
    }
    out
}

/// The counts as `[("read count", 5), …]` for comparing in a test.
pub fn counts(pairs: &[(&str, usize)]) -> std::collections::BTreeMap<String, usize> {
    pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

/// Explores every schedule of `program` with its initial processes replaced by two
/// `kind` processes running `function` (no main process), in expand mode.
pub fn explore_two_without_main(
    program: &Program,
    function: &str,
    kind: sim::ir::ProcKind,
) -> Report {
    let mut p = program.clone();
    let func = p.function_named(function).expect("function exists");
    p.processes = (1..=2)
        .map(|i| sim::ir::ProcessSpec {
            name: Some(format!("T{i}")),
            kind,
            func,
            args: Vec::new(),
        })
        .collect();
    let world = World::new(
        p,
        Options {
            expand: true,
            main_exit_ends_program: Some(false),
            ..Options::default()
        },
    )
    .expect("valid program");
    explore(&world, ExploreConfig::default())
}
