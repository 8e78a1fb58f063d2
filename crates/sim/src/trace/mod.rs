//! The trace: typed events, their storage, and their narration.

mod event;
mod narrate;
mod narrate_signals;
mod store;

pub use event::{DropReason, Event, EventKind, LocalRef, SignalEffect, SignalEvent, WriteEvent};
pub use narrate::describe_wait;
pub use store::Trace;
