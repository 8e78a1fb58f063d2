//! Budgets in time for a search, with the clock injected so the simulator reads none itself.
//!
//! The explorer's own bounds (`max_states`, `max_depth`) are counted, so a search is
//! deterministic. A time budget is for callers that must answer within a wall-clock limit
//! (the CLI natively, a page in the browser): they hand in a [`Budget`] that reads their
//! clock (`std::time::Instant`, `performance.now()`), and [`super::Explorer::run_within`]
//! stops with [`super::StopReason::Time`] when it runs out, reporting the states seen and
//! still queued like any other bound.

/// Something that says when a search must stop.
pub trait Budget {
    /// Whether the budget is used up after `expanded` state expansions in all; asked every
    /// few hundred expansions, so a clock read may cost a little.
    fn exhausted(&mut self, expanded: u64) -> bool;
}

/// A wall-clock budget: `now` reads a clock in milliseconds (any origin), and the budget runs
/// out `limit_ms` after the first reading.
pub struct Deadline<F: FnMut() -> f64> {
    now: F,
    end: Option<f64>,
    limit_ms: f64,
}

impl<F: FnMut() -> f64> Deadline<F> {
    /// A budget of `limit_ms` milliseconds by the clock `now`, counted from the first check.
    pub fn new(limit_ms: f64, now: F) -> Deadline<F> {
        Deadline {
            now,
            end: None,
            limit_ms,
        }
    }
}

impl<F: FnMut() -> f64> Budget for Deadline<F> {
    fn exhausted(&mut self, _expanded: u64) -> bool {
        let t = (self.now)();
        match self.end {
            None => {
                self.end = Some(t + self.limit_ms);
                self.limit_ms <= 0.0
            }
            Some(end) => t >= end,
        }
    }
}

/// A budget of state expansions in all (checked every few hundred, so it may be passed by
/// a little), for tests and for callers with no clock.
pub struct Expansions(pub u64);

impl Budget for Expansions {
    fn exhausted(&mut self, expanded: u64) -> bool {
        expanded >= self.0
    }
}
