//! Plain-language sentences for events and findings, rendered on demand so a long trace
//! stores only typed events.

use crate::detect::{Finding, Wait};
use crate::ir::{Pid, ProcKind, Value};
use crate::world::{BlockReason, World};

use super::event::{DropReason, Event, EventKind};

/// Values in sentences: resources by name ("chan reply"), everything else as a literal.
fn value(world: &World, v: &Value) -> String {
    match v {
        Value::Chan(c) => format!("channel {}", world.chan_name(*c)),
        Value::Lock(l) => format!("lock {}", world.lock_name(*l)),
        Value::WaitGroup(w) => format!("WaitGroup {}", world.waitgroup_name(*w)),
        Value::Map(m) => format!("map {}", world.map_name(*m)),
        _ => v.repr(world.style()),
    }
}

fn name(world: &World, pid: Pid) -> String {
    world.process_name(pid).to_string()
}

/// "waits for lock, held by T1" — the predicate of a blocked process's sentence.
pub fn describe_wait(world: &World, pid: Pid, reason: &BlockReason) -> String {
    match reason {
        BlockReason::Lock { lock, holder } => {
            let lock = world.lock_name(*lock);
            match holder {
                Some(h) if *h == pid => format!("waits for {lock}, which it already holds"),
                Some(h) => format!("waits for {lock}, held by {}", name(world, *h)),
                None => format!("waits for {lock}"),
            }
        }
        BlockReason::ChanSend { chan } => {
            format!(
                "waits to send on {} (no receiver ready)",
                world.chan_name(*chan)
            )
        }
        BlockReason::ChanRecv { chan } => format!(
            "waits to receive from {} (nothing to take)",
            world.chan_name(*chan)
        ),
        BlockReason::Select { chans } => {
            let names: Vec<String> = chans.iter().map(|c| world.chan_name(*c)).collect();
            format!("waits in select on {}", names.join(", "))
        }
        BlockReason::Receive { waiting, deadline } => {
            let mut s = if *waiting == 0 {
                "waits for a message (mailbox empty)".to_string()
            } else {
                format!(
                    "waits for a matching message ({waiting} other message{} in the mailbox)",
                    if *waiting == 1 { "" } else { "s" }
                )
            };
            if let Some(d) = deadline {
                s.push_str(&format!(", at most until time {d}"));
            }
            s
        }
        BlockReason::MailboxFull { to } => {
            format!("waits because {}'s mailbox is full", name(world, *to))
        }
        BlockReason::Join { target } => format!("waits for {} to finish", name(world, *target)),
        BlockReason::WaitGroup { wg, count } => format!(
            "waits for {} to reach 0 (it is {count})",
            world.waitgroup_name(*wg)
        ),
        BlockReason::Sleep { until } => format!("sleeps until time {until}"),
    }
}

impl Finding {
    /// The finding as a sentence.
    pub fn narrate(&self, world: &World) -> String {
        match self {
            Finding::Race { loc, first, second } => {
                let kind = |w: bool| if w { "write" } else { "read" };
                format!(
                    "data race on {}: {}'s {} at step {} and {}'s {} at step {} are not ordered by any lock, message or channel",
                    world.location_name(*loc),
                    name(world, first.pid),
                    kind(first.write),
                    first.step,
                    name(world, second.pid),
                    kind(second.write),
                    second.step
                )
            }
            Finding::LostUpdate {
                loc, writer, lost, ..
            } => format!(
                "lost update on {}: {} overwrote {}'s write of {} (step {}) without reading it",
                world.location_name(*loc),
                name(world, *writer),
                name(world, lost.writer),
                value(world, &lost.value),
                lost.step
            ),
            Finding::Overflow {
                owner,
                from,
                capacity,
                dropped,
            } => {
                if *dropped {
                    format!(
                        "{}'s mailbox is full ({capacity} messages): the message from {} is dropped",
                        name(world, *owner),
                        name(world, *from)
                    )
                } else {
                    format!(
                        "{}'s mailbox is full ({capacity} messages): {} must wait",
                        name(world, *owner),
                        name(world, *from)
                    )
                }
            }
            Finding::Deadlock(report) => {
                let waits: Vec<String> = report
                    .waits
                    .iter()
                    .map(|Wait { pid, reason, .. }| {
                        format!(
                            "{} {}",
                            name(world, *pid),
                            describe_wait(world, *pid, reason)
                        )
                    })
                    .collect();
                let mut s = format!("deadlock: {}", waits.join("; "));
                if let Some(cycle) = &report.cycle {
                    let mut names: Vec<String> = cycle.iter().map(|p| name(world, *p)).collect();
                    if let Some(first) = names.first().cloned() {
                        names.push(first);
                    }
                    s.push_str(&format!(" (cycle: {})", names.join(" → ")));
                }
                s
            }
            Finding::Budget { message, .. } => format!("stopped: {message}"),
        }
    }
}

impl Event {
    /// The event as a plain-language sentence, e.g. "T1 reads count = 41 into tmp".
    pub fn narrate(&self, world: &World) -> String {
        let me = name(world, self.pid);
        match &self.kind {
            EventKind::Read {
                loc,
                value: v,
                into,
                found,
            } => {
                let loc = world.location_name(*loc);
                // Compiler temporaries (`_i`, `$t`) are not named to students.
                let local = into
                    .map(|r| world.local_name(r))
                    .filter(|l| !l.starts_with('_') && !l.starts_with('$'));
                match (found, local) {
                    (Some(false), Some(local)) => format!(
                        "{me} looks up {loc}: the key is missing, so {local} = {}",
                        value(world, v)
                    ),
                    (Some(false), None) => format!("{me} looks up {loc}: the key is missing"),
                    (_, Some(local)) => {
                        format!("{me} reads {loc} = {} into {local}", value(world, v))
                    }
                    (_, None) => format!("{me} reads {loc} = {}", value(world, v)),
                }
            }
            EventKind::Write(w) => {
                let mut s = format!(
                    "{me} writes {} = {}",
                    world.location_name(w.loc),
                    value(world, &w.value)
                );
                if let Some(lost) = &w.lost {
                    s.push_str(&format!(
                        " ({}'s write of {} is lost)",
                        name(world, lost.writer),
                        value(world, &lost.value)
                    ));
                }
                s
            }
            EventKind::Compute { local, value: v } => {
                format!(
                    "{me} computes {} = {}",
                    world.local_name(*local),
                    value(world, v)
                )
            }
            EventKind::Acquire { lock } => format!("{me} acquires {}", world.lock_name(*lock)),
            EventKind::Release { lock } => format!("{me} releases {}", world.lock_name(*lock)),
            EventKind::Send {
                to,
                value: v,
                in_flight,
                ..
            } => {
                let s = format!("{me} sends {} to {}", value(world, v), name(world, *to));
                if *in_flight {
                    format!("{s} (in flight)")
                } else {
                    s
                }
            }
            EventKind::Deliver { to, value: v, .. } => format!(
                "the network delivers {} to {}",
                value(world, v),
                name(world, *to)
            ),
            EventKind::Drop {
                to, value: v, why, ..
            } => {
                let to = name(world, *to);
                let v = value(world, v);
                match why {
                    DropReason::Network => format!("the network loses {v} on its way to {to}"),
                    DropReason::MailboxFull => format!("{to}'s mailbox is full: {v} is dropped"),
                    DropReason::DeadProcess => {
                        format!("{v} sent to {to} is discarded: {to} is not running")
                    }
                }
            }
            EventKind::Receive { value: v, .. } => format!("{me} receives {}", value(world, v)),
            EventKind::Timeout => format!("{me} stops waiting: the timeout expired"),
            EventKind::Block { reason } => {
                format!("{me} {}", describe_wait(world, self.pid, reason))
            }
            EventKind::Unblock => format!("{me} can continue"),
            EventKind::Rendezvous {
                chan,
                sender,
                receiver,
                value: v,
            } => format!(
                "{} hands {} to {} over {}",
                name(world, *sender),
                value(world, v),
                name(world, *receiver),
                world.chan_name(*chan)
            ),
            EventKind::ChanSend {
                chan,
                value: v,
                len,
                ..
            } => format!(
                "{me} puts {} into {} ({len} buffered)",
                value(world, v),
                world.chan_name(*chan)
            ),
            EventKind::ChanRecv {
                chan,
                value: v,
                ok: true,
            } => format!(
                "{me} takes {} from {}",
                value(world, v),
                world.chan_name(*chan)
            ),
            EventKind::ChanRecv {
                chan,
                value: v,
                ok: false,
            } => format!(
                "{me} receives the zero value {} from closed {} (ok = false)",
                value(world, v),
                world.chan_name(*chan)
            ),
            EventKind::Close { chan } => format!("{me} closes {}", world.chan_name(*chan)),
            EventKind::SelectDefault => format!("{me} takes the default case of select"),
            EventKind::Spawn { child } => {
                let kind = world.process(*child).map(|p| p.kind());
                let c = name(world, *child);
                match kind {
                    Some(ProcKind::Thread) => format!("{me} starts thread {c}"),
                    Some(ProcKind::Goroutine) => format!("{me} starts goroutine {c}"),
                    _ => format!("{me} spawns {c} <0.{}>", child.0),
                }
            }
            EventKind::Join { target } => {
                format!("{me} joins {} (it has finished)", name(world, *target))
            }
            EventKind::WgAdd {
                wg, delta, count, ..
            } => {
                let wg = world.waitgroup_name(*wg);
                if *delta == -1 {
                    format!("{me} calls {wg}.Done() (counter now {count})")
                } else {
                    format!("{me} adds {delta} to {wg} (counter now {count})")
                }
            }
            EventKind::WgWait { wg } => {
                format!("{me} passes {}.Wait()", world.waitgroup_name(*wg))
            }
            EventKind::Sleep { ticks } => format!(
                "{me} sleeps for {ticks} step{}",
                if *ticks == 1 { "" } else { "s" }
            ),
            EventKind::Print {
                text,
                newline: true,
            } => format!("{me} prints {:?}", text.as_str()),
            EventKind::Print {
                text,
                newline: false,
            } => format!("{me} prints {:?} (the line goes on)", text.as_str()),
            EventKind::Exit => format!("{me} finishes"),
            EventKind::Crash { reason } => format!("{me} crashes: {reason}"),
            EventKind::Finding(f) => f.narrate(world),
            other => super::narrate_signals::narrate(world, &me, other).unwrap_or_default(),
        }
    }
}
