//! The home page: the course path, with each lesson's saved progress.

use leptos::prelude::*;
use leptos_router::components::A;
use lesson::Lesson;

use crate::components::quiz::store::{update_progress, with_progress};
use crate::course::{course, course_title};
use crate::model::quiz::{lesson_questions, QuestionRef};

/// The course path, lesson by lesson, with a done tick from saved progress.
#[component]
pub fn HomePage() -> impl IntoView {
    let (course, problems) = course();
    let total: u32 = course.lessons.iter().map(|l| l.meta.minutes).sum();
    let count = course.lessons.len();
    let done = move || {
        with_progress(|s| {
            course
                .lessons
                .iter()
                .filter(|l| s.progress().is_done(&l.meta.id))
                .count()
        })
    };
    view! {
        <section class="page home" aria-labelledby="page-title">
            <h1 id="page-title">{course_title()}</h1>
            <p class="lead">
                "Learn the Actor model and CSP by watching small programs run, one step at a time. "
                {format!("{count} lessons, about {} hours in all.", total.div_ceil(60))}
            </p>
            {(!problems.is_empty()).then(|| view! {
                <p class="banner banner-crash" role="alert">
                    {format!("{} lesson file(s) could not be read and are left out.", problems.len())}
                </p>
            })}
            <p class="home-progress">
                {move || match done() {
                    0 => "Your progress is saved in this browser as you go.".to_string(),
                    n if n == count => format!("All {count} lessons done. Well done!"),
                    n => format!("{n} of {count} lessons done."),
                }}
            </p>
            <ol class="course-path">
                {course
                    .lessons
                    .iter()
                    .enumerate()
                    .map(|(i, l)| view! { <LessonCard number=i + 1 lesson=l/> })
                    .collect_view()}
            </ol>
        </section>
    }
}

/// One lesson on the path: title, summary, done tick, quiz score and "mark as done".
#[component]
fn LessonCard(number: usize, lesson: &'static Lesson) -> impl IntoView {
    let id = lesson.meta.id.clone();
    let keys: Vec<String> = lesson_questions(lesson)
        .iter()
        .map(QuestionRef::key)
        .collect();
    let questions = keys.len();
    let is_done = {
        let id = id.clone();
        move || with_progress(|s| s.progress().is_done(&id))
    };
    // "quiz: 3 of 5 right" once something is answered; until then just the size.
    let quiz_text = move || {
        with_progress(|s| {
            let answers: Vec<_> = keys.iter().filter_map(|k| s.progress().answer(k)).collect();
            if answers.is_empty() {
                format!(
                    "quiz: {questions} question{}",
                    if questions == 1 { "" } else { "s" }
                )
            } else {
                let right = answers.iter().filter(|a| a.correct).count();
                format!("quiz: {right} of {questions} right")
            }
        })
    };
    let toggle = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            let now = event_target_checked(&ev);
            update_progress(|p| p.set_done(&id, now));
        }
    };
    let title = lesson.meta.title.clone();
    let done_label = format!("“{title}” done");
    let done_for_class = is_done.clone();
    let done_for_tick = is_done.clone();
    let done_for_box = is_done.clone();
    view! {
        <li class=move || if done_for_class() { "lesson-card lesson-card-done" } else { "lesson-card" }>
            <span class="lesson-number" aria-hidden="true">
                {move || if is_done() { "✓".to_string() } else { number.to_string() }}
            </span>
            <div class="lesson-card-body">
                <h2>
                    <A href=crate::app::link(&format!("/lessons/{id}"))>{title.clone()}</A>
                    <Show when=done_for_tick.clone()>
                        <span class="lesson-done-tick">" ✓ done"</span>
                    </Show>
                </h2>
                <p>{lesson.meta.summary.clone()}</p>
                <p class="lesson-meta">
                    {format!("about {} min", lesson.meta.minutes)}
                    {(questions > 0).then(|| view! {
                        " · "
                        <A href=crate::app::link(&format!("/quiz?lesson={id}"))>{quiz_text}</A>
                    })}
                    " · "
                    <label class="lesson-done-toggle">
                        <input type="checkbox" prop:checked=done_for_box on:change=toggle
                            aria-label=done_label/>
                        "done"
                    </label>
                </p>
            </div>
        </li>
    }
}
