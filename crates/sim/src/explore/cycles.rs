//! Cycles of the state graph: strongly connected components (Tarjan's algorithm, iterative so
//! deep graphs cannot overflow the stack), and the livelocks among them.
//!
//! A livelock is a bottom component with a cycle: every state in it has been expanded, no step
//! leads out of it, and none of its states is an end state. Once a schedule enters it, the
//! program runs forever without ending (spinning on a flag nobody sets, polling a `select`
//! with `default` for a message nobody sends, actors bouncing messages forever). States not
//! yet expanded are never part of a finding, so a search cut by a bound reports no false
//! livelock.

use serde::{Deserialize, Serialize};

use crate::schedule::Schedule;

use super::graph::{Graph, NONE};

/// One strongly connected component.
pub(crate) struct Component {
    pub(crate) members: Vec<u32>,
    /// It has more than one state, or a step from a state to itself.
    pub(crate) cyclic: bool,
}

/// Every state's component, and the components with successors listed first.
pub(crate) struct Components {
    pub(crate) of: Vec<u32>,
    pub(crate) list: Vec<Component>,
}

/// Tarjan's strongly connected components over the explored graph.
pub(crate) fn components(graph: &Graph) -> Components {
    let n = graph.nodes.len();
    let mut index = vec![NONE; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<u32> = Vec::new();
    let mut of = vec![NONE; n];
    let mut list = Vec::new();
    let mut next = 0u32;
    // (state, position in its edge list)
    let mut work: Vec<(u32, usize)> = Vec::new();
    for root in 0..n as u32 {
        if index[root as usize] != NONE {
            continue;
        }
        work.push((root, 0));
        index[root as usize] = next;
        low[root as usize] = next;
        next += 1;
        stack.push(root);
        on_stack[root as usize] = true;
        while let Some(&(v, pos)) = work.last() {
            let out = graph.out(v);
            if let Some(e) = out.get(pos) {
                if let Some(top) = work.last_mut() {
                    top.1 += 1;
                }
                let w = e.to as usize;
                if index[w] == NONE {
                    index[w] = next;
                    low[w] = next;
                    next += 1;
                    stack.push(e.to);
                    on_stack[w] = true;
                    work.push((e.to, 0));
                } else if on_stack[w] {
                    low[v as usize] = low[v as usize].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent as usize] = low[parent as usize].min(low[v as usize]);
            }
            if low[v as usize] == index[v as usize] {
                let id = list.len() as u32;
                let mut members = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w as usize] = false;
                    of[w as usize] = id;
                    members.push(w);
                    if w == v {
                        break;
                    }
                }
                let cyclic = members.len() > 1 || out.iter().any(|e| e.to == v);
                list.push(Component { members, cyclic });
            }
        }
    }
    Components { of, list }
}

/// A way into a part of the state graph the program can never leave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Livelock {
    /// A shortest schedule from the start into the trap.
    pub entry: Schedule,
    /// Steps that go once round a cycle, from where `entry` ends back to the same state.
    pub cycle: Schedule,
    /// Distinct states in the trap.
    pub states: u64,
}

/// The livelocks of a graph: bottom components with a cycle, fully expanded, with no end
/// state.
pub(crate) fn livelocks(graph: &Graph, comps: &Components) -> Vec<Livelock> {
    let mut found = Vec::new();
    for (id, comp) in comps.list.iter().enumerate() {
        if !comp.cyclic {
            continue;
        }
        let closed = comp.members.iter().all(|&v| {
            let node = &graph.nodes[v as usize];
            node.expanded
                && node.terminal == NONE
                && graph
                    .out(v)
                    .iter()
                    .all(|e| comps.of[e.to as usize] == id as u32)
        });
        if !closed {
            continue;
        }
        let Some(&entry) = comp
            .members
            .iter()
            .min_by_key(|&&v| (graph.nodes[v as usize].depth, v))
        else {
            continue;
        };
        found.push(Livelock {
            entry: graph.path(entry),
            cycle: cycle_through(graph, comps, entry),
            states: comp.members.len() as u64,
        });
    }
    found.sort_by_key(|l| l.entry.len());
    found
}

/// A shortest cycle from `start` back to itself inside its component (breadth-first).
fn cycle_through(graph: &Graph, comps: &Components, start: u32) -> Schedule {
    use std::collections::{HashMap, VecDeque};
    let comp = comps.of[start as usize];
    let mut came: HashMap<u32, (u32, u32)> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for e in graph.out(v) {
            if comps.of[e.to as usize] != comp {
                continue;
            }
            if e.to == start {
                let mut picks = vec![e.pick];
                let mut at = v;
                while at != start {
                    let Some(&(from, pick)) = came.get(&at) else {
                        break;
                    };
                    picks.push(pick);
                    at = from;
                }
                picks.reverse();
                return Schedule::from_picks(picks);
            }
            if e.to != start && !came.contains_key(&e.to) {
                came.insert(e.to, (v, e.pick));
                queue.push_back(e.to);
            }
        }
    }
    Schedule::from_picks(Vec::new())
}
