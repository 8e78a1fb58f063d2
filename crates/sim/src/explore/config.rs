//! What an exploration looks at and how far it may go.

use serde::{Deserialize, Serialize};

/// How the search prunes interleavings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reduction {
    /// Every enabled choice of every state: exact schedule counts.
    #[default]
    None,
    /// Sleep sets: a step is skipped where an earlier sibling's exploration already covers
    /// it. Every outcome is still found, but counts are of the explored paths, not of
    /// schedules, and livelocks are not reported.
    SleepSets,
}

impl Reduction {
    /// A name for reports.
    pub fn name(self) -> &'static str {
        match self {
            Reduction::None => "none",
            Reduction::SleepSets => "sleep sets",
        }
    }
}

/// What the explorer looks at and how far it goes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExploreConfig {
    /// Kept so older callers compile; the state explorer counts every schedule exactly and
    /// bounds its work by `max_states` instead.
    pub max_schedules: u64,
    /// States further than this many steps from the start are not expanded.
    pub max_depth: usize,
    /// Globals whose final values key the outcome (`None` = all plain-value globals).
    pub watch: Option<Vec<String>>,
    /// Whether printed output is part of the outcome.
    pub output: bool,
    /// Whether race / lost-update / crash flags are part of the outcome.
    pub findings: bool,
    /// Most distinct states the search may discover.
    pub max_states: u64,
    /// Pruning of interleavings (only when the set of outcomes is all that matters).
    pub reduction: Reduction,
    /// Keep each state's whole canonical form and compare it on every match, ruling out hash
    /// collisions (tests; costs memory).
    pub exact_keys: bool,
}

impl Default for ExploreConfig {
    fn default() -> ExploreConfig {
        ExploreConfig {
            max_schedules: 100_000,
            max_depth: 10_000,
            watch: None,
            output: true,
            findings: true,
            max_states: 1_000_000,
            reduction: Reduction::None,
            exact_keys: false,
        }
    }
}

/// Why a search stopped before it had seen every reachable state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StopReason {
    /// `max_states` distinct states were discovered.
    States,
    /// Some states lay beyond `max_depth`.
    Depth,
    /// The caller's [`super::Budget`] (time, or expansions) ran out.
    Time,
}

impl StopReason {
    /// The bound's name for reports: "states", "depth" or "time".
    pub fn name(self) -> &'static str {
        match self {
            StopReason::States => "states",
            StopReason::Depth => "depth",
            StopReason::Time => "time",
        }
    }
}
