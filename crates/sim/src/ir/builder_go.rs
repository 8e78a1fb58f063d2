//! Builder methods for Go's slices, timers and atomics.

use super::atomic_ops::{AtomicKind, AtomicOp};
use super::builder::FunctionBuilder;
use super::expr::Expr;
use super::ids::Local;
use super::program::{Op, Place};
use super::slice_ops::{HeaderPart, SliceOp};
use super::time_ops::TimeOp;

impl FunctionBuilder {
    /// `dst := []T{items...}`.
    pub fn slice_literal(&mut self, dst: Local, items: Vec<Expr>) {
        self.emit(Op::Slice(SliceOp::Literal { dst, items }));
    }

    /// `dst := make([]T, len, cap)` with `zero` the element's zero value.
    pub fn make_slice(
        &mut self,
        dst: Local,
        len: impl Into<Expr>,
        cap: Option<Expr>,
        zero: impl Into<Expr>,
    ) {
        self.emit(Op::Slice(SliceOp::Make {
            dst,
            len: len.into(),
            cap,
            zero: zero.into(),
        }));
    }

    /// `dst = len(s)` or `dst = cap(s)`.
    pub fn slice_header(&mut self, dst: Local, slice: impl Into<Expr>, part: HeaderPart) {
        self.emit(Op::Slice(SliceOp::Header {
            dst,
            slice: slice.into(),
            part,
        }));
    }

    /// `dst = s[low:high:max]`.
    pub fn reslice(
        &mut self,
        dst: Local,
        slice: impl Into<Expr>,
        low: Option<Expr>,
        high: Option<Expr>,
        max: Option<Expr>,
    ) {
        self.emit(Op::Slice(SliceOp::Reslice {
            dst,
            slice: slice.into(),
            low,
            high,
            max,
        }));
    }

    /// `dst = s[i]` (a visible read).
    pub fn slice_get(&mut self, dst: Local, slice: impl Into<Expr>, index: impl Into<Expr>) {
        self.emit(Op::Slice(SliceOp::Get {
            dst,
            slice: slice.into(),
            index: index.into(),
        }));
    }

    /// `s[i] = v` (a visible write).
    pub fn slice_put(
        &mut self,
        slice: impl Into<Expr>,
        index: impl Into<Expr>,
        value: impl Into<Expr>,
    ) {
        self.emit(Op::Slice(SliceOp::Put {
            slice: slice.into(),
            index: index.into(),
            value: value.into(),
        }));
    }

    /// `dst = append(s, items...)` for elements of `elem_size` bytes.
    pub fn append(
        &mut self,
        dst: Local,
        slice: impl Into<Expr>,
        items: Vec<Expr>,
        elem_size: u32,
        zero: impl Into<Expr>,
    ) {
        self.emit(Op::Slice(SliceOp::Append {
            dst,
            slice: slice.into(),
            items,
            spread: None,
            elem_size,
            zero: zero.into(),
        }));
    }

    /// `count = copy(to, from)`.
    pub fn copy_slice(&mut self, count: Option<Local>, to: impl Into<Expr>, from: impl Into<Expr>) {
        self.emit(Op::Slice(SliceOp::Copy {
            count,
            to: to.into(),
            from: from.into(),
        }));
    }

    /// A timer (`period: None`) or ticker channel due `after` ticks from now.
    pub fn arm_timer(&mut self, dst: Local, after: impl Into<Expr>, period: Option<Expr>) {
        self.emit(Op::Time(TimeOp::Arm {
            dst,
            after: after.into(),
            period,
        }));
    }

    /// `dst = t.Stop()` for the timer whose channel is `timer`.
    pub fn stop_timer(&mut self, dst: Option<Local>, timer: impl Into<Expr>) {
        self.emit(Op::Time(TimeOp::Stop {
            dst,
            timer: timer.into(),
        }));
    }

    /// `dst = time.Now()` in logical ticks.
    pub fn now(&mut self, dst: Local) {
        self.emit(Op::Time(TimeOp::Now { dst }));
    }

    /// An atomic operation on `place`; its result goes to `dst`.
    pub fn atomic(&mut self, dst: Option<Local>, place: Place, kind: AtomicKind) {
        self.emit(Op::Atomic(AtomicOp { dst, place, kind }));
    }
}
