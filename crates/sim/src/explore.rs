//! The explorer: depth-first over every choice (process, select case, delivery, drop), with
//! bounds, in slices a UI can run between frames.
//!
//! Every complete schedule ends in an [`Outcome`]; schedules with the same outcome form an
//! [`OutcomeClass`] with a count and the first schedule found, which the UI can replay.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::choice::Choice;
use crate::detect::BudgetKind;
use crate::ir::{Text, Value};
use crate::schedule::Schedule;
use crate::world::{World, WorldStatus};

/// What the explorer looks at and how far it goes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExploreConfig {
    /// Stop after this many complete schedules.
    pub max_schedules: u64,
    /// Schedules longer than this many steps are cut and counted as `DepthLimit`.
    pub max_depth: usize,
    /// Globals whose final values key the outcome (`None` = all plain-value globals).
    pub watch: Option<Vec<String>>,
    /// Whether printed output is part of the outcome.
    pub output: bool,
    /// Whether race / lost-update / crash flags are part of the outcome.
    pub findings: bool,
}

impl Default for ExploreConfig {
    fn default() -> ExploreConfig {
        ExploreConfig {
            max_schedules: 100_000,
            max_depth: 10_000,
            watch: None,
            output: true,
            findings: true,
        }
    }
}

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
    /// The explorer's depth bound cut it.
    DepthLimit,
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

/// All schedules with one outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeClass {
    /// The outcome.
    pub outcome: Outcome,
    /// How many schedules end this way.
    pub count: u64,
    /// The first schedule found that ends this way.
    pub schedule: Schedule,
}

/// Progress of an exploration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Complete schedules so far.
    pub schedules: u64,
    /// Steps executed so far (states visited in the schedule tree).
    pub states: u64,
    /// Whether exploration has stopped (finished or bounded).
    pub done: bool,
    /// Whether every schedule was explored (no bound cut anything).
    pub complete: bool,
}

/// The result of an exploration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Outcome classes, most frequent first.
    pub classes: Vec<OutcomeClass>,
    /// Complete schedules explored.
    pub schedules: u64,
    /// Steps executed.
    pub states: u64,
    /// Whether every schedule was explored.
    pub complete: bool,
}

struct Node {
    world: World,
    choices: Vec<Choice>,
    next: usize,
    depth: usize,
}

/// Depth-first exploration of every schedule of a world.
pub struct Explorer {
    config: ExploreConfig,
    stack: Vec<Node>,
    path: Vec<u32>,
    classes: BTreeMap<Outcome, (u64, Schedule)>,
    schedules: u64,
    states: u64,
    done: bool,
    cut: bool,
}

impl Explorer {
    /// Explores every schedule from `world`'s current state. The trace is not recorded while
    /// exploring (outcomes come from final state and findings).
    pub fn new(world: &World, config: ExploreConfig) -> Explorer {
        let mut root = world.clone();
        root.set_record_trace(false);
        let mut ex = Explorer {
            config,
            stack: Vec::new(),
            path: Vec::new(),
            classes: BTreeMap::new(),
            schedules: 0,
            states: 0,
            done: false,
            cut: false,
        };
        if root.is_over() {
            ex.leaf(&root, Ending::from_status(root.status()));
            ex.done = true;
        } else {
            let choices = root.enabled_choices();
            ex.stack.push(Node {
                world: root,
                choices,
                next: 0,
                depth: 0,
            });
        }
        ex
    }

    /// Explores until about `work` more steps have been executed, or the end.
    pub fn run_for(&mut self, work: u64) -> Progress {
        let mut left = work;
        while left > 0 && !self.done {
            let Some(top) = self.stack.last_mut() else {
                self.done = true;
                break;
            };
            if top.next >= top.choices.len() {
                self.stack.pop();
                continue;
            }
            let i = top.next;
            top.next += 1;
            let Some(&choice) = top.choices.get(i) else {
                continue;
            };
            let depth = top.depth;
            let last = top.next >= top.choices.len();
            // The last child takes over its parent's world instead of cloning it.
            let mut child = if last {
                match self.stack.pop() {
                    Some(node) => node.world,
                    None => continue,
                }
            } else {
                top.world.clone()
            };
            self.path.truncate(depth);
            self.path.push(i as u32);
            left -= 1;
            self.states += 1;
            if child.step(choice).is_err() {
                continue;
            }
            if child.is_over() {
                self.leaf(&child, Ending::from_status(child.status()));
            } else if depth + 1 >= self.config.max_depth {
                self.cut = true;
                self.leaf(&child, Ending::DepthLimit);
            } else {
                let choices = child.enabled_choices();
                self.stack.push(Node {
                    world: child,
                    choices,
                    next: 0,
                    depth: depth + 1,
                });
            }
        }
        self.progress()
    }

    /// Explores to the end (or the bounds).
    pub fn run(&mut self) -> Report {
        while !self.done {
            self.run_for(1 << 20);
        }
        self.report()
    }

    /// Progress so far.
    pub fn progress(&self) -> Progress {
        Progress {
            schedules: self.schedules,
            states: self.states,
            done: self.done,
            complete: self.done && !self.cut,
        }
    }

    /// The outcome classes found so far.
    pub fn report(&self) -> Report {
        let mut classes: Vec<OutcomeClass> = self
            .classes
            .iter()
            .map(|(outcome, (count, schedule))| OutcomeClass {
                outcome: outcome.clone(),
                count: *count,
                schedule: schedule.clone(),
            })
            .collect();
        classes.sort_by(|a, b| b.count.cmp(&a.count).then(a.outcome.cmp(&b.outcome)));
        Report {
            classes,
            schedules: self.schedules,
            states: self.states,
            complete: self.done && !self.cut,
        }
    }

    fn leaf(&mut self, world: &World, ending: Ending) {
        let outcome = self.outcome(world, ending);
        let schedule = Schedule::from_picks(self.path.clone());
        let entry = self.classes.entry(outcome).or_insert((0, schedule));
        entry.0 += 1;
        self.schedules += 1;
        if self.schedules >= self.config.max_schedules && !self.done {
            self.done = true;
            // Whatever is left on the stack was not explored.
            self.cut = !self.stack.iter().all(|n| n.next >= n.choices.len());
        }
    }

    fn outcome(&self, world: &World, ending: Ending) -> Outcome {
        let program = world.program();
        let values = program
            .globals
            .iter()
            .filter(|g| match &self.config.watch {
                Some(names) => names.contains(&g.name),
                None => matches!(g.init, crate::ir::GlobalInit::Value(_)),
            })
            .filter_map(|g| world.global(&g.name).map(|v| (g.name.clone(), v.clone())))
            .collect();
        let findings = self.config.findings;
        Outcome {
            ending,
            values,
            output: if self.config.output {
                world.output().to_vec()
            } else {
                Vec::new()
            },
            race: findings && world.has_race(),
            lost_update: findings && world.has_lost_update(),
            crash: findings && world.has_crash(),
        }
    }
}

impl Ending {
    fn from_status(status: &WorldStatus) -> Ending {
        match status {
            WorldStatus::Idle => Ending::Idle,
            WorldStatus::Deadlock => Ending::Deadlock,
            WorldStatus::Stopped(k) => Ending::Budget(*k),
            WorldStatus::Finished | WorldStatus::Running => Ending::Finished,
        }
    }
}

/// Explores with the default configuration and returns the report.
pub fn explore(world: &World, config: ExploreConfig) -> Report {
    Explorer::new(world, config).run()
}
