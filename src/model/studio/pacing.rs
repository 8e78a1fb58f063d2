//! When the Studio checks: the parser after a short pause in typing, the whole
//! checker after a longer one, and only on demand once a check has proved slow
//! (the checker explores schedules and has no budget of its own to hand, and a
//! check that runs on the page's thread holds up the next keystroke).

/// Pause after the last keystroke before the parser runs, in milliseconds.
pub const PARSE_AFTER_MS: u32 = 300;
/// Pause after the last keystroke before the whole checker runs, in milliseconds.
pub const CHECK_AFTER_MS: u32 = 1_200;
/// A whole check slower than this turns automatic checking off.
pub const SLOW_CHECK_MS: f64 = 400.0;

/// Tracks edits and checks so stale timers do nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pacing {
    /// Bumped on every edit; a timer carries the value it was set at.
    pub edit: u64,
    /// The edit the last whole check saw.
    pub checked: Option<u64>,
    /// How long the last whole check took, in milliseconds.
    pub last_check_ms: Option<f64>,
}

impl Pacing {
    /// Records an edit and returns the stamp its timers carry.
    pub fn edited(&mut self) -> u64 {
        self.edit += 1;
        self.edit
    }

    /// True when a timer set at `stamp` is still about the latest text.
    pub fn current(&self, stamp: u64) -> bool {
        stamp == self.edit
    }

    /// True when the whole checker may run by itself after a pause.
    pub fn automatic(&self) -> bool {
        self.last_check_ms.is_none_or(|ms| ms < SLOW_CHECK_MS)
    }

    /// True when the last whole check saw the latest text.
    pub fn up_to_date(&self) -> bool {
        self.checked == Some(self.edit)
    }

    /// Records a whole check of the text at `stamp` that took `ms`.
    pub fn checked(&mut self, stamp: u64, ms: f64) {
        self.checked = Some(stamp);
        self.last_check_ms = Some(ms);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timer_from_before_the_latest_edit_is_stale() {
        let mut p = Pacing::default();
        let first = p.edited();
        let second = p.edited();
        assert!(!p.current(first));
        assert!(p.current(second));
        assert!(!p.up_to_date());
        p.checked(second, 10.0);
        assert!(p.up_to_date());
        p.edited();
        assert!(!p.up_to_date(), "an edit after the check makes it stale");
    }

    #[test]
    fn a_slow_check_turns_automatic_checking_off_and_a_fast_one_back_on() {
        let mut p = Pacing::default();
        assert!(p.automatic());
        p.checked(p.edit, SLOW_CHECK_MS + 1.0);
        assert!(!p.automatic());
        p.checked(p.edit, 5.0);
        assert!(p.automatic());
    }
}
