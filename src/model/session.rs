//! One simulation as the panel drives it: the world, the choices taken so far,
//! and the way back. Plain state, so it is tested natively.

use std::sync::Arc;

use sim::detect::BudgetKind;
use sim::ir::Program;
use sim::schedule::{Random, RoundRobin, Schedule, Scheduler};
use sim::timeline::Timeline;
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
    /// The world, its recorded choices and its snapshots.
    timeline: Timeline,
    /// The scheduler's state before each step: `pickers[i]` picked step `i + 1`.
    pickers: Vec<Picker>,
    picker: Picker,
    policy: Policy,
    /// How many times the run was rewound (see [`Session::rewinds`]).
    rewinds: u64,
}

impl Session {
    /// Starts a session on `program`.
    pub fn new(program: Arc<Program>, options: Options, policy: Policy) -> Result<Session, String> {
        let world = World::from_shared(program, options).map_err(|e| e.to_string())?;
        Ok(Session {
            timeline: Timeline::new(world.clone()),
            start: world,
            pickers: Vec::new(),
            picker: Picker::new(policy),
            policy,
            rewinds: 0,
        })
    }

    /// The world before any step: where exploration starts.
    pub fn start_world(&self) -> &World {
        &self.start
    }

    /// The world as it stands.
    pub fn world(&self) -> &World {
        self.timeline.world()
    }

    /// Steps taken so far.
    pub fn step_index(&self) -> usize {
        self.timeline.position()
    }

    /// How many times the run went anywhere but forward by one step: a step
    /// back, a reset, a jump or a replay. While it stays the same, the trace
    /// has only grown, so views built from it can read just the new events.
    pub fn rewinds(&self) -> u64 {
        self.rewinds
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
        self.timeline.schedule().encode()
    }

    /// Whether another step is possible.
    pub fn can_step(&self) -> bool {
        let world = self.world();
        !world.is_over() && !world.enabled_choices().is_empty()
    }

    /// Whether there is a step to undo.
    pub fn can_back(&self) -> bool {
        self.timeline.position() > 0
    }

    /// The events of the last step taken.
    pub fn last_events(&self) -> &[Event] {
        if self.timeline.position() == 0 {
            &[]
        } else {
            self.world().last_events()
        }
    }

    /// Takes one step chosen by the policy. Returns false when nothing ran.
    pub fn step(&mut self) -> bool {
        let world = self.timeline.world();
        let enabled = world.enabled_choices();
        let before = self.picker.clone();
        let chosen = self
            .picker
            .pick(world, &enabled)
            .and_then(|i| enabled.get(i).copied());
        match chosen {
            Some(choice) if self.take(choice, before.clone()) => true,
            _ => {
                self.picker = before;
                false
            }
        }
    }

    /// Takes `choice`. Returns false, changing nothing, if it is not enabled.
    pub fn choose(&mut self, choice: Choice) -> bool {
        let picker = self.picker.clone();
        self.take(choice, picker)
    }

    fn take(&mut self, choice: Choice, picker_before: Picker) -> bool {
        if self.timeline.step(choice).is_err() {
            return false;
        }
        self.pickers.truncate(self.timeline.position() - 1);
        self.pickers.push(picker_before);
        true
    }

    /// Undoes the last step, restoring the exact previous state.
    pub fn back(&mut self) -> bool {
        if !self.timeline.step_back() {
            return false;
        }
        self.rewinds += 1;
        if let Some(picker) = self.pickers.get(self.timeline.position()) {
            self.picker = picker.clone();
        }
        true
    }

    /// Returns to the start and forgets the run.
    pub fn reset(&mut self) {
        self.rewinds += 1;
        self.timeline = Timeline::new(self.start.clone());
        self.pickers.clear();
        self.picker = Picker::new(self.policy);
    }

    /// Goes to step `n`: back through the recorded run, or on with the policy.
    /// Returns the step reached.
    pub fn jump_to(&mut self, n: usize) -> usize {
        if n <= self.timeline.recorded() && self.timeline.seek(n).is_ok() {
            self.rewinds += 1;
            if let Some(picker) = self.pickers.get(n) {
                self.picker = picker.clone();
            }
            // Past the recorded picks the scheduler's state is the latest one.
        }
        while self.timeline.position() < n && self.step() {}
        self.timeline.position()
    }

    /// Replays a schedule string from the start. Stops at the first pick that
    /// is not enabled and returns how many steps were taken, or the parse error.
    pub fn replay(&mut self, schedule: &str) -> Result<usize, String> {
        let schedule = Schedule::parse(schedule).map_err(|e| e.to_string())?;
        self.reset();
        self.apply(&schedule);
        Ok(self.step_index())
    }

    /// Replays `schedule` from the start and names each step as the choice
    /// buttons would ("T1", "deliver ping to pong").
    pub fn replay_labelled(&mut self, schedule: &Schedule) -> Vec<String> {
        self.reset();
        let mut labels = Vec::new();
        let steps = self
            .timeline
            .apply_each(schedule, |world, choice| labels.push(label(world, choice)));
        self.pickers = vec![self.picker.clone(); steps];
        labels.truncate(steps);
        labels
    }

    /// Takes the picks of `schedule` from the current step on, as far as they fit.
    fn apply(&mut self, schedule: &Schedule) {
        let from = self.timeline.position();
        let steps = self.timeline.apply(schedule);
        // The policy picked none of these steps: stepping back to any of them
        // leaves the scheduler as it is now.
        self.pickers.truncate(from);
        self.pickers
            .extend(std::iter::repeat_n(self.picker.clone(), steps));
    }

    /// Redoes the next recorded step (after `jump_to` went back). False at the
    /// end of the recording.
    pub fn redo(&mut self) -> bool {
        let n = self.timeline.position();
        n < self.timeline.recorded() && self.jump_to(n + 1) == n + 1
    }

    /// The enabled choices, labelled for buttons.
    pub fn options(&self) -> Vec<Option_> {
        self.world()
            .enabled_choices()
            .into_iter()
            .map(|choice| Option_ {
                label: self.label(choice),
                choice,
            })
            .collect()
    }

    fn label(&self, choice: Choice) -> String {
        label(self.world(), choice)
    }

    /// How the run stands, in plain words.
    pub fn status_text(&self) -> String {
        let n = self.step_index();
        match self.world().status() {
            WorldStatus::Running => format!("step {n}"),
            WorldStatus::Finished => format!("finished after {n} steps"),
            WorldStatus::Idle => format!("idle after {n} steps: every actor waits for mail"),
            WorldStatus::Deadlock => format!("deadlock after {n} steps"),
            WorldStatus::Stopped(kind) => {
                format!("stopped after {n} steps: {}", budget_words(*kind))
            }
        }
    }
}

/// A choice as its button names it.
fn label(world: &World, choice: Choice) -> String {
    let style = world.style();
    let message = |id: sim::ir::MsgId| {
        world
            .in_flight()
            .find(|m| m.id == id)
            .map(|m| (m.value.show(style), world.process_name(m.to).to_string()))
    };
    match choice {
        Choice::Run(p) => world.process_name(p).to_string(),
        Choice::Case(p, c) => format!("{} case {}", world.process_name(p), c + 1),
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

/// Which budget ran out, in words a student can act on.
fn budget_words(kind: BudgetKind) -> &'static str {
    match kind {
        BudgetKind::Steps => "it used up its step budget (a loop that never ends?)",
        BudgetKind::LocalOps => "too much work between two steps (an endless loop?)",
        BudgetKind::Processes => "it started too many processes",
        BudgetKind::Mailbox => "a mailbox grew too long",
        BudgetKind::InFlight => "too many messages in flight",
        BudgetKind::ValueSize => "a value grew too large",
        BudgetKind::CallDepth => "calls nested too deeply (recursion without an end?)",
        BudgetKind::Output => "it printed too many lines",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn racy() -> Arc<Program> {
        let src = "import threading\ncount = 0\ndef inc():\n    global count\n    count += 1\na = threading.Thread(target=inc)\nb = threading.Thread(target=inc)\na.start()\nb.start()\na.join()\nb.join()\nprint(count)\n";
        Arc::new(lang::compile(lang::Dialect::Python, src).expect("the racy counter compiles"))
    }

    fn run_to_end(s: &mut Session) {
        while s.step() {}
    }

    #[test]
    fn back_restores_the_exact_previous_state() {
        let mut s = Session::new(racy(), Options::default(), Policy::Random(7)).unwrap();
        for _ in 0..5 {
            s.step();
        }
        let before = (
            s.world().trace().len(),
            s.schedule(),
            s.world().shared_state(),
        );
        s.step();
        assert!(s.back());
        assert_eq!(
            (
                s.world().trace().len(),
                s.schedule(),
                s.world().shared_state()
            ),
            before
        );
    }

    #[test]
    fn a_seed_replays_identically_and_back_then_step_redoes_the_same_step() {
        let mut a = Session::new(racy(), Options::default(), Policy::Random(42)).unwrap();
        run_to_end(&mut a);
        let mut b = Session::new(racy(), Options::default(), Policy::Random(42)).unwrap();
        for _ in 0..4 {
            b.step();
        }
        b.back();
        b.back();
        run_to_end(&mut b);
        assert_eq!(a.schedule(), b.schedule());
        assert_eq!(a.world().output(), b.world().output());
    }

    #[test]
    fn a_schedule_string_reproduces_the_run() {
        let mut a = Session::new(racy(), Options::default(), Policy::Random(3)).unwrap();
        run_to_end(&mut a);
        let mut b = Session::new(racy(), Options::default(), Policy::RoundRobin).unwrap();
        assert_eq!(b.replay(&a.schedule()).unwrap(), a.step_index());
        assert_eq!(a.world().output(), b.world().output());
        assert!(b.replay("!!").is_err(), "a malformed schedule is an error");
    }

    #[test]
    fn manual_policy_never_steps_by_itself() {
        let mut s = Session::new(racy(), Options::default(), Policy::Manual).unwrap();
        assert!(!s.step());
        let first = s.options()[0].choice;
        assert!(s.choose(first));
        assert_eq!(s.step_index(), 1);
    }

    #[test]
    fn a_runaway_loop_stops_at_its_budget_with_a_plain_reason() {
        let spin =
            lang::compile(lang::Dialect::Python, "x = 0\nwhile True:\n    x = x + 1\n").unwrap();
        let s = Session::new(Arc::new(spin), Options::default(), Policy::RoundRobin).unwrap();
        assert!(!s.can_step());
        assert_eq!(
            s.status_text(),
            "stopped after 0 steps: too much work between two steps (an endless loop?)"
        );
    }

    #[test]
    fn jump_goes_back_and_forward() {
        let mut s = Session::new(racy(), Options::default(), Policy::RoundRobin).unwrap();
        assert_eq!(s.jump_to(6), 6);
        assert_eq!(s.jump_to(2), 2);
        assert_eq!(s.jump_to(6), 6);
        s.reset();
        assert_eq!(s.step_index(), 0);
    }

    #[test]
    fn a_replay_labels_each_step_and_redo_walks_it_again() {
        let mut a = Session::new(racy(), Options::default(), Policy::Random(5)).unwrap();
        run_to_end(&mut a);
        let schedule = Schedule::parse(&a.schedule()).unwrap();
        let mut b = Session::new(racy(), Options::default(), Policy::Manual).unwrap();
        let labels = b.replay_labelled(&schedule);
        assert_eq!(labels.len(), a.step_index());
        // The same labels, read off the choice buttons while stepping by hand.
        let mut by_hand = Session::new(racy(), Options::default(), Policy::Manual).unwrap();
        let mut expected = Vec::new();
        for &pick in schedule.picks() {
            let option = by_hand.options()[pick as usize].clone();
            expected.push(option.label);
            assert!(by_hand.choose(option.choice));
        }
        assert_eq!(labels, expected);
        assert_eq!(b.world().output(), a.world().output());
        b.jump_to(0);
        let mut redone = 0;
        while b.redo() {
            redone += 1;
        }
        assert_eq!(redone, a.step_index());
        assert_eq!(b.schedule(), a.schedule());
        assert!(!b.redo(), "nothing is left to redo at the end");
    }
}
