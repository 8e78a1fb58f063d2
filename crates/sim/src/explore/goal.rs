//! Goal search: a shortest schedule to a state that satisfies a predicate (a lost update, a
//! deadlock, a printed line), or the answer that no reachable state does.
//!
//! The search is breadth-first over distinct states, so the first state found is one of the
//! fewest steps from the start. The goal is tested on every state when it is first reached,
//! the start included. The fingerprint always includes output and every finding flag here, so
//! a goal may depend on globals, process states, output, which kinds of finding were made
//! and whether the run is over. (While exploring, a world keeps the first finding of each
//! kind only: the details of later ones are not part of the state.)

use crate::schedule::Schedule;
use crate::world::World;

use super::fingerprint::Watch;
use super::graph::{Bfs, Visit};

/// How far a goal search may go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SearchBounds {
    /// Most distinct states to discover.
    pub max_states: u64,
    /// States further than this many steps from the start are not expanded.
    pub max_depth: usize,
}

impl Default for SearchBounds {
    fn default() -> SearchBounds {
        SearchBounds {
            max_states: 200_000,
            max_depth: 400,
        }
    }
}

/// What a goal search found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SearchResult {
    /// A shortest schedule that reaches the goal.
    Found(Schedule),
    /// Every state reachable within the depth bound was tested; none satisfies the goal.
    Impossible,
    /// A bound ran out first.
    GaveUp {
        /// Distinct states discovered.
        states: u64,
        /// States discovered but not yet expanded.
        queued: u64,
    },
}

/// A goal predicate over worlds.
pub type Goal<'g> = Box<dyn Fn(&World) -> bool + 'g>;

/// A goal search that runs in slices.
pub struct GoalSearch<'g> {
    goal: Goal<'g>,
    bounds: SearchBounds,
    bfs: Bfs,
    result: Option<SearchResult>,
}

impl<'g> GoalSearch<'g> {
    /// Starts a search from `world`'s current state.
    pub fn new(world: &World, goal: Goal<'g>, bounds: SearchBounds) -> GoalSearch<'g> {
        let watch = Watch {
            output: true,
            findings: true,
        };
        let mut hit = None;
        let bfs = Bfs::new(
            world,
            watch,
            false,
            false,
            bounds.max_depth,
            &mut |w, id| visit(&goal, w, id, &mut hit),
        );
        let mut search = GoalSearch {
            goal,
            bounds,
            bfs,
            result: None,
        };
        search.settle(hit, true);
        search
    }

    /// Expands up to `work` states; the result once the search has ended.
    pub fn run_for(&mut self, work: u64) -> Option<SearchResult> {
        let mut left = work;
        while left > 0 && self.result.is_none() {
            if self.bfs.graph.len() >= self.bounds.max_states {
                self.result = Some(self.gave_up());
                break;
            }
            let mut hit = None;
            let goal = &self.goal;
            let more = self
                .bfs
                .expand_next(&mut |w, id| visit(goal, w, id, &mut hit));
            self.settle(hit, more);
            left -= 1;
        }
        self.result.clone()
    }

    /// Runs to the end.
    pub fn run(&mut self) -> SearchResult {
        loop {
            if let Some(r) = self.run_for(1 << 16) {
                return r;
            }
        }
    }

    /// Distinct states discovered so far.
    pub fn states(&self) -> u64 {
        self.bfs.graph.len()
    }

    /// States discovered but not yet expanded.
    pub fn queued(&self) -> u64 {
        self.bfs.queued()
    }

    fn settle(&mut self, hit: Option<u32>, more: bool) {
        if let Some(id) = hit {
            self.result = Some(SearchResult::Found(self.bfs.graph.path(id)));
        } else if !more || self.bfs.exhausted() {
            self.result = Some(if self.bfs.depth_cut {
                self.gave_up()
            } else {
                SearchResult::Impossible
            });
        }
    }

    fn gave_up(&self) -> SearchResult {
        SearchResult::GaveUp {
            states: self.states(),
            queued: self.queued(),
        }
    }
}

fn visit(goal: &Goal<'_>, world: &World, id: u32, hit: &mut Option<u32>) -> Visit {
    if hit.is_none() && goal(world) {
        *hit = Some(id);
        return Visit::Leaf;
    }
    if world.is_over() {
        Visit::Leaf
    } else {
        Visit::Expand
    }
}

/// Searches for a shortest schedule from `world` to a state that satisfies `goal`.
pub fn find_schedule(
    world: &World,
    goal: impl Fn(&World) -> bool,
    bounds: SearchBounds,
) -> SearchResult {
    GoalSearch::new(world, Box::new(goal), bounds).run()
}
