//! Looks for a schedule that reaches a challenge's goal, so an unreachable goal is reported
//! instead of shipped. This is the simulator's goal search (breadth-first over distinct
//! states, shortest schedule first) with the challenge's goal as its predicate; the app's
//! "give up" answer uses the same search, so the checker and the student see one schedule.

use sim::explore::GoalSearch;
use sim::World;

use crate::model::Goal;

use super::run::goal_reached;

pub use sim::explore::{SearchBounds, SearchResult};

/// Searches `world`'s states for a shortest schedule that reaches `goal`.
pub fn find_schedule(world: &World, goal: &Goal, bounds: SearchBounds) -> SearchResult {
    goal_search(world, goal, bounds).run()
}

/// The same search, to run in slices ([`GoalSearch::run_for`]) so a page stays responsive.
pub fn goal_search<'g>(world: &World, goal: &'g Goal, bounds: SearchBounds) -> GoalSearch<'g> {
    GoalSearch::new(world, Box::new(move |w| goal_reached(w, goal)), bounds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim::Options;

    /// Two threads, each doing `count += 1` once as a read and a write.
    fn two_writers() -> World {
        World::new(sim::examples::racy_counter(2, 1), Options::default()).expect("valid program")
    }

    #[test]
    fn the_first_schedule_found_is_a_shortest_one() {
        // Worked out by hand: losing an update needs both reads before the first write and
        // then the second write, so at least four steps; the lost update is flagged on the
        // write that overwrites, the fourth step.
        let SearchResult::Found(s) =
            find_schedule(&two_writers(), &Goal::LostUpdate, SearchBounds::default())
        else {
            panic!("a lost update is reachable");
        };
        assert_eq!(s.len(), 4, "{s}");
    }

    #[test]
    fn an_unreachable_value_is_impossible_and_a_tiny_budget_gives_up() {
        let goal = Goal::FinalValue {
            variable: "count".to_string(),
            value: "3".to_string(),
        };
        let w = two_writers();
        assert_eq!(
            find_schedule(&w, &goal, SearchBounds::default()),
            SearchResult::Impossible
        );
        let tiny = SearchBounds {
            max_states: 2,
            ..SearchBounds::default()
        };
        assert!(matches!(
            find_schedule(&w, &goal, tiny),
            SearchResult::GaveUp { .. }
        ));
    }
}
