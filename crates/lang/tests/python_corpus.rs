//! A corpus of Python threading programs of the kind a beginner meets in the documentation and
//! tutorials, written for this project, each run through the Python front-end and the simulator
//! and compared with what CPython prints.
//!
//! How the expected outputs were obtained: every `NAME.out` under `tests/python_corpus/` is the
//! exact stdout of `python3 NAME.py` with CPython 3.11.7 on Linux, recorded on 2026-12-01 and 2026-12-02 by
//! `tests/python_corpus/record.sh 20`, which runs each program 20 times and keeps only programs
//! whose stdout (and last stderr line) was identical every time. `NAME.err`, when present, is the
//! last line CPython wrote to stderr: the exception line of an uncaught exception in a thread.
//! No `.out` is edited by hand; rerun `record.sh` after changing a program.
//!
//! Each program runs under the round-robin scheduler and a few seeded random schedules; its
//! output must be the same under every one. Output is line-based today, so a run's output is
//! rendered as each of the world's output lines followed by `"\n"`, then compared with the
//! `.out` file character for character.
//!
//! Programs the front-end cannot run yet are listed in [`PENDING`]; their tests assert that they
//! still fail, so a program that starts passing says to move it off the list.
//! `cargo test -p lang --test python_corpus -- --nocapture summary` prints the pass count and
//! the first error of each pending program.

use std::path::PathBuf;

use lang::{compile, Dialect};
use sim::schedule::{Random, RoundRobin};
use sim::{run, EventKind, Options, Scheduler, World, WorldStatus};

/// Programs not yet expected to pass: the work list for the Python front-end.
const PENDING: &[&str] = &[
    "comprehension_squares",
    "daemon_lighthouse",
    "data_mix",
    "double_start",
    "ferry_subclass",
    "float_prints",
    "format_styles",
    "functions_toolbox",
    "garden_inheritance",
    "hike_barrier",
    "join_timeout",
    "lantern_list",
    "logging_workers",
    "main_guard",
    "parcel_queue",
    "piggy_bank",
    "pool_map",
    "pool_submit",
    "print_options",
    "queue_timeout",
    "racy_turnstile",
    "rlock_ledger",
    "soup_condition",
];

/// Seeds of the random schedules each program runs under, besides round-robin.
const SEEDS: [u64; 4] = [0, 1, 7, 42];

/// Steps one run may take before it counts as runaway.
const STEP_BUDGET: u64 = 2_000_000;

/// The corpus directory.
fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/python_corpus")
}

/// Reads `NAME.EXT` from the corpus, or `None` when it does not exist.
fn corpus_file(name: &str, ext: &str) -> Option<String> {
    std::fs::read_to_string(corpus_dir().join(format!("{name}.{ext}"))).ok()
}

/// The world's output as text: each line followed by a newline.
fn rendered_output(world: &World) -> String {
    world.output().iter().map(|t| format!("{t}\n")).collect()
}

/// Why each crashed thread crashed, as "name: reason".
fn crash_reasons(world: &World) -> Vec<String> {
    world
        .trace()
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Crash { reason } => Some(format!("{}: {reason}", world.process_name(e.pid))),
            _ => None,
        })
        .collect()
}

/// Runs one schedule and checks it against CPython's output; `Err` says what differed.
fn check_run(
    world: &mut World,
    scheduler: &mut dyn Scheduler,
    label: &str,
    expected_out: &str,
    expected_err: Option<&str>,
) -> Result<(), String> {
    let outcome = run(world, scheduler, STEP_BUDGET);
    if !world.is_over() {
        return Err(format!(
            "{label}: still running after {STEP_BUDGET} steps: {outcome:?}"
        ));
    }
    if !matches!(world.status(), WorldStatus::Finished | WorldStatus::Idle) {
        return Err(format!(
            "{label}: run ended {:?}: {:?}",
            world.status(),
            world.findings()
        ));
    }
    match expected_err {
        None if world.has_crash() => {
            return Err(format!(
                "{label}: a thread crashed: {}",
                crash_reasons(world).join("; ")
            ))
        }
        Some(line) => {
            let reasons = crash_reasons(world).join("; ");
            if !reasons.contains(line.trim()) {
                return Err(format!(
                    "{label}: expected a thread to end with `{}`, crashes: [{reasons}]",
                    line.trim()
                ));
            }
        }
        None => {}
    }
    let got = rendered_output(world);
    if got != expected_out {
        return Err(format!(
            "{label}: output differs\n--- CPython ---\n{expected_out}--- simulator ---\n{got}"
        ));
    }
    Ok(())
}

/// Compiles the program and runs it under every schedule; `Err` holds the first problem (a
/// compile error as `line:col: message`).
fn attempt(name: &str) -> Result<(), String> {
    let src = corpus_file(name, "py").ok_or_else(|| format!("missing {name}.py"))?;
    let expected_out = corpus_file(name, "out").ok_or_else(|| format!("missing {name}.out"))?;
    let expected_err = corpus_file(name, "err");
    let program = compile(Dialect::Python, &src).map_err(|diags| match diags.first() {
        Some(d) => format!("{}: {}", d.line_col(), d.message),
        None => "compile failed with no diagnostic".to_string(),
    })?;
    let fresh = || World::new(program.clone(), Options::default()).map_err(|e| format!("{e:?}"));
    check_run(
        &mut fresh()?,
        &mut RoundRobin::new(),
        "round-robin",
        &expected_out,
        expected_err.as_deref(),
    )?;
    for seed in SEEDS {
        check_run(
            &mut fresh()?,
            &mut Random::new(seed),
            &format!("seed {seed}"),
            &expected_out,
            expected_err.as_deref(),
        )?;
    }
    Ok(())
}

/// A passing program must pass; a pending one must still fail.
fn check(name: &str) {
    let result = attempt(name);
    if PENDING.contains(&name) {
        assert!(
            result.is_err(),
            "{name} now passes: move it off PENDING in python_corpus.rs"
        );
    } else if let Err(e) = result {
        panic!("{name}: {e}");
    }
}

macro_rules! corpus {
    ($($name:ident),* $(,)?) => {
        /// Every program in the corpus, in the order of the tests.
        const CORPUS: &[&str] = &[$(stringify!($name)),*];
        $(
            #[test]
            fn $name() {
                check(stringify!($name));
            }
        )*
    };
}

corpus! {
    bakery_condition,
    bounded_bakery,
    comprehension_squares,
    crashing_worker,
    daemon_lighthouse,
    data_mix,
    double_start,
    ferry_subclass,
    float_prints,
    format_styles,
    functions_toolbox,
    garden_inheritance,
    hike_barrier,
    join_timeout,
    kwargs_greeter,
    lantern_list,
    logging_workers,
    main_guard,
    named_bakers,
    parcel_queue,
    parking_semaphore,
    piggy_bank,
    pool_map,
    pool_submit,
    print_options,
    queue_timeout,
    racy_turnstile,
    relay_barrier,
    relay_sleep,
    rlock_ledger,
    soup_condition,
    starting_pistol,
    store_then_start,
    ticket_booth,
    ticket_window,
}

#[test]
fn corpus_lists_every_program_in_the_directory() {
    let mut on_disk: Vec<String> = std::fs::read_dir(corpus_dir())
        .expect("corpus directory")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|f| f.strip_suffix(".py").map(str::to_string))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CORPUS.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed, "corpus! and the directory disagree");
    for name in PENDING {
        assert!(
            CORPUS.contains(name),
            "PENDING names unknown program {name}"
        );
    }
}

#[test]
fn summary() {
    let mut passes = 0;
    let mut failures = Vec::new();
    for name in CORPUS {
        match attempt(name) {
            Ok(()) => passes += 1,
            Err(e) => failures.push((name, e.lines().next().unwrap_or("").to_string())),
        }
    }
    println!("python corpus: {passes}/{} pass", CORPUS.len());
    for (name, first) in &failures {
        println!("  {name:<24} {first}");
    }
    assert_eq!(
        failures.len(),
        PENDING.len(),
        "the failing programs and PENDING disagree"
    );
}
