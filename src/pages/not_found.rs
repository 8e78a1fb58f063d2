//! The page for any address the router does not know.

use leptos::prelude::*;
use leptos_router::components::A;

/// Says the page does not exist and offers the way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section class="page not-found" aria-labelledby="page-title">
            <h1 id="page-title">"Page not found"</h1>
            <p class="lead">"There is no page at this address. It may have moved, or the link may be mistyped."</p>
            <p><A href=crate::app::link("/")>"Go to the lessons"</A></p>
        </section>
    }
}
