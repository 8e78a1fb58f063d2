//! The playground: your own program in any of the three dialects.

use leptos::prelude::*;

use crate::components::planned::Planned;

/// Write and run a program of your own.
#[component]
pub fn PlaygroundPage() -> impl IntoView {
    view! {
        <Planned
            title="Playground"
            purpose="Write a small program in Python, Erlang or Go style and watch it run."
            coming=&[
                "An editor with line numbers and highlighting for the three lesson dialects.",
                "A simulation panel that steps your program and animates every message and memory access.",
                "Errors shown at their line and column, with a hint.",
            ]
        />
    }
}
