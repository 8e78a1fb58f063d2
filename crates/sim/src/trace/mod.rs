//! The trace: typed events, their storage, and their narration.

mod event;
mod narrate;
mod store;

pub use event::{DropReason, Event, EventKind, LocalRef, WriteEvent};
pub use narrate::describe_wait;
pub use store::Trace;
