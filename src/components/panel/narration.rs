//! The narration line (an `aria-live` region), its short log, and the detector banners.

use leptos::prelude::*;
use sim::detect::Finding;
use sim::trace::EventKind;

use crate::model::session::Policy;

/// How many earlier sentences the log keeps in view.
const LOG_LINES: usize = 5;

/// The current step in plain words, announced politely to screen readers,
/// with the few sentences before it underneath.
#[component]
pub fn Narration(
    /// The session narrated.
    session: super::driver::SessionSignal,
) -> impl IntoView {
    // Read once per step for both the line and the log.
    let sentences = Memo::new(move |_| {
        session.with(|s| {
            let world = s.world();
            let trace = world.trace();
            let total = trace.len();
            let from = total.saturating_sub(LOG_LINES + 1);
            (from..total)
                .filter_map(|i| trace.get(i))
                .filter(|e| !matches!(e.kind, EventKind::Unblock))
                .map(|e| (e.step, e.narrate(world)))
                .collect::<Vec<_>>()
        })
    });
    let current = move || match sentences.with(|all| all.last().map(|(_, text)| text.clone())) {
        Some(text) => text,
        None if session.with(|s| s.policy() == Policy::Manual) => {
            "Pick who runs next to take the first step.".to_string()
        }
        None => "Press Step (or →) to run the first step.".to_string(),
    };
    view! {
        <div class="narration">
            <p class="narration-now" aria-live="polite" aria-atomic="true">{current}</p>
            <ol class="narration-log" aria-label="Earlier steps">
                {move || {
                    let mut all = sentences.get();
                    all.pop();
                    all.into_iter()
                        .map(|(step, text)| view! { <li><span class="log-step">{step}</span>{text}</li> })
                        .collect_view()
                }}
            </ol>
        </div>
    }
}

/// One banner per detector finding so far: race, lost update, deadlock, overflow, budget.
#[component]
pub fn Banners(
    /// The session whose findings show.
    session: super::driver::SessionSignal,
) -> impl IntoView {
    // The banners change only when a new kind of finding turns up or the count
    // grows; a memo keeps the other steps from redrawing them.
    let banners = Memo::new(move |_| {
        session.with(|s| {
            let world = s.world();
            // One banner per kind: the first finding, and how many more.
            let mut shown: Vec<(&'static str, &'static str, String, usize)> = Vec::new();
            for f in world.findings() {
                let (kind, title) = banner_kind(f);
                match shown.iter_mut().find(|b| b.0 == kind) {
                    Some(b) => b.3 += 1,
                    None => shown.push((kind, title, f.narrate(world), 0)),
                }
            }
            shown
        })
    });
    view! {
        <div class="banners">
            {move || {
                banners.get()
                    .into_iter()
                    .map(|(kind, title, text, more)| {
                        let more = (more > 0).then(|| format!(" (and {more} more)"));
                        view! {
                            <p class=format!("banner banner-{kind}") role="status">
                                <strong>{title}</strong>
                                " "
                                {text}
                                {more}
                            </p>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// The banner's CSS suffix and headline for a finding.
fn banner_kind(finding: &Finding) -> (&'static str, &'static str) {
    match finding {
        Finding::Race { .. } => ("race", "Data race."),
        Finding::LostUpdate { .. } => ("lost", "Lost update."),
        Finding::Overflow { .. } => ("overflow", "Overflow."),
        Finding::Deadlock(_) => ("deadlock", "Deadlock."),
        Finding::Budget { .. } => ("budget", "Stopped."),
    }
}
