//! The frame around every page: header with the product name, nav, and main area.

use leptos::prelude::*;
use leptos_router::components::A;

use super::nav::Nav;
use super::quiz::notice::ProgressNotice;

/// The product name as the header shows it.
pub const PRODUCT_NAME: &str = "Switchboard";

/// Header, navigation and a `main` landmark holding the routed page.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <A href=crate::app::link("/") attr:class="brand">
                <span class="brand-mark" aria-hidden="true"></span>
                <span class="brand-name">{PRODUCT_NAME}</span>
            </A>
            <Nav/>
        </header>
        <main id="main" class="site-main" tabindex="-1">
            <ProgressNotice/>
            {children()}
        </main>
        <footer class="site-footer">
            <p>"Switchboard: watch threads, actors and channels run, one step at a time."</p>
        </footer>
    }
}
