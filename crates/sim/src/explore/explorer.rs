//! The histogram search: every distinct state, every outcome, the exact number of schedules
//! into each, in slices a UI can run between frames.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::schedule::Schedule;
use crate::world::World;

use super::budget::Budget;
use super::count::Count;
use super::cycles::{components, livelocks, Livelock};
use super::fingerprint::Watch;
use super::graph::{Bfs, Visit};
use super::tally::Tally;

/// Expansions between two budget checks in [`Explorer::run_while`]: a few, since one
/// expansion of a large world can take a millisecond.
pub const SLICE_CHECK: u64 = 8;
use super::{Ending, ExploreConfig, Outcome, Reduction, StopReason};

/// All schedules with one outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeClass {
    /// The outcome.
    pub outcome: Outcome,
    /// How many schedules end this way, `u64::MAX` when infinite or larger (see `exact`).
    pub count: u64,
    /// How many schedules end this way, exactly.
    pub exact: Count,
    /// A shortest schedule that ends this way.
    pub schedule: Schedule,
}

/// Progress of an exploration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// End states reached so far (the schedule count is only known at the end).
    pub schedules: u64,
    /// Distinct states discovered so far.
    pub states: u64,
    /// States discovered but not yet expanded.
    pub queued: u64,
    /// Whether exploration has stopped (finished or bounded).
    pub done: bool,
    /// Whether every reachable state was explored (no bound cut anything).
    pub complete: bool,
}

/// The result of an exploration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Outcome classes, most schedules first.
    pub classes: Vec<OutcomeClass>,
    /// Schedules in total, `u64::MAX` when infinite or larger (see `total`).
    pub schedules: u64,
    /// Schedules in total, exactly.
    pub total: Count,
    /// Distinct states discovered.
    pub states: u64,
    /// States discovered but never expanded (0 when complete).
    pub queued: u64,
    /// Whether every reachable state was explored.
    pub complete: bool,
    /// Which bound stopped the search, when it did not complete.
    pub stop: Option<StopReason>,
    /// Parts of the state graph the program can enter but never leave.
    pub livelocks: Vec<Livelock>,
    /// The reduction used; with one, counts are of the explored paths only and livelocks
    /// are not looked for.
    pub reduction: Reduction,
    /// State expansions, counting a state expanded again under sleep sets.
    pub expansions: u64,
}

/// Breadth-first exploration of every distinct state of a world.
pub struct Explorer {
    config: ExploreConfig,
    bfs: Bfs,
    outcomes: Vec<Outcome>,
    /// End-state outcomes without their output, and their index by outcome.
    by_outcome: BTreeMap<Outcome, u32>,
    ends: u64,
    done: bool,
    stop: Option<StopReason>,
}

impl Explorer {
    /// Explores every state reachable from `world`'s current state. The trace is not
    /// recorded while exploring (outcomes come from final state and findings), and the step
    /// budget is replaced by the search's own bounds.
    pub fn new(world: &World, config: ExploreConfig) -> Explorer {
        // Output stays out of the fingerprint: edges record what they print instead, and the
        // count splits by it (see `tally`).
        let watch = Watch {
            output: false,
            findings: config.findings,
        };
        let mut classes = Classes::new(&config);
        let bfs = Bfs::new(
            world,
            watch,
            config.output,
            config.exact_keys,
            config.max_depth,
            &mut |w, id| classes.visit(w, id),
        );
        let mut bfs = bfs;
        if config.reduction == Reduction::SleepSets {
            bfs.use_sleep_sets();
        }
        let found = classes.found;
        let done = bfs.exhausted();
        let mut ex = Explorer {
            config,
            bfs,
            outcomes: Vec::new(),
            by_outcome: BTreeMap::new(),
            ends: 0,
            done,
            stop: None,
        };
        ex.absorb(found);
        ex
    }

    /// Explores until about `work` more states have been expanded, or the end.
    pub fn run_for(&mut self, work: u64) -> Progress {
        let mut left = work;
        while left > 0 && !self.done {
            if self.bfs.graph.len() >= self.config.max_states {
                self.done = true;
                self.stop = Some(StopReason::States);
                break;
            }
            let mut classes = Classes::new(&self.config);
            let more = self.bfs.expand_next(&mut |w, id| classes.visit(w, id));
            let found = classes.found;
            self.absorb(found);
            if !more {
                self.done = true;
                if self.bfs.depth_cut {
                    self.stop = Some(StopReason::Depth);
                }
            }
            left -= 1;
        }
        self.progress()
    }

    /// Explores to the end (or the bounds).
    pub fn run(&mut self) -> Report {
        while !self.done {
            self.run_for(1 << 16);
        }
        self.report()
    }

    /// Explores to the end, the bounds, or until `budget` runs out (checked every 256
    /// expansions), whichever comes first. A search stopped by the budget reports
    /// [`StopReason::Time`] with the states seen and still queued; its counts are of the
    /// part explored.
    pub fn run_within(&mut self, budget: &mut dyn Budget) -> Report {
        while !self.done {
            if budget.exhausted(self.bfs.expansions) {
                self.done = true;
                self.stop = Some(StopReason::Time);
                break;
            }
            self.run_for(256);
        }
        self.report()
    }

    /// Drops up to `n` of the worlds still queued, and says whether any are left. A search
    /// stopped at its bound may hold a hundred thousand worlds; a page frees them a slice at
    /// a time instead of in one long task when the explorer is dropped. The search cannot
    /// go on afterwards.
    pub fn release(&mut self, n: usize) -> bool {
        self.done = true;
        self.bfs.release(n)
    }

    /// One slice of search that lasts until `budget` runs out (checked every
    /// [`SLICE_CHECK`] expansions), then pauses; the search is not stopped and goes on at
    /// the next call. For a page that must give the browser a frame however costly each
    /// state is: a slice counted in states can take a second where every state holds
    /// thousands of processes.
    pub fn run_while(&mut self, budget: &mut dyn Budget) -> Progress {
        while !self.done && !budget.exhausted(self.bfs.expansions) {
            self.run_for(SLICE_CHECK);
        }
        self.progress()
    }

    /// Progress so far.
    pub fn progress(&self) -> Progress {
        Progress {
            schedules: self.ends,
            states: self.bfs.graph.len(),
            queued: self.bfs.queued(),
            done: self.done,
            complete: self.done && self.stop.is_none(),
        }
    }

    /// The report so far: exact when the search is done and complete, otherwise counts of
    /// the schedules through the part explored.
    pub fn report(&self) -> Report {
        let graph = &self.bfs.graph;
        let comps = components(graph);
        let tally = Tally::count(graph, &comps);
        // Per outcome: its count, and the shortest way into one of its end pairs.
        let mut by_outcome: BTreeMap<Outcome, (Count, u32, Schedule)> = BTreeMap::new();
        for end in tally.ends(graph) {
            let terminal = graph.nodes[end.node as usize].terminal;
            let Some(base) = self.outcomes.get(terminal as usize) else {
                continue;
            };
            let mut outcome = base.clone();
            if self.config.output {
                outcome.output = tally.output(&end, &self.bfs.printed);
            }
            match by_outcome.get_mut(&outcome) {
                Some((count, depth, schedule)) => {
                    *count += &end.count;
                    if end.depth < *depth {
                        *depth = end.depth;
                        *schedule = tally.schedule(&end);
                    }
                }
                None => {
                    let schedule = tally.schedule(&end);
                    by_outcome.insert(outcome, (end.count, end.depth, schedule));
                }
            }
        }
        let mut total = Count::zero();
        let mut classes: Vec<OutcomeClass> = by_outcome
            .into_iter()
            .map(|(outcome, (exact, _, schedule))| {
                total += &exact;
                OutcomeClass {
                    outcome,
                    count: exact.to_u64_saturating(),
                    exact,
                    schedule,
                }
            })
            .collect();
        classes.sort_by(|a, b| b.exact.cmp(&a.exact).then(a.outcome.cmp(&b.outcome)));
        let complete = self.done && self.stop.is_none();
        Report {
            classes,
            schedules: total.to_u64_saturating(),
            total,
            states: graph.len(),
            queued: self.bfs.queued(),
            complete,
            stop: self.stop,
            livelocks: match self.config.reduction {
                Reduction::None => livelocks(graph, &comps),
                Reduction::SleepSets => Vec::new(),
            },
            reduction: self.config.reduction,
            expansions: self.bfs.expansions,
        }
    }

    /// Files the end states a slice found under their outcome classes.
    fn absorb(&mut self, found: Vec<(u32, Outcome)>) {
        for (id, outcome) in found {
            let next = self.outcomes.len() as u32;
            let index = *self.by_outcome.entry(outcome.clone()).or_insert(next);
            if index == next {
                self.outcomes.push(outcome);
            }
            if let Some(n) = self.bfs.graph.nodes.get_mut(id as usize) {
                n.terminal = index;
            }
            self.ends += 1;
        }
    }
}

/// End states found during one expansion, filed afterwards (the graph is busy meanwhile).
struct Classes<'a> {
    config: &'a ExploreConfig,
    found: Vec<(u32, Outcome)>,
}

impl<'a> Classes<'a> {
    fn new(config: &'a ExploreConfig) -> Classes<'a> {
        Classes {
            config,
            found: Vec::new(),
        }
    }

    fn visit(&mut self, world: &World, id: u32) -> Visit {
        if world.is_over() {
            let ending = Ending::from_status(world.status());
            self.found
                .push((id, Outcome::of(world, ending, self.config)));
            Visit::Leaf
        } else {
            Visit::Expand
        }
    }
}
