//! Pieces shared by several pages.

pub mod editor;
pub mod nav;
pub mod panel;
pub mod planned;
pub mod quiz;
pub mod shell;
