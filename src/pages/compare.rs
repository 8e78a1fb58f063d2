//! The compare page: one counter, four ways, one schedule.

use leptos::prelude::*;

use crate::components::planned::Planned;

/// The racy, lock, actor and channel counters side by side.
#[component]
pub fn ComparePage() -> impl IntoView {
    view! {
        <Planned
            title="Compare"
            purpose="The same counter written four ways, driven by one scheduler, so you can see which versions can lose an update."
            coming=&[
                "Four panels: shared memory without a lock, with a lock, an actor with a mailbox, and goroutines with a channel.",
                "One control bar that steps all four under the same schedule.",
                "An Explore button that counts every possible interleaving and shows the outcomes as a histogram.",
            ]
        />
    }
}
