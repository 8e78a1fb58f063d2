//! The home page: the course path.

use leptos::prelude::*;

use crate::components::planned::Planned;

/// The course path, lesson by lesson.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Planned
            title="Lessons"
            purpose="Learn the Actor model and CSP by watching small programs run, one step at a time."
            coming=&[
                "The course path: every lesson in order, with its summary and estimated time.",
                "A tick beside each lesson you have finished, saved in this browser.",
                "Lessons that start with a shared counter losing updates, then fix it with a lock, an actor and a channel.",
            ]
        />
    }
}
