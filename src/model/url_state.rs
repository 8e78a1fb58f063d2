//! A panel's state as one URL query value, so a copied link reproduces the
//! exact view: the scheduler policy and the steps taken, as the simulator's
//! schedule string. The step shown is the schedule's length.
//!
//! Format: `rr~SCHEDULE` (round-robin), `r42~SCHEDULE` (random, seed 42) or
//! `you~SCHEDULE` (the student chooses). The schedule may be empty.

use crate::model::session::Policy;

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
        assert_eq!(
            PanelState::parse("rr~"),
            Some(PanelState {
                policy: Policy::RoundRobin,
                schedule: String::new()
            })
        );
    }
}
