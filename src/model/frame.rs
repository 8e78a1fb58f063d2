//! A picture of the world at one step, in the terms the stage draws.
//!
//! The components render a `Frame` and nothing else, so what the student sees
//! is always a direct reading of the simulator's state.

use sim::ir::{Pid, ProcKind, Value};
use sim::trace::describe_wait;
use sim::world::Status;
use sim::World;

/// How a process card is drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
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
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// The world at one step.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Frame {
    /// Every process, by pid.
    pub processes: Vec<ProcessCard>,
    /// Shared memory.
    pub shared: Vec<SharedVar>,
    /// Lines printed so far.
    pub output: Vec<String>,
}

impl Frame {
    /// Reads the frame off a world.
    pub fn of(world: &World) -> Frame {
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
                                .map(|(name, value)| (name.to_string(), value.show(style)))
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
            processes,
            shared: world
                .shared_state()
                .into_iter()
                .map(|(name, value)| SharedVar {
                    name,
                    plain: is_plain(&value),
                    value: value.show(style),
                })
                .collect(),
            output: world
                .output()
                .iter()
                .map(|t| t.as_str().to_string())
                .collect(),
        }
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
