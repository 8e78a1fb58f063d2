//! The parts of Python's standard library the dialect builds from simulator primitives, one
//! job per file.

pub(super) mod event;
pub(super) mod queue;
