//! Who can move: parking a process at its next visible instruction, keeping wait lists, and
//! recomputing readiness only for the processes a step can have affected (never a scan of the
//! whole world, so a ring of a thousand processes costs the same per hop as a ring of two).

use std::cmp::Reverse;

use crate::detect::{wait_for_graph, BudgetKind, Finding};
use crate::ir::{ChanId, Clause, Expr, Instr, Local, Op, Pid, Program, SelectCase, Span, Value};
use crate::trace::{Event, EventKind};

use super::eval::{Env, Eval, Fault};
use super::process::{BlockReason, End, Status};
use super::{WaitKey, World, WorldStatus};

/// The instruction a process stands at.
pub(crate) fn instr_of<'p>(program: &'p Program, world: &World, pid: Pid) -> Option<&'p Instr> {
    let frame = world.procs.get(pid.index())?.frames.last()?;
    program
        .functions
        .get(frame.func.index())?
        .code
        .get(frame.pc as usize)
}

/// A match found in a mailbox: message index, clause index, bindings.
pub(crate) type MailboxMatch = (usize, usize, Vec<(Local, Value)>);

impl World {
    pub(crate) fn emit(&mut self, pid: Pid, span: Span, kind: EventKind) {
        if !self.record_events {
            return;
        }
        self.events.push(Event {
            step: self.steps,
            pid,
            span,
            kind,
        });
    }

    pub(crate) fn report(&mut self, pid: Pid, span: Span, finding: Finding) {
        if !self.record_events {
            // Exploring: states and outcomes see only which kinds of finding were made (see
            // the explorer's fingerprint), so the first of each kind is all that is kept,
            // rather than a list that grows with every racing access down every path.
            let kind = std::mem::discriminant(&finding);
            if !self
                .findings
                .iter()
                .any(|f| std::mem::discriminant(f) == kind)
            {
                self.findings.push(finding);
            }
            return;
        }
        self.findings.push(finding.clone());
        self.emit(pid, span, EventKind::Finding(Box::new(finding)));
    }

    /// The span of the instruction a process stands at (or of the one that ended it).
    pub fn span_of(&self, pid: Pid) -> Span {
        match instr_of(&self.program, self, pid) {
            Some(i) => i.span,
            None => self
                .procs
                .get(pid.index())
                .map(|p| p.last_span)
                .unwrap_or_default(),
        }
    }

    pub(crate) fn env_of(&self, pid: Pid) -> Option<Env<'_>> {
        let frame = self.procs.get(pid.index())?.frames.last()?;
        Some(Env {
            locals: &frame.locals,
            overlay: &[],
            me: pid,
            globals: &self.mem.globals,
            records: &self.mem.records,
            arrays: &self.mem.arrays,
            style: self.program.style,
            budgets: &self.opts.budgets,
        })
    }

    pub(crate) fn eval_in(&self, pid: Pid, e: &Expr) -> Eval<Value> {
        match self.env_of(pid) {
            Some(env) => env.eval(e),
            None => Err(Fault::Crash("the process has no frame".into())),
        }
    }

    pub(crate) fn set_local(&mut self, pid: Pid, l: Local, v: Value) {
        if let Some(slot) = self
            .procs
            .get_mut(pid.index())
            .and_then(|p| p.frames.last_mut())
            .and_then(|f| f.locals.get_mut(l.index()))
        {
            *slot = v;
        }
    }

    pub(crate) fn bind_all(&mut self, pid: Pid, binds: Vec<(Local, Value)>) {
        for (l, v) in binds {
            self.set_local(pid, l, v);
        }
    }

    fn chan_in(&self, pid: Pid, e: &Expr) -> Option<ChanId> {
        match self.eval_in(pid, e) {
            Ok(Value::Chan(c)) if c.index() < self.chans.len() => Some(c),
            _ => None,
        }
    }

    /// After a process moved: run its local code to its next visible instruction, then park it
    /// there (or end it).
    pub(crate) fn settle(&mut self, pid: Pid) {
        match self.fold(pid) {
            Ok(true) => {
                self.park(pid);
                self.refresh(pid);
            }
            Ok(false) => self.finish(pid, End::Done),
            Err(Fault::Budget(k, m)) => self.stop(pid, k, m),
            Err(fault) => {
                let end = self.end_for(pid, &fault);
                self.finish(pid, end);
            }
        }
    }

    /// Like `settle`, then sleeps `ticks` before the next visible instruction may run.
    pub(crate) fn settle_asleep(&mut self, pid: Pid, ticks: u64) {
        match self.fold(pid) {
            Ok(true) => {
                let until = self.now.saturating_add(ticks);
                if let Some(p) = self.procs.get_mut(pid.index()) {
                    p.sleeping = true;
                    p.epoch += 1;
                    p.deadline = Some(until);
                    p.status = Status::Blocked(BlockReason::Sleep { until });
                    p.ready_cases.clear();
                    let epoch = p.epoch;
                    self.timers.push(Reverse((until, pid, epoch)));
                }
                self.runnable.remove(&pid);
                self.sync_choices(pid);
            }
            Ok(false) => self.finish(pid, End::Done),
            Err(Fault::Budget(k, m)) => self.stop(pid, k, m),
            Err(fault) => {
                let end = self.end_for(pid, &fault);
                self.finish(pid, end);
            }
        }
    }

    /// A process reached its end. Before its first visible action the end is deferred to its
    /// first step, so that step is the exit.
    fn finish(&mut self, pid: Pid, end: End) {
        let Some(p) = self.procs.get_mut(pid.index()) else {
            return;
        };
        if p.acted {
            self.end_process(pid, end);
        } else {
            p.pending_end = Some(end);
            p.status = Status::Runnable;
            p.ready_cases.clear();
            self.runnable.insert(pid);
            self.sync_choices(pid);
        }
    }

    /// How a fault that nobody caught ends the process.
    pub(crate) fn end_for(&self, pid: Pid, fault: &Fault) -> End {
        match fault {
            Fault::Crash(m) => End::Crashed(m.clone()),
            _ => match self.uncaught(pid, fault) {
                Some(r) => End::Raised(Box::new(r)),
                None => End::Crashed(String::new()),
            },
        }
    }

    pub(crate) fn end_process(&mut self, pid: Pid, end: End) {
        let span = self.span_of(pid);
        let style = self.program.style;
        let normal = Value::atom("normal");
        // (crash text or None for a normal end, exit reason, exception class, killer)
        let (text, reason, class, by) = match end {
            End::Done => (None, normal, None, None),
            End::Crashed(m) => {
                let reason = Value::tuple([Value::str(&m), self.stack_value(pid)]);
                (Some(m), reason, Some(super::ExceptionClass::Error), None)
            }
            End::Raised(r) => {
                if r.class == super::ExceptionClass::Exit && r.reason == normal {
                    (None, normal, None, None)
                } else {
                    let text = r.message.clone().unwrap_or_else(|| match r.class {
                        super::ExceptionClass::Throw => {
                            format!("uncaught throw {}", r.reason.repr(style))
                        }
                        _ => r.reason.repr(style),
                    });
                    (Some(text), r.exit_reason(), Some(r.class), None)
                }
            }
            End::Signal { reason, from } => {
                if reason == normal {
                    (None, normal, None, Some(from))
                } else {
                    (Some(reason.repr(style)), reason, None, Some(from))
                }
            }
        };
        self.unpark(pid);
        let Some(p) = self.procs.get_mut(pid.index()) else {
            return;
        };
        p.pending_end = None;
        p.sleeping = false;
        p.deadline = None;
        p.ready_cases.clear();
        p.last_span = span;
        p.handlers.clear();
        p.exit_reason = Some(reason.clone());
        p.exit_class = class;
        p.killed_by = by;
        let kind = match text {
            None => {
                p.status = Status::Done;
                EventKind::Exit
            }
            Some(text) => {
                let reason = crate::ir::Text::new(text);
                p.status = Status::Crashed(reason.clone());
                EventKind::Crash { reason }
            }
        };
        let joiners = std::mem::take(&mut p.joiners);
        let senders = std::mem::take(&mut p.mailbox_waiters);
        self.runnable.remove(&pid);
        self.sync_choices(pid);
        self.emit(pid, span, kind);
        for j in joiners {
            if self.waits_on(j, WaitKey::Join(pid)) {
                self.refresh(j);
            }
        }
        for s in senders {
            if self.waits_on(s, WaitKey::Mailbox(pid)) {
                self.refresh(s);
            }
        }
        self.after_exit(pid, &reason, span);
        if pid == Pid(0) && self.main_exit_ends && self.status == WorldStatus::Running {
            self.status = WorldStatus::Finished;
        }
    }

    fn waits_on(&self, pid: Pid, key: WaitKey) -> bool {
        self.procs
            .get(pid.index())
            .is_some_and(|p| p.waiting_on == Some(key) && !p.status.is_ended())
    }

    /// Registers the process with whatever its instruction may wait on.
    pub(crate) fn park(&mut self, pid: Pid) {
        let program = self.program.clone();
        let Some(instr) = instr_of(&program, self, pid) else {
            return;
        };
        let mut key = None;
        let mut chans: Vec<ChanId> = Vec::new();
        let mut deadline = None;
        match &instr.op {
            Op::Acquire { lock } => {
                if let Ok(Value::Lock(l)) = self.eval_in(pid, lock) {
                    key = Some(WaitKey::Lock(l));
                }
            }
            Op::Join { target } => {
                if let Ok(Value::Pid(t)) = self.eval_in(pid, target).and_then(|v| self.join_pid(v))
                {
                    key = Some(WaitKey::Join(t));
                }
            }
            Op::WgWait { wg } => {
                if let Ok(Value::WaitGroup(w)) = self.eval_in(pid, wg) {
                    key = Some(WaitKey::WaitGroup(w));
                }
            }
            Op::Send { to, .. } if self.opts.mailbox_capacity.is_some() && !self.opts.network => {
                if let Ok(Value::Pid(t)) = self.eval_in(pid, to) {
                    key = Some(WaitKey::Mailbox(t));
                }
            }
            Op::ChanSend { chan, .. } | Op::ChanRecv { chan, .. } => {
                chans.extend(self.chan_in(pid, chan));
            }
            Op::Select { cases, .. } => {
                for case in cases {
                    let (SelectCase::Recv { chan, .. } | SelectCase::Send { chan, .. }) = case;
                    if let Some(c) = self.chan_in(pid, chan) {
                        if !chans.contains(&c) {
                            chans.push(c);
                        }
                    }
                }
            }
            Op::Receive { after: Some(a), .. } => {
                let ticks = match self.eval_in(pid, &a.ticks) {
                    Ok(Value::Int(n)) => u64::try_from(n).unwrap_or(0),
                    // A bad timeout fires at once; the step then reports the error.
                    _ => 0,
                };
                deadline = Some(self.now.saturating_add(ticks));
            }
            _ => {}
        }
        let Some(p) = self.procs.get_mut(pid.index()) else {
            return;
        };
        p.epoch += 1;
        p.waiting_on = key;
        p.deadline = deadline;
        p.parked_on = chans.clone();
        let epoch = p.epoch;
        if let Some(d) = deadline {
            self.timers.push(Reverse((d, pid, epoch)));
        }
        if let Some(key) = key {
            if let Some(list) = self.wait_list(key) {
                if !list.contains(&pid) {
                    list.push(pid);
                }
            }
        }
        for c in chans {
            if let Some(ch) = self.chans.get_mut(c.index()) {
                ch.parked.push(pid);
            }
            // A new partner may make others on this channel ready.
            self.refresh_chan(c, Some(pid));
        }
    }

    fn wait_list(&mut self, key: WaitKey) -> Option<&mut Vec<Pid>> {
        match key {
            WaitKey::Lock(l) => self.locks.get_mut(l.index()).map(|l| &mut l.waiters),
            WaitKey::Join(t) => self.procs.get_mut(t.index()).map(|p| &mut p.joiners),
            WaitKey::WaitGroup(w) => self.wgs.get_mut(w.index()).map(|w| &mut w.waiters),
            WaitKey::Mailbox(t) => self
                .procs
                .get_mut(t.index())
                .map(|p| &mut p.mailbox_waiters),
        }
    }

    /// Re-evaluates everyone registered on `key`, dropping stale entries.
    pub(crate) fn refresh_waiters(&mut self, key: WaitKey) {
        let list = match self.wait_list(key) {
            Some(l) => std::mem::take(l),
            None => return,
        };
        let keep: Vec<Pid> = list
            .into_iter()
            .filter(|p| self.waits_on(*p, key))
            .collect();
        if let Some(l) = self.wait_list(key) {
            *l = keep.clone();
        }
        for p in keep {
            self.refresh(p);
        }
    }

    /// The process leaves its instruction: it no longer waits on anything.
    pub(crate) fn unpark(&mut self, pid: Pid) {
        let Some(p) = self.procs.get_mut(pid.index()) else {
            return;
        };
        p.waiting_on = None;
        p.deadline = None;
        let chans = std::mem::take(&mut p.parked_on);
        for c in chans {
            if let Some(ch) = self.chans.get_mut(c.index()) {
                ch.parked.retain(|q| *q != pid);
            }
            self.refresh_chan(c, None);
        }
    }

    pub(crate) fn refresh_chan(&mut self, c: ChanId, except: Option<Pid>) {
        let parked = match self.chans.get(c.index()) {
            Some(ch) => ch.parked.clone(),
            None => return,
        };
        for p in parked {
            if Some(p) != except {
                self.refresh(p);
            }
        }
    }

    /// Recomputes whether the process can step, emitting block/unblock events on changes.
    pub(crate) fn refresh(&mut self, pid: Pid) {
        let Some(p) = self.procs.get(pid.index()) else {
            return;
        };
        if p.status.is_ended() || p.sleeping || self.acting == Some(pid) {
            return;
        }
        if p.pending_end.is_some() {
            self.runnable.insert(pid);
            self.sync_choices(pid);
            return;
        }
        let readiness = self.readiness(pid);
        let span = self.span_of(pid);
        let Some(p) = self.procs.get_mut(pid.index()) else {
            return;
        };
        match readiness {
            Ok(cases) => {
                let was_blocked = matches!(p.status, Status::Blocked(_));
                p.status = Status::Runnable;
                p.ready_cases = cases;
                self.runnable.insert(pid);
                self.sync_choices(pid);
                if was_blocked {
                    self.emit(pid, span, EventKind::Unblock);
                }
            }
            Err(reason) => {
                let was_runnable = p.status == Status::Runnable;
                p.status = Status::Blocked(reason.clone());
                p.ready_cases.clear();
                self.runnable.remove(&pid);
                self.sync_choices(pid);
                if was_runnable {
                    if let BlockReason::MailboxFull { to } = reason {
                        let capacity = self.opts.mailbox_capacity.unwrap_or(0);
                        self.report(
                            pid,
                            span,
                            Finding::Overflow {
                                owner: to,
                                from: pid,
                                capacity,
                                dropped: false,
                            },
                        );
                    }
                    self.emit(pid, span, EventKind::Block { reason });
                }
            }
        }
    }

    /// `Ok(ready select cases)` (empty for a plain instruction) or why the process waits.
    /// An instruction whose operands fail to evaluate counts as ready: its step reports the
    /// error as a crash.
    fn readiness(&self, pid: Pid) -> Result<Vec<u32>, BlockReason> {
        let Some(instr) = instr_of(&self.program, self, pid) else {
            return Ok(Vec::new());
        };
        match &instr.op {
            Op::Acquire { lock } => match self.eval_in(pid, lock) {
                Ok(Value::Lock(l)) => match self.locks.get(l.index()).and_then(|s| s.holder) {
                    Some(h) => Err(BlockReason::Lock {
                        lock: l,
                        holder: Some(h),
                    }),
                    None => Ok(Vec::new()),
                },
                _ => Ok(Vec::new()),
            },
            Op::Send { to, .. } => {
                let (Some(cap), false, Ok(Value::Pid(t))) = (
                    self.opts.mailbox_capacity,
                    self.opts.network,
                    self.eval_in(pid, to),
                ) else {
                    return Ok(Vec::new());
                };
                match self.procs.get(t.index()) {
                    Some(target)
                        if !target.status.is_ended()
                            && target.mailbox.len() >= cap
                            && self.opts.overflow == crate::options::Overflow::Block =>
                    {
                        Err(BlockReason::MailboxFull { to: t })
                    }
                    _ => Ok(Vec::new()),
                }
            }
            Op::Receive { clauses, .. } => {
                // A process blocked in this receive has already tried the first `waiting`
                // messages against its clauses, and nothing it matches on can change while it
                // waits (its mailbox only grows at the end), so only the newer ones are tried:
                // a flood of messages to a waiting actor costs O(1) per message, not O(n).
                let p = self.procs.get(pid.index());
                let tried = match p.map(|p| &p.status) {
                    Some(Status::Blocked(BlockReason::Receive { waiting, .. })) => {
                        *waiting as usize
                    }
                    _ => 0,
                };
                if self.find_match_from(pid, clauses, tried).is_some() {
                    return Ok(Vec::new());
                }
                let deadline = p.and_then(|p| p.deadline);
                match deadline {
                    Some(d) if d <= self.now => Ok(Vec::new()),
                    _ => Err(BlockReason::Receive {
                        waiting: p.map_or(0, |p| p.mailbox.len() as u32),
                        deadline,
                    }),
                }
            }
            Op::ChanSend { chan, .. } => match self.chan_in(pid, chan) {
                Some(c) if !self.can_send(c, pid) => Err(BlockReason::ChanSend { chan: c }),
                _ => Ok(Vec::new()),
            },
            Op::ChanRecv { chan, .. } => match self.chan_in(pid, chan) {
                Some(c) if !self.can_recv(c, pid) => Err(BlockReason::ChanRecv { chan: c }),
                _ => Ok(Vec::new()),
            },
            Op::Select { cases, default } => {
                let mut ready = Vec::new();
                let mut chans = Vec::new();
                for (i, case) in cases.iter().enumerate() {
                    let ok = match case {
                        SelectCase::Recv { chan, .. } => match self.chan_in(pid, chan) {
                            Some(c) => {
                                chans.push(c);
                                self.can_recv(c, pid)
                            }
                            None => true,
                        },
                        SelectCase::Send { chan, .. } => match self.chan_in(pid, chan) {
                            Some(c) => {
                                chans.push(c);
                                self.can_send(c, pid)
                            }
                            None => true,
                        },
                    };
                    if ok {
                        ready.push(i as u32);
                    }
                }
                if !ready.is_empty() || default.is_some() {
                    Ok(ready)
                } else {
                    Err(BlockReason::Select { chans })
                }
            }
            Op::Join { target } => match self.eval_in(pid, target).and_then(|v| self.join_pid(v)) {
                Ok(Value::Pid(t)) if t != pid => match self.procs.get(t.index()) {
                    Some(tp) if !tp.status.is_ended() => Err(BlockReason::Join { target: t }),
                    _ => Ok(Vec::new()),
                },
                _ => Ok(Vec::new()),
            },
            Op::WgWait { wg } => match self.eval_in(pid, wg) {
                Ok(Value::WaitGroup(w)) => match self.wgs.get(w.index()) {
                    Some(s) if s.count != 0 => Err(BlockReason::WaitGroup {
                        wg: w,
                        count: s.count,
                    }),
                    _ => Ok(Vec::new()),
                },
                _ => Ok(Vec::new()),
            },
            _ => Ok(Vec::new()),
        }
    }

    pub(crate) fn can_send(&self, c: ChanId, me: Pid) -> bool {
        let Some(ch) = self.chans.get(c.index()) else {
            return true;
        };
        if ch.closed {
            return true;
        }
        if ch.is_unbuffered() {
            self.partner(c, true, me).is_some()
        } else {
            ch.has_room()
        }
    }

    pub(crate) fn can_recv(&self, c: ChanId, me: Pid) -> bool {
        let Some(ch) = self.chans.get(c.index()) else {
            return true;
        };
        if !ch.buf.is_empty() || ch.closed {
            return true;
        }
        ch.is_unbuffered() && self.partner(c, false, me).is_some()
    }

    /// The first process (in arrival order) standing at the other side of an unbuffered
    /// channel operation: a receiver when `want_recv`, else a sender. Returns its select case
    /// when it waits in a select.
    pub(crate) fn partner(
        &self,
        c: ChanId,
        want_recv: bool,
        me: Pid,
    ) -> Option<(Pid, Option<u32>)> {
        let ch = self.chans.get(c.index())?;
        for &p in &ch.parked {
            if p == me {
                continue;
            }
            let Some(proc) = self.procs.get(p.index()) else {
                continue;
            };
            if proc.status.is_ended() || proc.sleeping || proc.pending_end.is_some() {
                continue;
            }
            let Some(instr) = instr_of(&self.program, self, p) else {
                continue;
            };
            match &instr.op {
                Op::ChanRecv { chan, .. } if want_recv && self.chan_in(p, chan) == Some(c) => {
                    return Some((p, None));
                }
                Op::ChanSend { chan, .. } if !want_recv && self.chan_in(p, chan) == Some(c) => {
                    return Some((p, None));
                }
                // A select with a default never waits (it looks once and moves on), so it is
                // no partner for a process that arrives later.
                Op::Select {
                    cases,
                    default: None,
                } => {
                    for (i, case) in cases.iter().enumerate() {
                        let hit = match case {
                            SelectCase::Recv { chan, .. } if want_recv => {
                                self.chan_in(p, chan) == Some(c)
                            }
                            SelectCase::Send { chan, .. } if !want_recv => {
                                self.chan_in(p, chan) == Some(c)
                            }
                            _ => false,
                        };
                        if hit {
                            return Some((p, Some(i as u32)));
                        }
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The first message in mailbox order matching any clause.
    pub(crate) fn find_match(&self, pid: Pid, clauses: &[Clause]) -> Option<MailboxMatch> {
        self.find_match_from(pid, clauses, 0)
    }

    /// The first message at or after mailbox index `from` matching any clause (from the start
    /// if `from` is past the end, which a mailbox that only grows never makes it).
    fn find_match_from(&self, pid: Pid, clauses: &[Clause], from: usize) -> Option<MailboxMatch> {
        let env = self.env_of(pid)?;
        let p = self.procs.get(pid.index())?;
        let from = if from > p.mailbox.len() { 0 } else { from };
        p.mailbox.iter().enumerate().skip(from).find_map(|(mi, m)| {
            env.select_clause(clauses, &m.value)
                .map(|(ci, binds)| (mi, ci, binds))
        })
    }

    /// Ends the run because a budget ran out.
    pub(crate) fn stop(&mut self, pid: Pid, kind: BudgetKind, message: String) {
        if matches!(self.status, WorldStatus::Stopped(_)) {
            return;
        }
        let span = self.span_of(pid);
        self.status = WorldStatus::Stopped(kind);
        self.report(
            pid,
            span,
            Finding::Budget {
                kind,
                message: crate::ir::Text::new(message),
            },
        );
    }

    fn timer_valid(&self, deadline: u64, pid: Pid, epoch: u64) -> bool {
        self.procs.get(pid.index()).is_some_and(|p| {
            p.epoch == epoch && p.deadline == Some(deadline) && !p.status.is_ended()
        })
    }

    fn fire_due_timers(&mut self) {
        self.fire_clock_timers();
        while let Some(Reverse((deadline, pid, epoch))) = self.timers.peek().copied() {
            if deadline > self.now {
                break;
            }
            self.timers.pop();
            if self.timer_valid(deadline, pid, epoch) {
                self.wake(pid);
            }
        }
    }

    fn wake(&mut self, pid: Pid) {
        let sleeping = self.procs.get(pid.index()).is_some_and(|p| p.sleeping);
        if sleeping {
            if let Some(p) = self.procs.get_mut(pid.index()) {
                p.sleeping = false;
                p.deadline = None;
            }
            self.park(pid);
        }
        self.refresh(pid);
    }

    /// End-of-step bookkeeping: due timers, time jumps when nothing else can move, budgets,
    /// and the verdict when no choice is left.
    pub(crate) fn housekeeping(&mut self) {
        if self.status != WorldStatus::Running {
            return;
        }
        self.fire_due_timers();
        while self.runnable.is_empty() && self.in_flight.is_empty() {
            let mut next = None;
            while let Some(Reverse((deadline, pid, epoch))) = self.timers.peek().copied() {
                if self.timer_valid(deadline, pid, epoch) {
                    next = Some(deadline);
                    break;
                }
                self.timers.pop();
            }
            let next = match (next, self.next_clock_timer()) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            let Some(deadline) = next else {
                break;
            };
            self.now = self.now.max(deadline);
            self.fire_due_timers();
        }
        if self.status != WorldStatus::Running {
            return;
        }
        if self.runnable.is_empty() && self.in_flight.is_empty() {
            self.conclude();
        } else if self.steps >= self.opts.budgets.max_steps {
            let pid = self.runnable.iter().next().copied().unwrap_or(Pid(0));
            let limit = self.opts.budgets.max_steps;
            self.stop(
                pid,
                BudgetKind::Steps,
                format!("the run was stopped after {limit} steps (step budget)"),
            );
        }
    }

    /// Nothing can move: finished, idle, or deadlocked.
    fn conclude(&mut self) {
        let blocked: Vec<(Pid, bool)> = self
            .procs
            .iter()
            .filter_map(|p| match &p.status {
                Status::Blocked(r) => Some((
                    p.id,
                    matches!(r, BlockReason::Receive { deadline: None, .. }),
                )),
                _ => None,
            })
            .collect();
        if blocked.is_empty() {
            self.status = WorldStatus::Finished;
            return;
        }
        let idle = !self.opts.idle_receive_is_deadlock
            && blocked
                .iter()
                .all(|(p, in_receive)| *in_receive && *p != Pid(0));
        if idle {
            self.status = WorldStatus::Idle;
            return;
        }
        self.status = WorldStatus::Deadlock;
        let report = wait_for_graph(self);
        let first = blocked.first().map(|(p, _)| *p).unwrap_or(Pid(0));
        let span = self.span_of(first);
        self.report(first, span, Finding::Deadlock(report));
    }
}
