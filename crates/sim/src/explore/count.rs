//! Exact schedule counts in big integers, and the running sums the counting uses.
//!
//! The count of a state is the number of paths from the start into it: the sum over its
//! incoming edges of its predecessors' counts, summed in topological order of the state
//! graph's strongly connected components (see `tally`). A state in a cycle, or reached from
//! one, is reached by infinitely many schedules: go round the cycle any number of times.

use std::fmt;
use std::ops::AddAssign;

use num_bigint::BigUint;
use serde::{Deserialize, Serialize};

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
pub(crate) enum Paths {
    Small(u128),
    Big(BigUint),
    Infinite,
}

impl Paths {
    pub(crate) fn add(&mut self, other: &Paths) {
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

    pub(crate) fn count(&self) -> Count {
        match self {
            Paths::Small(n) => Count::Finite(BigUint::from(*n)),
            Paths::Big(n) => Count::Finite(n.clone()),
            Paths::Infinite => Count::Infinite,
        }
    }
}
