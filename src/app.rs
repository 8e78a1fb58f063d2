//! The router: one route per page, inside the shared shell.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::shell::Shell;
use crate::pages::{
    compare::ComparePage, home::HomePage, lesson::LessonPage, not_found::NotFoundPage,
    playground::PlaygroundPage, quiz::QuizPage, studio::StudioPage,
};

/// The whole application: the shell around the routed page.
#[component]
pub fn App() -> impl IntoView {
    crate::course::title_document();
    view! {
        <Router base=router_base()>
            <Shell>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/lessons/:id") view=LessonPage/>
                    <Route path=path!("/compare") view=ComparePage/>
                    <Route path=path!("/playground") view=PlaygroundPage/>
                    <Route path=path!("/quiz") view=QuizPage/>
                    <Route path=path!("/studio") view=StudioPage/>
                </Routes>
            </Shell>
        </Router>
    }
}

/// `path`, an app route such as `/quiz`, under the path the site is published at. The
/// router's `<A>` leaves a path that starts with `/` as written, and a link outside the
/// base is left to the browser, so every in-app link goes through this.
pub fn link(path: &str) -> String {
    static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    format!("{}{path}", BASE.get_or_init(router_base))
}

/// The path the site is published under, read from the `<base href>` Trunk writes for
/// `--public-url` (`/sub/` gives `/sub`); empty at the root. Routes and links resolve
/// against it, so a course hosted under a sub-path routes like one at the root.
fn router_base() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    // Drop the scheme and host: the router wants the path alone.
    let path = base.split_once("://").map_or(base.as_str(), |(_, rest)| {
        rest.find('/').map_or("/", |i| &rest[i..])
    });
    let path = path.split(['?', '#']).next().unwrap_or("/");
    path.trim_end_matches('/').to_string()
}
