//! Looks for a schedule that reaches a challenge's goal: depth-first over every enabled
//! choice, within fixed bounds, so an unreachable goal is reported instead of shipped.

use sim::schedule::Schedule;
use sim::World;

use crate::model::Goal;

use super::run::goal_reached;

/// How far the search may go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SearchBounds {
    /// Steps taken in total, over all branches.
    pub max_steps: u64,
    /// Steps in one schedule.
    pub max_depth: usize,
}

impl Default for SearchBounds {
    fn default() -> SearchBounds {
        SearchBounds {
            max_steps: 200_000,
            max_depth: 400,
        }
    }
}

/// What the search found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SearchResult {
    /// A schedule that reaches the goal (replayable as the "give up" answer).
    Found(Schedule),
    /// Every schedule within the depth bound was tried; none reaches the goal.
    Impossible,
    /// The step budget ran out first.
    GaveUp,
}

/// Searches `world`'s schedules for one that reaches `goal`.
pub fn find_schedule(world: &World, goal: &Goal, bounds: SearchBounds) -> SearchResult {
    let mut budget = bounds.max_steps;
    let mut picks = Vec::new();
    let mut cut = false;
    if dfs(
        world,
        goal,
        bounds.max_depth,
        &mut budget,
        &mut picks,
        &mut cut,
    ) {
        SearchResult::Found(Schedule::from_picks(picks))
    } else if cut {
        SearchResult::GaveUp
    } else {
        SearchResult::Impossible
    }
}

fn dfs(
    world: &World,
    goal: &Goal,
    depth_left: usize,
    budget: &mut u64,
    picks: &mut Vec<u32>,
    cut: &mut bool,
) -> bool {
    if goal_reached(world, goal) {
        return true;
    }
    let choices = world.enabled_choices();
    if choices.is_empty() {
        return false;
    }
    if depth_left == 0 || *budget == 0 {
        *cut = true;
        return false;
    }
    for (i, choice) in choices.iter().enumerate() {
        if *budget == 0 {
            *cut = true;
            return false;
        }
        *budget -= 1;
        let mut next = world.clone();
        if next.step(*choice).is_err() {
            continue;
        }
        picks.push(i as u32);
        if dfs(&next, goal, depth_left - 1, budget, picks, cut) {
            return true;
        }
        picks.pop();
    }
    false
}
