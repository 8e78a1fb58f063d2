//! The home page: the course path.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::course::course;

/// The course path, lesson by lesson.
#[component]
pub fn HomePage() -> impl IntoView {
    let (course, problems) = course();
    let total: u32 = course.lessons.iter().map(|l| l.meta.minutes).sum();
    view! {
        <section class="page home" aria-labelledby="page-title">
            <h1 id="page-title">"Lessons"</h1>
            <p class="lead">
                "Learn the Actor model and CSP by watching small programs run, one step at a time. "
                {format!("{} lessons, about {} hours in all.", course.lessons.len(), total.div_ceil(60))}
            </p>
            {(!problems.is_empty()).then(|| view! {
                <p class="banner banner-crash" role="alert">
                    {format!("{} lesson file(s) could not be read and are left out.", problems.len())}
                </p>
            })}
            <ol class="course-path">
                {course
                    .lessons
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        view! {
                            <li class="lesson-card">
                                <span class="lesson-number" aria-hidden="true">{i + 1}</span>
                                <div class="lesson-card-body">
                                    <h2><A href=format!("/lessons/{}", l.meta.id)>{l.meta.title.clone()}</A></h2>
                                    <p>{l.meta.summary.clone()}</p>
                                    <p class="lesson-meta">{format!("about {} min", l.meta.minutes)}</p>
                                </div>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}
