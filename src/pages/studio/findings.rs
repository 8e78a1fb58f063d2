//! The checker's findings under the editor: where, what and how to fix it;
//! each one moves the caret to its place.

use leptos::prelude::*;

use crate::model::studio::findings::Finding;

/// The list of findings; `jump` is called with a finding's byte range.
#[component]
pub fn Findings(
    /// The findings to show.
    findings: Signal<Vec<Finding>>,
    /// What the checker is doing, in words.
    status: Signal<String>,
    /// Moves the caret to a byte range of the file.
    jump: Callback<(usize, usize)>,
) -> impl IntoView {
    view! {
        <div class="st-findings" aria-live="polite">
            <p class="st-status">{move || status.get()}</p>
            <ul class="ed-errors">
                {move || findings.get().into_iter().map(|f| {
                    let span = f.span;
                    let kind = if f.error { "Error" } else { "Warning" };
                    view! {
                        <li class="ed-error" class:st-warning=!f.error>
                            <button type="button" class="ed-where st-jump"
                                aria-label=format!("{kind} at line {}, column {}: go there", f.line, f.col)
                                on:click=move |_| jump.run(span)>
                                {format!("{}:{}", f.line, f.col)}
                            </button>
                            <span class="ed-message">{format!("{kind}: {}", f.message)}</span>
                            {(!f.hint.is_empty()).then(|| view! { <span class="ed-hint">{f.hint}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}
