//! `sync/atomic`: read-modify-write operations on a shared location, each one visible step.
//!
//! Atomic operations never race with each other, and they order memory as Go's memory model
//! says: every atomic operation on a location happens after the ones before it on the same
//! location (each acts as both a release and an acquire of the location's clock).

use serde::{Deserialize, Serialize};

use super::expr::Expr;
use super::ids::Local;
use super::program::Place;

/// What an atomic instruction does to the location.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum AtomicKind {
    /// `atomic.LoadInt64(&x)`, `x.Load()`: the value.
    Load,
    /// `atomic.StoreInt64(&x, v)`, `x.Store(v)`: nothing.
    Store(Expr),
    /// `atomic.AddInt64(&x, d)`, `x.Add(d)`: the new value.
    Add(Expr),
    /// `atomic.SwapInt64(&x, v)`, `x.Swap(v)`: the old value.
    Swap(Expr),
    /// `atomic.CompareAndSwapInt64(&x, old, new)`: whether the swap happened.
    CompareAndSwap(Expr, Expr),
}

/// One atomic operation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AtomicOp {
    /// Where the result goes.
    pub dst: Option<Local>,
    /// The location.
    pub place: Place,
    /// The operation.
    pub kind: AtomicKind,
}

impl AtomicOp {
    /// Every expression inside (for validation).
    pub fn exprs(&self) -> Vec<&Expr> {
        let mut out = Vec::new();
        if let Place::Cell(e) = &self.place {
            out.push(e);
        }
        match &self.kind {
            AtomicKind::Load => {}
            AtomicKind::Store(e) | AtomicKind::Add(e) | AtomicKind::Swap(e) => out.push(e),
            AtomicKind::CompareAndSwap(a, b) => {
                out.push(a);
                out.push(b);
            }
        }
        out
    }
}
