//! Plain state behind the components: what the stage draws, where, and how a
//! session moves. Nothing here touches the DOM, so it is tested natively.

pub mod code_lines;
pub mod frame;
pub mod layout;
pub mod markdown;
pub mod motion;
pub mod outcomes;
pub mod playground;
pub mod program_link;
pub mod programs;
pub mod progress;
pub mod progress_merge;
pub mod quiz;
pub mod quiz_run;
pub mod safe_url;
pub mod session;
pub mod spacetime;
pub mod studio;
pub mod url_state;
