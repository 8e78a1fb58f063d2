//! The space-time diagram: a lane per process, a mark per read, write or
//! finding, and an arrow per message or hand-off, all read from the trace.

use std::collections::{HashMap, VecDeque};

use sim::detect::Finding;
use sim::trace::{Event, EventKind};
use sim::World;

/// What a mark on a lane stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// A shared read.
    Read,
    /// A shared write.
    Write,
    /// A lock acquire or release.
    Lock,
    /// A print, spawn or other step.
    Other,
    /// A detector finding: race, lost update, deadlock, overflow.
    Finding,
    /// The process crashed.
    Crash,
}

/// A mark on one lane at one step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// The step.
    pub step: u64,
    /// The lane (index into [`Diagram::lanes`]).
    pub lane: usize,
    /// Its kind.
    pub kind: MarkKind,
    /// The event's sentence, for the tooltip.
    pub text: String,
}

/// A message or hand-off between lanes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arrow {
    /// Step and lane where it leaves.
    pub from: (u64, usize),
    /// Step and lane where it arrives.
    pub to: (u64, usize),
    /// What it carried, as a sentence.
    pub text: String,
}

/// The whole diagram up to the current step.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diagram {
    /// Process names, one lane each, by pid.
    pub lanes: Vec<String>,
    /// Marks, in trace order.
    pub marks: Vec<Mark>,
    /// Arrows, in the order they arrived.
    pub arrows: Vec<Arrow>,
    /// The last step.
    pub steps: u64,
}

/// Reads the diagram off the world's trace.
pub fn diagram(world: &World) -> Diagram {
    let lanes: Vec<String> = world
        .processes()
        .iter()
        .map(|p| p.name().to_string())
        .collect();
    let lane_of = |pid: sim::ir::Pid| pid.0 as usize;
    let mut marks = Vec::new();
    let mut arrows = Vec::new();
    let mut sent: HashMap<u32, (u64, usize)> = HashMap::new();
    let mut buffered: HashMap<u32, VecDeque<(u64, usize)>> = HashMap::new();
    let mut steps = 0;
    for event in world.trace().iter() {
        steps = steps.max(event.step);
        let lane = lane_of(event.pid);
        let mut mark = |kind| {
            marks.push(Mark {
                step: event.step,
                lane,
                kind,
                text: event.narrate(world),
            })
        };
        match &event.kind {
            EventKind::Read { .. } => mark(MarkKind::Read),
            EventKind::Write(_) => mark(MarkKind::Write),
            EventKind::Acquire { .. } | EventKind::Release { .. } => mark(MarkKind::Lock),
            EventKind::Finding(finding) => match finding.as_ref() {
                // A race marks both of its accesses, where they happened.
                Finding::Race { first, second, .. } => {
                    let text = event.narrate(world);
                    for access in [first, second] {
                        marks.push(Mark {
                            step: access.step,
                            lane: lane_of(access.pid),
                            kind: MarkKind::Finding,
                            text: text.clone(),
                        });
                    }
                }
                _ => mark(MarkKind::Finding),
            },
            EventKind::Crash { .. } => mark(MarkKind::Crash),
            EventKind::Print { .. } | EventKind::Spawn { .. } | EventKind::Close { .. } => {
                mark(MarkKind::Other)
            }
            EventKind::ChanSend { chan, .. } => {
                buffered
                    .entry(chan.0)
                    .or_default()
                    .push_back((event.step, lane));
                mark(MarkKind::Other);
            }
            EventKind::ChanRecv { chan, ok: true, .. } => {
                // Buffers are FIFO, so the oldest unmatched send is the one taken.
                if let Some(origin) = buffered.get_mut(&chan.0).and_then(|q| q.pop_front()) {
                    arrows.push(arrow(origin, event, lane, world));
                }
            }
            EventKind::Send { msg, .. } => {
                sent.insert(msg.0, (event.step, lane));
                mark(MarkKind::Other);
            }
            EventKind::Receive { msg, from, .. } => {
                let origin = sent
                    .get(&msg.0)
                    .copied()
                    .unwrap_or((event.step, lane_of(*from)));
                arrows.push(arrow(origin, event, lane, world));
            }
            EventKind::Rendezvous {
                sender, receiver, ..
            } => {
                arrows.push(Arrow {
                    from: (event.step, lane_of(*sender)),
                    to: (event.step, lane_of(*receiver)),
                    text: event.narrate(world),
                });
            }
            _ => {}
        }
    }
    Diagram {
        lanes,
        marks,
        arrows,
        steps,
    }
}

fn arrow(from: (u64, usize), event: &Event, lane: usize, world: &World) -> Arrow {
    Arrow {
        from,
        to: (event.step, lane),
        text: event.narrate(world),
    }
}
