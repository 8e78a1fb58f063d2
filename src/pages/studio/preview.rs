//! The live preview: the lesson rendered by the components students see.

use leptos::prelude::*;
use lesson::Lesson;

use crate::pages::lesson::LessonSection;

/// Renders `lesson` as the lesson page does; `stale` says the text has errors
/// and this is the last version that parsed.
#[component]
pub fn Preview(
    /// The last lesson that parsed.
    lesson: Signal<Option<&'static Lesson>>,
    /// True when the current text has parse errors.
    stale: Signal<bool>,
) -> impl IntoView {
    view! {
        <div class="st-preview lesson" aria-label="Preview">
            {move || stale.get().then(|| view! {
                <p class="notice st-stale" role="status">"The file has errors, so this shows the last version that read cleanly."</p>
            })}
            {move || match lesson.get() {
                Some(lesson) => view! {
                    <p class="lesson-kicker">{lesson.meta.level.as_str()}" · "{format!("about {} min", lesson.meta.minutes)}</p>
                    <h2 class="st-title">{lesson.meta.title.clone()}</h2>
                    <p class="lead">{lesson.meta.summary.clone()}</p>
                    {lesson.sections.iter().map(|s| view! { <LessonSection lesson=lesson section=s/> }).collect_view()}
                }.into_any(),
                None => view! { <p class="st-note">"Nothing to preview yet: the front matter must read cleanly first."</p> }.into_any(),
            }}
        </div>
    }
}
