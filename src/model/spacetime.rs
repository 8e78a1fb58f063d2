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
    let mut reader = DiagramReader::default();
    reader.sync(world, 0);
    reader.diagram
}

/// Keeps a diagram up to date as a run grows: each call reads only the trace
/// events added since the last one, and starts afresh when the run was
/// rewound (stepping back, a reset, a jump or a replay).
#[derive(Clone, Debug, Default)]
pub struct DiagramReader {
    diagram: Diagram,
    /// Trace events read so far.
    read: usize,
    /// The run's rewind count the events were read under.
    rewinds: u64,
    /// How many times the diagram was started afresh; marks and arrows keep
    /// their index only within one epoch.
    epoch: u64,
    sent: HashMap<u32, (u64, usize)>,
    buffered: HashMap<u32, VecDeque<(u64, usize)>>,
}

impl DiagramReader {
    /// The diagram as of the last [`sync`](Self::sync).
    pub fn diagram(&self) -> &Diagram {
        &self.diagram
    }

    /// Starts afresh each time the run is rewound, so an index into the
    /// marks or arrows names the same one as long as this stays the same.
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// Brings the diagram up to `world`. `rewinds` counts how often the run
    /// was rewound (see `Session::rewinds`): while it stays the same, the
    /// trace only grew since the last call.
    pub fn sync(&mut self, world: &World, rewinds: u64) {
        let trace = world.trace();
        if rewinds != self.rewinds || trace.len() < self.read {
            let epoch = self.epoch + 1;
            *self = DiagramReader {
                rewinds,
                epoch,
                ..DiagramReader::default()
            };
        }
        if self.diagram.lanes.len() != world.processes().len() {
            self.diagram.lanes = world
                .processes()
                .iter()
                .map(|p| p.name().to_string())
                .collect();
        }
        for i in self.read..trace.len() {
            if let Some(event) = trace.get(i) {
                self.add(world, event);
            }
        }
        self.read = trace.len();
    }

    fn add(&mut self, world: &World, event: &Event) {
        let lane_of = |pid: sim::ir::Pid| pid.0 as usize;
        let Diagram {
            marks,
            arrows,
            steps,
            ..
        } = &mut self.diagram;
        *steps = (*steps).max(event.step);
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
                self.buffered
                    .entry(chan.0)
                    .or_default()
                    .push_back((event.step, lane));
                mark(MarkKind::Other);
            }
            EventKind::ChanRecv { chan, ok: true, .. } => {
                // Buffers are FIFO, so the oldest unmatched send is the one taken.
                if let Some(origin) = self.buffered.get_mut(&chan.0).and_then(|q| q.pop_front()) {
                    arrows.push(arrow(origin, event, lane, world));
                }
            }
            EventKind::Send { msg, .. } => {
                self.sent.insert(msg.0, (event.step, lane));
                mark(MarkKind::Other);
            }
            EventKind::Receive { msg, from, .. } => {
                let origin = self
                    .sent
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
}

fn arrow(from: (u64, usize), event: &Event, lane: usize, world: &World) -> Arrow {
    Arrow {
        from,
        to: (event.step, lane),
        text: event.narrate(world),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::model::session::{Policy, Session};

    fn session(src: &str, dialect: lang::Dialect, policy: Policy) -> Session {
        let program = lang::compile(dialect, src).expect("the program compiles");
        Session::new(Arc::new(program), sim::Options::default(), policy).unwrap()
    }

    /// Steps through a run, back and forth, and checks after every move that
    /// the diagram kept up to date equals the one read afresh from the trace.
    fn follow(mut s: Session) {
        let mut reader = DiagramReader::default();
        let mut check = |s: &Session| {
            reader.sync(s.world(), s.rewinds());
            assert_eq!(
                reader.diagram(),
                &diagram(s.world()),
                "at step {}",
                s.step_index()
            );
        };
        for _ in 0..12 {
            s.step();
            check(&s);
        }
        s.back();
        check(&s);
        s.back();
        check(&s);
        s.set_policy(Policy::Random(9));
        while s.step() {
            check(&s);
        }
        s.jump_to(3);
        check(&s);
        s.reset();
        check(&s);
        s.step();
        check(&s);
    }

    #[test]
    fn a_diagram_kept_up_to_date_equals_one_read_afresh() {
        let racy = "import threading\ncount = 0\ndef inc():\n    global count\n    count += 1\na = threading.Thread(target=inc)\nb = threading.Thread(target=inc)\na.start()\nb.start()\na.join()\nb.join()\nprint(count)\n";
        follow(session(racy, lang::Dialect::Python, Policy::RoundRobin));
        let pingpong = "pong() ->\n    receive\n        {ping, From} -> From ! pong\n    end.\n\nmain() ->\n    P = spawn(fun() -> pong() end),\n    P ! {ping, self()},\n    receive\n        pong -> ok\n    end.\n";
        follow(session(pingpong, lang::Dialect::Erlang, Policy::RoundRobin));
    }

    #[test]
    fn a_rewind_starts_a_new_epoch() {
        let racy = "import threading\ncount = 0\ndef inc():\n    global count\n    count += 1\na = threading.Thread(target=inc)\na.start()\na.join()\n";
        let mut s = session(racy, lang::Dialect::Python, Policy::RoundRobin);
        let mut reader = DiagramReader::default();
        s.step();
        s.step();
        reader.sync(s.world(), s.rewinds());
        let epoch = reader.epoch();
        s.step();
        reader.sync(s.world(), s.rewinds());
        assert_eq!(reader.epoch(), epoch, "growing keeps the epoch");
        s.back();
        reader.sync(s.world(), s.rewinds());
        assert_ne!(reader.epoch(), epoch, "stepping back starts afresh");
    }
}
