//! `switchboard explore`: every schedule of a program, summarised as an outcome histogram.

use std::path::Path;
use std::process::ExitCode;

use lesson::check::sim_options;
use sim::{ExploreConfig, World};

use crate::load::{compile, load};

/// Explores a program and prints one line per outcome class (or one JSON object).
pub fn explore(
    path: &Path,
    id: Option<&str>,
    json: bool,
    max_schedules: u64,
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
    let config = ExploreConfig {
        max_schedules,
        ..ExploreConfig::default()
    };
    let report = sim::explore(&world, config);
    if json {
        let classes: Vec<serde_json::Value> = report
            .classes
            .iter()
            .map(|c| {
                serde_json::json!({
                    "outcome": c.outcome.label(&world),
                    "count": c.count,
                    "schedule": c.schedule.to_string(),
                })
            })
            .collect();
        let object = serde_json::json!({
            "program": loaded.program.id,
            "schedules": report.schedules,
            "states": report.states,
            "complete": report.complete,
            "outcomes": classes,
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
        let bar = "#".repeat(((class.count * 40).div_ceil(widest)) as usize);
        println!(
            "{:>8}  {bar:<40}  {}",
            class.count,
            class.outcome.label(&world)
        );
        println!("          replay: --schedule {}", class.schedule);
    }
    println!(
        "{} schedules, {} states, {}",
        report.schedules,
        report.states,
        if report.complete {
            "complete"
        } else {
            "cut by a bound"
        }
    );
    Ok(ExitCode::SUCCESS)
}
