//! Sleep sets: which steps commute, so that one order of two independent steps is enough.
//!
//! Independence is decided conservatively from what a step touches. Two steps are independent
//! only when both are `Run` steps of different processes whose visible action is a plain read
//! or write of a global variable, on different globals (or both reads), and neither step did
//! anything else visible to other processes: it did not end its process, start one, print,
//! send, or make a lock, channel, WaitGroup, map, cell or fresh name, and it did not end the
//! world. Everything else (locks, channels, mailboxes, WaitGroups, timers, links, signals,
//! spawns, exits, select cases, deliveries, drops) is dependent on every step.
//!
//! A step's footprint is taken when the explorer executes it; a sleeping step keeps the
//! footprint it had where it was put to sleep, which stays right because only steps
//! independent of it (so not touching its process) have run since.
//!
//! ## Sleep sets and state matching
//!
//! A state first reached with a large sleep set skips the steps in it; if a later path
//! reaches the same state with a sleep set that lacks some of them, skipping them there could
//! lose outcomes only reachable through them. So each state keeps the intersection of the
//! sleep sets it was reached with, and a state already expanded that is reached with a sleep
//! set that is not a superset of its stored one is expanded again with the intersection.

use crate::choice::Choice;
use crate::ir::{Op, Pid, Place};
use crate::world::World;

/// What an eligible step touches: its process and one global, read or written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Footprint {
    pid: Pid,
    global: u32,
    write: bool,
}

/// A sleep set: steps whose exploration from here is covered by an earlier sibling.
pub(crate) type SleepSet = Vec<(Choice, Footprint)>;

/// The global a step is about to read or write, taken before the step.
pub(crate) fn before(world: &World, choice: Choice) -> Option<(Footprint, Shape)> {
    let Choice::Run(pid) = choice else {
        return None;
    };
    let p = world.procs.get(pid.index())?;
    if p.pending_end.is_some() || p.status.is_ended() {
        return None;
    }
    let frame = p.frames.last()?;
    let instr = world
        .program
        .functions
        .get(frame.func.index())?
        .code
        .get(frame.pc as usize)?;
    let (global, write) = match &instr.op {
        Op::Read {
            place: Place::Global(g),
            ..
        } => (*g, false),
        Op::Write {
            place: Place::Global(g),
            ..
        } => (*g, true),
        _ => return None,
    };
    let fp = Footprint {
        pid,
        global: global.0,
        write,
    };
    Some((fp, Shape::of(world)))
}

/// The step's footprint, if the step did nothing beyond its read or write.
pub(crate) fn after(pre: Option<(Footprint, Shape)>, world: &World) -> Option<Footprint> {
    let (fp, shape) = pre?;
    let p = world.procs.get(fp.pid.index())?;
    if p.status.is_ended() || p.pending_end.is_some() || world.is_over() {
        return None;
    }
    (Shape::of(world) == shape).then_some(fp)
}

/// Two footprints commute.
pub(crate) fn independent(a: &Footprint, b: &Footprint) -> bool {
    a.pid != b.pid && (a.global != b.global || (!a.write && !b.write))
}

/// Counts of what a step could create or emit for others to see; an eligible step changes
/// none of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Shape([usize; 8]);

impl Shape {
    fn of(w: &World) -> Shape {
        let names: usize = w.names.values().map(|&n| n as usize).sum();
        Shape([
            w.procs.len(),
            w.locks.len(),
            w.chans.len(),
            w.wgs.len(),
            w.output.printed.len(),
            w.next_msg as usize,
            w.in_flight.len(),
            names.wrapping_add(w.names.len()),
        ])
    }
}

/// Whether `a` contains every step of `b`.
pub(crate) fn covers(a: &SleepSet, b: &SleepSet) -> bool {
    b.iter().all(|x| a.iter().any(|y| y.0 == x.0))
}
