//! Visible actions: the one atomic thing a process does in its step.

use crate::detect::{BudgetKind, Finding};
use crate::ir::{
    Callee, Expr, Label, Local, MapId, MsgId, Op, Pid, Place, ProcKind, SelectCase, Span, Text,
    Value,
};
use crate::trace::{DropReason, EventKind, LocalRef, WriteEvent};

use super::eval::{crash, Eval, Fault};
use super::mailbox::Message;
use super::memory::Location;
use super::process::End;
use super::ready::instr_of;
use super::{WaitKey, World};

/// What the visible action did to the program counter.
pub(crate) enum Flow {
    Next,
    Goto(Label),
    /// The process ends (`Exit`).
    End,
    /// Next instruction, after sleeping this many steps.
    Sleep(u64),
    /// Nothing happened after all (the instruction stays current).
    Stay,
    /// The process ends with this exit reason (an exit signal it sent itself).
    Die(Value),
}

impl World {
    /// The chosen process performs its visible action, then runs on to its next one.
    pub(crate) fn run_process(&mut self, pid: Pid, case: Option<u32>) {
        let Some(p) = self.procs.get_mut(pid.index()) else {
            return;
        };
        p.steps += 1;
        p.acted = true;
        if let Some(end) = p.pending_end.take() {
            self.end_process(pid, end);
            return;
        }
        let program = self.program.clone();
        let Some(instr) = instr_of(&program, self, pid) else {
            self.end_process(pid, End::Done);
            return;
        };
        // While it acts, the process is neither waiting nor settled: refreshes triggered by
        // its own action (its lock's waiters, its channel's parked list) must skip it.
        self.acting = Some(pid);
        let result = self.act(pid, &instr.op, instr.span, case);
        self.acting = None;
        match result {
            Ok(flow) => self.complete(pid, flow),
            Err(Fault::Budget(k, m)) => self.stop(pid, k, m),
            // A raise goes to the nearest handler; without one it ends the process.
            Err(fault) => match self.unwind(pid, fault) {
                Ok(()) => {
                    self.unpark(pid);
                    self.settle(pid);
                }
                Err(Fault::Budget(k, m)) => self.stop(pid, k, m),
                Err(fault) => {
                    let end = self.end_for(pid, &fault);
                    self.end_process(pid, end);
                }
            },
        }
    }

    /// Applies a finished action's flow and moves the process on to its next visible
    /// instruction.
    pub(crate) fn complete(&mut self, pid: Pid, flow: Flow) {
        let sleep = match flow {
            Flow::Next => {
                self.jump(pid, None);
                0
            }
            Flow::Goto(l) => {
                self.jump(pid, Some(l));
                0
            }
            Flow::Sleep(n) => {
                self.jump(pid, None);
                n
            }
            Flow::End => {
                self.end_process(pid, End::Done);
                return;
            }
            Flow::Stay => {
                self.refresh(pid);
                return;
            }
            Flow::Die(reason) => {
                self.end_process(pid, End::Signal { reason, from: pid });
                return;
            }
        };
        self.unpark(pid);
        if sleep > 0 {
            self.settle_asleep(pid, sleep);
        } else {
            self.settle(pid);
        }
    }

    fn func_of(&self, pid: Pid) -> crate::ir::FuncId {
        self.procs
            .get(pid.index())
            .and_then(|p| p.frames.last())
            .map(|f| f.func)
            .unwrap_or_default()
    }

    pub(super) fn local_ref(&self, pid: Pid, local: Local) -> LocalRef {
        LocalRef {
            func: self.func_of(pid),
            local,
        }
    }

    pub(super) fn location(&self, pid: Pid, place: &Place) -> Eval<Location> {
        match place {
            Place::Global(g) => Ok(Location::Global(*g)),
            Place::Cell(e) => match self.eval_in(pid, e)? {
                Value::Cell(c) if c.index() < self.mem.cells.len() => Ok(Location::Cell(c)),
                other => crash(format!(
                    "expected a shared cell, got {}",
                    other.repr(self.program.style)
                )),
            },
        }
    }

    pub(super) fn shared_read(
        &mut self,
        pid: Pid,
        loc: Location,
        value: Value,
        dst: Local,
        span: Span,
        found: Option<bool>,
    ) {
        let races = match loc {
            Location::Keys(_) => self.races.read_keys(pid, loc, self.steps, span),
            _ => {
                // Checked first: a retired detector would still be copied on write.
                if self.lost.on() {
                    self.lost.read(pid, loc, &value);
                }
                if self.races.enabled() {
                    self.races.read(pid, loc, self.steps, span)
                } else {
                    Vec::new()
                }
            }
        };
        let into = Some(self.local_ref(pid, dst));
        self.set_local(pid, dst, value.clone());
        self.emit(
            pid,
            span,
            EventKind::Read {
                loc,
                value,
                into,
                found,
            },
        );
        for f in races {
            self.report(pid, span, f);
        }
    }

    pub(super) fn shared_write(&mut self, pid: Pid, loc: Location, value: Value, span: Span) {
        let old = self.mem.store(loc, value.clone());
        // Checked first: a retired detector would still be copied on write.
        let lost = if self.lost.on() {
            self.lost.write(pid, loc, &old, &value, self.steps)
        } else {
            None
        };
        let races = if self.races.enabled() {
            self.races.write(pid, loc, self.steps, span)
        } else {
            Vec::new()
        };
        self.emit(
            pid,
            span,
            EventKind::Write(Box::new(WriteEvent {
                loc,
                value: value.clone(),
                old,
                lost: lost.clone(),
            })),
        );
        if let Some(lost) = lost {
            let step = self.steps;
            self.report(
                pid,
                span,
                Finding::LostUpdate {
                    loc,
                    writer: pid,
                    step,
                    value,
                    lost,
                },
            );
        }
        for f in races {
            self.report(pid, span, f);
        }
    }

    pub(crate) fn map_of(&self, pid: Pid, map: &Expr) -> Eval<MapId> {
        match self.eval_in(pid, map)? {
            Value::Map(m) if m.index() < self.mem.maps.len() => Ok(m),
            other => crash(format!(
                "expected a map, got {}",
                other.repr(self.program.style)
            )),
        }
    }

    fn map_entry(
        &mut self,
        pid: Pid,
        map: &Expr,
        key: &Expr,
        create: bool,
    ) -> Eval<(Location, Value)> {
        let style = self.program.style;
        let m = self.map_of(pid, map)?;
        let key = self.eval_in(pid, key)?;
        let Some(shared) = self.mem.maps.get_mut(m.index()) else {
            return crash("the map does not exist");
        };
        let e = match shared.index.get(&key) {
            Some(e) => *e,
            None if create => shared.entry(&key),
            None => return crash(format!("KeyError: {}", key.repr(style))),
        };
        Ok((Location::Entry(m, e), key))
    }

    /// Spawns `callee(args)` as a child of `pid`. The spawn event goes into the trace before
    /// the events that creating the child caused, so the trace reads in cause order.
    pub(super) fn spawn_child(
        &mut self,
        pid: Pid,
        kind: ProcKind,
        callee: &Callee,
        args: &[Expr],
        name: Option<&str>,
        span: Span,
    ) -> Eval<Pid> {
        let (func, full) = self.resolve_call(pid, callee, args)?;
        let at = self.events.len();
        let child = self.create_process(kind, name, func, full, Some(pid))?;
        let event = crate::trace::Event {
            step: self.steps,
            pid,
            span,
            kind: EventKind::Spawn { child },
        };
        if self.record_events {
            self.events.insert(at.min(self.events.len()), event);
        }
        Ok(child)
    }

    /// Puts a message into its addressee's mailbox (or drops it with the reason).
    pub(crate) fn put_in_mailbox(&mut self, msg: Message, span: Span) -> Eval<()> {
        let to = msg.to;
        let Some(target) = self.procs.get(to.index()) else {
            return self.drop_message(msg, DropReason::DeadProcess, span);
        };
        if target.status.is_ended() {
            return self.drop_message(msg, DropReason::DeadProcess, span);
        }
        if let Some(cap) = self.opts.mailbox_capacity {
            if target.mailbox.len() >= cap {
                let from = msg.from;
                self.drop_message(msg, DropReason::MailboxFull, span)?;
                self.report(
                    from,
                    span,
                    Finding::Overflow {
                        owner: to,
                        from,
                        capacity: cap,
                        dropped: true,
                    },
                );
                return Ok(());
            }
        }
        if target.mailbox.len() >= self.opts.budgets.max_mailbox {
            return Err(Fault::Budget(
                BudgetKind::Mailbox,
                format!(
                    "{}'s mailbox grew past {} messages (mailbox budget)",
                    target.name, self.opts.budgets.max_mailbox
                ),
            ));
        }
        if let Some(p) = self.procs.get_mut(to.index()) {
            p.mailbox.push_back(msg);
        }
        self.refresh(to);
        Ok(())
    }

    fn drop_message(&mut self, msg: Message, why: DropReason, span: Span) -> Eval<()> {
        self.emit(
            msg.to,
            span,
            EventKind::Drop {
                msg: msg.id,
                to: msg.to,
                value: msg.value,
                why,
            },
        );
        Ok(())
    }

    /// Network mode: a message in flight arrives.
    pub(crate) fn deliver(&mut self, id: MsgId) {
        let Some(msg) = self.in_flight.remove(&id) else {
            return;
        };
        if msg.signal.is_some() {
            self.arrive_signal(msg);
            return;
        }
        let span = msg.span;
        let to = msg.to;
        self.emit(
            to,
            span,
            EventKind::Deliver {
                msg: id,
                from: msg.from,
                to,
                value: msg.value.clone(),
            },
        );
        if let Err(Fault::Budget(k, m)) = self.put_in_mailbox(msg, span) {
            self.stop(to, k, m);
        }
    }

    /// Network mode: a message in flight is lost.
    pub(crate) fn lose(&mut self, id: MsgId) {
        if let Some(msg) = self.in_flight.remove(&id) {
            let span = msg.span;
            let _ = self.drop_message(msg, DropReason::Network, span);
        }
    }

    /// Prints `text` (strings raw), ending the line when `newline` is set.
    fn print(&mut self, pid: Pid, text: &Expr, newline: bool, span: Span) -> Eval<Flow> {
        let text = match self.eval_in(pid, text)? {
            Value::Str(s) => s,
            other => Text::new(super::heap::render(
                &self.mem.records,
                &self.mem.arrays,
                &other,
                self.program.style,
                false,
            )),
        };
        if self.output.lines.len() >= self.opts.budgets.max_output_lines {
            return Err(Fault::Budget(
                BudgetKind::Output,
                format!(
                    "more than {} lines were printed (output budget)",
                    self.opts.budgets.max_output_lines
                ),
            ));
        }
        self.output.push(self.steps, pid, text.clone(), newline);
        self.emit(pid, span, EventKind::Print { text, newline });
        Ok(Flow::Next)
    }

    fn int_arg(&self, pid: Pid, e: &Expr, what: &str) -> Eval<i64> {
        match self.eval_in(pid, e)? {
            Value::Int(n) => Ok(n),
            other => crash(format!(
                "{what} must be an integer, got {}",
                other.repr(self.program.style)
            )),
        }
    }

    fn wg_change(&mut self, pid: Pid, wg: &Expr, delta: i64, span: Span) -> Eval<Flow> {
        let style = self.program.style;
        let w = match self.eval_in(pid, wg)? {
            Value::WaitGroup(w) if w.index() < self.wgs.len() => w,
            other => return crash(format!("expected a WaitGroup, got {}", other.repr(style))),
        };
        let clock = if delta < 0 {
            self.races.release(pid)
        } else {
            Default::default()
        };
        let Some(state) = self.wgs.get_mut(w.index()) else {
            return crash("the WaitGroup does not exist");
        };
        let Some(count) = state.count.checked_add(delta) else {
            return crash("WaitGroup counter overflow");
        };
        if count < 0 {
            return crash("sync: negative WaitGroup counter");
        }
        state.count = count;
        state.clock.join(&clock);
        self.emit(
            pid,
            span,
            EventKind::WgAdd {
                wg: w,
                delta,
                count,
            },
        );
        self.refresh_waiters(WaitKey::WaitGroup(w));
        Ok(Flow::Next)
    }

    /// The visible action itself.
    fn act(&mut self, pid: Pid, op: &Op, span: Span, case: Option<u32>) -> Eval<Flow> {
        let style = self.program.style;
        match op {
            Op::Eval { dst, expr } => {
                let value = self.eval_in(pid, expr)?;
                self.set_local(pid, *dst, value.clone());
                let local = self.local_ref(pid, *dst);
                self.emit(pid, span, EventKind::Compute { local, value });
                Ok(Flow::Next)
            }
            Op::Read { dst, place } => {
                let loc = self.location(pid, place)?;
                let value = self.mem.load(loc).unwrap_or_default();
                self.shared_read(pid, loc, value, *dst, span, None);
                Ok(Flow::Next)
            }
            Op::Write { place, value } => {
                let loc = self.location(pid, place)?;
                let value = self.eval_in(pid, value)?;
                self.shared_write(pid, loc, value, span);
                Ok(Flow::Next)
            }
            Op::MapRead {
                dst,
                map,
                key,
                default,
                ok,
            } => {
                // A read that may miss still tracks the entry, so a later insert of that key
                // by another process is seen as a race with this look-up.
                let create = default.is_some() || ok.is_some();
                let (loc, _) = self.map_entry(pid, map, key, create)?;
                let stored = self.mem.load(loc);
                let present = stored.is_some();
                let value = match (stored, default) {
                    (Some(v), _) => v,
                    (None, Some(d)) => self.eval_in(pid, d)?,
                    (None, None) if ok.is_some() => Value::Unit,
                    (None, None) => {
                        let key = self.eval_in(pid, key)?;
                        return crash(format!("KeyError: {}", key.repr(style)));
                    }
                };
                let found = ok.map(|_| present);
                self.shared_read(pid, loc, value, *dst, span, found);
                if let Some(o) = ok {
                    self.set_local(pid, *o, Value::Bool(present));
                }
                Ok(Flow::Next)
            }
            Op::MapLen { dst, map } => {
                let loc = Location::Keys(self.map_of(pid, map)?);
                let value = self.mem.load(loc).unwrap_or_default();
                self.shared_read(pid, loc, value, *dst, span, None);
                Ok(Flow::Next)
            }
            Op::MapWrite { map, key, value } => {
                let (loc, _) = self.map_entry(pid, map, key, true)?;
                let value = self.eval_in(pid, value)?;
                let new_key = self.mem.load(loc).is_none();
                self.shared_write(pid, loc, value, span);
                if let (true, Location::Entry(m, _)) = (new_key, loc) {
                    let step = self.steps;
                    for f in self.races.insert_key(pid, Location::Keys(m), step, span) {
                        self.report(pid, span, f);
                    }
                }
                Ok(Flow::Next)
            }
            Op::Acquire { lock } => {
                let l = match self.eval_in(pid, lock)? {
                    Value::Lock(l) if l.index() < self.locks.len() => l,
                    other => return crash(format!("expected a lock, got {}", other.repr(style))),
                };
                let Some(state) = self.locks.get_mut(l.index()) else {
                    return Ok(Flow::Stay);
                };
                if state.holder.is_some() {
                    return Ok(Flow::Stay);
                }
                state.holder = Some(pid);
                let clock = state.clock.clone();
                self.races.acquire_from(pid, &clock);
                self.emit(pid, span, EventKind::Acquire { lock: l });
                self.refresh_waiters(WaitKey::Lock(l));
                Ok(Flow::Next)
            }
            Op::Release { lock } => {
                let l = match self.eval_in(pid, lock)? {
                    Value::Lock(l) if l.index() < self.locks.len() => l,
                    other => return crash(format!("expected a lock, got {}", other.repr(style))),
                };
                let holder = self.locks.get(l.index()).and_then(|s| s.holder);
                let name = self
                    .locks
                    .get(l.index())
                    .map_or_else(String::new, |s| s.name.to_string());
                match holder {
                    Some(h) if h == pid => {}
                    Some(h) => {
                        return crash(format!(
                            "release of lock {name}, which is held by {}",
                            self.process_name(h)
                        ))
                    }
                    None => return crash(format!("release of lock {name}, which is not locked")),
                }
                let clock = self.races.release(pid);
                if let Some(state) = self.locks.get_mut(l.index()) {
                    state.holder = None;
                    state.clock = clock;
                }
                self.emit(pid, span, EventKind::Release { lock: l });
                self.refresh_waiters(WaitKey::Lock(l));
                Ok(Flow::Next)
            }
            Op::Send { to, msg } => {
                let to = self.eval_in(pid, to)?;
                let to = self.addressee(to)?;
                let value = self.eval_in(pid, msg)?;
                let id = MsgId(self.next_msg);
                self.next_msg = self.next_msg.saturating_add(1);
                let clock = self.races.release(pid);
                let network = self.opts.network;
                let message = Message {
                    id,
                    from: pid,
                    to,
                    value: value.clone(),
                    sent_at: self.steps,
                    span,
                    clock,
                    signal: None,
                };
                // Nothing overtakes an exit signal this process sent the addressee earlier.
                let network = network || self.signal_pending(pid, to);
                self.emit(
                    pid,
                    span,
                    EventKind::Send {
                        msg: id,
                        to,
                        value,
                        in_flight: network,
                    },
                );
                if network {
                    if self.in_flight.len() >= self.opts.budgets.max_in_flight {
                        return Err(Fault::Budget(
                            BudgetKind::InFlight,
                            format!(
                                "more than {} messages were in flight (in-flight budget)",
                                self.opts.budgets.max_in_flight
                            ),
                        ));
                    }
                    self.in_flight.insert(id, message);
                } else {
                    self.put_in_mailbox(message, span)?;
                }
                Ok(Flow::Next)
            }
            Op::Receive { clauses, after } => {
                if let Some((mi, ci, binds)) = self.find_match(pid, clauses) {
                    let Some(msg) = self
                        .procs
                        .get_mut(pid.index())
                        .and_then(|p| p.mailbox.remove(mi))
                    else {
                        return Ok(Flow::Stay);
                    };
                    self.races.acquire_from(pid, &msg.clock);
                    self.bind_all(pid, binds);
                    self.emit(
                        pid,
                        span,
                        EventKind::Receive {
                            msg: msg.id,
                            from: msg.from,
                            value: msg.value,
                        },
                    );
                    self.refresh_waiters(WaitKey::Mailbox(pid));
                    return Ok(clauses.get(ci).map_or(Flow::Next, |c| Flow::Goto(c.to)));
                }
                let deadline = self.procs.get(pid.index()).and_then(|p| p.deadline);
                match (after, deadline) {
                    (Some(a), Some(d)) if d <= self.now => {
                        if let Value::Int(n) = self.eval_in(pid, &a.ticks)? {
                            if n < 0 {
                                return crash(format!("a timeout must not be negative, got {n}"));
                            }
                        }
                        self.emit(pid, span, EventKind::Timeout);
                        Ok(Flow::Goto(a.to))
                    }
                    _ => Ok(Flow::Stay),
                }
            }
            Op::ChanSend { chan, value } => {
                let v = self.eval_in(pid, chan)?;
                let c = self.chan_of(v)?;
                let value = self.eval_in(pid, value)?;
                if self.chan_send(pid, c, value, span)? {
                    Ok(Flow::Next)
                } else {
                    Ok(Flow::Stay)
                }
            }
            Op::ChanRecv { chan, dst, ok } => {
                let v = self.eval_in(pid, chan)?;
                let c = self.chan_of(v)?;
                match self.chan_recv(pid, c, span)? {
                    Some((value, okv)) => {
                        if let Some(d) = dst {
                            self.set_local(pid, *d, value);
                        }
                        if let Some(o) = ok {
                            self.set_local(pid, *o, Value::Bool(okv));
                        }
                        Ok(Flow::Next)
                    }
                    None => Ok(Flow::Stay),
                }
            }
            Op::Close { chan } => {
                let v = self.eval_in(pid, chan)?;
                let c = self.chan_of(v)?;
                let clock = self.races.release(pid);
                let Some(ch) = self.chans.get_mut(c.index()) else {
                    return Ok(Flow::Stay);
                };
                if ch.closed {
                    return crash(format!("close of closed channel {}", ch.name));
                }
                ch.closed = true;
                ch.close_clock = clock;
                self.emit(pid, span, EventKind::Close { chan: c });
                self.refresh_chan(c, Some(pid));
                Ok(Flow::Next)
            }
            Op::Select { cases, default } => match case {
                None => match default {
                    Some(d) => {
                        self.emit(pid, span, EventKind::SelectDefault);
                        Ok(Flow::Goto(*d))
                    }
                    None => Ok(Flow::Stay),
                },
                Some(i) => match cases.get(i as usize) {
                    Some(SelectCase::Recv { chan, dst, ok, to }) => {
                        let v = self.eval_in(pid, chan)?;
                        let c = self.chan_of(v)?;
                        match self.chan_recv(pid, c, span)? {
                            Some((value, okv)) => {
                                if let Some(d) = dst {
                                    self.set_local(pid, *d, value);
                                }
                                if let Some(o) = ok {
                                    self.set_local(pid, *o, Value::Bool(okv));
                                }
                                Ok(Flow::Goto(*to))
                            }
                            None => Ok(Flow::Stay),
                        }
                    }
                    Some(SelectCase::Send { chan, value, to }) => {
                        let v = self.eval_in(pid, chan)?;
                        let c = self.chan_of(v)?;
                        let value = self.eval_in(pid, value)?;
                        if self.chan_send(pid, c, value, span)? {
                            Ok(Flow::Goto(*to))
                        } else {
                            Ok(Flow::Stay)
                        }
                    }
                    None => Ok(Flow::Stay),
                },
            },
            Op::Spawn {
                dst,
                kind,
                callee,
                args,
                name,
            } => {
                let child = self.spawn_child(pid, *kind, callee, args, name.as_deref(), span)?;
                if let Some(d) = dst {
                    self.set_local(pid, *d, Value::Pid(child));
                }
                Ok(Flow::Next)
            }
            Op::Join { target } => {
                let t = match self.eval_in(pid, target).and_then(|v| self.join_pid(v))? {
                    Value::Pid(t) => t,
                    other => {
                        return crash(format!("cannot join {}: not a process", other.repr(style)))
                    }
                };
                if t == pid {
                    return crash("a process cannot join itself (it would wait forever)");
                }
                match self.procs.get(t.index()) {
                    None => return crash(format!("cannot join <0.{}>: no such process", t.0)),
                    Some(tp) if !tp.status.is_ended() => return Ok(Flow::Stay),
                    Some(_) => {}
                }
                let clock = self.races.clock(t);
                self.races.acquire_from(pid, &clock);
                self.emit(pid, span, EventKind::Join { target: t });
                Ok(Flow::Next)
            }
            Op::WgAdd { wg, delta } => {
                let d = self.int_arg(pid, delta, "a WaitGroup delta")?;
                self.wg_change(pid, wg, d, span)
            }
            Op::WgDone { wg } => self.wg_change(pid, wg, -1, span),
            Op::WgWait { wg } => {
                let w = match self.eval_in(pid, wg)? {
                    Value::WaitGroup(w) if w.index() < self.wgs.len() => w,
                    other => {
                        return crash(format!("expected a WaitGroup, got {}", other.repr(style)))
                    }
                };
                let Some(state) = self.wgs.get(w.index()) else {
                    return Ok(Flow::Stay);
                };
                if state.count != 0 {
                    return Ok(Flow::Stay);
                }
                let clock = state.clock.clone();
                self.races.acquire_from(pid, &clock);
                self.emit(pid, span, EventKind::WgWait { wg: w });
                Ok(Flow::Next)
            }
            Op::Sleep { ticks } => {
                let n = self.int_arg(pid, ticks, "a sleep time")?;
                let Ok(n) = u64::try_from(n) else {
                    return crash(format!("a sleep time must not be negative, got {n}"));
                };
                self.emit(pid, span, EventKind::Sleep { ticks: n });
                Ok(Flow::Sleep(n))
            }
            Op::FieldRead { .. } | Op::FieldWrite { .. } | Op::CopyRecord { .. } => {
                self.record_step(pid, op, span)
            }
            Op::Slice(s) => self.slice_step(pid, s, span),
            Op::Time(t) => self.time_step(pid, t, span),
            Op::Atomic(a) => self.atomic_step(pid, a, span),
            Op::MapShow { dst, map } => self.map_show(pid, *dst, map, span),
            Op::Thread(t) => self.thread_step(pid, t, span),
            Op::Print { text } => self.print(pid, text, true, span),
            Op::Output { text } => self.print(pid, text, false, span),
            Op::Exit => Ok(Flow::End),
            Op::Proc(p) => self.act_proc(pid, p, span),
            Op::ChanFill(f) => self.chan_fill_step(pid, f, span),
            Op::Fail { reason } => {
                let reason = match self.eval_in(pid, reason)? {
                    Value::Str(s) => s.to_string(),
                    other => other.show(style),
                };
                Err(Fault::Crash(reason))
            }
            // Local instructions only get here in expand mode or by mistake: run them.
            other => match self.exec_local(pid, other, span)? {
                super::local::LocalFlow::Next => Ok(Flow::Next),
                super::local::LocalFlow::Goto(l) => Ok(Flow::Goto(l)),
                super::local::LocalFlow::Continue => {
                    // The frame stack changed; settle from where it now stands.
                    self.unpark(pid);
                    self.settle(pid);
                    Ok(Flow::Stay)
                }
                super::local::LocalFlow::Ended => Ok(Flow::End),
            },
        }
    }
}
