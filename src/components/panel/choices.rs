//! "You choose" mode: the enabled choices of one session as buttons.

use leptos::prelude::*;

use crate::model::session::{Policy, Session};

use super::driver::SessionSignal;

/// One button per enabled choice, shown only when the student is the scheduler.
#[component]
pub fn Choices(
    /// The session the buttons step.
    session: SessionSignal,
) -> impl IntoView {
    let manual = move || session.with(|s| s.policy() == Policy::Manual);
    view! {
        <Show when=manual>
            <div class="choices" role="group" aria-label="Who runs next?">
                <span class="choices-label">"Who runs next?"</span>
                {move || {
                    let options = session.with(Session::options);
                    if options.is_empty() {
                        return view! { <span class="choices-none">"Nothing can run."</span> }.into_any();
                    }
                    options
                        .into_iter()
                        .map(|o| {
                            let choice = o.choice;
                            let colour = choice
                                .pid()
                                .map(|p| format!("proc-{}", p.0 % 6))
                                .unwrap_or_default();
                            view! {
                                <button type="button" class=format!("choice {colour}")
                                    on:click=move |_| { session.update(|s| { s.choose(choice); }); }>
                                    {o.label}
                                </button>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </div>
        </Show>
    }
}
