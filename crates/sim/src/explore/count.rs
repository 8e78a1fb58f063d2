//! Exact schedule counts: the number of paths from the start into each state, by dynamic
//! programming over the state graph's strongly connected components in topological order.
//!
//! A state in a cycle (or reached from one) is reached by infinitely many schedules: go
//! round the cycle any number of times. Every other state's count is the sum over its
//! incoming edges of its predecessors' counts, exact in big integers.

use std::fmt;
use std::ops::AddAssign;

use num_bigint::BigUint;
use serde::{Deserialize, Serialize};

use super::cycles::Components;
use super::graph::Graph;

/// A number of schedules.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Count {
    /// Exactly this many.
    Finite(BigUint),
    /// A cycle lies on the way: any number of rounds gives another schedule.
    Infinite,
}

impl Count {
    /// Zero schedules.
    pub fn zero() -> Count {
        Count::Finite(BigUint::default())
    }

    /// The count as a `u64`, `u64::MAX` when it is infinite or does not fit.
    pub fn to_u64_saturating(&self) -> u64 {
        match self {
            Count::Finite(n) => u64::try_from(n).unwrap_or(u64::MAX),
            Count::Infinite => u64::MAX,
        }
    }

    /// Whether a cycle makes the count infinite.
    pub fn is_infinite(&self) -> bool {
        matches!(self, Count::Infinite)
    }
}

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Count::Finite(n) => write!(f, "{n}"),
            Count::Infinite => write!(f, "infinitely many"),
        }
    }
}

impl AddAssign<&Count> for Count {
    fn add_assign(&mut self, other: &Count) {
        match (&mut *self, other) {
            (Count::Finite(a), Count::Finite(b)) => *a += b,
            _ => *self = Count::Infinite,
        }
    }
}

/// Counts serialize as decimal strings (`"924"`) or `"infinite"`, readable by any JSON tool.
impl Serialize for Count {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Count::Finite(n) => s.serialize_str(&n.to_string()),
            Count::Infinite => s.serialize_str("infinite"),
        }
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Count, D::Error> {
        let text = String::deserialize(d)?;
        if text == "infinite" {
            return Ok(Count::Infinite);
        }
        text.parse::<BigUint>()
            .map(Count::Finite)
            .map_err(serde::de::Error::custom)
    }
}

/// A path count while counting: machine words until they overflow.
#[derive(Clone, Debug)]
enum Paths {
    Small(u128),
    Big(BigUint),
    Infinite,
}

impl Paths {
    fn add(&mut self, other: &Paths) {
        *self = match (&*self, other) {
            (Paths::Infinite, _) | (_, Paths::Infinite) => Paths::Infinite,
            (Paths::Small(a), Paths::Small(b)) => match a.checked_add(*b) {
                Some(s) => Paths::Small(s),
                None => Paths::Big(BigUint::from(*a) + BigUint::from(*b)),
            },
            (Paths::Small(a), Paths::Big(b)) | (Paths::Big(b), Paths::Small(a)) => {
                Paths::Big(b + BigUint::from(*a))
            }
            (Paths::Big(a), Paths::Big(b)) => Paths::Big(a + b),
        }
    }

    fn count(&self) -> Count {
        match self {
            Paths::Small(n) => Count::Finite(BigUint::from(*n)),
            Paths::Big(n) => Count::Finite(n.clone()),
            Paths::Infinite => Count::Infinite,
        }
    }
}

/// The number of schedules from the start (state 0) into every state.
pub(crate) fn paths_into(graph: &Graph, comps: &Components) -> Vec<Count> {
    let n = graph.nodes.len();
    let mut paths = vec![Paths::Small(0); n];
    if let Some(p) = paths.first_mut() {
        *p = Paths::Small(1);
    }
    // Tarjan lists components with successors first; walk them the other way.
    for comp in comps.list.iter().rev() {
        if comp.cyclic {
            for &v in &comp.members {
                paths[v as usize] = Paths::Infinite;
            }
        }
        for &v in &comp.members {
            let here = paths[v as usize].clone();
            for e in graph.out(v) {
                if comps.of[e.to as usize] != comps.of[v as usize] {
                    paths[e.to as usize].add(&here);
                }
            }
        }
    }
    paths.iter().map(Paths::count).collect()
}
