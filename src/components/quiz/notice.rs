//! The notices about saved progress: data that had to be repaired, and storage that
//! does not work (the quiz then runs unsaved).

use leptos::prelude::*;

use super::store::{dismiss_notice, with_progress};
use crate::model::progress::Saving;

/// One line each, only when there is something to say.
#[component]
pub fn ProgressNotice() -> impl IntoView {
    let repaired = move || with_progress(|s| s.notice().map(str::to_string));
    let unsaved = move || {
        with_progress(|s| match s.saving() {
            Saving::Saved => None,
            Saving::Unsaved(why) => Some(why.clone()),
        })
    };
    view! {
        {move || repaired().map(|text| view! {
            <p class="quiz-notice" role="status">
                <span>{text}</span>
                <button type="button" class="quiz-button quiz-quiet" on:click=move |_| dismiss_notice()>"Dismiss"</button>
            </p>
        })}
        {move || unsaved().map(|text| view! {
            <p class="quiz-notice quiz-notice-unsaved" role="status">{text}</p>
        })}
    }
}
