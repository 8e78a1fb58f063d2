//! Time travel: step back to any earlier state exactly, and replay from there.
//!
//! A [`Timeline`] keeps the choices taken plus a snapshot of the world every `interval`
//! steps. Going to step `n` restores the nearest snapshot at or before `n` and replays the
//! recorded choices after it; because the world is deterministic, that reproduces the state
//! exactly (trace, detectors and clocks included). Stepping back keeps the recorded future, so
//! stepping forward again redoes it until a different choice is taken.

use crate::choice::Choice;
use crate::schedule::Schedule;
use crate::trace::Event;
use crate::world::{StepError, World};

/// A world plus its recorded history.
#[derive(Clone, Debug)]
pub struct Timeline {
    current: World,
    /// `snapshots[k]` is the world after `k * interval` steps.
    snapshots: Vec<World>,
    interval: usize,
    choices: Vec<Choice>,
    picks: Vec<u32>,
    pos: usize,
}

impl Timeline {
    /// A timeline starting at `world`, snapshotting every 64 steps.
    pub fn new(world: World) -> Timeline {
        Timeline::with_interval(world, 64)
    }

    /// A timeline with a chosen snapshot interval (at least 1).
    pub fn with_interval(world: World, interval: usize) -> Timeline {
        Timeline {
            snapshots: vec![world.clone()],
            current: world,
            interval: interval.max(1),
            choices: Vec::new(),
            picks: Vec::new(),
            pos: 0,
        }
    }

    /// The world at the current position.
    pub fn world(&self) -> &World {
        &self.current
    }

    /// Steps from the start to the current position.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Number of recorded steps (the current position or more, after stepping back).
    pub fn recorded(&self) -> usize {
        self.choices.len()
    }

    /// The recorded choices.
    pub fn choices(&self) -> &[Choice] {
        &self.choices
    }

    /// The schedule up to the current position.
    pub fn schedule(&self) -> Schedule {
        Schedule::from_picks(self.picks.iter().take(self.pos).copied().collect())
    }

    /// Takes a step. If it is the recorded next choice, the recorded future is kept;
    /// otherwise the future is replaced.
    pub fn step(&mut self, choice: Choice) -> Result<&[Event], StepError> {
        let enabled = self.current.enabled_choices();
        let pick = enabled.iter().position(|c| *c == choice);
        let Some(pick) = pick else {
            return Err(match self.current.status() {
                crate::world::WorldStatus::Running => StepError::NotEnabled(choice),
                s => StepError::Over(s.clone()),
            });
        };
        if self.choices.get(self.pos) != Some(&choice) {
            self.choices.truncate(self.pos);
            self.picks.truncate(self.pos);
            self.snapshots.truncate(self.pos / self.interval + 1);
            self.choices.push(choice);
            self.picks.push(pick as u32);
        }
        self.current.step(choice)?;
        self.pos += 1;
        if self.pos.is_multiple_of(self.interval)
            && self.snapshots.len() == self.pos / self.interval
        {
            self.snapshots.push(self.current.clone());
        }
        Ok(self.current.last_events())
    }

    /// Replays `schedule` from the current position, pick by pick, and returns how many
    /// steps it took. It stops at the first pick that is not enabled (a stale or mangled
    /// schedule replays as far as it still fits) or when the run is over.
    pub fn apply(&mut self, schedule: &Schedule) -> usize {
        self.apply_each(schedule, |_, _| {})
    }

    /// [`Timeline::apply`], calling `before` with the world and the choice about to be
    /// taken before each step, so a caller can describe each step in its own words.
    pub fn apply_each(
        &mut self,
        schedule: &Schedule,
        mut before: impl FnMut(&World, Choice),
    ) -> usize {
        let mut taken = 0;
        for &pick in schedule.picks() {
            let Some(&choice) = self.current.enabled_choices().get(pick as usize) else {
                break;
            };
            before(&self.current, choice);
            if self.step(choice).is_err() {
                break;
            }
            taken += 1;
        }
        taken
    }

    /// Goes back one step; false at the start.
    pub fn step_back(&mut self) -> bool {
        if self.pos == 0 {
            return false;
        }
        self.seek(self.pos - 1).is_ok()
    }

    /// Redoes the next recorded step, if there is one.
    pub fn step_forward(&mut self) -> Option<Result<&[Event], StepError>> {
        let choice = *self.choices.get(self.pos)?;
        Some(self.step(choice))
    }

    /// Goes to the state after `target` recorded steps (back or forward).
    pub fn seek(&mut self, target: usize) -> Result<(), StepError> {
        let target = target.min(self.choices.len());
        let from = if target >= self.pos && target / self.interval <= self.pos / self.interval {
            // Replaying forward from here is never more work than from a snapshot.
            self.pos
        } else {
            let k = (target / self.interval).min(self.snapshots.len().saturating_sub(1));
            if let Some(s) = self.snapshots.get(k) {
                self.current = s.clone();
            }
            k * self.interval
        };
        for i in from..target {
            if let Some(&c) = self.choices.get(i) {
                self.current.step(c)?;
            }
            let p = i + 1;
            if p.is_multiple_of(self.interval) && self.snapshots.len() == p / self.interval {
                self.snapshots.push(self.current.clone());
            }
        }
        self.pos = target;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Style;
    use crate::Options;

    /// Two threads, each reading then writing `count` once: four visible steps.
    fn two_writers() -> World {
        World::new(crate::examples::racy_counter(2, 1), Options::default()).expect("valid program")
    }

    #[test]
    fn apply_replays_a_schedule_to_the_same_world_as_stepping() {
        // Picks worked out by hand: T1 reads, T2 reads, T1 writes, T2 writes. Both read 0,
        // so the last write leaves count = 1 (a lost update).
        let picks = vec![0, 1, 0, 0];
        let mut t = Timeline::new(two_writers());
        assert_eq!(t.apply(&Schedule::from_picks(picks.clone())), 4);
        assert_eq!(t.schedule().picks(), &picks[..]);
        assert_eq!(
            t.world().global("count").map(|v| v.show(Style::Python)),
            Some("1".to_string())
        );
        assert!(t.world().is_over());
    }

    #[test]
    fn apply_stops_at_the_first_pick_that_does_not_fit() {
        // Pick 5 is never enabled with two threads; the step before it is kept.
        let mut t = Timeline::new(two_writers());
        assert_eq!(t.apply(&Schedule::from_picks(vec![1, 5, 0])), 1);
        assert_eq!(t.position(), 1);
        // Picks past the end of the run are ignored too.
        let mut t = Timeline::new(two_writers());
        assert_eq!(t.apply(&Schedule::from_picks(vec![0; 9])), 4);
    }

    #[test]
    fn apply_each_names_each_choice_before_it_is_taken() {
        let mut t = Timeline::new(two_writers());
        let mut seen = Vec::new();
        let n = t.apply_each(&Schedule::from_picks(vec![1, 0]), |w, c| {
            seen.push((w.step_count(), c));
        });
        assert_eq!(n, 2);
        assert_eq!(seen.len(), 2);
        assert_eq!(seen[0].0, 0);
        assert_eq!(seen[1].0, 1);
        assert_eq!(t.choices(), &[seen[0].1, seen[1].1]);
    }
}
