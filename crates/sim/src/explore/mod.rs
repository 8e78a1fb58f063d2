//! The explorer: a breadth-first search over the graph of distinct world states.
//!
//! Two schedules that reach the same state (same fingerprint of processes, memory, locks,
//! mailboxes, channels, messages in flight, time, and the output and detector state that can
//! still change the outcome) are explored once. From the graph come:
//!
//! * the [`OutcomeClass`]es, each with the exact number of schedules ending that way (paths
//!   into its end states, [`count`]), or "infinitely many" when a cycle lies on the way, and a
//!   shortest schedule that ends that way;
//! * the [`Livelock`]s: parts of the graph the program can enter and never leave ([`cycles`]);
//! * goal search ([`goal`]): a shortest schedule to a state with some property, or proof that
//!   none is reachable.
//!
//! Work is bounded by distinct states and depth and runs in slices ([`Explorer::run_for`]), so
//! a UI can show progress; a report says whether it is complete or what stopped it, with the
//! states seen and still queued. Nothing here reads a clock: slices are counted in states, so
//! the search is deterministic and runs the same natively and in wasm; a caller with a
//! clock bounds it in time through a [`Budget`] ([`Explorer::run_within`]).
//!
//! Module map: `key` (canonical words and their 128-bit hash), `fingerprint` (one
//! function per part of a world), `graph` (the state table and the breadth-first search),
//! [`count`], `tally` (counts split by printed output), [`cycles`], [`explorer`] (the histogram), [`goal`], [`config`], [`outcome`].

pub mod budget;
pub mod config;
pub mod count;
pub mod cycles;
pub mod explorer;
mod fingerprint;
pub mod goal;
mod graph;
mod key;
pub mod outcome;
mod sleep;
mod tally;

pub use budget::{Budget, Deadline, Expansions};
pub use config::{ExploreConfig, Reduction, StopReason};
pub use count::Count;
pub use cycles::Livelock;
pub use explorer::{Explorer, OutcomeClass, Progress, Report};
pub use goal::{find_schedule, GoalSearch, SearchBounds, SearchResult};
pub use outcome::{Ending, Outcome};

use crate::world::World;

/// Explores `world` to the end (or the bounds) and returns the report.
pub fn explore(world: &World, config: ExploreConfig) -> Report {
    Explorer::new(world, config).run()
}
