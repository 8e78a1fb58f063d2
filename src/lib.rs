//! Switchboard: learn the Actor model and CSP by watching programs run.
//!
//! The app renders what the simulator produces; it holds no simulation logic
//! of its own. `app` is the router, `pages` holds one module per route and
//! `components` the pieces pages share.

pub mod app;
pub mod browser;
pub mod components;
pub mod course;
pub mod crash;
pub mod model;
pub mod pages;
