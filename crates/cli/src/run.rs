//! `switchboard run`: one run, narrated, the way a student steps through it.

use std::path::Path;
use std::process::ExitCode;

use lesson::check::{run_program, Run};
use lesson::ScheduleSpec;

use crate::load::{compile, load};

/// Runs a program and prints the narration, the output, the final shared state and any
/// findings. Exits non-zero on a compile error, a crash, a deadlock or a runaway run.
/// `entry` starts an Erlang module from a shell expression (`--entry 'tut:start()'`),
/// overriding a lesson block's `entry=`.
pub fn run(
    path: &Path,
    id: Option<&str>,
    seed: Option<u64>,
    schedule: Option<&str>,
    entry: Option<&str>,
) -> Result<ExitCode, String> {
    let mut loaded = load(path, id)?;
    if let Some(entry) = entry {
        loaded.program.entry = Some(entry.to_string());
    }
    let ir = match compile(&loaded) {
        Ok(ir) => ir,
        Err(message) => {
            eprintln!("error: {message}");
            return Ok(ExitCode::FAILURE);
        }
    };
    let spec = match (seed, schedule) {
        (Some(seed), _) => Some(ScheduleSpec::Random { seed }),
        (None, Some("round-robin")) => Some(ScheduleSpec::RoundRobin),
        (None, Some(text)) => Some(ScheduleSpec::Replay {
            schedule: text.to_string(),
        }),
        (None, None) => None,
    };
    let run = run_program(&ir, &loaded.program, spec.as_ref())?;
    print_run(&run);
    let failed = run.world.has_crash()
        || matches!(run.world.status(), sim::WorldStatus::Deadlock)
        || run.runaway().is_some();
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn print_run(run: &Run) {
    let world = &run.world;
    println!("narration:");
    for event in world.trace().iter() {
        println!("  {:>4}  {}", event.step, event.narrate(world));
    }
    println!("output:");
    for line in world.output() {
        println!("  {}", line.as_str());
    }
    let state = world.shared_state();
    if !state.is_empty() {
        println!("shared state:");
        for (name, value) in state {
            println!("  {name} = {}", value.repr(world.style()));
        }
    }
    let findings = run.findings();
    let names: Vec<&str> = findings.iter().map(|f| f.as_str()).collect();
    println!(
        "ended: {:?} after {} steps; findings: {}",
        world.status(),
        run.outcome.steps,
        if names.is_empty() {
            "none".to_string()
        } else {
            names.join(", ")
        }
    );
    println!("schedule: {}", run.outcome.schedule);
    if let Some(reason) = run.runaway() {
        println!("warning: {reason}");
    }
}
