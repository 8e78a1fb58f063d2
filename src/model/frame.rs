//! A picture of the world at one step, in the terms the stage draws.
//!
//! The components render a `Frame` and nothing else, so what the student sees
//! is always a direct reading of the simulator's state.

use sim::detect::Finding;
use sim::ir::{Pid, ProcKind, Value};
use sim::trace::{describe_wait, Event, EventKind};
use sim::world::{Signal, Status};
use sim::World;

/// How a process card is drawn.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CardState {
    /// It can take a step.
    Runnable,
    /// It waits; the text says for what, in plain words.
    Blocked(String),
    /// It ended normally.
    Done,
    /// It crashed; the text says why.
    Crashed(String),
}

/// One process as the stage shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ProcessCard {
    /// Its pid.
    pub pid: u32,
    /// Its display name.
    pub name: String,
    /// "thread", "actor" or "goroutine".
    pub kind: &'static str,
    /// Runnable, blocked, done or crashed.
    pub state: CardState,
    /// Its local variables, as `name = value`, innermost frame only.
    pub locals: Vec<(String, String)>,
    /// Its mailbox, oldest first (actors only).
    pub mailbox: Vec<String>,
    /// The source range of the instruction it stands on.
    pub span: Option<(u32, u32)>,
    /// The line of that instruction.
    pub line: Option<u32>,
}

/// A shared variable on the whiteboard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedVar {
    /// Its name.
    pub name: String,
    /// Its value, shown in the program's own style.
    pub value: String,
    /// Whether it is plain data (a number, text, tuple…) rather than a lock,
    /// channel or other resource; plain values make up a run's result.
    pub plain: bool,
}

/// What the detectors found, placed where the stage and code view draw it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Highlights {
    /// Source spans of both accesses of the latest data race.
    pub race_spans: Vec<(u32, u32)>,
    /// Shared variables some race was on.
    pub race_vars: Vec<String>,
    /// A write in the last step that lost another's update: the variable and
    /// the value that vanished.
    pub lost: Option<(String, String)>,
    /// Who waits on whom in a deadlock, as (waiter, awaited) pids.
    pub waits: Vec<(u32, u32)>,
    /// The pids of the wait-for cycle, if there is one.
    pub cycle: Vec<u32>,
}

/// A message travelling across the network (network mode), not yet delivered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InFlight {
    /// Who sent it.
    pub from: String,
    /// Whom it is for.
    pub to: String,
    /// What it says (for a signal: its reason).
    pub value: String,
    /// `Some("exit")` or `Some("DOWN")` when it is a signal rather than a message.
    pub signal: Option<&'static str>,
}

/// A channel as a pipe: its buffer slots and whether it is closed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChannelCard {
    /// Its id in the world, which motions refer to.
    pub id: u32,
    /// Its name (the variable it was made for).
    pub name: String,
    /// `Some(0)` for an unbuffered rendezvous, `Some(n)` for n slots, `None` unbounded.
    pub capacity: Option<usize>,
    /// The values waiting in it, oldest first.
    pub buffer: Vec<String>,
    /// Whether it has been closed.
    pub closed: bool,
}

/// The world at one step.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Frame {
    /// Channels, by id.
    pub channels: Vec<ChannelCard>,
    /// Messages and signals in flight, oldest first.
    pub in_flight: Vec<InFlight>,
    /// Linked processes, each link once as (smaller pid, larger pid).
    pub links: Vec<(u32, u32)>,
    /// Every process, by pid.
    pub processes: Vec<ProcessCard>,
    /// Shared memory.
    pub shared: Vec<SharedVar>,
    /// Lines printed so far.
    pub output: Vec<String>,
    /// Detector findings to draw.
    pub highlights: Highlights,
}

impl Frame {
    /// Reads the frame off a world; `last` are the events of the step just taken.
    pub fn of(world: &World, last: &[Event]) -> Frame {
        let style = world.style();
        let program = world.program();
        let processes = world
            .processes()
            .iter()
            .map(|p| {
                let position = p.position();
                let instr = position.and_then(|(func, pc)| {
                    program
                        .functions
                        .get(func.0 as usize)
                        .and_then(|f| f.code.get(pc as usize))
                });
                let locals = p
                    .frames()
                    .last()
                    .and_then(|frame| {
                        program.functions.get(frame.func.0 as usize).map(|f| {
                            f.locals
                                .iter()
                                .zip(&frame.locals)
                                .filter(|(name, _)| is_student_visible(name))
                                .map(|(name, value)| (name.to_string(), display(world, value)))
                                .collect()
                        })
                    })
                    .unwrap_or_default();
                ProcessCard {
                    pid: p.id().0,
                    name: p.name().to_string(),
                    kind: kind_name(p.kind()),
                    state: card_state(world, p.id(), p.status()),
                    locals,
                    mailbox: p.mailbox().map(|m| m.value.show(style)).collect(),
                    span: instr.map(|i| (i.span.start, i.span.end)),
                    line: instr.map(|i| i.span.line).filter(|l| *l > 0),
                }
            })
            .collect();
        Frame {
            channels: world
                .channels()
                .into_iter()
                .enumerate()
                .map(|(id, c)| ChannelCard {
                    id: id as u32,
                    name: c.name,
                    capacity: c.capacity,
                    buffer: c.buffer.iter().map(|v| v.show(style)).collect(),
                    closed: c.closed,
                })
                .collect(),
            in_flight: world
                .in_flight()
                .map(|m| InFlight {
                    from: world.process_name(m.from).to_string(),
                    to: world.process_name(m.to).to_string(),
                    value: m.value.show(style),
                    signal: m.signal.map(|s| match s {
                        Signal::Exit { .. } => "exit",
                        Signal::Down { .. } => "DOWN",
                    }),
                })
                .collect(),
            links: world.links().iter().map(|(a, b)| (a.0, b.0)).collect(),
            processes,
            shared: shared_vars(world),
            output: world
                .output()
                .iter()
                .map(|t| t.as_str().to_string())
                .collect(),
            highlights: highlights(world, last),
        }
    }
}

/// The whiteboard's variables.
fn shared_vars(world: &World) -> Vec<SharedVar> {
    world
        .shared_state()
        .into_iter()
        .map(|(name, value)| SharedVar {
            name,
            plain: is_plain(&value),
            value: display(world, &value),
        })
        .collect()
}

/// A value as a card shows it: a handle on a channel, lock or process by the
/// name the student gave it, anything else as the program would print it.
fn display(world: &World, value: &Value) -> String {
    match value {
        Value::Chan(c) => format!("chan {}", world.chan_name(*c)),
        Value::Lock(l) => world.lock_name(*l),
        Value::Pid(p) => world.process_name(*p).to_string(),
        other => other.show(world.style()),
    }
}

/// Data, as opposed to a handle on a process or resource.
fn is_plain(value: &Value) -> bool {
    matches!(
        value,
        Value::Unit
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Atom(_)
            | Value::Str(_)
            | Value::Tuple(_)
            | Value::List(_)
    )
}

/// Compiler temporaries start with `$` or `_`; students never wrote them.
fn is_student_visible(name: &str) -> bool {
    !(name.is_empty() || name.starts_with('$') || name.starts_with('_'))
}

fn kind_name(kind: ProcKind) -> &'static str {
    match kind {
        ProcKind::Thread => "thread",
        ProcKind::Actor => "actor",
        ProcKind::Goroutine => "goroutine",
    }
}

fn card_state(world: &World, pid: Pid, status: &Status) -> CardState {
    match status {
        Status::Runnable => CardState::Runnable,
        Status::Blocked(reason) => CardState::Blocked(describe_wait(world, pid, reason)),
        Status::Done => CardState::Done,
        Status::Crashed(why) => CardState::Crashed(why.as_str().to_string()),
    }
}

impl Frame {
    /// The run's result in one line: shared memory when there is any plain
    /// data in it, else the last line printed.
    pub fn headline(&self) -> String {
        headline(&self.shared, self.output.last().map(String::as_str))
    }

    /// The same line as [`Frame::headline`], read straight off a world without
    /// drawing the rest of the frame.
    pub fn headline_of(world: &World) -> String {
        headline(
            &shared_vars(world),
            world.output().last().map(|t| t.as_str()),
        )
    }
}

/// Plain shared data when there is any, else the last line printed.
fn headline(shared: &[SharedVar], last_line: Option<&str>) -> String {
    let shared: Vec<String> = shared
        .iter()
        .filter(|v| v.plain)
        .map(|v| format!("{} = {}", v.name, v.value))
        .collect();
    if shared.is_empty() {
        last_line.unwrap_or_default().to_string()
    } else {
        shared.join(", ")
    }
}

fn highlights(world: &World, last: &[Event]) -> Highlights {
    let style = world.style();
    let mut h = Highlights::default();
    for finding in world.findings() {
        match finding {
            Finding::Race { loc, first, second } => {
                h.race_spans = vec![
                    (first.span.start, first.span.end),
                    (second.span.start, second.span.end),
                ];
                let name = world.location_name(*loc);
                if !h.race_vars.contains(&name) {
                    h.race_vars.push(name);
                }
            }
            Finding::Deadlock(report) => {
                h.waits = report
                    .waits
                    .iter()
                    .flat_map(|w| w.on.iter().map(move |on| (w.pid.0, on.0)))
                    .collect();
                h.cycle = report.cycle.iter().flatten().map(|p| p.0).collect();
            }
            _ => {}
        }
    }
    h.lost = last.iter().find_map(|e| match &e.kind {
        EventKind::Write(w) => w
            .lost
            .as_ref()
            .map(|lost| (world.location_name(w.loc), lost.value.show(style))),
        _ => None,
    });
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim::Options;

    #[test]
    fn a_link_is_in_the_frame_while_both_ends_live_and_a_signal_in_flight_is_marked() {
        // main (pid 0) links to a child (pid 1) that waits, then kills it with exit/2.
        let source = "main() ->\n    process_flag(trap_exit, true),\n    P = spawn_link(fun() -> receive go -> ok end end),\n    exit(P, stop),\n    receive {'EXIT', P, R} -> R end.\n";
        let program = lang::compile(lang::Dialect::Erlang, source).expect("compiles");
        let mut world = World::new(program, Options::default()).expect("valid program");
        let mut saw_link = false;
        let mut saw_signal = false;
        for _ in 0..60 {
            let frame = Frame::of(&world, &[]);
            saw_link |= frame.links == vec![(0, 1)];
            saw_signal |= frame
                .in_flight
                .iter()
                .any(|m| m.signal == Some("exit") && m.value == "stop" && m.to == "main");
            let choices = world.enabled_choices();
            let Some(choice) = choices.first().copied() else {
                break;
            };
            world.step(choice).expect("step");
        }
        assert!(saw_link, "the link was never drawn");
        assert!(saw_signal, "the exit signal was never in flight");
        // Both ended: the link is gone with them.
        assert!(Frame::of(&world, &[]).links.is_empty());
    }
}
