//! Manual scheduling: the student picks.

use crate::choice::Choice;
use crate::world::World;

use super::Scheduler;

/// Holds the caller's next pick. `run` with it takes that one step and then stops.
#[derive(Clone, Debug, Default)]
pub struct Manual {
    next: Option<Choice>,
}

impl Manual {
    /// A manual scheduler with nothing queued.
    pub fn new() -> Manual {
        Manual::default()
    }

    /// Queues the next choice.
    pub fn choose(&mut self, choice: Choice) {
        self.next = Some(choice);
    }

    /// The queued choice, if any.
    pub fn queued(&self) -> Option<Choice> {
        self.next
    }
}

impl Scheduler for Manual {
    fn pick(&mut self, _world: &World, choices: &[Choice]) -> Option<usize> {
        let want = self.next.take()?;
        choices.iter().position(|c| *c == want)
    }
}
