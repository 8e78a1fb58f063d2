//! A panel's state as one URL query value, so a copied link reproduces the
//! exact view: the scheduler policy and the steps taken, as the simulator's
//! schedule string. The step shown is the schedule's length.
//!
//! Format: `rr~SCHEDULE` (round-robin), `r42~SCHEDULE` (random, seed 42) or
//! `you~SCHEDULE` (the student chooses). The schedule may be empty.

use crate::model::session::Policy;

/// The longest panel state a link may carry. A schedule is a few characters a step,
/// so this is tens of thousands of steps, more than anyone replays by hand; a longer
/// value is refused before it is read, so a crafted link cannot make the page replay
/// for a long time.
pub const MAX_STATE_CHARS: usize = 64 * 1024;

/// What the panel tells the reader when a link's state for it cannot be used. The
/// panel then starts from the beginning.
pub fn unreadable_notice(text: &str) -> String {
    if text.len() > MAX_STATE_CHARS {
        format!(
            "This link's schedule is too long to replay ({} characters, at most {MAX_STATE_CHARS}), so the program starts from the beginning.",
            text.len()
        )
    } else {
        "This link's schedule could not be read (it may have been cut short or changed), so the program starts from the beginning.".to_string()
    }
}

/// What the URL says about one panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PanelState {
    /// The scheduler policy.
    pub policy: Policy,
    /// The steps taken, as a schedule string.
    pub schedule: String,
}

impl PanelState {
    /// The query value for this state.
    pub fn encode(&self) -> String {
        let policy = match self.policy {
            Policy::RoundRobin => "rr".to_string(),
            Policy::Random(seed) => format!("r{seed}"),
            Policy::Manual => "you".to_string(),
        };
        format!("{policy}~{}", self.schedule)
    }

    /// Reads a query value; `None` when it is not one of ours, so a mangled
    /// link falls back to a fresh panel instead of failing.
    pub fn parse(text: &str) -> Option<PanelState> {
        if text.len() > MAX_STATE_CHARS {
            return None;
        }
        let (policy, schedule) = text.split_once('~')?;
        let policy = match policy {
            "rr" => Policy::RoundRobin,
            "you" => Policy::Manual,
            p => Policy::Random(p.strip_prefix('r')?.parse().ok()?),
        };
        let url_safe = schedule
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        url_safe.then(|| PanelState {
            policy,
            schedule: schedule.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_policy_round_trips() {
        for policy in [
            Policy::RoundRobin,
            Policy::Random(0),
            Policy::Random(u64::MAX),
            Policy::Manual,
        ] {
            let state = PanelState {
                policy,
                schedule: "0100-4.".to_string(),
            };
            assert_eq!(PanelState::parse(&state.encode()), Some(state));
        }
    }

    #[test]
    fn foreign_values_are_ignored() {
        for bad in ["", "rr", "x~0", "r~0", "rabc~0", "rr~<script>", "r-1~0"] {
            assert_eq!(PanelState::parse(bad), None, "{bad}");
        }
        let huge = format!("rr~{}", "0".repeat(MAX_STATE_CHARS));
        assert_eq!(PanelState::parse(&huge), None, "too long to replay");
        assert!(unreadable_notice(&huge).contains("too long"));
        assert!(unreadable_notice("x~0").contains("could not be read"));
        assert_eq!(
            PanelState::parse("rr~"),
            Some(PanelState {
                policy: Policy::RoundRobin,
                schedule: String::new()
            })
        );
    }
}
