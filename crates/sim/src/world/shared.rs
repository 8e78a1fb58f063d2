//! Copy-on-write parts of the world, so a clone shares what the next step leaves alone.
//!
//! The explorer clones a world for every enabled choice and most steps touch one process and
//! a detector or two; sharing the rest makes a clone a handful of reference-count bumps.
//! Reading goes through `Deref`; any `&mut` access goes through `DerefMut`, which copies the
//! part first if another world still shares it.
//!
//! Each handle also carries a memo: a 128-bit fingerprint of its part, written by the
//! explorer and travelling with clones. `DerefMut` clears it, so a memo is only ever read
//! for a part nobody has changed since it was written. A child world then rehashes only the
//! parts its step touched (usually one process) and reuses the rest.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A part of the world shared between clones until one of them changes it.
#[derive(Default)]
pub struct Shared<T> {
    value: Arc<T>,
    /// The part's fingerprint, `[0, 0]` when none is known. Atomics (relaxed: a memo is a
    /// cache, and each handle is written by the one search that owns its world) keep the
    /// world `Sync`; on wasm they are plain loads and stores.
    memo: [AtomicU64; 2],
}

impl<T> Shared<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Shared<T> {
        Shared {
            value: Arc::new(value),
            memo: Default::default(),
        }
    }

    /// The fingerprint remembered for this part since it last changed, if any.
    #[inline]
    pub(crate) fn memo(&self) -> Option<u128> {
        let hi = self.memo[0].load(Ordering::Relaxed);
        let lo = self.memo[1].load(Ordering::Relaxed);
        (hi | lo != 0).then_some((u128::from(hi) << 64) | u128::from(lo))
    }

    /// Remembers this part's fingerprint until it changes. A fingerprint of 0 is not
    /// remembered (0 means "none"), so it is only recomputed.
    #[inline]
    pub(crate) fn set_memo(&self, hash: u128) {
        self.memo[0].store((hash >> 64) as u64, Ordering::Relaxed);
        self.memo[1].store(hash as u64, Ordering::Relaxed);
    }

    fn clear_memo(&mut self) {
        *self.memo[0].get_mut() = 0;
        *self.memo[1].get_mut() = 0;
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Shared<T> {
        Shared {
            value: Arc::clone(&self.value),
            memo: [
                AtomicU64::new(self.memo[0].load(Ordering::Relaxed)),
                AtomicU64::new(self.memo[1].load(Ordering::Relaxed)),
            ],
        }
    }
}

impl<T> From<T> for Shared<T> {
    fn from(value: T) -> Shared<T> {
        Shared::new(value)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    #[inline]
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: Clone> DerefMut for Shared<T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        // Whoever asks for `&mut` may change the part: its fingerprint is no longer known.
        self.clear_memo();
        Arc::make_mut(&mut self.value)
    }
}

/// Equality and hashing are the part's own; the memo is a cache, not part of the value.
impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Shared<T>) -> bool {
        *self.value == *other.value
    }
}

impl<T: Eq> Eq for Shared<T> {}

impl<T: Hash> Hash for Shared<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_memo_travels_with_clones_and_any_mutable_access_clears_it() {
        let a = Shared::new(vec![1, 2]);
        assert_eq!(a.memo(), None);
        a.set_memo(42);
        let mut b = a.clone();
        assert_eq!(b.memo(), Some(42));
        b.push(3);
        assert_eq!(b.memo(), None, "changed, so forgotten");
        assert_eq!(a.memo(), Some(42), "the original is unchanged");
        assert_eq!(*a, vec![1, 2]);
        // A memo is no part of the value.
        let c = Shared::new(vec![1, 2]);
        assert!(a == c);
    }
}
