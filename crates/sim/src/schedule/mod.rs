//! Schedulers (who steps next), recorded schedules, and the `run` loop.
//!
//! One [`Scheduler`] trait, one file per strategy: [`RoundRobin`], [`Random`], [`Manual`],
//! [`Replay`].

mod encoding;
mod manual;
mod random;
mod replay;
mod rng;
mod round_robin;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::choice::Choice;
use crate::world::{StepError, World, WorldStatus};

pub use encoding::{ScheduleError, MAX_PICKS};
pub use manual::Manual;
pub use random::Random;
pub use replay::Replay;
pub use rng::SplitMix64;
pub use round_robin::RoundRobin;

/// Supplies choices.
pub trait Scheduler {
    /// Picks one of `choices` (never empty) by index, or `None` to stop the run here.
    fn pick(&mut self, world: &World, choices: &[Choice]) -> Option<usize>;

    /// Picks an index into [`World::enabled_choices`] without necessarily listing them. The
    /// default lists them into `scratch` and calls [`Scheduler::pick`]; schedulers that can
    /// use [`World::choice_count`] / [`World::next_runnable_after`] override it so a step
    /// costs O(log n) even with thousands of runnable processes.
    fn pick_index(&mut self, world: &World, scratch: &mut Vec<Choice>) -> Option<usize> {
        world.enabled_choices_into(scratch);
        if scratch.is_empty() {
            return None;
        }
        self.pick(world, scratch)
    }
}

/// The choices a run took, each as its index in [`World::enabled_choices`] at that step.
/// `Display`/`FromStr` give the short URL-safe form (see the `encoding` grammar).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Schedule {
    picks: Vec<u32>,
}

impl Schedule {
    /// An empty schedule.
    pub fn new() -> Schedule {
        Schedule::default()
    }

    /// A schedule from raw picks.
    pub fn from_picks(picks: Vec<u32>) -> Schedule {
        Schedule { picks }
    }

    /// The picks.
    pub fn picks(&self) -> &[u32] {
        &self.picks
    }

    /// Number of steps.
    pub fn len(&self) -> usize {
        self.picks.len()
    }

    /// Whether it has no steps.
    pub fn is_empty(&self) -> bool {
        self.picks.is_empty()
    }

    /// Appends a pick.
    pub fn push(&mut self, pick: u32) {
        self.picks.push(pick);
    }

    /// The first `n` picks.
    pub fn prefix(&self, n: usize) -> Schedule {
        Schedule {
            picks: self.picks.iter().take(n).copied().collect(),
        }
    }

    /// The short string form.
    pub fn encode(&self) -> String {
        encoding::encode(&self.picks)
    }

    /// Parses the short string form.
    pub fn parse(text: &str) -> Result<Schedule, ScheduleError> {
        encoding::decode(text).map(Schedule::from_picks)
    }

    /// Converts the picks to concrete choices by replaying them on a copy of `world`.
    pub fn choices(&self, world: &World) -> Result<Vec<Choice>, ReplayError> {
        let mut w = world.clone();
        let mut out = Vec::with_capacity(self.picks.len());
        for (step, &pick) in self.picks.iter().enumerate() {
            let enabled = w.enabled_choices();
            let Some(&c) = enabled.get(pick as usize) else {
                return Err(ReplayError {
                    step,
                    pick,
                    enabled: enabled.len(),
                });
            };
            w.step(c).map_err(|_| ReplayError {
                step,
                pick,
                enabled: enabled.len(),
            })?;
            out.push(c);
        }
        Ok(out)
    }
}

impl fmt::Display for Schedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.encode())
    }
}

impl FromStr for Schedule {
    type Err = ScheduleError;
    fn from_str(s: &str) -> Result<Schedule, ScheduleError> {
        Schedule::parse(s)
    }
}

impl Serialize for Schedule {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.encode())
    }
}

impl<'de> Deserialize<'de> for Schedule {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Schedule, D::Error> {
        let text = String::deserialize(d)?;
        Schedule::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// A schedule that does not fit the program it is replayed on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplayError {
    /// 0-based step where it failed.
    pub step: usize,
    /// The pick recorded there.
    pub pick: u32,
    /// How many choices were enabled.
    pub enabled: usize,
}

impl fmt::Display for ReplayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the schedule does not fit this program: step {} picks choice {} but only {} {} enabled",
            self.step + 1,
            self.pick,
            self.enabled,
            if self.enabled == 1 { "is" } else { "are" }
        )
    }
}

impl std::error::Error for ReplayError {}

/// How a [`run`] ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunOutcome {
    /// The world's status afterwards (`Running` when the step limit or the scheduler stopped
    /// it early).
    pub status: WorldStatus,
    /// Steps taken by this call.
    pub steps: u64,
    /// The picks taken by this call.
    pub schedule: Schedule,
    /// Whether the scheduler declined to pick (e.g. a replay ran out).
    pub stopped_by_scheduler: bool,
}

/// Runs until the world is over, the scheduler stops, or `max_steps` steps were taken.
pub fn run(world: &mut World, scheduler: &mut dyn Scheduler, max_steps: u64) -> RunOutcome {
    let mut choices = Vec::new();
    let mut schedule = Schedule::new();
    let mut steps = 0;
    let mut stopped_by_scheduler = false;
    while steps < max_steps {
        if world.choice_count() == 0 {
            break;
        }
        let Some(i) = scheduler.pick_index(world, &mut choices) else {
            stopped_by_scheduler = true;
            break;
        };
        let Some(choice) = world.choice_at(i) else {
            stopped_by_scheduler = true;
            break;
        };
        match world.step(choice) {
            Ok(_) => {}
            Err(StepError::Over(_)) | Err(StepError::NotEnabled(_)) => break,
        }
        schedule.push(i as u32);
        steps += 1;
    }
    RunOutcome {
        status: world.status().clone(),
        steps,
        schedule,
        stopped_by_scheduler,
    }
}
