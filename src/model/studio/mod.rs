//! The Studio's plain state: a lesson file's findings, its coloured lines,
//! the starting points, the format reference and when to check. Nothing here
//! touches the DOM, so it is tested natively.

pub mod findings;
pub mod lines;
pub mod pacing;
pub mod reference;
pub mod template;
