//! Channel operations of a visible action: a send, a receive, and the rendezvous that hands a
//! value from a parked sender to a parked receiver (or back), with the select case each side
//! was waiting in.

use crate::ir::{ChanId, Op, Pid, SelectCase, Span, Value};
use crate::trace::EventKind;

use super::action::Flow;
use super::eval::{crash, Eval, Fault};
use super::ready::instr_of;
use super::resources::Item;
use super::World;

impl World {
    pub(super) fn chan_of(&self, v: Value) -> Eval<ChanId> {
        match v {
            Value::Chan(c) if c.index() < self.chans.len() => Ok(c),
            other => crash(format!(
                "expected a channel, got {}",
                other.repr(self.program.style)
            )),
        }
    }

    /// A send on channel `c`. Returns false when it cannot happen now.
    pub(super) fn chan_send(
        &mut self,
        pid: Pid,
        c: ChanId,
        value: Value,
        span: Span,
    ) -> Eval<bool> {
        let Some(ch) = self.chans.get(c.index()) else {
            return Ok(false);
        };
        if ch.closed {
            return crash(format!("send on closed channel {}", self.chan_name(c)));
        }
        if ch.is_unbuffered() {
            let Some((receiver, case)) = self.partner(c, true, pid) else {
                return Ok(false);
            };
            self.rendezvous(pid, receiver, c, value.clone(), span, pid);
            let flow = self.receiver_takes(receiver, case, value, true);
            self.partner_done(receiver, flow);
            return Ok(true);
        }
        if !ch.has_room() {
            return Ok(false);
        }
        let mut clock = self.races.release(pid);
        if self.races.enabled() {
            // Receive k happens before send k + capacity completes (Go memory model).
            if let Some(ch) = self.chans.get(c.index()) {
                if let Some(cap) = ch.capacity.filter(|c| *c > 0) {
                    let n = ch.sends;
                    let first = ch.recvs.saturating_sub(ch.recv_clocks.len() as u64);
                    if n >= cap as u64 {
                        let want = n - cap as u64;
                        if want >= first {
                            if let Some(rc) = ch.recv_clocks.get((want - first) as usize) {
                                let rc = rc.clone();
                                self.races.acquire_from(pid, &rc);
                                clock.join(&rc);
                            }
                        }
                    }
                }
            }
        }
        let Some(ch) = self.chans.get_mut(c.index()) else {
            return Ok(false);
        };
        ch.sends += 1;
        ch.buf.push_back(Item {
            value: value.clone(),
            clock,
        });
        let len = ch.buf.len() as u32;
        self.emit(
            pid,
            span,
            EventKind::ChanSend {
                chan: c,
                value,
                len,
            },
        );
        self.refresh_chan(c, Some(pid));
        Ok(true)
    }

    /// A receive on channel `c`: the value and `ok`, or `None` when it cannot happen now.
    pub(super) fn chan_recv(
        &mut self,
        pid: Pid,
        c: ChanId,
        span: Span,
    ) -> Eval<Option<(Value, bool)>> {
        let Some(ch) = self.chans.get_mut(c.index()) else {
            return Ok(None);
        };
        if let Some(item) = ch.buf.pop_front() {
            ch.recvs += 1;
            self.races.acquire_from(pid, &item.clock);
            if self.races.enabled() {
                let clock = self.races.release(pid);
                if let Some(ch) = self.chans.get_mut(c.index()) {
                    ch.recv_clocks.push_back(clock);
                    let cap = ch.capacity.unwrap_or(0);
                    while ch.recv_clocks.len() > cap {
                        ch.recv_clocks.pop_front();
                    }
                }
            }
            self.emit(
                pid,
                span,
                EventKind::ChanRecv {
                    chan: c,
                    value: item.value.clone(),
                    ok: true,
                },
            );
            self.refresh_chan(c, Some(pid));
            return Ok(Some((item.value, true)));
        }
        if ch.is_unbuffered() && !ch.closed {
            let Some((sender, case)) = self.partner(c, false, pid) else {
                return Ok(None);
            };
            let (value, flow) = match self.sender_gives(sender, case) {
                Ok(v) => v,
                Err(fault @ (Fault::Crash(_) | Fault::Raise(_))) => {
                    // The sender's value could not be computed: it crashes, we keep waiting.
                    let end = self.end_for(sender, &fault);
                    self.end_process(sender, end);
                    return Ok(None);
                }
                Err(budget) => return Err(budget),
            };
            self.rendezvous(sender, pid, c, value.clone(), span, pid);
            self.partner_done(sender, flow);
            return Ok(Some((value, true)));
        }
        if ch.closed {
            let zero = ch.zero.clone();
            let clock = ch.close_clock.clone();
            self.races.acquire_from(pid, &clock);
            self.emit(
                pid,
                span,
                EventKind::ChanRecv {
                    chan: c,
                    value: zero.clone(),
                    ok: false,
                },
            );
            return Ok(Some((zero, false)));
        }
        Ok(None)
    }

    pub(super) fn rendezvous(
        &mut self,
        sender: Pid,
        receiver: Pid,
        chan: ChanId,
        value: Value,
        span: Span,
        stepping: Pid,
    ) {
        // A hand-off synchronises both sides.
        let cs = self.races.release(sender);
        let cr = self.races.release(receiver);
        self.races.acquire_from(sender, &cr);
        self.races.acquire_from(receiver, &cs);
        self.emit(
            stepping,
            span,
            EventKind::Rendezvous {
                chan,
                sender,
                receiver,
                value,
            },
        );
    }

    /// The waiting receiver of a rendezvous stores the value; returns how it moves on.
    pub(super) fn receiver_takes(
        &mut self,
        receiver: Pid,
        case: Option<u32>,
        value: Value,
        ok: bool,
    ) -> Flow {
        let program = self.program.clone();
        let Some(instr) = instr_of(&program, self, receiver) else {
            return Flow::Stay;
        };
        let (dst, okl, flow) = match (&instr.op, case) {
            (Op::ChanRecv { dst, ok, .. }, _) => (*dst, *ok, Flow::Next),
            (Op::Select { cases, .. }, Some(i)) => match cases.get(i as usize) {
                Some(SelectCase::Recv { dst, ok, to, .. }) => (*dst, *ok, Flow::Goto(*to)),
                _ => return Flow::Stay,
            },
            _ => return Flow::Stay,
        };
        if let Some(d) = dst {
            self.set_local(receiver, d, value);
        }
        if let Some(o) = okl {
            self.set_local(receiver, o, Value::Bool(ok));
        }
        flow
    }

    /// The waiting sender of a rendezvous: its value and how it moves on.
    pub(super) fn sender_gives(&mut self, sender: Pid, case: Option<u32>) -> Eval<(Value, Flow)> {
        let program = self.program.clone();
        let Some(instr) = instr_of(&program, self, sender) else {
            return crash("the sender vanished");
        };
        match (&instr.op, case) {
            (Op::ChanSend { value, .. }, _) => Ok((self.eval_in(sender, value)?, Flow::Next)),
            (Op::Select { cases, .. }, Some(i)) => match cases.get(i as usize) {
                Some(SelectCase::Send { value, to, .. }) => {
                    Ok((self.eval_in(sender, value)?, Flow::Goto(*to)))
                }
                _ => crash("the sender's select case vanished"),
            },
            _ => crash("the sender is not sending"),
        }
    }

    /// The partner of a rendezvous completed its operation inside someone else's step.
    pub(super) fn partner_done(&mut self, partner: Pid, flow: Flow) {
        if let Some(p) = self.procs.get_mut(partner.index()) {
            p.acted = true;
        }
        self.complete(partner, flow);
    }
}
