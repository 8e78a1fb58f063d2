//! Outcomes: how a run ended and what it left behind, as the histogram groups runs.

use serde::{Deserialize, Serialize};

use crate::detect::BudgetKind;
use crate::ir::{GlobalInit, Text, Value};
use crate::world::{World, WorldStatus};

use super::ExploreConfig;

/// How a schedule ended.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Ending {
    /// Every process ended.
    Finished,
    /// Only idle actors were left.
    Idle,
    /// Deadlock.
    Deadlock,
    /// A budget ran out.
    Budget(BudgetKind),
    /// A depth bound cut it (the state explorer reports cut states as a stop, not an outcome;
    /// kept for reports made by schedule enumeration).
    DepthLimit,
}

impl Ending {
    /// The ending of a world that is over.
    pub fn from_status(status: &WorldStatus) -> Ending {
        match status {
            WorldStatus::Idle => Ending::Idle,
            WorldStatus::Deadlock => Ending::Deadlock,
            WorldStatus::Stopped(k) => Ending::Budget(*k),
            WorldStatus::Finished | WorldStatus::Running => Ending::Finished,
        }
    }
}

/// The observable result of one schedule.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Outcome {
    /// How it ended.
    pub ending: Ending,
    /// Final values of the watched globals.
    pub values: Vec<(String, Value)>,
    /// Printed lines (empty when output is not watched).
    pub output: Vec<Text>,
    /// A data race was detected.
    pub race: bool,
    /// A lost update was detected.
    pub lost_update: bool,
    /// Some process crashed.
    pub crash: bool,
}

impl Outcome {
    /// The outcome of a world that is over, as `config` watches it.
    pub fn of(world: &World, ending: Ending, config: &ExploreConfig) -> Outcome {
        let program = world.program();
        let values = program
            .globals
            .iter()
            .filter(|g| match &config.watch {
                Some(names) => names.contains(&g.name),
                None => matches!(g.init, GlobalInit::Value(_)),
            })
            .filter_map(|g| world.global(&g.name).map(|v| (g.name.clone(), v.clone())))
            .collect();
        let findings = config.findings;
        Outcome {
            ending,
            values,
            output: if config.output {
                world.output().to_vec()
            } else {
                Vec::new()
            },
            race: findings && world.has_race(),
            lost_update: findings && world.has_lost_update(),
            crash: findings && world.has_crash(),
        }
    }

    /// A short label such as `count = 2, race` or `deadlock`.
    pub fn label(&self, world: &World) -> String {
        let mut parts: Vec<String> = self
            .values
            .iter()
            .map(|(n, v)| format!("{n} = {}", v.repr(world.style())))
            .collect();
        if !self.output.is_empty() {
            let out: Vec<&str> = self.output.iter().map(|t| t.as_str()).collect();
            parts.push(format!("prints {:?}", out.join("\n")));
        }
        match self.ending {
            Ending::Finished => {}
            Ending::Idle => parts.push("idle actors".into()),
            Ending::Deadlock => parts.push("deadlock".into()),
            Ending::Budget(k) => parts.push(format!("budget ({k:?})")),
            Ending::DepthLimit => parts.push("cut at depth limit".into()),
        }
        if self.crash {
            parts.push("crash".into());
        }
        if self.race {
            parts.push("race".into());
        }
        if self.lost_update {
            parts.push("lost update".into());
        }
        if parts.is_empty() {
            "finished".into()
        } else {
            parts.join(", ")
        }
    }
}
