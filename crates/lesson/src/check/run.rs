//! Runs a lesson program in the simulator the way its panel does, and reads the answers a
//! question asks for out of the finished run. The app uses the same functions, so the
//! checker and the browser always agree on an answer.

use sim::detect::Finding as SimFinding;
use sim::schedule::{run, Random, Replay, RoundRobin, RunOutcome, Schedule, Scheduler};
use sim::{Options, Overflow, World, WorldStatus};

use crate::model::{
    Finding, Goal, OutputLine, OverflowPolicy, PredictTarget, Program, ScheduleSpec,
};
use crate::normalize_answer;

/// Steps a checked run may take before it counts as runaway.
pub const MAX_RUN_STEPS: u64 = 20_000;

/// The simulator options a program block asks for (network mode, expand, mailbox bound).
pub fn sim_options(program: &Program) -> Options {
    let mut options = Options {
        network: program.network,
        expand: program.expand,
        ..Options::default()
    };
    if let Some(bound) = program.mailbox {
        options.mailbox_capacity = Some(bound.capacity as usize);
        options.overflow = match bound.when_full {
            OverflowPolicy::Block => Overflow::Block,
            OverflowPolicy::Drop => Overflow::Drop,
        };
    }
    options
}

/// The simulator scheduler for a schedule. A recorded schedule that does not parse is an
/// error message.
pub fn scheduler_for(spec: &ScheduleSpec) -> Result<Box<dyn Scheduler>, String> {
    Ok(match spec {
        ScheduleSpec::RoundRobin => Box::new(RoundRobin::new()),
        ScheduleSpec::Random { seed } => Box::new(Random::new(*seed)),
        ScheduleSpec::Replay { schedule } => {
            let parsed = Schedule::parse(schedule).map_err(|e| e.to_string())?;
            Box::new(Replay::new(parsed))
        }
    })
}

/// A finished (or stopped) run.
#[derive(Clone, Debug)]
pub struct Run {
    /// The world at the end.
    pub world: World,
    /// How the run ended and the picks it took.
    pub outcome: RunOutcome,
    /// The steps the run was allowed.
    pub max_steps: u64,
}

impl Run {
    /// The printed output, lines joined by `\n`.
    pub fn output(&self) -> String {
        let lines: Vec<&str> = self.world.output().iter().map(|t| t.as_str()).collect();
        lines.join("\n")
    }

    /// Every printed line, in order, as the output panel shows them (a print whose text
    /// holds a line break counts as two lines).
    pub fn lines(&self) -> Vec<String> {
        output_lines(&self.output())
    }

    /// One printed line (`None` when the program printed fewer lines).
    pub fn line(&self, line: OutputLine) -> Option<String> {
        line.pick(&self.lines()).map(str::to_string)
    }

    /// The final value of a shared variable as the program's dialect prints it.
    pub fn variable(&self, name: &str) -> Option<String> {
        let style = self.world.style();
        self.world.global(name).map(|v| v.show(style))
    }

    /// What the detectors found, in the lesson's terms, sorted and without repeats.
    pub fn findings(&self) -> Vec<Finding> {
        findings_of(&self.world)
    }

    /// A reason the run is unusable for a lesson (a budget ran out, or it never ended).
    pub fn runaway(&self) -> Option<String> {
        match &self.outcome.status {
            WorldStatus::Stopped(kind) => {
                Some(format!("it stopped when the {kind:?} budget ran out"))
            }
            WorldStatus::Running if self.outcome.stopped_by_scheduler => {
                Some("its recorded schedule ended before the program did".to_string())
            }
            WorldStatus::Running => Some(format!(
                "it was still running after {} steps",
                self.max_steps
            )),
            _ => None,
        }
    }
}

/// Runs a compiled program under `schedule` (the program's own when `None`), for at most
/// [`MAX_RUN_STEPS`] steps.
pub fn run_program(
    ir: &sim::ir::Program,
    program: &Program,
    schedule: Option<&ScheduleSpec>,
) -> Result<Run, String> {
    run_program_for(ir, program, schedule, MAX_RUN_STEPS)
}

/// [`run_program`] for at most `max_steps` steps.
pub fn run_program_for(
    ir: &sim::ir::Program,
    program: &Program,
    schedule: Option<&ScheduleSpec>,
    max_steps: u64,
) -> Result<Run, String> {
    let mut world = World::new(ir.clone(), sim_options(program)).map_err(|e| e.to_string())?;
    let mut scheduler = scheduler_for(schedule.unwrap_or(&program.schedule))?;
    let outcome = run(&mut world, scheduler.as_mut(), max_steps);
    Ok(Run {
        world,
        outcome,
        max_steps,
    })
}

/// Whole printed output (lines joined by `\n`) split back into its lines; no output is
/// no lines.
pub fn output_lines(output: &str) -> Vec<String> {
    if output.is_empty() {
        return Vec::new();
    }
    output.split('\n').map(str::to_string).collect()
}

/// The lesson's view of a world's detector findings.
pub fn findings_of(world: &World) -> Vec<Finding> {
    let mut out: Vec<Finding> = world
        .findings()
        .iter()
        .filter_map(|f| match f {
            SimFinding::Race { .. } => Some(Finding::Race),
            SimFinding::LostUpdate { .. } => Some(Finding::LostUpdate),
            SimFinding::Overflow { .. } => Some(Finding::Overflow),
            SimFinding::Deadlock(_) => Some(Finding::Deadlock),
            SimFinding::Budget { .. } => None,
        })
        .collect();
    if world.has_crash() {
        out.push(Finding::Crash);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The answer to a predict-the-outcome question, read from a finished run.
pub fn predicted_answer(run: &Run, target: &PredictTarget) -> Option<String> {
    match target {
        PredictTarget::Output => Some(run.output()),
        PredictTarget::Variable(name) => run.variable(name),
        PredictTarget::Line(line) => run.line(*line),
    }
}

/// True when a student's prediction matches the simulator's answer, line by line, with
/// spacing and case ignored and a bare number accepted for a line holding one number
/// ([`crate::answer_matches`]).
pub fn prediction_matches(expected: &str, typed: &str) -> bool {
    crate::lines_match(expected, typed)
}

/// True when printed output is exactly a goal's text, line by line, only spacing ignored: a
/// goal is reached by what the program prints, so no shortcut for bare numbers.
fn output_is(goal: &str, printed: &str) -> bool {
    let lines = |s: &str| -> Vec<String> {
        s.lines()
            .map(normalize_answer)
            .filter(|l| !l.is_empty())
            .collect()
    };
    lines(goal) == lines(printed)
}

/// True when the world (finished or not) has reached a schedule challenge's goal.
pub fn goal_reached(world: &World, goal: &Goal) -> bool {
    let findings = findings_of(world);
    match goal {
        Goal::LostUpdate => findings.contains(&Finding::LostUpdate),
        Goal::Deadlock => findings.contains(&Finding::Deadlock),
        Goal::Race => findings.contains(&Finding::Race),
        Goal::Overflow => findings.contains(&Finding::Overflow),
        Goal::Output { output } => {
            world.is_over() && {
                let printed: Vec<&str> = world.output().iter().map(|t| t.as_str()).collect();
                output_is(output, &printed.join("\n"))
            }
        }
        Goal::FinalValue { variable, value } => {
            world.is_over()
                && world.global(variable).is_some_and(|v| {
                    normalize_answer(&v.show(world.style())) == normalize_answer(value)
                })
        }
    }
}
