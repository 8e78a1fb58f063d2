//! One simulation as the panel drives it: the world, the choices taken so far,
//! and the way back. Plain state, so it is tested natively.

use std::sync::Arc;

use sim::ir::Program;
use sim::schedule::{Random, RoundRobin, Schedule, Scheduler};
use sim::trace::Event;
use sim::{Choice, Options, World, WorldStatus};

/// Who picks the next step when the student presses Step or Play.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// Processes take turns in pid order.
    RoundRobin,
    /// A seeded pseudo-random pick; the same seed gives the same run.
    Random(u64),
    /// The student picks from the enabled choices.
    Manual,
}

/// A step the student can take in "you choose" mode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Option_ {
    /// The choice itself.
    pub choice: Choice,
    /// Its label on the button ("T1", "deliver {inc} to counter").
    pub label: String,
}

/// The simulator's own scheduler for a policy, so a seed here gives the same
/// run as the same seed in the checker and the command line.
#[derive(Clone, Debug)]
enum Picker {
    RoundRobin(RoundRobin),
    Random(Random),
    Manual,
}

impl Picker {
    fn new(policy: Policy) -> Picker {
        match policy {
            Policy::RoundRobin => Picker::RoundRobin(RoundRobin::new()),
            Policy::Random(seed) => Picker::Random(Random::new(seed)),
            Policy::Manual => Picker::Manual,
        }
    }

    fn pick(&mut self, world: &World, enabled: &[Choice]) -> Option<usize> {
        match self {
            Picker::RoundRobin(s) => s.pick(world, enabled),
            Picker::Random(s) => s.pick(world, enabled),
            Picker::Manual => None,
        }
    }
}

/// A simulation with its history.
#[derive(Clone, Debug)]
pub struct Session {
    start: World,
    /// States before each step taken: `past[i]` is the world (and the
    /// scheduler's state) before step `i + 1`.
    past: Vec<(World, Picker)>,
    world: World,
    picker: Picker,
    choices: Vec<Choice>,
    schedule: Schedule,
    policy: Policy,
}

impl Session {
    /// Starts a session on `program`.
    pub fn new(program: Arc<Program>, options: Options, policy: Policy) -> Result<Session, String> {
        let world = World::from_shared(program, options).map_err(|e| e.to_string())?;
        Ok(Session {
            start: world.clone(),
            past: Vec::new(),
            world,
            picker: Picker::new(policy),
            choices: Vec::new(),
            schedule: Schedule::new(),
            policy,
        })
    }

    /// The world as it stands.
    pub fn world(&self) -> &World {
        &self.world
    }

    /// Steps taken so far.
    pub fn step_index(&self) -> usize {
        self.choices.len()
    }

    /// The choices taken so far.
    pub fn choices(&self) -> &[Choice] {
        &self.choices
    }

    /// The scheduling policy.
    pub fn policy(&self) -> Policy {
        self.policy
    }

    /// Changes the policy; the history stays, and the new scheduler starts fresh.
    pub fn set_policy(&mut self, policy: Policy) {
        self.policy = policy;
        self.picker = Picker::new(policy);
    }

    /// The steps taken so far as a schedule string, short enough for a URL.
    pub fn schedule(&self) -> String {
        self.schedule.encode()
    }

    /// Whether another step is possible.
    pub fn can_step(&self) -> bool {
        !self.world.is_over() && !self.world.enabled_choices().is_empty()
    }

    /// Whether there is a step to undo.
    pub fn can_back(&self) -> bool {
        !self.choices.is_empty()
    }

    /// The events of the last step taken.
    pub fn last_events(&self) -> &[Event] {
        if self.choices.is_empty() {
            &[]
        } else {
            self.world.last_events()
        }
    }

    /// Takes one step chosen by the policy. Returns false when nothing ran.
    pub fn step(&mut self) -> bool {
        let enabled = self.world.enabled_choices();
        let before = self.picker.clone();
        let chosen = self
            .picker
            .pick(&self.world, &enabled)
            .and_then(|i| enabled.get(i).copied());
        match chosen {
            Some(choice) if self.take(choice, &enabled, before.clone()) => true,
            _ => {
                self.picker = before;
                false
            }
        }
    }

    /// Takes `choice`. Returns false, changing nothing, if it is not enabled.
    pub fn choose(&mut self, choice: Choice) -> bool {
        let enabled = self.world.enabled_choices();
        let picker = self.picker.clone();
        self.take(choice, &enabled, picker)
    }

    fn take(&mut self, choice: Choice, enabled: &[Choice], picker: Picker) -> bool {
        let Some(index) = enabled.iter().position(|c| *c == choice) else {
            return false;
        };
        let before = self.world.clone();
        match self.world.step(choice) {
            Ok(_) => {
                self.past.push((before, picker));
                self.choices.push(choice);
                self.schedule.push(index as u32);
                true
            }
            Err(_) => {
                self.world = before;
                false
            }
        }
    }

    /// Undoes the last step, restoring the exact previous state.
    pub fn back(&mut self) -> bool {
        match self.past.pop() {
            Some((world, picker)) => {
                self.world = world;
                self.picker = picker;
                self.choices.pop();
                self.schedule = self.schedule.prefix(self.choices.len());
                true
            }
            None => false,
        }
    }

    /// Returns to the start.
    pub fn reset(&mut self) {
        self.world = self.start.clone();
        self.past.clear();
        self.choices.clear();
        self.schedule = Schedule::new();
        self.picker = Picker::new(self.policy);
    }

    /// Goes to step `n` of the current history (back), or steps on with the
    /// policy until step `n` (forward). Returns the step reached.
    pub fn jump_to(&mut self, n: usize) -> usize {
        while self.choices.len() > n && self.back() {}
        while self.choices.len() < n && self.step() {}
        self.choices.len()
    }

    /// Replays `choices` from the start. Stops at the first choice that is not
    /// enabled and returns how many were taken.
    pub fn replay(&mut self, choices: &[Choice]) -> usize {
        self.reset();
        choices.iter().take_while(|c| self.choose(**c)).count()
    }

    /// The enabled choices, labelled for buttons.
    pub fn options(&self) -> Vec<Option_> {
        self.world
            .enabled_choices()
            .into_iter()
            .map(|choice| Option_ {
                label: self.label(choice),
                choice,
            })
            .collect()
    }

    fn label(&self, choice: Choice) -> String {
        let style = self.world.style();
        let message = |id: sim::ir::MsgId| {
            self.world
                .in_flight()
                .find(|m| m.id == id)
                .map(|m| (m.value.show(style), self.world.process_name(m.to).to_string()))
        };
        match choice {
            Choice::Run(p) => self.world.process_name(p).to_string(),
            Choice::Case(p, c) => format!("{} case {}", self.world.process_name(p), c + 1),
            Choice::Deliver(m) => match message(m) {
                Some((v, to)) => format!("deliver {v} to {to}"),
                None => "deliver".to_string(),
            },
            Choice::Drop(m) => match message(m) {
                Some((v, to)) => format!("lose {v} to {to}"),
                None => "lose".to_string(),
            },
        }
    }

    /// How the run stands, in plain words.
    pub fn status_text(&self) -> String {
        match self.world.status() {
            WorldStatus::Running => format!("step {}", self.choices.len()),
            WorldStatus::Finished => format!("finished after {} steps", self.choices.len()),
            WorldStatus::Idle => "every process is idle, waiting for messages".to_string(),
            WorldStatus::Deadlock => "deadlock: nothing can run, but some are waiting".to_string(),
            WorldStatus::Stopped(kind) => format!("stopped: the {kind:?} budget ran out"),
        }
    }
}
