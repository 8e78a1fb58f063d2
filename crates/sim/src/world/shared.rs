//! Copy-on-write parts of the world, so a clone shares what the next step leaves alone.
//!
//! The explorer clones a world for every enabled choice and most steps touch one process and
//! a detector or two; sharing the rest makes a clone a handful of reference-count bumps.
//! Reading goes through `Deref`; any `&mut` access goes through `DerefMut`, which copies the
//! part first if another world still shares it.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

/// A part of the world shared between clones until one of them changes it.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Shared<T> {
        Shared(Arc::new(value))
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
        &self.0
    }
}

impl<T: Clone> DerefMut for Shared<T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        Arc::make_mut(&mut self.0)
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
