//! Pieces shared by several pages.

pub mod nav;
pub mod panel;
pub mod planned;
pub mod shell;
