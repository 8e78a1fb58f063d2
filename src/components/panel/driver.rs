//! Drives one or more sessions together: step, back, reset and play mode.
//! One driver behind one control bar is how the compare page keeps four
//! programs under the same scheduler policy.

use leptos::prelude::*;

use crate::model::session::{Policy, Session};

/// The step of play mode, in milliseconds, for each speed setting.
pub const SPEEDS_MS: [u32; 5] = [1400, 900, 600, 350, 180];

/// The speed a panel starts at.
pub const DEFAULT_SPEED: usize = 2;

/// A session signal, kept on this thread (worlds are not shared across threads).
pub type SessionSignal = RwSignal<Session, LocalStorage>;

/// Handles to the sessions and the play state. `Copy`, so closures share it.
#[derive(Clone, Copy)]
pub struct Driver {
    /// The sessions driven together.
    pub sessions: StoredValue<Vec<SessionSignal>, LocalStorage>,
    /// Play speed, an index into [`SPEEDS_MS`].
    pub speed: RwSignal<usize>,
    /// Whether play mode runs.
    pub playing: RwSignal<bool>,
    /// Bumped by the Explore button; each panel explores when it changes.
    pub explore_requests: RwSignal<u32>,
    timer: StoredValue<Option<IntervalHandle>>,
}

impl Driver {
    /// A driver for `sessions`, paused.
    pub fn new(sessions: Vec<SessionSignal>) -> Driver {
        Driver {
            sessions: StoredValue::new_local(sessions),
            speed: RwSignal::new(DEFAULT_SPEED),
            playing: RwSignal::new(false),
            explore_requests: RwSignal::new(0),
            timer: StoredValue::new(None),
        }
    }

    fn each(&self, f: impl Fn(&mut Session) -> bool) -> bool {
        let mut any = false;
        self.sessions.with_value(|all| {
            for s in all {
                any |= s.try_update(|s| f(s)).unwrap_or(false);
            }
        });
        any
    }

    fn any(&self, f: impl Fn(&Session) -> bool) -> bool {
        self.sessions
            .with_value(|all| all.iter().any(|s| s.with(|s| f(s))))
    }

    /// Whether any session can take a policy step.
    pub fn can_step(&self) -> bool {
        self.any(|s| s.can_step() && s.policy() != Policy::Manual)
    }

    /// Whether any session can step back.
    pub fn can_back(&self) -> bool {
        self.any(Session::can_back)
    }

    /// The policy of the first session (all share one).
    pub fn policy(&self) -> Policy {
        self.sessions
            .with_value(|all| all.first().map(|s| s.with(Session::policy)))
            .unwrap_or(Policy::RoundRobin)
    }

    /// Sets every session's policy.
    pub fn set_policy(&self, policy: Policy) {
        self.stop();
        self.each(|s| {
            s.set_policy(policy);
            false
        });
    }

    /// One policy step in every session that can take one.
    pub fn step(&self) -> bool {
        super::timing::measured("step: sessions", || self.each(Session::step))
    }

    /// One step back in every session that has one.
    pub fn back(&self) -> bool {
        self.stop();
        self.each(Session::back)
    }

    /// Every session back to its start.
    pub fn reset(&self) {
        self.stop();
        self.each(|s| {
            s.reset();
            false
        });
    }

    /// Stops play mode.
    pub fn stop(&self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        self.timer.set_value(None);
        self.playing.set(false);
    }

    /// Starts play mode at the current speed; it stops itself at the end.
    pub fn play(&self) {
        self.stop();
        if !self.can_step() {
            return;
        }
        let this = *self;
        let ms = SPEEDS_MS[self.speed.get_untracked().min(SPEEDS_MS.len() - 1)];
        let handle = set_interval_with_handle(
            move || {
                if !this.step() {
                    this.stop();
                }
            },
            std::time::Duration::from_millis(u64::from(ms)),
        )
        .ok();
        self.timer.set_value(handle);
        self.playing.set(handle.is_some());
    }

    /// Asks every panel to explore all schedules of its program.
    pub fn explore(&self) {
        self.stop();
        self.explore_requests.update(|n| *n += 1);
    }

    /// Play if paused, pause if playing.
    pub fn toggle(&self) {
        if self.playing.get_untracked() {
            self.stop();
        } else {
            self.play();
        }
    }

    /// How long one motion takes at the current speed.
    pub fn motion_ms(&self) -> u32 {
        SPEEDS_MS[self.speed.get().min(SPEEDS_MS.len() - 1)] * 7 / 10
    }

    /// Handles the panel keys: space plays or pauses, ←/→ step, Home resets.
    /// Returns whether the key was one of them.
    pub fn key(&self, key: &str) -> bool {
        match key {
            " " => self.toggle(),
            "ArrowRight" => {
                self.stop();
                self.step();
            }
            "ArrowLeft" => {
                self.back();
            }
            "Home" => self.reset(),
            _ => return false,
        }
        true
    }
}
