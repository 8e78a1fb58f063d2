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
                // A delivered message flies from its sender's card: the event is recorded
                // under the addressee, whose mailbox it lands in.
                EventKind::Deliver {
                    from, to, value, ..
                } => Some(Motion {
                    from: Anchor::Process(from.0),
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

#[cfg(test)]
mod tests {
    use super::*;
    use sim::{Choice, Options};

    #[test]
    fn a_delivered_message_flies_from_its_senders_card_to_the_addressees_mailbox() {
        let source =
            "main() ->\n    Sink = spawn(fun() -> receive M -> M end end),\n    Sink ! hello.\n";
        let program = lang::compile(lang::Dialect::Erlang, source).expect("compiles");
        let options = Options {
            network: true,
            ..Options::default()
        };
        let mut world = World::new(program, options).expect("valid program");
        // Take the first choice until the message is in flight, then deliver it.
        for _ in 0..20 {
            let choices = world.enabled_choices();
            if let Some(deliver) = choices.iter().find(|c| matches!(c, Choice::Deliver(_))) {
                let events = world.step(*deliver).expect("deliver").to_vec();
                let flights = motions(&world, &events);
                // `main` is pid 0 and the sink it spawned pid 1.
                assert_eq!(
                    flights,
                    vec![Motion {
                        from: Anchor::Process(0),
                        to: Anchor::Mailbox(1),
                        label: "hello".into(),
                        kind: MotionKind::Send,
                    }]
                );
                return;
            }
            world.step(choices[0]).expect("step");
        }
        panic!("the message was never in flight");
    }
}
