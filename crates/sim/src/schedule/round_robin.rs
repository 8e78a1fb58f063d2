//! Round-robin: processes take turns in pid order.

use crate::choice::Choice;
use crate::ir::Pid;
use crate::world::World;

use super::Scheduler;

/// Picks the next runnable process after the one that ran last (wrapping around). A select
/// takes its first ready case. Messages in flight are delivered, oldest first, only when no
/// process can run; nothing is ever dropped.
#[derive(Clone, Debug, Default)]
pub struct RoundRobin {
    last: Option<Pid>,
}

impl RoundRobin {
    /// A round-robin scheduler starting with the lowest pid.
    pub fn new() -> RoundRobin {
        RoundRobin::default()
    }
}

impl Scheduler for RoundRobin {
    fn pick(&mut self, _world: &World, choices: &[Choice]) -> Option<usize> {
        let after = |c: &Choice| match (c.pid(), self.last) {
            (Some(p), Some(last)) => p > last,
            (Some(_), None) => true,
            _ => false,
        };
        let pick = choices
            .iter()
            .position(after)
            .or_else(|| choices.iter().position(|c| c.pid().is_some()))
            .or_else(|| choices.iter().position(|c| matches!(c, Choice::Deliver(_))))
            .or(if choices.is_empty() { None } else { Some(0) })?;
        if let Some(p) = choices.get(pick).and_then(Choice::pid) {
            self.last = Some(p);
        }
        Some(pick)
    }

    fn pick_index(&mut self, world: &World, scratch: &mut Vec<Choice>) -> Option<usize> {
        if world.has_in_flight() {
            world.enabled_choices_into(scratch);
            return self.pick(world, scratch);
        }
        let pid = world
            .next_runnable_after(self.last)
            .or_else(|| world.next_runnable_after(None))?;
        self.last = Some(pid);
        world.first_choice_of(pid)
    }
}
