//! An honest placeholder for a page whose feature has not landed yet.

use leptos::prelude::*;

/// A page heading, a one-line purpose, and a plain list of what the page will hold.
///
/// It shows no sample data: a student should never mistake it for a working feature.
#[component]
pub fn Planned(
    /// The page title.
    title: &'static str,
    /// What the page is for, in one sentence.
    purpose: &'static str,
    /// What will appear here once it is built.
    coming: &'static [&'static str],
) -> impl IntoView {
    view! {
        <section class="page planned" aria-labelledby="page-title">
            <h1 id="page-title">{title}</h1>
            <p class="lead">{purpose}</p>
            <div class="notice" role="note">
                <p class="notice-title">"Not built yet"</p>
                <p>"This page is still being written. When it is ready it will hold:"</p>
                <ul>{coming.iter().map(|item| view! { <li>{*item}</li> }).collect_view()}</ul>
            </div>
        </section>
    }
}
