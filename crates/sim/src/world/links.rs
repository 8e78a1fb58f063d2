//! Links, monitors and exit signals.
//!
//! A process that ends sends an exit signal to every process linked to it and a `DOWN`
//! signal to every process monitoring it. Signals travel like messages in flight: each one is
//! delivered by a [`crate::Choice::Deliver`] step, so where Erlang leaves their timing open
//! the scheduler decides, while signals and messages from one process to another still
//! arrive in the order they were sent (Erlang's per-pair guarantee). Signals are never lost.
//!
//! On arrival (OTP's rules, from the documentation of `exit/2`, `link/1` and
//! `process_flag/2`):
//! * `kill` sent with `exit/2` ends the addressee with reason `killed`, trapping or not;
//! * an addressee that traps exits gets `{'EXIT', From, Reason}` in its mailbox;
//! * otherwise `normal` is ignored (unless a process sent it to itself with `exit/2`), and any
//!   other reason ends the addressee with that same reason, which it passes on to its own
//!   links. A link signal with reason `kill` (a linked process that called `exit(kill)`) is
//!   an ordinary reason, not the untrappable `kill`.
//! * a `DOWN` signal becomes `{'DOWN', Ref, process, Pid, Reason}`, unless the monitor was
//!   removed meanwhile.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::ir::{MsgId, Pid, RefId, Span, Text, Value};
use crate::trace::{EventKind, SignalEffect, SignalEvent};

use super::mailbox::Message;
use super::process::End;
use super::World;

/// What a signal in flight carries besides its reason (the message's `value`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Signal {
    /// An exit signal: from a link when its sender ended (`link`), or sent with `exit/2`.
    Exit {
        /// Whether it comes from a link (a process that ended) rather than `exit/2`.
        link: bool,
    },
    /// A monitored process ended.
    Down {
        /// The monitor's reference.
        reference: RefId,
    },
}

/// A monitor, for the stage: `watcher` is told when `target` ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MonitorView {
    /// The monitor's reference.
    pub reference: RefId,
    /// The process that asked.
    pub watcher: Pid,
    /// The process watched.
    pub target: Pid,
}

/// Links, monitors and the count of signals in flight.
#[derive(Clone, Debug, Default, Hash)]
pub(crate) struct Bonds {
    /// Each link once, smaller pid first.
    links: BTreeSet<(Pid, Pid)>,
    /// Live monitors: reference → (watcher, target).
    monitors: BTreeMap<RefId, (Pid, Pid)>,
    /// Monitors made on a registered name: their `DOWN` names `{Name, Node}`, not a pid.
    named: BTreeMap<RefId, Text>,
    next_ref: u32,
    /// Signals in `in_flight`; ordering checks are skipped when there are none.
    pub(crate) signals: usize,
}

fn pair(a: Pid, b: Pid) -> (Pid, Pid) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

fn is_atom(v: &Value, name: &str) -> bool {
    matches!(v, Value::Atom(a) if a.as_str() == name)
}

impl World {
    /// Current links, each once as (smaller pid, larger pid).
    pub fn links(&self) -> Vec<(Pid, Pid)> {
        self.bonds.links.iter().copied().collect()
    }

    /// Live monitors, by reference.
    pub fn monitors(&self) -> Vec<MonitorView> {
        self.bonds
            .monitors
            .iter()
            .map(|(r, (w, t))| MonitorView {
                reference: *r,
                watcher: *w,
                target: *t,
            })
            .collect()
    }

    /// Exit and `DOWN` signals on their way, oldest first.
    pub fn signals_in_flight(&self) -> impl Iterator<Item = &Message> {
        self.in_flight.values().filter(|m| m.signal.is_some())
    }

    /// Whether two processes are linked.
    pub fn linked(&self, a: Pid, b: Pid) -> bool {
        self.bonds.links.contains(&pair(a, b))
    }

    /// A fresh reference.
    pub(crate) fn new_ref(&mut self) -> RefId {
        let r = RefId(self.bonds.next_ref);
        self.bonds.next_ref = self.bonds.next_ref.saturating_add(1);
        r
    }

    pub(crate) fn add_link(&mut self, a: Pid, b: Pid, span: Span) {
        if a != b && self.bonds.links.insert(pair(a, b)) {
            self.emit(a, span, EventKind::Link { other: b });
        }
    }

    /// Removes a link and any exit signal of it still on its way to `me`.
    pub(crate) fn remove_link(&mut self, me: Pid, other: Pid, span: Span) {
        let had = self.bonds.links.remove(&pair(me, other));
        let stale: Vec<MsgId> = self
            .in_flight
            .iter()
            .filter(|(_, m)| {
                m.from == other && m.to == me && m.signal == Some(Signal::Exit { link: true })
            })
            .map(|(id, _)| *id)
            .collect();
        for id in &stale {
            self.in_flight.remove(id);
        }
        self.bonds.signals = self.bonds.signals.saturating_sub(stale.len());
        if had || !stale.is_empty() {
            self.emit(me, span, EventKind::Unlink { other });
        }
    }

    pub(crate) fn add_monitor(&mut self, watcher: Pid, target: Pid, span: Span) -> RefId {
        let reference = self.new_ref();
        self.bonds.monitors.insert(reference, (watcher, target));
        self.emit(watcher, span, EventKind::Monitor { target, reference });
        let dead = self.process(target).is_none_or(|p| p.status.is_ended());
        if dead {
            self.send_signal(
                target,
                watcher,
                Signal::Down { reference },
                Value::atom("noproc"),
                span,
            );
        }
        reference
    }

    /// Monitors the process registered as `name`; when nobody is, the `DOWN` (reason
    /// `noproc`) is on its way at once, sent by the watcher itself since no process exists.
    pub(crate) fn add_named_monitor(&mut self, watcher: Pid, name: Text, span: Span) -> RefId {
        let target = self.whereis(&name);
        let reference = self.new_ref();
        self.bonds.named.insert(reference, name);
        self.bonds
            .monitors
            .insert(reference, (watcher, target.unwrap_or(watcher)));
        match target {
            Some(target) => {
                self.emit(watcher, span, EventKind::Monitor { target, reference });
                if self.process(target).is_none_or(|p| p.status.is_ended()) {
                    let down = Signal::Down { reference };
                    self.send_signal(target, watcher, down, Value::atom("noproc"), span);
                }
            }
            None => {
                let down = Signal::Down { reference };
                self.send_signal(watcher, watcher, down, Value::atom("noproc"), span);
            }
        }
        reference
    }

    /// Removes a monitor (a `DOWN` of it still in flight is discarded on arrival); with
    /// `flush`, also a `DOWN` already in the mailbox.
    pub(crate) fn remove_monitor(&mut self, me: Pid, reference: RefId, flush: bool, span: Span) {
        let mine = matches!(self.bonds.monitors.get(&reference), Some((w, _)) if *w == me);
        if mine {
            self.bonds.monitors.remove(&reference);
            self.bonds.named.remove(&reference);
        }
        if flush {
            if let Some(p) = self.procs.get_mut(me.index()) {
                p.mailbox.retain(|m| {
                    !matches!(&m.value, Value::Tuple(t)
                        if t.items().len() == 5
                            && is_atom(&t.items()[0], "DOWN")
                            && t.items()[1] == Value::Ref(reference))
                });
            }
        }
        self.emit(me, span, EventKind::Demonitor { reference });
    }

    /// Puts a signal in flight from `from` to `to`.
    pub(crate) fn send_signal(
        &mut self,
        from: Pid,
        to: Pid,
        signal: Signal,
        reason: Value,
        span: Span,
    ) {
        let id = MsgId(self.next_msg);
        self.next_msg = self.next_msg.saturating_add(1);
        let message = Message {
            id,
            from,
            to,
            value: reason.clone(),
            sent_at: self.steps,
            span,
            clock: self.races.clock(from),
            signal: Some(signal),
        };
        self.in_flight.insert(id, message);
        self.bonds.signals += 1;
        self.emit(
            from,
            span,
            EventKind::Signal(Box::new(SignalEvent {
                id,
                from,
                to,
                signal,
                reason,
                effect: SignalEffect::Sent,
            })),
        );
    }

    /// Whether an item in flight must wait for an earlier one between the same two
    /// processes: nothing overtakes a signal, and a signal overtakes nothing.
    pub(crate) fn held_back(&self, msg: &Message) -> bool {
        if self.bonds.signals == 0 {
            return false;
        }
        self.in_flight.range(..msg.id).any(|(_, m)| {
            m.from == msg.from && m.to == msg.to && (m.signal.is_some() || msg.signal.is_some())
        })
    }

    /// Whether a send from `from` to `to` must go in flight behind a signal.
    pub(crate) fn signal_pending(&self, from: Pid, to: Pid) -> bool {
        self.bonds.signals > 0
            && self
                .in_flight
                .values()
                .any(|m| m.from == from && m.to == to && m.signal.is_some())
    }

    /// A process ended with `reason`: it loses its name, its links carry the reason to the
    /// linked processes, and its monitors report `DOWN`.
    pub(crate) fn after_exit(&mut self, pid: Pid, reason: &Value, span: Span) {
        self.forget_name(pid);
        let linked: Vec<Pid> = self
            .bonds
            .links
            .iter()
            .filter_map(|&(a, b)| {
                if a == pid {
                    Some(b)
                } else if b == pid {
                    Some(a)
                } else {
                    None
                }
            })
            .collect();
        for other in linked {
            self.bonds.links.remove(&pair(pid, other));
            self.send_signal(
                pid,
                other,
                Signal::Exit { link: true },
                reason.clone(),
                span,
            );
        }
        let watched: Vec<(RefId, Pid)> = self
            .bonds
            .monitors
            .iter()
            .filter(|(_, (_, t))| *t == pid)
            .map(|(r, (w, _))| (*r, *w))
            .collect();
        for (reference, watcher) in watched {
            self.send_signal(
                pid,
                watcher,
                Signal::Down { reference },
                reason.clone(),
                span,
            );
        }
        // Its own monitors of others die with it.
        self.bonds.monitors.retain(|_, (w, _)| *w != pid);
    }

    /// A signal in flight reaches its addressee.
    pub(crate) fn arrive_signal(&mut self, msg: Message) {
        self.bonds.signals = self.bonds.signals.saturating_sub(1);
        let Some(signal) = msg.signal else {
            return;
        };
        let (from, to, span) = (msg.from, msg.to, msg.span);
        let reason = msg.value.clone();
        let alive = self.process(to).is_some_and(|p| !p.status.is_ended());
        let trapping = self.process(to).is_some_and(|p| p.trap_exit);
        let effect = if !alive {
            SignalEffect::Gone
        } else {
            match signal {
                Signal::Down { reference } => {
                    if self.bonds.monitors.remove(&reference).is_some() {
                        // `named` is read (and cleared) when the note is built below.
                        SignalEffect::Down
                    } else {
                        SignalEffect::Stale
                    }
                }
                Signal::Exit { link } => {
                    if !link && is_atom(&reason, "kill") {
                        SignalEffect::Kills {
                            reason: Value::atom("killed"),
                        }
                    } else if trapping {
                        SignalEffect::Trapped
                    } else if is_atom(&reason, "normal") {
                        if !link && from == to {
                            SignalEffect::Kills {
                                reason: reason.clone(),
                            }
                        } else {
                            SignalEffect::Ignored
                        }
                    } else {
                        SignalEffect::Kills {
                            reason: reason.clone(),
                        }
                    }
                }
            }
        };
        self.emit(
            to,
            span,
            EventKind::Signal(Box::new(SignalEvent {
                id: msg.id,
                from,
                to,
                signal,
                reason: reason.clone(),
                effect: effect.clone(),
            })),
        );
        let note = match (&effect, signal) {
            (SignalEffect::Down, Signal::Down { reference }) => {
                let object = match self.bonds.named.remove(&reference) {
                    Some(name) => Value::tuple([Value::Atom(name), Value::atom("nonode@nohost")]),
                    None => Value::Pid(from),
                };
                Some(Value::tuple([
                    Value::atom("DOWN"),
                    Value::Ref(reference),
                    Value::atom("process"),
                    object,
                    reason,
                ]))
            }
            (SignalEffect::Trapped, _) => Some(Value::tuple([
                Value::atom("EXIT"),
                Value::Pid(from),
                reason,
            ])),
            (SignalEffect::Kills { reason }, _) => {
                self.end_process(
                    to,
                    End::Signal {
                        reason: reason.clone(),
                        from,
                    },
                );
                None
            }
            _ => None,
        };
        if let Some(value) = note {
            let message = Message {
                value,
                signal: None,
                ..msg
            };
            if let Err(super::eval::Fault::Budget(k, m)) = self.put_in_mailbox(message, span) {
                self.stop(to, k, m);
            }
        }
    }

    /// An exit signal a process sends to itself takes effect at once (`exit(self(), R)`).
    /// Returns the reason it ends with, if it does.
    pub(crate) fn signal_self(&mut self, pid: Pid, reason: Value, span: Span) -> Option<Value> {
        let trapping = self.process(pid).is_some_and(|p| p.trap_exit);
        let kill = is_atom(&reason, "kill");
        let effect = if kill {
            SignalEffect::Kills {
                reason: Value::atom("killed"),
            }
        } else if trapping {
            SignalEffect::Trapped
        } else {
            SignalEffect::Kills {
                reason: reason.clone(),
            }
        };
        let id = MsgId(self.next_msg);
        self.next_msg = self.next_msg.saturating_add(1);
        self.emit(
            pid,
            span,
            EventKind::Signal(Box::new(SignalEvent {
                id,
                from: pid,
                to: pid,
                signal: Signal::Exit { link: false },
                reason: reason.clone(),
                effect: effect.clone(),
            })),
        );
        match effect {
            SignalEffect::Kills { reason } => Some(reason),
            _ => {
                let value = Value::tuple([Value::atom("EXIT"), Value::Pid(pid), reason]);
                if let Some(p) = self.procs.get_mut(pid.index()) {
                    p.mailbox.push_back(Message {
                        id,
                        from: pid,
                        to: pid,
                        value,
                        sent_at: self.steps,
                        span,
                        clock: Default::default(),
                        signal: None,
                    });
                }
                None
            }
        }
    }
}
