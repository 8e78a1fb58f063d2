//! The compare page: one counter, four ways, one schedule.

use leptos::prelude::*;

use crate::components::panel::group::PanelGroup;
use crate::course::course;
use crate::model::programs::{compare_programs, panel_program};
use crate::model::session::Policy;

/// The lesson whose `compare` block this page shows.
pub const COMPARE_LESSON: &str = "same-counter-three-ways";

/// The racy, lock, actor and channel counters side by side.
#[component]
pub fn ComparePage() -> impl IntoView {
    let (course, _) = course();
    let Some(lesson) = course.lesson(COMPARE_LESSON) else {
        return view! {
            <section class="page">
                <h1>"Compare"</h1>
                <p class="notice" role="alert">"The comparison lesson is missing from this build of the course."</p>
            </section>
        }
        .into_any();
    };
    let (programs, errors): (Vec<_>, Vec<_>) = compare_programs(lesson)
        .into_iter()
        .map(panel_program)
        .partition(Result::is_ok);
    let programs: Vec<_> = programs.into_iter().filter_map(Result::ok).collect();
    let errors: Vec<_> = errors.into_iter().filter_map(Result::err).collect();
    view! {
        <section class="page compare" aria-labelledby="page-title">
            <h1 id="page-title">"Compare"</h1>
            <p class="lead">
                "The same counter written four ways, stepped together under one scheduler. "
                "Watch the shared-memory version lose an update while the others cannot."
            </p>
            {errors.into_iter().map(|e| view! { <p class="banner banner-crash" role="alert">{e}</p> }).collect_view()}
            <PanelGroup programs=programs policy=Policy::RoundRobin label="The four counters".to_string()/>
        </section>
    }
    .into_any()
}
