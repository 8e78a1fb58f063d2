//! `switchboard explore`: every distinct state of a program, summarised as an outcome
//! histogram with the exact number of schedules per outcome.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use lesson::check::sim_options;
use sim::explore::{Deadline, Explorer};
use sim::{ExploreConfig, World};

use crate::load::{compile, load};

/// Where the search stops if it has not finished.
pub struct Bounds {
    /// Distinct states.
    pub max_states: u64,
    /// Seconds of searching, by the wall clock.
    pub max_seconds: Option<f64>,
}

/// Explores a program and prints one line per outcome class (or one JSON object).
pub fn explore(
    path: &Path,
    id: Option<&str>,
    json: bool,
    bounds: Bounds,
) -> Result<ExitCode, String> {
    let loaded = load(path, id)?;
    let ir = match compile(&loaded) {
        Ok(ir) => ir,
        Err(message) => {
            eprintln!("error: {message}");
            return Ok(ExitCode::FAILURE);
        }
    };
    let mut options = sim_options(&loaded.program);
    options.record_trace = false;
    let world = World::new(ir, options).map_err(|e| e.to_string())?;
    // The command line's bound is the number of distinct states: schedules are counted
    // exactly by the state search, however many there are.
    let config = ExploreConfig {
        max_states: bounds.max_states,
        ..ExploreConfig::default()
    };
    let report = match bounds.max_seconds {
        None => sim::explore(&world, config),
        Some(seconds) => {
            let start = Instant::now();
            let clock = move || start.elapsed().as_secs_f64() * 1000.0;
            Explorer::new(&world, config).run_within(&mut Deadline::new(seconds * 1000.0, clock))
        }
    };
    if json {
        let classes: Vec<serde_json::Value> = report
            .classes
            .iter()
            .map(|c| {
                serde_json::json!({
                    "outcome": c.outcome.label(&world),
                    "schedules": c.exact.to_string(),
                    "schedule": c.schedule.to_string(),
                })
            })
            .collect();
        let livelocks: Vec<serde_json::Value> = report
            .livelocks
            .iter()
            .map(|l| {
                serde_json::json!({
                    "entry": l.entry.to_string(),
                    "cycle": l.cycle.to_string(),
                    "states": l.states,
                })
            })
            .collect();
        let object = serde_json::json!({
            "program": loaded.program.id,
            "states": report.states,
            "queued": report.queued,
            "schedules": report.total.to_string(),
            "complete": report.complete,
            "stop": report.stop.map(|s| s.name()),
            "reduction": report.reduction.name(),
            "outcomes": classes,
            "livelocks": livelocks,
        });
        println!("{object}");
        return Ok(ExitCode::SUCCESS);
    }
    let widest = report
        .classes
        .iter()
        .map(|c| c.count)
        .max()
        .unwrap_or(1)
        .max(1);
    for class in &report.classes {
        let share = class.count as f64 / widest as f64;
        let bar = "#".repeat((share * 40.0).ceil() as usize);
        println!(
            "{:>12}  {bar:<40}  {}",
            class.exact,
            class.outcome.label(&world)
        );
        println!("              replay: --schedule {}", class.schedule);
    }
    for lock in &report.livelocks {
        println!(
            "livelock: after --schedule {} the program can loop forever ({} states, one round: {})",
            lock.entry, lock.states, lock.cycle
        );
    }
    let end = match report.stop {
        None => "complete".to_string(),
        Some(stop) => format!(
            "stopped by the {} bound with {} states still queued",
            stop.name(),
            report.queued
        ),
    };
    println!(
        "{} distinct states, {} schedules, reduction: {}, {end}",
        report.states,
        report.total,
        report.reduction.name()
    );
    Ok(ExitCode::SUCCESS)
}
