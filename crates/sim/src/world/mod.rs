//! The world: every process, every shared resource and the trace, advanced one atomic step at a
//! time by [`World::step`].
//!
//! ## Step rule
//!
//! A step is exactly one visible action of one process (a shared read or write, lock
//! acquire/release, send, receive, channel operation, select, spawn, join, WaitGroup operation,
//! sleep, print, exit). After its visible action the process keeps running its local
//! instructions (arithmetic, jumps, calls, pattern matching) until it stands at its next visible
//! instruction or ends; an end happens inside that same step. So local computation is folded
//! into steps, and a process's first step is its first visible action (its leading local code
//! runs when it is created). With [`crate::Options::expand`], `Eval` instructions are steps too.
//!
//! ## Time
//!
//! Logical time advances by one per step. A `receive ... after N` (and a `sleep N`) becomes
//! runnable N steps after it started waiting, or as soon as nothing else can make progress:
//! time then jumps to the earliest deadline, as in a discrete-event simulation, so a timeout
//! never reads as a deadlock.

mod action;
mod atomic;
mod chan_fill;
mod channel_ops;
mod choices;
mod clock_timers;
mod erl_builtins;
mod eval;
mod exception;
mod go_duration;
mod go_text;
mod go_wording;
mod heap;
mod links;
mod local;
mod mailbox;
mod map_show;
mod memory;
mod output;
mod process;
mod process_ops;
mod ready;
mod registry;
mod resources;
mod shared;
mod slice;
mod step;
mod thread_object;
mod view;

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::detect::{BudgetKind, Finding, LostUpdateDetector, RaceDetector};
use crate::ir::{
    FuncId, GlobalInit, IrError, MsgId, Op, Pid, ProcKind, Program, Style, Text, Value,
};
use crate::options::Options;
use crate::trace::{Event, Trace};

pub use exception::ExceptionClass;
pub use go_wording::{go_message, go_status_message, GO_DEADLOCK};
pub use links::{MonitorView, Signal};
pub use mailbox::Message;
pub use memory::Location;
pub(crate) use output::compose_lines;
pub use output::Printed;
pub use process::{BlockReason, Frame, Process, Status};
pub use shared::Shared;
pub use step::StepError;
pub use view::{ChannelView, LockView, WaitGroupView};

pub(crate) use eval::Fault;
use memory::{Memory, SharedMap};
pub(crate) use process::End;
use resources::{ChanState, LockState, WaitGroupState};

/// How far the run has got.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum WorldStatus {
    /// Some choice is enabled.
    Running,
    /// Every process ended (or, in Go style, `main` returned).
    Finished,
    /// Nothing can run, and the only processes left are actors idly waiting in `receive`
    /// (servers with no more clients). See [`Options::idle_receive_is_deadlock`].
    Idle,
    /// Nothing can run but something is blocked. The report is in [`World::findings`].
    Deadlock,
    /// A budget ran out.
    Stopped(BudgetKind),
}

/// What a process is registered as waiting on, so wait lists can be cleaned lazily.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WaitKey {
    Lock(crate::ir::LockId),
    Join(Pid),
    WaitGroup(crate::ir::WaitGroupId),
    Mailbox(Pid),
}

impl WaitKey {
    /// A tag for the kind and the raw id, for fingerprints.
    pub(crate) fn parts(self) -> (u8, u32) {
        match self {
            WaitKey::Lock(l) => (1, l.0),
            WaitKey::Join(p) => (2, p.0),
            WaitKey::WaitGroup(g) => (3, g.0),
            WaitKey::Mailbox(p) => (4, p.0),
        }
    }
}

/// The whole simulated system. `Clone` gives an independent copy (snapshots, exploration);
/// the trace's history is shared between copies, not duplicated.
#[derive(Clone, Debug)]
pub struct World {
    pub(crate) program: Arc<Program>,
    pub(crate) opts: Options,
    pub(crate) procs: Vec<Shared<Process>>,
    /// Processes whose next step is enabled, in pid order.
    pub(crate) runnable: BTreeSet<Pid>,
    pub(crate) mem: Shared<Memory>,
    pub(crate) locks: Vec<LockState>,
    pub(crate) chans: Vec<ChanState>,
    pub(crate) wgs: Vec<WaitGroupState>,
    pub(crate) in_flight: BTreeMap<MsgId, Message>,
    /// (deadline, pid, epoch) of waiting `after`s and sleeps.
    pub(crate) timers: BinaryHeap<Reverse<(u64, Pid, u64)>>,
    pub(crate) now: u64,
    pub(crate) steps: u64,
    pub(crate) next_msg: u32,
    pub(crate) trace: Trace,
    pub(crate) events: Vec<Event>,
    /// Whether steps record their events (the explorer turns it off: it never reads them).
    /// Off, findings keep only the first of each kind, which is all the explorer looks at.
    pub(crate) record_events: bool,
    pub(crate) output: Shared<output::OutputLog>,
    pub(crate) findings: Shared<Vec<Finding>>,
    pub(crate) races: Shared<RaceDetector>,
    pub(crate) lost: Shared<LostUpdateDetector>,
    pub(crate) status: WorldStatus,
    pub(crate) names: Shared<BTreeMap<String, u32>>,
    pub(crate) default_names: [u32; 3],
    pub(crate) main_exit_ends: bool,
    /// The process in the middle of its visible action, if any.
    pub(crate) acting: Option<Pid>,
    pub(crate) choice_index: choices::ChoiceIndex,
    pub(crate) bonds: links::Bonds,
    pub(crate) registry: registry::Registry,
    /// Timers and tickers the logical clock fills, by channel.
    pub(crate) clock_timers: clock_timers::ClockTimers,
}

fn uses_shared_memory(program: &Program) -> bool {
    program.functions.iter().any(|f| {
        f.code.iter().any(|i| {
            matches!(
                i.op,
                Op::Read { .. }
                    | Op::Write { .. }
                    | Op::MapRead { .. }
                    | Op::MapWrite { .. }
                    | Op::MapLen { .. }
                    | Op::MapShow { .. }
                    | Op::FieldRead { .. }
                    | Op::FieldWrite { .. }
                    | Op::CopyRecord { .. }
                    | Op::Slice(_)
                    | Op::Atomic(_)
            )
        })
    })
}

impl World {
    /// Creates the world: allocates globals and starts the initial processes (each runs its
    /// leading local code and stands at its first visible action).
    pub fn new(program: Program, options: Options) -> Result<World, IrError> {
        World::from_shared(Arc::new(program), options)
    }

    /// Like [`World::new`] for a program already shared (many worlds, one program).
    pub fn from_shared(program: Arc<Program>, options: Options) -> Result<World, IrError> {
        program.validate()?;
        let races = options
            .detect_races
            .unwrap_or_else(|| uses_shared_memory(&program));
        let main_exit_ends = options
            .main_exit_ends_program
            .unwrap_or(program.style == Style::Go);
        let mut world = World {
            program: program.clone(),
            opts: options,
            procs: Vec::new(),
            runnable: BTreeSet::new(),
            mem: Shared::default(),
            locks: Vec::new(),
            chans: Vec::new(),
            wgs: Vec::new(),
            in_flight: BTreeMap::new(),
            timers: BinaryHeap::new(),
            now: 0,
            steps: 0,
            next_msg: 0,
            trace: Trace::default(),
            events: Vec::new(),
            record_events: true,
            output: Default::default(),
            findings: Shared::default(),
            races: Shared::new(RaceDetector::new(races)),
            lost: Shared::default(),
            status: WorldStatus::Running,
            names: Shared::default(),
            default_names: [0; 3],
            main_exit_ends,
            acting: None,
            choice_index: Default::default(),
            bonds: Default::default(),
            registry: Default::default(),
            clock_timers: Default::default(),
        };
        for g in &program.globals {
            let v = match &g.init {
                GlobalInit::Value(v) => v.clone(),
                GlobalInit::Lock => Value::Lock(world.new_lock(&g.name)),
                GlobalInit::Chan { capacity, zero } => {
                    Value::Chan(world.new_chan(&g.name, capacity.map(|c| c as usize), zero.clone()))
                }
                GlobalInit::WaitGroup => Value::WaitGroup(world.new_waitgroup(&g.name)),
                GlobalInit::Map => Value::Map(world.new_map(&g.name)),
            };
            world.mem.globals.push(v);
        }
        for spec in &program.processes {
            let name = spec.name.as_deref();
            match world.create_process(spec.kind, name, spec.func, spec.args.clone(), None) {
                Ok(_) => {}
                Err(Fault::Budget(kind, message)) => {
                    world.stop(Pid(0), kind, message);
                    break;
                }
                Err(fault @ (Fault::Crash(_) | Fault::Raise(_))) => {
                    let message = match fault {
                        Fault::Crash(m) => m,
                        Fault::Raise(r) => r.message.unwrap_or_else(|| r.reason.to_string()),
                        Fault::Budget(_, m) => m,
                    };
                    return Err(IrError {
                        function: None,
                        pc: None,
                        message,
                    });
                }
            }
        }
        world.housekeeping();
        world.flush_events();
        Ok(world)
    }

    /// A display name not used before: the hint itself, then `hint-2`, `hint-3`, ...
    pub(crate) fn unique_name(&mut self, base: &str) -> Text {
        let n = self.names.entry(base.to_string()).or_insert(0);
        *n += 1;
        if *n == 1 {
            Text::new(base)
        } else {
            Text::new(format!("{base}-{n}"))
        }
    }

    pub(crate) fn new_lock(&mut self, name: &str) -> crate::ir::LockId {
        let name = self.unique_name(name);
        self.locks.push(LockState {
            name,
            holder: None,
            waiters: Vec::new(),
            clock: Default::default(),
        });
        crate::ir::LockId(self.locks.len() as u32 - 1)
    }

    pub(crate) fn new_chan(
        &mut self,
        name: &str,
        capacity: Option<usize>,
        zero: Value,
    ) -> crate::ir::ChanId {
        let name = self.unique_name(name);
        self.chans.push(ChanState::new(name, capacity, zero));
        crate::ir::ChanId(self.chans.len() as u32 - 1)
    }

    pub(crate) fn new_waitgroup(&mut self, name: &str) -> crate::ir::WaitGroupId {
        let name = self.unique_name(name);
        self.wgs.push(WaitGroupState {
            name,
            count: 0,
            waiters: Vec::new(),
            clock: Default::default(),
        });
        crate::ir::WaitGroupId(self.wgs.len() as u32 - 1)
    }

    pub(crate) fn new_map(&mut self, name: &str) -> crate::ir::MapId {
        let name = self.unique_name(name);
        self.mem.maps.push(SharedMap {
            name,
            ..SharedMap::default()
        });
        crate::ir::MapId(self.mem.maps.len() as u32 - 1)
    }

    pub(crate) fn new_cell(&mut self, name: &str, init: Value) -> crate::ir::CellId {
        let name = self.unique_name(name);
        self.mem.cells.push((name, init));
        crate::ir::CellId(self.mem.cells.len() as u32 - 1)
    }

    /// Starts a process and runs its leading local code.
    pub(crate) fn create_process(
        &mut self,
        kind: ProcKind,
        name: Option<&str>,
        func: FuncId,
        args: Vec<Value>,
        parent: Option<Pid>,
    ) -> Result<Pid, Fault> {
        if self.procs.len() >= self.opts.budgets.max_processes {
            return Err(Fault::Budget(
                BudgetKind::Processes,
                format!(
                    "more than {} processes were started (process budget)",
                    self.opts.budgets.max_processes
                ),
            ));
        }
        let program = self.program.clone();
        let Some(f) = program.function(func) else {
            return Err(Fault::Crash(format!("function {} does not exist", func.0)));
        };
        if f.params as usize != args.len() {
            return Err(Fault::Crash(format!(
                "{} takes {} argument{} but was started with {}",
                f.name,
                f.params,
                if f.params == 1 { "" } else { "s" },
                args.len()
            )));
        }
        let mut locals = args;
        locals.resize(f.locals.len().max(f.params as usize), Value::Unit);
        let pid = Pid(self.procs.len() as u32);
        let name = match name {
            Some(n) => self.unique_name(n),
            None => {
                let slot = match kind {
                    ProcKind::Thread => 0,
                    ProcKind::Actor => 1,
                    ProcKind::Goroutine => 2,
                };
                let base = match kind {
                    ProcKind::Thread => {
                        self.default_names[slot] += 1;
                        format!("T{}", self.default_names[slot])
                    }
                    ProcKind::Goroutine => {
                        self.default_names[slot] += 1;
                        format!("g{}", self.default_names[slot])
                    }
                    ProcKind::Actor => f.name.clone(),
                };
                self.unique_name(&base)
            }
        };
        self.procs.push(Shared::new(Process {
            id: pid,
            name,
            kind,
            status: Status::Runnable,
            frames: vec![Frame {
                func,
                pc: 0,
                locals,
                ret: None,
            }],
            mailbox: Default::default(),
            parent,
            acted: false,
            pending_end: None,
            ready_cases: Vec::new(),
            deadline: None,
            sleeping: false,
            epoch: 0,
            joiners: Vec::new(),
            mailbox_waiters: Vec::new(),
            steps: 0,
            waiting_on: None,
            parked_on: Vec::new(),
            last_span: Default::default(),
            handlers: Vec::new(),
            trap_exit: false,
            exit_reason: None,
            exit_class: None,
            killed_by: None,
        }));
        self.races.fork(parent, pid);
        self.settle(pid);
        Ok(pid)
    }

    // ---- read access ----

    /// The program this world runs.
    pub fn program(&self) -> &Program {
        &self.program
    }

    /// The program, shared.
    pub fn shared_program(&self) -> Arc<Program> {
        self.program.clone()
    }

    /// The options it runs with.
    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// Every process ever created, by pid (each derefs to its [`Process`]).
    pub fn processes(&self) -> &[Shared<Process>] {
        &self.procs
    }

    /// One process.
    pub fn process(&self, pid: Pid) -> Option<&Process> {
        self.procs.get(pid.index()).map(|p| &**p)
    }

    /// The display name of a process (`"?"` for an unknown pid).
    pub fn process_name(&self, pid: Pid) -> &str {
        self.process(pid).map_or("?", |p| p.name())
    }

    /// Running, finished, idle, deadlock or stopped.
    pub fn status(&self) -> &WorldStatus {
        &self.status
    }

    /// Whether the run is over.
    pub fn is_over(&self) -> bool {
        self.status != WorldStatus::Running
    }

    /// Steps taken so far.
    pub fn step_count(&self) -> u64 {
        self.steps
    }

    /// Logical time (steps plus any jumps to a timeout).
    pub fn now(&self) -> u64 {
        self.now
    }

    /// Every recorded event (empty when `record_trace` is off).
    pub fn trace(&self) -> &Trace {
        &self.trace
    }

    /// The events of the last step (or of world creation).
    pub fn last_events(&self) -> &[Event] {
        &self.events
    }

    /// Printed lines, in order; the last one may still be open (a print that did not end
    /// the line).
    pub fn output(&self) -> &[Text] {
        &self.output.lines
    }

    /// Everything printed, character for character, as a terminal shows it.
    pub fn output_text(&self) -> String {
        self.output.text()
    }

    /// What each step printed, in order (kept even when the trace is not recorded).
    pub fn printed(&self) -> &[Printed] {
        &self.output.printed
    }

    /// Every detector finding so far.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Whether a data race has been found.
    pub fn has_race(&self) -> bool {
        self.findings
            .iter()
            .any(|f| matches!(f, Finding::Race { .. }))
    }

    /// Whether a lost update has been found.
    pub fn has_lost_update(&self) -> bool {
        self.findings
            .iter()
            .any(|f| matches!(f, Finding::LostUpdate { .. }))
    }

    /// Whether a process crashed.
    pub fn has_crash(&self) -> bool {
        self.procs
            .iter()
            .any(|p| matches!(p.status, Status::Crashed(_)))
    }

    /// The current value of a global by name.
    pub fn global(&self, name: &str) -> Option<&Value> {
        let id = self.program.global_named(name)?;
        self.mem.globals.get(id.index())
    }

    /// The value currently stored at a shared location.
    pub fn load(&self, loc: Location) -> Option<Value> {
        self.mem.load(loc)
    }

    /// Shared memory as (name, value) pairs: plain-value globals, then cells, then map
    /// entries. Globals holding a lock, channel, WaitGroup or map are left out.
    pub fn shared_state(&self) -> Vec<(String, Value)> {
        let mut out = Vec::new();
        for (g, v) in self.program.globals.iter().zip(&self.mem.globals) {
            if matches!(g.init, GlobalInit::Value(_)) {
                out.push((g.name.clone(), v.clone()));
            }
        }
        for (name, v) in &self.mem.cells {
            out.push((name.to_string(), v.clone()));
        }
        for (mi, m) in self.mem.maps.iter().enumerate() {
            for (ei, v) in m.values.iter().enumerate() {
                if let Some(v) = v {
                    out.push((
                        self.location_name(Location::Entry(crate::ir::MapId(mi as u32), ei as u32)),
                        v.clone(),
                    ));
                }
            }
        }
        out
    }

    /// How values print in this world.
    pub fn style(&self) -> Style {
        self.program.style
    }

    /// Messages in flight (network mode), oldest first.
    pub fn in_flight(&self) -> impl Iterator<Item = &Message> {
        self.in_flight.values()
    }

    /// The race detector's clock of a process (for the UI's happens-before view).
    pub fn clock_of(&self, pid: Pid) -> crate::detect::VClock {
        self.races.clock(pid)
    }

    /// Turns trace recording on or off (exploration runs without it).
    pub fn set_record_trace(&mut self, on: bool) {
        self.opts.record_trace = on;
    }

    /// Turns event recording on or off; off, [`World::step`] returns no events and the trace
    /// stays empty. The explorer runs without them.
    pub(crate) fn set_record_events(&mut self, on: bool) {
        self.record_events = on;
        if !on {
            self.events.clear();
        }
    }

    pub(crate) fn flush_events(&mut self) {
        if self.opts.record_trace {
            self.trace.extend_from(&self.events);
        }
    }
}
