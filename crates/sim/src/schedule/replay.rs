//! Replaying a recorded schedule.

use crate::choice::Choice;
use crate::world::World;

use super::{ReplayError, Schedule, Scheduler};

/// Plays back recorded picks, then stops. A pick that does not fit is recorded as an error.
#[derive(Clone, Debug)]
pub struct Replay {
    schedule: Schedule,
    pos: usize,
    error: Option<ReplayError>,
}

impl Replay {
    /// Replays `schedule` from its start.
    pub fn new(schedule: Schedule) -> Replay {
        Replay {
            schedule,
            pos: 0,
            error: None,
        }
    }

    /// Picks used so far.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Whether every pick was used.
    pub fn finished(&self) -> bool {
        self.pos >= self.schedule.len()
    }

    /// Set when a pick did not fit the enabled choices.
    pub fn error(&self) -> Option<&ReplayError> {
        self.error.as_ref()
    }
}

impl Scheduler for Replay {
    fn pick(&mut self, _world: &World, choices: &[Choice]) -> Option<usize> {
        let pick = *self.schedule.picks().get(self.pos)?;
        if pick as usize >= choices.len() {
            self.error = Some(ReplayError {
                step: self.pos,
                pick,
                enabled: choices.len(),
            });
            return None;
        }
        self.pos += 1;
        Some(pick as usize)
    }

    fn pick_index(&mut self, world: &World, _scratch: &mut Vec<Choice>) -> Option<usize> {
        let pick = *self.schedule.picks().get(self.pos)?;
        let enabled = world.choice_count();
        if pick as usize >= enabled {
            self.error = Some(ReplayError {
                step: self.pos,
                pick,
                enabled,
            });
            return None;
        }
        self.pos += 1;
        Some(pick as usize)
    }
}
