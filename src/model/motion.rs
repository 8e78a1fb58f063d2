//! What moves on the stage during a step, read from that step's events.

use sim::trace::{Event, EventKind};
use sim::World;

/// One end of a motion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// A process card, by pid.
    Process(u32),
    /// A process's mailbox, by pid.
    Mailbox(u32),
    /// A shared variable on the whiteboard, by name.
    Var(String),
    /// A channel's pipe, by channel id.
    Channel(u32),
}

/// What kind of movement it is, which picks its shape and colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MotionKind {
    /// A value copied from the whiteboard into a process.
    Read,
    /// A value written from a process onto the whiteboard.
    Write,
    /// An envelope flying to a mailbox.
    Send,
    /// A value handed over through a channel.
    Handoff,
}

/// A token that travels from one anchor to another, labelled with the value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Motion {
    /// Where it starts.
    pub from: Anchor,
    /// Where it ends.
    pub to: Anchor,
    /// The value it carries, as the program would print it.
    pub label: String,
    /// Its kind.
    pub kind: MotionKind,
}

/// The motions caused by `events`, in order.
pub fn motions(world: &World, events: &[Event]) -> Vec<Motion> {
    let style = world.style();
    events
        .iter()
        .filter_map(|event| {
            let pid = event.pid.0;
            match &event.kind {
                EventKind::Read { loc, value, .. } => Some(Motion {
                    from: Anchor::Var(world.location_name(*loc)),
                    to: Anchor::Process(pid),
                    label: value.show(style),
                    kind: MotionKind::Read,
                }),
                EventKind::Write(write) => Some(Motion {
                    from: Anchor::Process(pid),
                    to: Anchor::Var(world.location_name(write.loc)),
                    label: write.value.show(style),
                    kind: MotionKind::Write,
                }),
                EventKind::Send {
                    to,
                    value,
                    in_flight: false,
                    ..
                } => Some(Motion {
                    from: Anchor::Process(pid),
                    to: Anchor::Mailbox(to.0),
                    label: value.show(style),
                    kind: MotionKind::Send,
                }),
                EventKind::Deliver { to, value, .. } => Some(Motion {
                    from: Anchor::Process(pid),
                    to: Anchor::Mailbox(to.0),
                    label: value.show(style),
                    kind: MotionKind::Send,
                }),
                EventKind::ChanSend { chan, value, .. } => Some(Motion {
                    from: Anchor::Process(pid),
                    to: Anchor::Channel(chan.0),
                    label: value.show(style),
                    kind: MotionKind::Handoff,
                }),
                EventKind::ChanRecv {
                    chan,
                    value,
                    ok: true,
                } => Some(Motion {
                    from: Anchor::Channel(chan.0),
                    to: Anchor::Process(pid),
                    label: value.show(style),
                    kind: MotionKind::Handoff,
                }),
                EventKind::Rendezvous {
                    sender,
                    receiver,
                    value,
                    ..
                } => Some(Motion {
                    from: Anchor::Process(sender.0),
                    to: Anchor::Process(receiver.0),
                    label: value.show(style),
                    kind: MotionKind::Handoff,
                }),
                _ => None,
            }
        })
        .collect()
}
