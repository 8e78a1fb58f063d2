//! Lesson program blocks turned into panels: compiled once, with the options
//! the block asks for, exactly as the checker and the command line do.

use std::sync::Arc;

use lesson::check::{lang_dialect, sim_options};
use lesson::{Lesson, ScheduleSpec};

use crate::components::panel::PanelProgram;
use crate::model::session::Policy;

/// Compiles a program block. The error names the program and the first
/// problem at its `line:col`.
pub fn panel_program(program: &lesson::Program) -> Result<PanelProgram, String> {
    let dialect = lang_dialect(program.dialect);
    // The block's `entry="…"` starts a module the way `switchboard run --entry` does.
    let compiled = lang::compile_with_entry(dialect, &program.source, program.entry.as_deref())
        .map_err(|errors| {
            errors
                .iter()
                .next()
                .map(|e| format!("{}:{}: {}", e.span.line, e.span.col, e.message))
                .unwrap_or_else(|| "it does not compile".to_string())
        })?;
    Ok(PanelProgram {
        id: program.id.clone(),
        title: program.title.clone().unwrap_or_else(|| program.id.clone()),
        dialect,
        source: program.source.clone(),
        program: Arc::new(compiled),
        options: sim_options(program),
    })
}

/// The policy a program block starts with.
pub fn starting_policy(program: &lesson::Program) -> Policy {
    match &program.schedule {
        ScheduleSpec::Random { seed } => Policy::Random(*seed),
        _ => Policy::RoundRobin,
    }
}

/// The programs of a lesson's first `compare` block, in the block's order.
pub fn compare_programs(lesson: &Lesson) -> Vec<&lesson::Program> {
    lesson
        .compares()
        .next()
        .map(|c| {
            c.programs
                .iter()
                .filter_map(|r| lesson.program(&r.id))
                .collect()
        })
        .unwrap_or_default()
}
