//! Sentences for links, monitors, names, exit signals and caught exceptions.

use crate::ir::{Pid, Value};
use crate::world::{Signal, World};

use super::event::{EventKind, SignalEffect, SignalEvent};

fn name(world: &World, pid: Pid) -> String {
    world.process_name(pid).to_string()
}

fn show(world: &World, v: &Value) -> String {
    v.repr(world.style())
}

/// The sentence for an event of this module's kinds, `None` for any other kind.
pub(crate) fn narrate(world: &World, me: &str, kind: &EventKind) -> Option<String> {
    Some(match kind {
        EventKind::Signal(s) => signal(world, s),
        EventKind::Link { other } => format!("{me} links to {}", name(world, *other)),
        EventKind::Unlink { other } => format!("{me} removes its link to {}", name(world, *other)),
        EventKind::Monitor { target, reference } => format!(
            "{me} starts monitoring {} (reference {})",
            name(world, *target),
            show(world, &Value::Ref(*reference))
        ),
        EventKind::Demonitor { reference } => format!(
            "{me} removes the monitor {}",
            show(world, &Value::Ref(*reference))
        ),
        EventKind::Register { name: n, target } => {
            format!("{me} registers {} as {n}", name(world, *target))
        }
        EventKind::Unregister { name: n } => format!("{me} unregisters the name {n}"),
        EventKind::TrapExit { on: true } => {
            format!("{me} now traps exits: exit signals become 'EXIT' messages")
        }
        EventKind::TrapExit { on: false } => format!("{me} no longer traps exits"),
        EventKind::Caught { class, reason } => {
            format!("{me} catches the {} {}", class.name(), show(world, reason))
        }
        _ => return None,
    })
}

fn signal(world: &World, s: &SignalEvent) -> String {
    let from = name(world, s.from);
    let to = name(world, s.to);
    let reason = show(world, &s.reason);
    match (&s.effect, s.signal) {
        (SignalEffect::Sent, Signal::Exit { link: true }) => {
            format!("{from} ended with reason {reason}; its link carries an exit signal to {to}")
        }
        (SignalEffect::Sent, Signal::Exit { link: false }) => {
            format!("{from} sends an exit signal {reason} to {to}")
        }
        (SignalEffect::Sent, Signal::Down { .. }) => {
            format!("{from} ended with reason {reason}; the monitor sends DOWN to {to}")
        }
        (SignalEffect::Trapped, _) => {
            let msg = Value::tuple([Value::atom("EXIT"), Value::Pid(s.from), s.reason.clone()]);
            format!(
                "the exit signal from {from} is delivered to {to} as {}",
                show(world, &msg)
            )
        }
        (SignalEffect::Kills { reason: r }, Signal::Exit { link: true }) => format!(
            "the exit signal from {from} ({reason}) reaches {to}; the link takes down {to} with reason {}",
            show(world, r)
        ),
        (SignalEffect::Kills { reason: r }, _) if s.from == s.to => {
            format!("{to} exits with reason {}", show(world, r))
        }
        (SignalEffect::Kills { reason: r }, _) => format!(
            "the exit signal {reason} from {from} takes down {to} with reason {}",
            show(world, r)
        ),
        (SignalEffect::Ignored, _) => format!(
            "the exit signal {reason} from {from} reaches {to}, which ignores it (it does not trap exits)"
        ),
        (SignalEffect::Gone, _) => {
            format!("the signal from {from} ({reason}) finds {to} already ended")
        }
        (SignalEffect::Down, Signal::Down { reference }) => {
            let msg = Value::tuple([
                Value::atom("DOWN"),
                Value::Ref(reference),
                Value::atom("process"),
                Value::Pid(s.from),
                s.reason.clone(),
            ]);
            format!("{} is delivered to {to}", show(world, &msg))
        }
        (SignalEffect::Down | SignalEffect::Stale, _) => {
            format!("the DOWN from {from} is discarded: {to} removed the monitor")
        }
    }
}
