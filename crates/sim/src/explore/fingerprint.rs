//! The canonical fingerprint of a world: everything that decides what the program can still
//! do and what outcome it can still reach, and nothing else.
//!
//! One function per part of the [`World`]; a new field of the world gets its own function
//! here (or joins the part it belongs to), called from [`Fingerprinter::key`]. A field left
//! out makes the explorer merge states that differ in it, so leave a field out only with a
//! reason written next to the part it belongs to.
//!
//! ## What is canonicalised, and why it is safe
//!
//! * **Step numbers and logical time.** The world's step counter, each process's step count,
//!   message send steps and the steps recorded in detector accesses are left out: no program
//!   reads them, and the explorer replaces the step budget by its own depth bound (a loop
//!   is a cycle in the state graph, not a runaway). Deadlines (`receive ... after`, `sleep`,
//!   timers) are written relative to the current logical time, which is all the world
//!   compares them with; timers made stale by a moved process (older epoch) are left out.
//! * **Message ids.** Messages in flight are written in id order (send order) without their
//!   ids: the program never sees an id, only the order, and a schedule names a delivery by its
//!   position among the enabled choices, not by id.
//! * **Vector clocks.** Every clock entry of pid `q` anywhere in the world (process clocks,
//!   clocks on locks, channel items, messages, WaitGroups, and the entries recorded with
//!   accesses) is replaced by its rank among the distinct values of entry `q` in this world,
//!   with 0 kept as 0. The detector only compares entries of the same pid (`at <= clock[q]`),
//!   takes pointwise maxima, and ticks a process's own entry, which is always the largest
//!   value of that entry in the world; all three commute with an order-preserving relabelling,
//!   so worlds with equal ranks detect exactly the same races from here on.
//! * **Detector history once a flag is set.** When findings are part of the outcome, the race
//!   detector's state is written only while no race has been found, and the lost-update
//!   detector's only while no update has been lost: after that the flag is set for good and
//!   the history cannot change the outcome. When findings are not part of the outcome, neither
//!   detector is written.
//! * **Output.** Printed lines are written only when the outcome (or the goal) watches them.
//!   The output-lines budget then no longer separates states; that budget is for runaway
//!   printing, which the explorer bounds by depth and states instead.
//! * **The trace, events and finding reports** are left out: they are the story of how the
//!   state was reached, not the state (the flags they imply are written).
//!
//! Process ids and resource ids are kept as they are: the program can hold, compare, send and
//! print them, and they are handed out in creation order, so renaming them is only safe under
//! a symmetry the program cannot observe, which this fingerprint does not try to prove.

use std::hash::Hash;

use crate::detect::{Finding, VClock};
use crate::ir::Pid;
use crate::world::{BlockReason, Message, Process, Shared, Status, World};

use super::key::{StateKey, Words};

/// Which optional parts of a world take part in its fingerprint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Watch {
    /// Printed output.
    pub(crate) output: bool,
    /// Race, lost-update, crash and overflow flags, and the detector state behind them.
    pub(crate) findings: bool,
}

/// Computes fingerprints with reused buffers (no allocation once they have grown).
#[derive(Default)]
pub(crate) struct Fingerprinter {
    words: Words,
    /// (pid, entry value) pairs of every clock entry in the world, sorted: the rank table.
    ranks: Vec<(u32, u32)>,
    /// Live timers, reused.
    live: Vec<(u64, u32)>,
    /// The stream for one part's own hash (a process, the memory), reused.
    part: Words,
}

/// What a world's findings say, as flags.
#[derive(Clone, Copy, Debug, Default)]
struct Flags {
    race: bool,
    lost: bool,
    overflow: bool,
}

impl Fingerprinter {
    /// The canonical key of `world`; `exact` keeps the whole canonical form too.
    pub(crate) fn key(&mut self, world: &World, watch: Watch, exact: bool) -> StateKey {
        self.words.start(exact);
        self.status(world);
        self.processes(world);
        self.memory(world);
        self.locks(world);
        self.channels(world);
        self.waitgroups(world);
        self.in_flight(world);
        self.timers(world);
        self.clock_timers(world);
        self.names(world);
        self.bonds(world);
        if watch.output {
            self.output(world);
        }
        if watch.findings {
            let flags = self.flags(world);
            if !flags.race && world.races.enabled() {
                self.races(world);
            }
            if !flags.lost {
                self.lost_updates(world);
            }
        }
        StateKey {
            hash: self.words.hash128(),
            words: exact.then(|| self.words.buf.clone().into_boxed_slice()),
        }
    }

    fn status(&mut self, world: &World) {
        self.words.tag(1);
        world.status.hash(&mut self.words);
    }

    /// Each process: code position, locals, mailbox, status and what it waits on. Its step
    /// count, epoch and last span are left out (bookkeeping and display only).
    fn processes(&mut self, world: &World) {
        self.words.tag(2);
        self.words.word(world.procs.len() as u64);
        for p in &world.procs {
            self.process(world, p);
        }
        self.words.tag(3);
        for pid in &world.runnable {
            self.words.word(u64::from(pid.0));
        }
    }

    /// One process. Its own part (everything but what is relative to now) is hashed on its
    /// own and remembered in the process's handle ([`Shared`]'s memo) until a step changes
    /// the process, so a child world rehashes only the processes its step touched.
    fn process(&mut self, world: &World, p: &Shared<Process>) {
        self.words.tag(4);
        self.memoised(p, |w| process_own(p, w));
        status_of(world, &p.status, &mut self.words);
        relative(world, p.deadline).hash(&mut self.words);
    }

    /// Globals, cells, shared maps, records and slices' arrays, remembered in the memory's
    /// handle like a process (most steps of most programs leave memory alone).
    fn memory(&mut self, world: &World) {
        self.words.tag(5);
        self.memoised(&world.mem, |w| memory_own(world, w));
    }

    /// Writes a part through its memo: with exact keys the part's whole canonical form, else
    /// its own 128-bit hash, computed once and remembered in `part`'s handle until it changes.
    fn memoised<T>(&mut self, part: &Shared<T>, own: impl Fn(&mut Words)) {
        if self.words.keeps() {
            own(&mut self.words);
            return;
        }
        let h = match part.memo() {
            Some(h) => h,
            None => {
                self.part.start(false);
                own(&mut self.part);
                let h = self.part.hash128();
                part.set_memo(h);
                h
            }
        };
        self.words.word((h >> 64) as u64);
        self.words.word(h as u64);
    }

    /// Links, monitors (with the reference counter, which later references continue) and
    /// registered names.
    fn bonds(&mut self, world: &World) {
        let w = &mut self.words;
        w.tag(22);
        world.bonds.hash(w);
        world.registry.hash(w);
    }

    fn locks(&mut self, world: &World) {
        let w = &mut self.words;
        w.tag(6);
        w.word(world.locks.len() as u64);
        for l in &world.locks {
            l.name.hash(w);
            l.holder.map(|p| p.0).hash(w);
            pids(&l.waiters, w);
        }
    }

    /// Channels: buffer contents, closed flag and the FIFO of parked processes. The send and
    /// receive counters only index the race detector's receive clocks, written there.
    fn channels(&mut self, world: &World) {
        let w = &mut self.words;
        w.tag(7);
        w.word(world.chans.len() as u64);
        for c in &world.chans {
            c.name.hash(w);
            c.capacity.hash(w);
            w.word(c.buf.len() as u64);
            for item in &c.buf {
                item.value.hash(w);
            }
            w.word(u64::from(c.closed));
            c.zero.hash(w);
            pids(&c.parked, w);
        }
    }

    fn waitgroups(&mut self, world: &World) {
        let w = &mut self.words;
        w.tag(8);
        w.word(world.wgs.len() as u64);
        for g in &world.wgs {
            g.name.hash(w);
            w.word(g.count as u64);
            pids(&g.waiters, w);
        }
    }

    /// Messages in flight in send order, without their ids.
    fn in_flight(&mut self, world: &World) {
        let w = &mut self.words;
        w.tag(9);
        w.word(world.in_flight.len() as u64);
        for m in world.in_flight.values() {
            message(m, w);
        }
    }

    /// Live timers, relative to now, in firing order.
    fn timers(&mut self, world: &World) {
        let live = &mut self.live;
        live.clear();
        live.extend(
            world
                .timers
                .iter()
                .map(|t| t.0)
                .filter(|(_, pid, epoch)| {
                    world
                        .procs
                        .get(pid.index())
                        .is_some_and(|p| p.epoch == *epoch)
                })
                .map(|(d, pid, _)| (d.saturating_sub(world.now), pid.0)),
        );
        live.sort_unstable();
        let w = &mut self.words;
        w.tag(10);
        live.hash(w);
    }

    /// Timers and tickers the clock fills: each one's next firing relative to now, and its
    /// period.
    fn clock_timers(&mut self, world: &World) {
        let w = &mut self.words;
        w.tag(23);
        w.word(world.clock_timers.len() as u64);
        for (c, t) in &world.clock_timers {
            w.word(u64::from(c.0));
            relative(world, t.due).hash(w);
            t.period.hash(w);
        }
    }

    /// The counters behind fresh display names (`worker-2`), which later spawns continue.
    fn names(&mut self, world: &World) {
        let w = &mut self.words;
        w.tag(11);
        world.names.hash(w);
        world.default_names.hash(w);
    }

    fn output(&mut self, world: &World) {
        let w = &mut self.words;
        w.tag(12);
        // Lines and whether the last is open; the per-step records hold step numbers.
        world.output.lines.hash(w);
        world.output.open.hash(w);
    }

    fn flags(&mut self, world: &World) -> Flags {
        let mut flags = Flags::default();
        for f in world.findings.iter() {
            match f {
                Finding::Race { .. } => flags.race = true,
                Finding::LostUpdate { .. } => flags.lost = true,
                Finding::Overflow { .. } => flags.overflow = true,
                _ => {}
            }
        }
        self.words.tag(13);
        self.words.word(
            u64::from(flags.race) | u64::from(flags.lost) << 1 | u64::from(flags.overflow) << 2,
        );
        flags
    }

    /// The race detector's clocks and access history, with clock entries ranked (see the
    /// module doc).
    fn races(&mut self, world: &World) {
        self.collect_ranks(world);
        let r = &world.races;
        self.words.tag(14);
        for c in &r.clocks {
            self.clock(c);
        }
        self.words.tag(15);
        for (loc, st) in &r.locations {
            loc.hash(&mut self.words);
            match &st.write {
                Some((a, at)) => self.access(a.pid, *at, 1),
                None => self.words.word(0),
            }
            for (a, at) in &st.reads {
                self.access(a.pid, *at, 2);
            }
        }
        self.words.tag(16);
        for (loc, st) in &r.key_sets {
            loc.hash(&mut self.words);
            for (a, at) in &st.inserts {
                self.access(a.pid, *at, 1);
            }
            for (a, at) in &st.reads {
                self.access(a.pid, *at, 2);
            }
        }
        self.words.tag(17);
        for l in &world.locks {
            self.clock(&l.clock);
        }
        for c in &world.chans {
            for item in &c.buf {
                self.clock(&item.clock);
            }
            self.clock(&c.close_clock);
            let first = c.recvs.saturating_sub(c.recv_clocks.len() as u64);
            self.words.word(c.sends.saturating_sub(first));
            for rc in &c.recv_clocks {
                self.clock(rc);
            }
        }
        for g in &world.wgs {
            self.clock(&g.clock);
        }
        for p in &world.procs {
            for m in &p.mailbox {
                self.clock(&m.clock);
            }
        }
        for m in world.in_flight.values() {
            self.clock(&m.clock);
        }
        // Clocks that atomic operations left at their locations.
        self.words.tag(24);
        for (loc, c) in &r.sync_clocks {
            loc.hash(&mut self.words);
            self.clock(c);
        }
    }

    /// What each process last read of each location and who wrote it last (the step of that
    /// write only appears in reports).
    fn lost_updates(&mut self, world: &World) {
        self.words.tag(18);
        self.memoised(&world.lost, |w| lost_own(world, w));
    }

    fn collect_ranks(&mut self, world: &World) {
        let ranks = &mut self.ranks;
        ranks.clear();
        let mut add = |c: &VClock| {
            for (q, &v) in c.entries().iter().enumerate() {
                ranks.push((q as u32, v));
            }
        };
        let r = &world.races;
        r.clocks.iter().for_each(&mut add);
        world.locks.iter().for_each(|l| add(&l.clock));
        for c in &world.chans {
            c.buf.iter().for_each(|i| add(&i.clock));
            add(&c.close_clock);
            c.recv_clocks.iter().for_each(&mut add);
        }
        world.wgs.iter().for_each(|g| add(&g.clock));
        r.sync_clocks.values().for_each(&mut add);
        for p in &world.procs {
            p.mailbox.iter().for_each(|m| add(&m.clock));
        }
        world.in_flight.values().for_each(|m| add(&m.clock));
        let accesses = r
            .locations
            .values()
            .flat_map(|s| s.write.iter().chain(&s.reads))
            .chain(
                r.key_sets
                    .values()
                    .flat_map(|s| s.inserts.iter().chain(&s.reads)),
            );
        for (a, at) in accesses {
            ranks.push((a.pid.0, *at));
        }
        // Every pid's group starts at 0, so a rank is a distance from the group's start.
        let pids = r.clocks.len().max(world.procs.len());
        ranks.extend((0..pids as u32).map(|q| (q, 0)));
        ranks.sort_unstable();
        ranks.dedup();
    }

    fn rank(&self, q: u32, v: u32) -> u64 {
        let at = self.ranks.partition_point(|&e| e < (q, v));
        let start = self.ranks.partition_point(|&e| e < (q, 0));
        (at - start) as u64
    }

    fn clock(&mut self, c: &VClock) {
        for (q, &v) in c.entries().iter().enumerate() {
            if v != 0 {
                let r = self.rank(q as u32, v);
                self.words.word(((q as u64) << 32) | r);
            }
        }
        self.words.word(u64::MAX);
    }

    fn access(&mut self, pid: Pid, at: u32, kind: u64) {
        let r = self.rank(pid.0, at);
        self.words.word((kind << 62) | (u64::from(pid.0) << 32) | r);
    }
}

/// A process's own part of the fingerprint: code position, locals, mailbox and what it waits
/// on, nothing relative to now. Its step count, epoch and last span are left out
/// (bookkeeping and display only).
fn process_own(p: &Process, w: &mut Words) {
    p.name.hash(w);
    p.kind.hash(w);
    w.word(p.frames.len() as u64);
    for f in &p.frames {
        w.word((u64::from(f.func.0) << 32) | u64::from(f.pc));
        w.word(f.ret.map_or(u64::MAX, |l| l.index() as u64));
        f.locals.hash(w);
    }
    w.word(p.mailbox.len() as u64);
    for m in &p.mailbox {
        message(m, w);
    }
    p.parent.map(|p| p.0).hash(w);
    w.word(u64::from(p.acted) | (u64::from(p.sleeping) << 1));
    w.word(match &p.pending_end {
        None => 0,
        Some(crate::world::End::Done) => 1,
        Some(crate::world::End::Crashed(_)) => 2,
        Some(crate::world::End::Raised(_)) => 3,
        Some(crate::world::End::Signal { .. }) => 4,
    });
    match &p.pending_end {
        Some(crate::world::End::Crashed(why)) => why.hash(w),
        Some(crate::world::End::Raised(raised)) => raised.hash(w),
        Some(crate::world::End::Signal { reason, from }) => {
            reason.hash(w);
            w.word(u64::from(from.0));
        }
        _ => {}
    }
    // Exceptions and exit signals: handlers, the trap flag and how it ended.
    p.handlers.hash(w);
    p.trap_exit.hash(w);
    p.exit_reason.hash(w);
    p.exit_class.hash(w);
    p.killed_by.map(|q| q.0).hash(w);
    p.ready_cases.hash(w);
    pids(&p.joiners, w);
    pids(&p.mailbox_waiters, w);
    match p.waiting_on {
        None => w.word(0),
        Some(k) => {
            let (tag, id) = k.parts();
            w.word(u64::from(tag));
            w.word(u64::from(id));
        }
    }
    w.word(p.parked_on.len() as u64);
    for c in &p.parked_on {
        w.word(u64::from(c.0));
    }
}

/// Globals, cells and shared maps (keys in insertion order, which `len` and entry numbering
/// follow), records on the heap (struct fields are shared memory like globals) and slices'
/// backing arrays (each element is shared memory).
fn memory_own(world: &World, w: &mut Words) {
    let mem = &world.mem;
    mem.globals.hash(w);
    w.word(mem.cells.len() as u64);
    for (name, v) in &mem.cells {
        name.hash(w);
        v.hash(w);
    }
    w.word(mem.maps.len() as u64);
    for m in &mem.maps {
        m.name.hash(w);
        m.keys.hash(w);
        m.values.hash(w);
    }
    // Records on the heap (struct fields are shared memory like globals).
    mem.records.hash(w);
    // Slices' backing arrays (each element is shared memory).
    mem.arrays.hash(w);
}

/// What each process last read of each location (tag 18) and who wrote it last (tag 19);
/// the step of that write only appears in reports.
fn lost_own(world: &World, w: &mut Words) {
    for ((pid, loc), v) in &world.lost.seen {
        w.word(u64::from(pid.0));
        loc.hash(w);
        v.hash(w);
    }
    w.tag(19);
    for (loc, (pid, _)) in &world.lost.last_write {
        loc.hash(w);
        w.word(u64::from(pid.0));
    }
}

/// A status with its deadlines made relative to now.
fn status_of(world: &World, status: &Status, w: &mut Words) {
    match status {
        Status::Blocked(BlockReason::Receive { waiting, deadline }) => {
            w.tag(20);
            w.word(u64::from(*waiting));
            relative(world, *deadline).hash(w);
        }
        Status::Blocked(BlockReason::Sleep { until }) => {
            w.tag(21);
            w.word(until.saturating_sub(world.now));
        }
        other => other.hash(w),
    }
}

fn relative(world: &World, t: Option<u64>) -> Option<u64> {
    t.map(|t| t.saturating_sub(world.now))
}

fn message(m: &Message, w: &mut Words) {
    w.word((u64::from(m.from.0) << 32) | u64::from(m.to.0));
    m.value.hash(w);
    // An exit signal travels like a message; what kind it is decides what it does.
    m.signal.hash(w);
}

fn pids(list: &[Pid], w: &mut Words) {
    w.word(list.len() as u64);
    for p in list {
        w.word(u64::from(p.0));
    }
}
