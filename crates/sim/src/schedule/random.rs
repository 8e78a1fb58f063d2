//! Seeded random scheduling.

use crate::choice::Choice;
use crate::world::World;

use super::rng::SplitMix64;
use super::Scheduler;

/// Picks uniformly among the enabled choices with a seeded PRNG, so a seed names a schedule.
/// Dropping a message in flight is chosen only with the given per-mille probability (default
/// 0: the network is slow and reordering, but does not lose messages unless asked to).
#[derive(Clone, Debug)]
pub struct Random {
    rng: SplitMix64,
    drop_per_mille: u32,
}

impl Random {
    /// A random scheduler from a seed.
    pub fn new(seed: u64) -> Random {
        Random {
            rng: SplitMix64::new(seed),
            drop_per_mille: 0,
        }
    }

    /// Sets how often (out of 1000 picks that could drop) a message is dropped.
    pub fn with_drop_per_mille(mut self, per_mille: u32) -> Random {
        self.drop_per_mille = per_mille.min(1000);
        self
    }
}

impl Scheduler for Random {
    fn pick(&mut self, _world: &World, choices: &[Choice]) -> Option<usize> {
        let drops = choices
            .iter()
            .filter(|c| matches!(c, Choice::Drop(_)))
            .count();
        let others = choices.len() - drops;
        let want_drop =
            drops > 0 && (others == 0 || self.rng.below(1000) < u64::from(self.drop_per_mille));
        let (pool, is_drop): (usize, bool) = if want_drop {
            (drops, true)
        } else {
            (others, false)
        };
        if pool == 0 {
            return None;
        }
        let k = self.rng.below(pool as u64) as usize;
        choices
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c, Choice::Drop(_)) == is_drop)
            .nth(k)
            .map(|(i, _)| i)
    }

    fn pick_index(&mut self, world: &World, scratch: &mut Vec<Choice>) -> Option<usize> {
        if world.has_in_flight() {
            world.enabled_choices_into(scratch);
            return self.pick(world, scratch);
        }
        // Same draw as `pick` makes when nothing can be dropped.
        let n = world.choice_count();
        if n == 0 {
            return None;
        }
        Some(self.rng.below(n as u64) as usize)
    }
}
