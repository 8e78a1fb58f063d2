//! The "what can I write" panel, from the format's own tables.

use leptos::prelude::*;

use crate::model::studio::reference::groups;

/// Lists the block kinds, attributes and question types the parser accepts.
#[component]
pub fn Reference() -> impl IntoView {
    view! {
        <details class="st-reference">
            <summary>"What can I write?"</summary>
            <p class="st-note">"Read from the lesson format itself; docs/lesson-format.md explains each word."</p>
            <dl>
                {groups().into_iter().map(|g| view! {
                    <dt>{g.title}<span class="st-where">{g.note}</span></dt>
                    <dd>{g.words.into_iter().map(|w| view! { <code>{w}</code>" " }).collect_view()}</dd>
                }).collect_view()}
            </dl>
        </details>
    }
}
