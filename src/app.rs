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
    view! {
        <Router>
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
