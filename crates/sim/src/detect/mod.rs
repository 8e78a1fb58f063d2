//! Checkers that watch a world without being part of its semantics: data races (vector
//! clocks), lost updates, deadlocks (wait-for graph). Overflow and budget findings are raised
//! by the world where they happen and reported with the same [`Finding`] type.

mod atomic_sync;
mod clock;
mod deadlock;
mod finding;
mod lost_update;
mod race;

pub use clock::VClock;
pub use deadlock::wait_for_graph;
pub use finding::{Access, BudgetKind, DeadlockReport, Finding, LostWrite, Wait};
pub use lost_update::LostUpdateDetector;
pub use race::RaceDetector;
