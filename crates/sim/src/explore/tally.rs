//! Counting schedules per outcome when printed output is part of the outcome, without putting
//! output in the fingerprint.
//!
//! A program cannot read what it has printed, so two states that differ only in their output
//! so far behave the same from then on. The state graph is built without output; each edge
//! records the lines its step printed. Counting then runs over pairs (state, output so far):
//! the dynamic programme of [`super::count`], with each state's count split by the output
//! printed on the way in. Output prefixes are interned as a trie, so a pair is two integers.
//! Each pair also keeps its shortest way in, which gives every outcome its shortest schedule.
//!
//! In a cycle every pair is reached by infinitely many schedules. Lines printed on the edges
//! of a cycle are not added to the output inside it (the rounds could print unboundedly many
//! lines); the count of whatever follows is infinite either way.

use std::collections::{HashMap, VecDeque};

use crate::ir::Text;
use crate::schedule::Schedule;

use super::count::{Count, Paths};
use super::cycles::Components;
use super::graph::{Graph, NONE};
use super::key::BuildMix;

/// Two indices packed as one table key.
fn pack(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// One (state, output so far) pair.
struct Pair {
    node: u32,
    prefix: u32,
    paths: Paths,
    depth: u32,
    back: u32,
    pick: u32,
}

/// Every pair reached, with its count and shortest way in.
pub(crate) struct Tally {
    pairs: Vec<Pair>,
    /// (parent prefix, printed index) → prefix; prefix 0 is "nothing printed".
    trie: Vec<(u32, u32)>,
}

/// An end state's share of the schedules: its pair, its count, its output.
pub(crate) struct End {
    pub(crate) node: u32,
    pub(crate) count: Count,
    pub(crate) depth: u32,
    pair: u32,
    prefix: u32,
}

impl Tally {
    /// Counts the paths into every (state, output) pair of `graph`.
    pub(crate) fn count(graph: &Graph, comps: &Components) -> Tally {
        let mut t = Tally {
            pairs: Vec::new(),
            trie: vec![(NONE, 0)],
        };
        let mut trie_index: HashMap<u64, u32, BuildMix> = HashMap::default();
        // Per state, its pairs by prefix. Components are taken in topological order, so a
        // state's pairs are all made before it is left, and its table is dropped then: the
        // tables in use stay few and small, which keeps the lookups in cache.
        let mut index: Vec<HashMap<u32, u32, BuildMix>> =
            vec![HashMap::default(); graph.nodes.len()];
        let mut by_node: Vec<Vec<u32>> = vec![Vec::new(); graph.nodes.len()];
        if graph.nodes.is_empty() {
            return t;
        }
        t.pairs.push(Pair {
            node: 0,
            prefix: 0,
            paths: Paths::Small(1),
            depth: 0,
            back: NONE,
            pick: 0,
        });
        index[0].insert(0, 0);
        by_node[0].push(0);
        for comp in comps.list.iter().rev() {
            if comp.cyclic {
                t.close_cycle(graph, comps, comp, &mut index, &mut by_node);
            }
            for &v in &comp.members {
                let mut k = 0;
                while let Some(&p) = by_node[v as usize].get(k) {
                    k += 1;
                    for e in graph.out(v) {
                        if comps.of[e.to as usize] == comps.of[v as usize] {
                            continue;
                        }
                        let (paths, depth, prefix) = {
                            let pair = &t.pairs[p as usize];
                            (pair.paths.clone(), pair.depth + 1, pair.prefix)
                        };
                        let q = if e.printed == 0 {
                            prefix
                        } else {
                            let next = t.trie.len() as u32;
                            let q = *trie_index.entry(pack(prefix, e.printed)).or_insert(next);
                            if q == next {
                                t.trie.push((prefix, e.printed));
                            }
                            q
                        };
                        let target = t.pair(&mut index, &mut by_node, e.to, q, depth, p, e.pick);
                        t.pairs[target as usize].paths.add(&paths);
                    }
                }
                index[v as usize] = HashMap::default();
            }
        }
        t
    }

    /// The pair (node, prefix), made if new; keeps the shortest way in.
    #[allow(clippy::too_many_arguments)]
    fn pair(
        &mut self,
        index: &mut [HashMap<u32, u32, BuildMix>],
        by_node: &mut [Vec<u32>],
        node: u32,
        prefix: u32,
        depth: u32,
        back: u32,
        pick: u32,
    ) -> u32 {
        let next = self.pairs.len() as u32;
        let id = *index[node as usize].entry(prefix).or_insert(next);
        if id == next {
            self.pairs.push(Pair {
                node,
                prefix,
                paths: Paths::Small(0),
                depth,
                back,
                pick,
            });
            by_node[node as usize].push(id);
        } else if depth < self.pairs[id as usize].depth {
            let pair = &mut self.pairs[id as usize];
            pair.depth = depth;
            pair.back = back;
            pair.pick = pick;
        }
        id
    }

    /// Spreads every output that enters a cycle to all its states, shortest ways first, with
    /// infinitely many schedules each.
    fn close_cycle(
        &mut self,
        graph: &Graph,
        comps: &Components,
        comp: &super::cycles::Component,
        index: &mut [HashMap<u32, u32, BuildMix>],
        by_node: &mut [Vec<u32>],
    ) {
        let id = comps.of[comp.members[0] as usize];
        let mut sources: Vec<u32> = comp
            .members
            .iter()
            .flat_map(|&m| by_node[m as usize].iter().copied())
            .collect();
        sources.sort_by_key(|&p| self.pairs[p as usize].depth);
        let mut queue: VecDeque<u32> = sources.into();
        while let Some(p) = queue.pop_front() {
            let (node, prefix, depth) = {
                let pair = &self.pairs[p as usize];
                (pair.node, pair.prefix, pair.depth)
            };
            for e in graph.out(node) {
                if comps.of[e.to as usize] != id {
                    continue;
                }
                let before = self.pairs.len();
                let q = self.pair(index, by_node, e.to, prefix, depth + 1, p, e.pick);
                if self.pairs.len() > before {
                    queue.push_back(q);
                }
            }
        }
        for &m in &comp.members {
            for &p in &by_node[m as usize] {
                self.pairs[p as usize].paths = Paths::Infinite;
            }
        }
    }

    /// The pairs at end states (`terminal` set), with their counts.
    pub(crate) fn ends(&self, graph: &Graph) -> Vec<End> {
        self.pairs
            .iter()
            .enumerate()
            .filter(|(_, p)| graph.nodes[p.node as usize].terminal != NONE)
            .map(|(i, p)| End {
                node: p.node,
                count: p.paths.count(),
                depth: p.depth,
                pair: i as u32,
                prefix: p.prefix,
            })
            .collect()
    }

    /// The shortest schedule into an end's pair.
    pub(crate) fn schedule(&self, end: &End) -> Schedule {
        let mut picks = Vec::new();
        let mut at = end.pair;
        while let Some(p) = self.pairs.get(at as usize) {
            if p.back == NONE {
                break;
            }
            picks.push(p.pick);
            at = p.back;
        }
        picks.reverse();
        Schedule::from_picks(picks)
    }

    /// The output printed on the way into an end's pair.
    pub(crate) fn output(&self, end: &End, printed: &[Vec<(Text, bool)>]) -> Vec<Text> {
        let mut parts = Vec::new();
        let mut at = end.prefix;
        while at != 0 {
            let Some(&(parent, lines)) = self.trie.get(at as usize) else {
                break;
            };
            parts.push(lines);
            at = parent;
        }
        crate::world::compose_lines(
            parts
                .iter()
                .rev()
                .flat_map(|&l| printed.get(l as usize).into_iter().flatten().cloned()),
        )
    }
}
