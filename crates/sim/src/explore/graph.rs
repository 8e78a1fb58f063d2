//! The state graph and the breadth-first search that builds it.
//!
//! States are numbered in discovery order. Breadth-first order makes the path of parents from
//! any state back to the start a shortest schedule to it, which is the schedule each outcome,
//! livelock and goal reports. Edges keep their pick (the index among the enabled choices), so
//! any path through the graph is a replayable [`Schedule`].

use std::collections::{HashMap, VecDeque};

use crate::choice::Choice;
use crate::detect::{LostUpdateDetector, RaceDetector};
use crate::ir::Text;
use crate::schedule::Schedule;
use crate::world::{Shared, World};

use super::fingerprint::{Fingerprinter, Watch};
use super::key::{BuildPassThrough, StateKey};
use super::sleep::{self, SleepSet};

/// No state / not set.
pub(crate) const NONE: u32 = u32::MAX;

/// One distinct state.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Node {
    /// The state it was first reached from, and by which pick.
    pub(crate) parent: u32,
    pub(crate) pick: u32,
    /// Steps from the start (shortest, by breadth-first order).
    pub(crate) depth: u32,
    /// Its edges, `edges[start..start + len]`, once it has been expanded.
    pub(crate) start: u32,
    pub(crate) len: u32,
    pub(crate) expanded: bool,
    /// Index of its outcome when the world is over there.
    pub(crate) terminal: u32,
}

/// One step between states.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Edge {
    pub(crate) to: u32,
    pub(crate) pick: u32,
    /// The lines the step printed, as an index into [`Bfs::printed`] (0: none, or output not
    /// tracked).
    pub(crate) printed: u32,
}

/// Every distinct state seen, and the steps between them.
#[derive(Default)]
pub(crate) struct Graph {
    /// Hash → state when exact keys are off: the table holds bare 128-bit hashes (32 bytes
    /// an entry instead of 48 with the empty exact-words slot).
    by_hash: HashMap<u128, u32, BuildPassThrough>,
    /// Whole canonical form → state, with exact keys (tests).
    by_words: HashMap<StateKey, u32, BuildPassThrough>,
    pub(crate) nodes: Vec<Node>,
    pub(crate) edges: Vec<Edge>,
}

impl Graph {
    /// The state with `key`, added (reached from `parent` by `pick`) if it is new.
    fn discover(&mut self, key: StateKey, parent: u32, pick: u32) -> (u32, bool) {
        let next = self.nodes.len() as u32;
        let id = match key.words {
            None => *self.by_hash.entry(key.hash).or_insert(next),
            Some(_) => *self.by_words.entry(key).or_insert(next),
        };
        if id != next {
            return (id, false);
        }
        let depth = self.nodes.get(parent as usize).map_or(0, |p| p.depth + 1);
        self.nodes.push(Node {
            parent,
            pick,
            depth,
            start: 0,
            len: 0,
            expanded: false,
            terminal: NONE,
        });
        (id, true)
    }

    /// The edges out of a state.
    pub(crate) fn out(&self, id: u32) -> &[Edge] {
        match self.nodes.get(id as usize) {
            Some(n) => self
                .edges
                .get(n.start as usize..(n.start + n.len) as usize)
                .unwrap_or(&[]),
            None => &[],
        }
    }

    /// The shortest schedule from the start to a state.
    pub(crate) fn path(&self, id: u32) -> Schedule {
        let mut picks = Vec::new();
        let mut at = id;
        while let Some(n) = self.nodes.get(at as usize) {
            if n.parent == NONE {
                break;
            }
            picks.push(n.pick);
            at = n.parent;
        }
        picks.reverse();
        Schedule::from_picks(picks)
    }

    /// Distinct states seen.
    pub(crate) fn len(&self) -> u64 {
        self.nodes.len() as u64
    }
}

/// What to do with a newly discovered state.
pub(crate) enum Visit {
    /// Queue it for expansion.
    Expand,
    /// Keep it as a leaf (an end state, or a goal).
    Leaf,
}

/// Children made per call of [`Bfs::expand_next`]: a state with thousands of processes
/// has thousands of children, each a copy of a large world, so its expansion is spread over
/// several calls and a slice can end inside it.
const CHILDREN_PER_CALL: usize = 64;

/// A state whose expansion is under way: its world, its choices and how far it has come.
struct Expansion {
    id: u32,
    /// The parent world, until the last choice takes it.
    world: Option<World>,
    choices: Vec<Choice>,
    /// The next choice to try.
    next: usize,
    /// The first of its edges (a state's edges are contiguous).
    start: u32,
    printed_before: usize,
    asleep: SleepSet,
    done: SleepSet,
}

/// Breadth-first search over distinct states, expanded a slice at a time.
pub(crate) struct Bfs {
    pub(crate) graph: Graph,
    pub(crate) queue: VecDeque<(u32, World)>,
    fp: Fingerprinter,
    watch: Watch,
    exact: bool,
    choices: Vec<Choice>,
    max_depth: usize,
    /// Some state was not expanded because it lay beyond the depth bound.
    pub(crate) depth_cut: bool,
    /// Whether edges record what their step printed (output kept out of the fingerprint).
    track_output: bool,
    /// Lines printed by one step, by index; entry 0 is "nothing".
    pub(crate) printed: Vec<Vec<(Text, bool)>>,
    printed_index: HashMap<Vec<(Text, bool)>, u32>,
    /// Each state's sleep set, when sleep sets are on (see `sleep`).
    sleep: Option<Vec<SleepSet>>,
    /// States expanded, counting re-expansions.
    pub(crate) expansions: u64,
    /// Detectors that record nothing, shared by every world whose flag they would only
    /// set again (see [`Bfs::retire_settled`]).
    retired_races: Shared<RaceDetector>,
    retired_lost: Shared<LostUpdateDetector>,
    /// The state being expanded, when its expansion spans calls.
    current: Option<Expansion>,
}

impl Bfs {
    /// A search from `world`, whose start state is `visit`ed like any other.
    pub(crate) fn new(
        world: &World,
        watch: Watch,
        track_output: bool,
        exact: bool,
        max_depth: usize,
        visit: &mut dyn FnMut(&World, u32) -> Visit,
    ) -> Bfs {
        let mut root = world.clone();
        root.set_record_trace(false);
        // Nothing here reads a step's events; building them would be wasted work.
        root.set_record_events(false);
        // Runaway loops are cycles of the state graph; the search bounds itself.
        root.opts.budgets.max_steps = u64::MAX;
        let mut bfs = Bfs {
            graph: Graph::default(),
            queue: VecDeque::new(),
            fp: Fingerprinter::default(),
            watch,
            exact,
            choices: Vec::new(),
            max_depth,
            depth_cut: false,
            track_output,
            printed: vec![Vec::new()],
            printed_index: HashMap::new(),
            sleep: None,
            expansions: 0,
            retired_races: Shared::new(RaceDetector::new(false)),
            retired_lost: Shared::new(LostUpdateDetector::retired()),
            current: None,
        };
        let key = bfs.fp.key(&root, watch, exact);
        let (id, _) = bfs.graph.discover(key, NONE, 0);
        if let Visit::Expand = visit(&root, id) {
            bfs.queue.push_back((id, root));
        }
        bfs
    }

    /// Prunes with sleep sets from now on (call before the first expansion).
    pub(crate) fn use_sleep_sets(&mut self) {
        self.sleep = Some(vec![SleepSet::new(); self.graph.nodes.len()]);
    }

    /// Drops up to `n` queued worlds (and the one under way); whether any are left.
    pub(crate) fn release(&mut self, n: usize) -> bool {
        self.current = None;
        let keep = self.queue.len().saturating_sub(n);
        self.queue.truncate(keep);
        !self.queue.is_empty()
    }

    /// Whether nothing is left to expand: no state queued and none half-expanded.
    pub(crate) fn exhausted(&self) -> bool {
        self.queue.is_empty() && self.current.is_none()
    }

    /// States discovered and not yet expanded, the one under way included.
    pub(crate) fn queued(&self) -> u64 {
        self.queue.len() as u64 + u64::from(self.current.is_some())
    }

    /// Goes on expanding the current state, or starts on the next queued one, making at
    /// most [`CHILDREN_PER_CALL`] children; false when nothing is left to expand.
    pub(crate) fn expand_next(&mut self, visit: &mut dyn FnMut(&World, u32) -> Visit) -> bool {
        let mut x = match self.current.take() {
            Some(x) => x,
            None => {
                let Some((id, world)) = self.queue.pop_front() else {
                    return false;
                };
                let mut choices = std::mem::take(&mut self.choices);
                world.enabled_choices_into(&mut choices);
                Expansion {
                    id,
                    printed_before: world.output.printed.len(),
                    world: Some(world),
                    choices,
                    next: 0,
                    start: self.graph.edges.len() as u32,
                    asleep: match &self.sleep {
                        Some(z) => z.get(id as usize).cloned().unwrap_or_default(),
                        None => SleepSet::new(),
                    },
                    done: SleepSet::new(),
                }
            }
        };
        let end = (x.next + CHILDREN_PER_CALL).min(x.choices.len());
        for i in x.next..end {
            self.child(&mut x, i, visit);
        }
        x.next = end;
        if end < x.choices.len() && x.world.is_some() {
            self.current = Some(x);
            return true;
        }
        self.expansions += 1;
        let len = self.graph.edges.len() as u32 - x.start;
        if let Some(n) = self.graph.nodes.get_mut(x.id as usize) {
            n.start = x.start;
            n.len = len;
            n.expanded = true;
        }
        self.choices = x.choices;
        true
    }

    /// Makes the child of choice `i` of the state being expanded, and records its edge.
    fn child(&mut self, x: &mut Expansion, i: usize, visit: &mut dyn FnMut(&World, u32) -> Visit) {
        let id = x.id;
        let choice = x.choices[i];
        if x.asleep.iter().any(|(c, _)| *c == choice) {
            return;
        }
        let reduce = self.sleep.is_some();
        // The last choice takes the parent's world instead of a copy.
        let mut child = if i + 1 == x.choices.len() {
            match x.world.take() {
                Some(w) => w,
                None => return,
            }
        } else {
            match &x.world {
                Some(w) => w.clone(),
                None => return,
            }
        };
        let pre = if reduce {
            sleep::before(&child, choice)
        } else {
            None
        };
        if child.step(choice).is_err() {
            return;
        }
        self.retire_settled(&mut child);
        let footprint = sleep::after(pre, &child);
        let child_sleep: SleepSet = match footprint {
            Some(fp) => x
                .asleep
                .iter()
                .chain(x.done.iter())
                .filter(|(_, a)| sleep::independent(a, &fp))
                .copied()
                .collect(),
            None => SleepSet::new(),
        };
        if let Some(fp) = footprint {
            x.done.push((choice, fp));
        }
        let printed = self.printed_by(&child, x.printed_before);
        let key = self.fp.key(&child, self.watch, self.exact);
        let (to, new) = self.graph.discover(key, id, i as u32);
        self.graph.edges.push(Edge {
            to,
            pick: i as u32,
            printed,
        });
        if new {
            if let Some(z) = &mut self.sleep {
                z.push(child_sleep);
            }
            if let Visit::Expand = visit(&child, to) {
                let depth = self.graph.nodes.get(to as usize).map_or(0, |n| n.depth);
                if depth as usize >= self.max_depth {
                    self.depth_cut = true;
                } else {
                    self.queue.push_back((to, child));
                }
            }
        } else if let Some(z) = &mut self.sleep {
            // Reached again with a sleep set that is not a superset of the stored one:
            // keep the intersection, and expand again if it was expanded already.
            let Some(stored) = z.get_mut(to as usize) else {
                return;
            };
            if !sleep::covers(&child_sleep, stored) {
                stored.retain(|(c, _)| child_sleep.iter().any(|(d, _)| d == c));
                let expanded = self
                    .graph
                    .nodes
                    .get(to as usize)
                    .is_some_and(|n| n.expanded);
                if expanded {
                    self.queue.push_back((to, child));
                }
            }
        }
    }

    /// Once a world has flagged a race (or a lost update) for good, that detector's history
    /// can no longer change its outcome, and the fingerprint stops writing it (see
    /// `fingerprint`): the world gets a retired detector instead, so its later steps neither
    /// copy nor update the history. Without findings in the outcome nothing is retired (a
    /// goal may still ask about them).
    fn retire_settled(&self, child: &mut World) {
        if !self.watch.findings {
            return;
        }
        if child.races.enabled() && child.has_race() {
            child.races = self.retired_races.clone();
        }
        if child.lost.on() && child.has_lost_update() {
            child.lost = self.retired_lost.clone();
        }
    }

    /// The index of what `child` printed in its last step (texts, and whether each ended
    /// its line), recorded once per distinct piece.
    fn printed_by(&mut self, child: &World, before: usize) -> u32 {
        if !self.track_output {
            return 0;
        }
        let Some(records) = child.output.printed.get(before..).filter(|l| !l.is_empty()) else {
            return 0;
        };
        let pieces: Vec<(Text, bool)> = records
            .iter()
            .map(|r| (r.text.clone(), r.newline))
            .collect();
        if let Some(&i) = self.printed_index.get(&pieces) {
            return i;
        }
        let i = self.printed.len() as u32;
        self.printed.push(pieces.clone());
        self.printed_index.insert(pieces, i);
        i
    }
}
