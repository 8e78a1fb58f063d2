//! Schedule challenges: how a student's run stands against its goal, and the search that
//! finds a winning schedule when they give up.

use super::*;

/// How a student's challenge run stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Judgement {
    /// The goal is reached.
    Reached,
    /// The run is over without reaching the goal; the text says what happened instead.
    Ended(String),
    /// The run can go on and has not reached the goal yet.
    Running,
}

/// Judges a challenge by replaying `schedule` on a fresh world of the program. A
/// schedule that does not fit the program (a pick that is not enabled) is judged on
/// the steps that fit, so a stale or hand-edited string cannot count as a win.
pub fn judge_schedule(
    lesson: &Lesson,
    challenge: &ScheduleChallenge,
    schedule: &str,
) -> Result<Judgement, String> {
    let program = program_of(lesson, &challenge.program.id)?;
    let ir = compile(program)?;
    let world = World::new(ir, sim_options(program)).map_err(|e| e.to_string())?;
    let schedule = Schedule::parse(schedule).map_err(|e| e.to_string())?;
    let mut timeline = Timeline::new(world);
    timeline.apply(&schedule);
    Ok(judge_world(timeline.world(), &challenge.goal))
}

/// Judges a world against a challenge goal.
pub fn judge_world(world: &World, goal: &Goal) -> Judgement {
    if goal_reached(world, goal) {
        return Judgement::Reached;
    }
    if !world.is_over() && !world.enabled_choices().is_empty() {
        return Judgement::Running;
    }
    Judgement::Ended(ended_text(world, goal))
}

/// What a finished run did instead of reaching the goal.
fn ended_text(world: &World, goal: &Goal) -> String {
    let how = match world.status() {
        WorldStatus::Deadlock => "The run deadlocked",
        WorldStatus::Idle => "The run went idle",
        _ => "The run ended",
    };
    match goal {
        Goal::LostUpdate => format!("{how} without losing an update."),
        Goal::Deadlock => format!("{how}: every process could carry on, so nothing deadlocked."),
        Goal::Race => format!("{how} without the race detector firing."),
        Goal::Overflow => format!("{how} without any mailbox or buffer overflowing."),
        Goal::Output { .. } => {
            let printed: Vec<&str> = world.output().iter().map(|t| t.as_str()).collect();
            if printed.is_empty() {
                format!("{how} having printed nothing.")
            } else {
                format!("{how} having printed:\n{}", printed.join("\n"))
            }
        }
        Goal::FinalValue { variable, .. } => match world.global(variable) {
            Some(v) => format!("{how} with `{variable}` = {}.", v.show(world.style())),
            None => format!("{how} without a variable `{variable}`."),
        },
    }
}

/// A challenge goal in words.
pub fn goal_text(goal: &Goal) -> String {
    match goal {
        Goal::LostUpdate => "lose an update".to_string(),
        Goal::Deadlock => "reach a deadlock".to_string(),
        Goal::Race => "make the race detector fire".to_string(),
        Goal::Overflow => "overflow a mailbox or buffer".to_string(),
        Goal::Output { output } => format!("make the program print exactly:\n{output}"),
        Goal::FinalValue { variable, value } => {
            format!("end the run with `{variable}` = {value}")
        }
    }
}

/// A winning schedule for a challenge, found by the checker's search, as a schedule
/// string. This is the "give up" answer.
pub fn winning_schedule(lesson: &Lesson, challenge: &ScheduleChallenge) -> Result<String, String> {
    let program = program_of(lesson, &challenge.program.id)?;
    let ir = compile(program)?;
    let mut options = sim_options(program);
    options.record_trace = false;
    let world = World::new(ir, options).map_err(|e| e.to_string())?;
    match find_schedule(&world, &challenge.goal, SearchBounds::default()) {
        SearchResult::Found(schedule) => Ok(schedule.encode()),
        SearchResult::Impossible => Err("no schedule reaches this goal".to_string()),
        SearchResult::GaveUp { states, .. } => Err(format!(
            "the search stopped after {states} distinct states before finding a schedule"
        )),
    }
}

/// The steps of a schedule as the choice buttons name them ("T1", "deliver ping to pong").
pub fn schedule_steps(
    program: Arc<sim::ir::Program>,
    options: sim::Options,
    schedule: &str,
) -> Result<Vec<String>, String> {
    let schedule = Schedule::parse(schedule).map_err(|e| e.to_string())?;
    let mut session = Session::new(program, options, Policy::Manual)?;
    Ok(session.replay_labelled(&schedule))
}
