//! What moves on the stage during a step, read from that step's events.

use sim::trace::{Event, EventKind, SignalEffect};
use sim::world::Signal;
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
    /// An exit or `DOWN` signal arriving: at the card it acts on, or at the mailbox when
    /// it became a message there.
    Signal,
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
                EventKind::Signal(signal) => {
                    let label = match signal.signal {
                        Signal::Down { .. } => "DOWN".to_string(),
                        Signal::Exit { .. } => signal.reason.show(style),
                    };
                    let to = match signal.effect {
                        // Still on its way: the network band shows it.
                        SignalEffect::Sent => return None,
                        SignalEffect::Trapped | SignalEffect::Down => Anchor::Mailbox(signal.to.0),
                        _ => Anchor::Process(signal.to.0),
                    };
                    Some(Motion {
                        from: Anchor::Process(signal.from.0),
                        to,
                        label,
                        kind: MotionKind::Signal,
                    })
                }
                _ => None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim::{Choice, Options};

    /// Steps `source` with the first enabled choice, delivering whatever is in flight first,
    /// until a step's motions include one of `kind`; returns those motions.
    fn first_motions_of(source: &str, kind: MotionKind) -> Vec<Motion> {
        let program = lang::compile(lang::Dialect::Erlang, source).expect("compiles");
        let mut world = World::new(program, Options::default()).expect("valid program");
        for _ in 0..100 {
            let choices = world.enabled_choices();
            let Some(choice) = choices
                .iter()
                .find(|c| matches!(c, Choice::Deliver(_)))
                .or(choices.first())
                .copied()
            else {
                break;
            };
            let events = world.step(choice).expect("step").to_vec();
            let moved: Vec<Motion> = motions(&world, &events)
                .into_iter()
                .filter(|m| m.kind == kind)
                .collect();
            if !moved.is_empty() {
                return moved;
            }
        }
        panic!("no motion of kind {kind:?}");
    }

    #[test]
    fn a_trapped_exit_signal_flies_from_the_dead_card_to_the_trappers_mailbox() {
        // `main` (pid 0) traps exits and links to a child (pid 1) that exits with `boom`:
        // the signal lands in main's mailbox as {'EXIT', Child, boom}.
        let source = "main() ->\n    process_flag(trap_exit, true),\n    P = spawn_link(fun() -> exit(boom) end),\n    receive {'EXIT', P, R} -> R end.\n";
        assert_eq!(
            first_motions_of(source, MotionKind::Signal),
            vec![Motion {
                from: Anchor::Process(1),
                to: Anchor::Mailbox(0),
                label: "boom".into(),
                kind: MotionKind::Signal,
            }]
        );
    }

    #[test]
    fn an_untrapped_exit_signal_flies_to_the_card_it_takes_down() {
        // Without trap_exit the signal acts on the process itself, not its mailbox.
        let source =
            "main() ->\n    spawn_link(fun() -> exit(boom) end),\n    receive never -> ok end.\n";
        assert_eq!(
            first_motions_of(source, MotionKind::Signal),
            vec![Motion {
                from: Anchor::Process(1),
                to: Anchor::Process(0),
                label: "boom".into(),
                kind: MotionKind::Signal,
            }]
        );
    }

    #[test]
    fn a_down_signal_is_labelled_down_and_lands_in_the_watchers_mailbox() {
        let source = "main() ->\n    {_, Ref} = spawn_monitor(fun() -> ok end),\n    receive {'DOWN', Ref, process, _, R} -> R end.\n";
        assert_eq!(
            first_motions_of(source, MotionKind::Signal),
            vec![Motion {
                from: Anchor::Process(1),
                to: Anchor::Mailbox(0),
                label: "DOWN".into(),
                kind: MotionKind::Signal,
            }]
        );
    }

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
