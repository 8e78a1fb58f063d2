//! `sync.RWMutex`, lowered the way Go's own `sync` package builds it: a writers' mutex, an
//! atomic reader count, an atomic count of readers a writer still waits for, and two
//! semaphores (here channels without a buffer limit: a send is a release that never
//! blocks, a receive is an acquire that waits for one).
//!
//! Building it from the simulator's primitives gives exactly Go's rules: readers share the
//! lock; a writer that has called `Lock` makes every later `RLock` wait even while earlier
//! readers still hold it (writer preference); `Unlock` lets the readers that queued behind
//! it in. Happens-before comes from the atomics, the channels and the mutex, so the race
//! detector and the explorer's fingerprint see the lock's state like any other.

use super::*;
use sim::ir::AtomicKind;

/// Go's `rwmutexMaxReaders`: a writer subtracts it from the reader count, so a negative
/// count tells new readers a writer is pending.
const MAX_READERS: i64 = 1 << 30;

/// The parts of the tuple an RWMutex value is, by index.
const WRITERS: i64 = 0;
const READER_COUNT: i64 = 1;
const READER_WAIT: i64 = 2;
const WRITER_SEM: i64 = 3;
const READER_SEM: i64 = 4;

impl FnLower<'_> {
    /// A fresh, unlocked RWMutex named `name`.
    pub(super) fn zero_rwmutex(&mut self, name: &str, span: Span) -> IrExpr {
        let w = self.cx.temp(name);
        self.cx.emit(span, Op::MakeLock { dst: w });
        let mut parts = vec![IrExpr::Local(w)];
        for part in ["readerCount", "readerWait"] {
            let dst = self.cx.temp(&format!("{name}.{part}"));
            self.cx.emit(
                span,
                Op::MakeCell {
                    dst,
                    init: IrExpr::int(0),
                },
            );
            parts.push(IrExpr::Local(dst));
        }
        for part in ["writerSem", "readerSem"] {
            let dst = self.cx.temp(&format!("{name}.{part}"));
            self.cx.emit(
                span,
                Op::MakeChan {
                    dst,
                    capacity: None,
                    zero: IrExpr::Const(Value::Unit),
                },
            );
            parts.push(IrExpr::Local(dst));
        }
        IrExpr::Tuple(parts)
    }

    /// `rw.RLock()`, `rw.RUnlock()`, `rw.Lock()`, `rw.Unlock()`.
    pub(super) fn rwmutex_method(
        &mut self,
        rw: IrExpr,
        method: &Ident,
        args: &[Expr],
        span: Span,
    ) -> Res<(IrExpr, Ty)> {
        let m = method.name.as_str();
        if !matches!(m, "RLock" | "RUnlock" | "Lock" | "Unlock") {
            return Err(Diagnostic::new(
                method.span,
                format!("`sync.RWMutex.{m}` is not part of the Go lesson dialect"),
                "an RWMutex has RLock and RUnlock for readers, Lock and Unlock for writers",
            ));
        }
        if !args.is_empty() {
            return Err(arity_err(m, 0, args.len(), span));
        }
        let rw = self.cx.stable(rw, "rw", span);
        let part = |i: i64| IrExpr::Index(Box::new(rw.clone()), Box::new(IrExpr::int(i)));
        match m {
            "RLock" => {
                // if rw.readerCount.Add(1) < 0 { semacquire(&rw.readerSem) }
                let n = self.add(part(READER_COUNT), 1, span);
                let done = self.cx.fb.label();
                self.cx.emit(
                    span,
                    Op::JumpUnless {
                        cond: n.bin(ir::BinOp::Lt, IrExpr::int(0)),
                        to: done,
                    },
                );
                self.acquire_sem(part(READER_SEM), span);
                self.cx.fb.bind(done);
            }
            "RUnlock" => {
                // if r := rw.readerCount.Add(-1); r < 0 { rUnlockSlow(r) }
                let r = self.add(part(READER_COUNT), -1, span);
                let r = self.cx.stable(r, "r", span);
                let done = self.cx.fb.label();
                self.cx.emit(
                    span,
                    Op::JumpUnless {
                        cond: r.clone().bin(ir::BinOp::Lt, IrExpr::int(0)),
                        to: done,
                    },
                );
                // r+1 == 0 or r+1 == -max: there was no reader to leave.
                let was = r.bin(ir::BinOp::Add, IrExpr::int(1));
                let unlocked = was
                    .clone()
                    .eq(IrExpr::int(0))
                    .bin(ir::BinOp::Or, was.eq(IrExpr::int(-MAX_READERS)));
                self.fatal_if(unlocked, "sync: RUnlock of unlocked RWMutex", span);
                // The last reader a waiting writer counted lets it in.
                let left = self.add(part(READER_WAIT), -1, span);
                self.cx.emit(
                    span,
                    Op::JumpUnless {
                        cond: left.eq(IrExpr::int(0)),
                        to: done,
                    },
                );
                self.release_sem(part(WRITER_SEM), span);
                self.cx.fb.bind(done);
            }
            "Lock" => {
                // Writers queue on their own mutex first.
                self.cx.emit(
                    span,
                    Op::Acquire {
                        lock: part(WRITERS),
                    },
                );
                // r := rw.readerCount.Add(-max) + max: the readers still inside.
                let r = self.add(part(READER_COUNT), -MAX_READERS, span);
                let r = self
                    .cx
                    .stable(r.bin(ir::BinOp::Add, IrExpr::int(MAX_READERS)), "r", span);
                let done = self.cx.fb.label();
                self.cx.emit(
                    span,
                    Op::JumpIf {
                        cond: r.clone().eq(IrExpr::int(0)),
                        to: done,
                    },
                );
                // if rw.readerWait.Add(r) != 0 { semacquire(&rw.writerSem) }
                let (waiting, _) =
                    self.atomic_op(Place::Cell(part(READER_WAIT)), AtomicKind::Add(r), span);
                self.cx.emit(
                    span,
                    Op::JumpIf {
                        cond: waiting.eq(IrExpr::int(0)),
                        to: done,
                    },
                );
                self.acquire_sem(part(WRITER_SEM), span);
                self.cx.fb.bind(done);
            }
            _ => {
                // r := rw.readerCount.Add(max): the readers that queued behind the writer.
                let r = self.add(part(READER_COUNT), MAX_READERS, span);
                let r = self.cx.stable(r, "r", span);
                self.fatal_if(
                    r.clone().bin(ir::BinOp::Ge, IrExpr::int(MAX_READERS)),
                    "sync: Unlock of unlocked RWMutex",
                    span,
                );
                // for i := 0; i < r; i++ { semrelease(&rw.readerSem) }
                let i = self.cx.temp("i");
                self.cx.emit(
                    span,
                    Op::Set {
                        dst: i,
                        expr: IrExpr::int(0),
                    },
                );
                let (top, end) = (self.cx.fb.label(), self.cx.fb.label());
                self.cx.fb.bind(top);
                self.cx.emit(
                    span,
                    Op::JumpUnless {
                        cond: IrExpr::Local(i).bin(ir::BinOp::Lt, r),
                        to: end,
                    },
                );
                self.release_sem(part(READER_SEM), span);
                self.cx.emit(
                    span,
                    Op::Set {
                        dst: i,
                        expr: IrExpr::Local(i).bin(ir::BinOp::Add, IrExpr::int(1)),
                    },
                );
                self.cx.emit(span, Op::Jump { to: top });
                self.cx.fb.bind(end);
                self.cx.emit(
                    span,
                    Op::Release {
                        lock: part(WRITERS),
                    },
                );
            }
        }
        Ok((IrExpr::Const(Value::Unit), Ty::Unit))
    }

    /// One atomic add of `delta` to the counter cell; its new value.
    fn add(&mut self, cell: IrExpr, delta: i64, span: Span) -> IrExpr {
        let (v, _) = self.atomic_op(Place::Cell(cell), AtomicKind::Add(IrExpr::int(delta)), span);
        v
    }

    /// Waits for one token on the semaphore.
    fn acquire_sem(&mut self, sem: IrExpr, span: Span) {
        self.cx.emit(
            span,
            Op::ChanRecv {
                chan: sem,
                dst: None,
                ok: None,
            },
        );
    }

    /// Hands one token to the semaphore (never blocks: the channel has no buffer limit).
    fn release_sem(&mut self, sem: IrExpr, span: Span) {
        self.cx.emit(
            span,
            Op::ChanSend {
                chan: sem,
                value: IrExpr::Const(Value::Unit),
            },
        );
    }

    /// Ends the goroutine with Go's fatal error `reason` when `cond` holds.
    fn fatal_if(&mut self, cond: IrExpr, reason: &str, span: Span) {
        let fine = self.cx.fb.label();
        self.cx.emit(span, Op::JumpUnless { cond, to: fine });
        self.cx.emit(
            span,
            Op::Fail {
                reason: IrExpr::str(reason),
            },
        );
        self.cx.fb.bind(fine);
    }
}
